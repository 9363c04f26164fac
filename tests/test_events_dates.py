"""Event dates on sentences written for the tests: named historical happenings, dates from context."""

from __future__ import annotations

from functools import partial

import pytest


@pytest.fixture(scope="module")
def events_of(events_of):
    return partial(events_of, published="2019-09-08")


def _assaults(events):
    return [e for e in events if e.type == "ASSAULT"]


def test_named_attacks_take_their_own_day_place_and_actors(events_of):
    [assault] = _assaults(events_of("The hijackers who carried out the 9/11 attacks had trained in camps abroad."))
    assert (assault.date, assault.date_precision) == ("2001-09-11", "day")
    assert assault.location["name"] == "United States"
    assert assault.actor2 == "United States"


def test_plain_day_of_a_named_attack_years_later_is_the_named_attack(events_of):
    [assault] = _assaults(events_of("Soldiers went abroad to fight the men who attacked New York on September 11th.",
                                    published="2021-08-14"))
    assert assault.date == "2001-09-11"


def test_plain_day_just_before_publication_is_that_recent_day(events_of):
    [assault] = _assaults(events_of("Militants attacked the embassy in Kabul on September 11th.",
                                    published="2019-09-13"))
    assert assault.date == "2019-09-11"


def test_named_day_of_another_year_is_not_the_named_attack(events_of):
    events = _assaults(events_of("Gunmen attacked a checkpoint in Herat on 9/11 of 2019.", published="2020-01-05"))
    assert all(e.date != "2001-09-11" for e in events)


def test_named_attack_is_not_folded_into_a_recent_attack(events_of):
    events = events_of("A car bomb exploded in Kabul on Thursday. \n\nThe bombing came days before the "
                       "anniversary of the September 11, 2001, terrorist attacks.", published="2019-09-07")
    assert {e.date for e in _assaults(events)} == {"2019-09-05", "2001-09-11"}


def test_report_without_a_time_continues_the_day_given_just_before(events_of):
    events = events_of("The army commander spoke to reporters in Kabul on Saturday. \n\nHe also criticized the "
                       "Taliban for the wave of violence.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert (accuse.date, accuse.date_precision) == ("2019-09-07", "day")


def test_an_old_day_just_before_does_not_date_a_report(events_of):
    events = events_of("The ceasefire was agreed on August 1. \n\nTaliban fighters attacked a convoy in Ghazni.")
    assert (_assaults(events)[0].date, _assaults(events)[0].date_precision) == ("2019-09", "month")


def test_a_photo_caption_date_does_not_date_the_next_report(events_of):
    events = events_of("Protesters burn tyres in Kabul, Afghanistan September 5, 2019. \n\nTaliban fighters "
                       "attacked a convoy in Ghazni.")
    assert (_assaults(events)[0].date, _assaults(events)[0].date_precision) == ("2019-09", "month")


def test_date_on_a_coordinated_verb_dates_the_event(events_of):
    events = events_of("Hundreds of protesters gathered outside the ministry and blocked the road in Kabul on "
                       "Friday.")
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.date == "2019-09-06"


def test_a_since_date_is_not_the_day_of_the_happening(events_of):
    events = events_of("The two sides have signed an agreement in Doha to end the war fought since 2001.",
                       published="2020-02-29")
    support = next(e for e in events if e.type == "SUPPORT")
    assert support.date != "2001"


def test_undated_article_dates_an_attack_last_week_by_its_latest_full_date(events_of):
    events = events_of("The statement was issued on September 7, 2019. \n\nCiting an attack in Kabul last week, "
                       "the president cancelled the talks.", published=None)
    assert (_assaults(events)[0].date, _assaults(events)[0].date_precision) == ("2019-09", "month")


def test_a_date_in_another_triggers_clause_is_not_this_events_date(events_of):
    events = events_of("The rebels have shelled the town every night since the truce was signed on August 2.",
                       published="2019-09-08")
    assault = _assaults(events)[0]
    assert assault.date != "2019-08-02"


def test_a_date_on_the_topic_of_a_trigger_is_shared(events_of):
    events = events_of("The envoy is scheduled to meet the foreign minister in Paris today on the sidelines of a "
                       "summit on the crisis.", published="2019-09-08")
    assert {e.date for e in events if e.type == "CONSULT"} == {"2019-09-08"}


def test_a_weekday_on_a_past_reporting_verb_is_the_last_one(events_of):
    events = events_of("Late on Sunday, the president announced that the troops would be leaving the country.",
                       published="2019-10-08")
    retreat = next(e for e in events if e.type == "RETREAT")
    assert retreat.date == "2019-10-06"


def test_a_possessive_weekday_of_an_upcoming_happening_is_the_coming_day(events_of):
    events = events_of("The two sides are poised to sign a peace deal on Saturday. Saturday's ceremony marks the "
                       "end of a long war.", published="2020-02-28")
    assert {e.date for e in events if e.type == "SUPPORT"} == {"2020-02-29"}


def test_a_possessive_weekday_of_a_past_happening_is_the_last_day(events_of):
    events = events_of("Militants stormed a base on Saturday. Saturday's attack killed ten soldiers.",
                       published="2020-02-28")
    assert {e.date for e in _assaults(events)} == {"2020-02-22"}


def test_the_parties_of_a_summit_are_its_actors(events_of):
    events = events_of("The president had planned to meet the king a day before the summit of NATO members in "
                       "Brussels on Thursday.", published="2015-05-10")
    summit = next(e for e in events if e.type == "CONSULT")
    assert "NATO" in (summit.actor1, summit.actor2)


def test_a_present_perfect_in_a_relative_clause_gets_no_publication_month(events_of):
    events = events_of("The army will guard the prisoners, whom several governments have refused to take back.",
                       published="2019-10-08")
    assert all(e.date is None for e in events if e.type == "REJECT")
    assert any(e.type == "REJECT" for e in events)


def test_a_present_perfect_report_gets_the_publication_month(events_of):
    events = events_of("Several governments have refused to take back the prisoners.", published="2019-10-08")
    assert {e.date for e in events if e.type == "REJECT"} == {"2019-10"}


def test_a_past_report_in_a_relative_clause_dates_the_reports_after_it(events_of):
    # The day hangs from "held" inside a where-clause of a present sentence; two undated sentences and a
    # schedule stand between it and the report it dates.
    events = events_of("Many rebels live in the hills, where the general held talks on Saturday with a governor. "
                       "\n\nMore talks are scheduled for Monday. \n\nThe general said he did not know who planned it. "
                       "\n\nBut the general praised Pakistan for its support.")
    [praise] = [e for e in events if e.type == "SUPPORT"]
    assert praise.date == "2019-09-07"


def test_an_until_date_ends_a_state_and_is_not_the_day_of_a_happening(events_of):
    events = events_of("Mr. Smith, who was the special envoy to the coalition until December, also criticized "
                       "the decision.", published="2019-10-08")
    [criticism] = [e for e in events if e.type == "ACCUSE"]
    assert criticism.date == "2019-10"


def test_a_present_perfect_with_a_curly_contraction_gets_the_publication_month(events_of):
    events = events_of("They’ve attacked the convoy in Ghazni.")
    assert (_assaults(events)[0].date, _assaults(events)[0].date_precision) == ("2019-09", "month")


def test_when_clause_takes_the_month_of_a_dropped_hypothetical_clause(events_of):
    events = events_of("The rebels were on the verge of signing a truce in May when the government cancelled the "
                       "negotiations.")
    [reject] = [e for e in events if e.type == "REJECT"]
    assert (reject.date, reject.date_precision) == ("2019-05", "month")


def test_main_clause_takes_the_date_of_its_when_clause(events_of):
    events = events_of("When militants bombed a market in Kandahar in May, the government cancelled the negotiations.")
    [reject] = [e for e in events if e.type == "REJECT"]
    assert reject.date == "2019-05"


def test_after_clause_takes_the_month_of_the_dated_clause(events_of):
    events = events_of("The government cancelled the negotiations in May after militants bombed a market in Kandahar.")
    assert _assaults(events)[0].date == "2019-05"


def test_after_clause_does_not_take_the_day_of_the_dated_clause(events_of):
    events = events_of("The government cancelled the negotiations on Saturday after militants bombed a market in "
                       "Kandahar.")
    [assault] = _assaults(events)
    assert assault.date != "2019-09-07"


def test_before_phrase_does_not_borrow_a_date_from_a_clause_on_the_other_happening(events_of):
    events = events_of("He visited Ghani at his palace before meeting Abdullah, both of whom say they are the "
                       "rightful leader following a disputed vote in May.")
    assert all(e.date != "2019-05" for e in events if e.type == "CONSULT" and e.detail == "meeting")


def test_last_week_in_a_sunday_article_is_the_week_just_gone_by(events_of):
    events = events_of("The ceasefire deal worked out last week by the envoy was in doubt.")
    [agree] = [e for e in events if e.type == "AGREE"]
    assert (agree.date, agree.date_precision) == ("2019-09", "month")


def test_when_clause_takes_the_month_of_a_clause_that_reports_no_happening(events_of):
    events = events_of("The rebels had been negotiating for months and were close to a truce in May when the "
                       "president abruptly cancelled the process.", published="2019-09")
    [reject] = [e for e in events if e.type == "REJECT"]
    assert reject.date == "2019-05"


def test_a_decision_told_on_a_day_is_not_dated_by_that_day(events_of):
    events = events_of("Responding on Monday to the decision to cancel the talks, the rebels said the move hurt.")
    assert all(e.date != "2019-09-02" for e in events if e.type == "REJECT")


def test_happening_in_an_after_clause_does_not_take_the_main_clause_day(events_of):
    events = events_of("The army launched an offensive on Wednesday after the rebels pulled back from the area.",
                       published="2021-03-12")
    retreat = [e for e in events if e.type == "RETREAT"][0]
    assert retreat.date == "2021-03"


def test_a_withdrawal_that_has_begun_is_not_planned(events_of):
    events = events_of("The first phase of the withdrawal has already begun in the north.")
    assert [e for e in events if e.type == "RETREAT" and not e.planned]


def test_a_withdrawal_that_is_to_begin_is_planned(events_of):
    events = events_of("The withdrawal is to begin next month in the north.")
    assert [e for e in events if e.type == "RETREAT" and e.planned]
