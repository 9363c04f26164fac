"""Event extraction on sentences written for the tests: type, mode, actors, place, date and PLOVER's
auxiliary distinctions (negated, hypothetical, planned)."""

from __future__ import annotations

import pytest

from accord.nlp import make_doc


def test_airstrike_is_an_aerial_assault_with_actors_place_and_date(events_of):
    events = events_of("U.S. aircraft carried out an airstrike on Taliban fighters in Helmand province on Wednesday.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.mode == "aerial"
    assert assault.actor1 == "United States"
    assert assault.actor2 == "Taliban"
    assert assault.location["admin1"] == "Helmand"
    assert assault.date == "2020-03-04"
    assert assault.planned is False


def test_negated_attack_is_not_an_event(events_of):
    assert not [e for e in events_of("There were no strikes on the capital on Tuesday.") if e.type == "ASSAULT"]


def test_conditional_attack_is_not_an_event(events_of):
    events = events_of("Officials warned that talks would end if the Taliban attack the city.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_scheduled_negotiations_are_planned(events_of):
    events = events_of("Negotiations between the Taliban and the Afghan government are scheduled to begin on "
                       "March 10.", published="2020-02-29")
    consult = next(e for e in events if e.type == "CONSULT")
    assert consult.planned is True
    assert consult.date == "2020-03-10"


def test_fatalities_from_killed_count(events_of):
    events = events_of("Insurgents attacked a checkpoint in Kunduz on Monday and killed more than a dozen police "
                       "officers.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.fatalities == 12
    assert assault.actor1 == "Taliban"


def test_count_of_attacks(events_of):
    events = events_of("The militants launched 17 attacks on army outposts in Faryab on Sunday.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.count == 17


def test_signing_is_support(events_of):
    events = events_of("The United States and the Taliban signed the agreement in Doha on Saturday.")
    support = next(e for e in events if e.type == "SUPPORT")
    assert support.location["name"] == "Doha"
    assert {support.actor1, support.actor2} >= {"United States"}


def test_calling_off_talks_is_a_rejection_not_a_meeting(events_of):
    events = events_of("President Trump called off the talks with the Taliban on Saturday.")
    assert [e.type for e in events] == ["REJECT"]
    assert events[0].mode == "meet"


def test_same_happening_twice_in_one_article_is_one_event(events_of):
    events = events_of("A suicide bomber attacked a market in Kandahar on Thursday. \n\nThe attack in Kandahar "
                       "on Thursday was claimed by the Taliban.")
    assert len([e for e in events if e.type == "ASSAULT"]) == 1


def test_no_publication_month_guess_without_a_past_report(events_of):
    events = events_of("The Taliban are holding talks in Doha.", published=None)
    assert all(e.date is None for e in events)


def test_undated_past_report_gets_the_publication_month(events_of):
    events = events_of("Taliban fighters attacked a convoy in Ghazni.", published="2019-09-08")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert (assault.date, assault.date_precision) == ("2019-09", "month")


def test_present_perfect_report_gets_the_publication_month(events_of):
    events = events_of("The Taliban have attacked a convoy in Ghazni.", published="2019-09-08")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert (assault.date, assault.date_precision) == ("2019-09", "month")


def test_past_perfect_report_gets_no_publication_month(events_of):
    events = events_of("The Taliban had attacked a convoy in Ghazni.", published="2019-09-08")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.date is None


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("The president had a phone conversation with the Turkish leader on Monday.", "CONSULT", "phone"),
    ("The president asked for the defence minister's resignation on Monday.", "REQUEST", None),
    ("The president asked for his resignation, and the minister tendered it on Tuesday.", "RETREAT", "resign"),
    ("The White House announced on Sunday that American troops would be leaving Syria.", "RETREAT", "withdraw"),
    ("The former president drew American forces down to 2,500 in January.", "RETREAT", "withdraw"),
    ("The government ended its military mission in Iraq last month.", "RETREAT", "withdraw"),
    ("The two rivals cut a deal in Geneva on Friday.", "AGREE", None),
    ("Hundreds of fighters died in the battle for Mosul in July.", "ASSAULT", None),
])
def test_lexicon_triggers(events_of, text, type_, mode):
    assert (type_, mode) in {(e.type, e.mode) for e in events_of(text)}


def test_threat_named_by_the_reported_verb(events_of):
    events = events_of("Both armies warned on Monday they would retaliate if the truce was broken.")
    assert "THREATEN" in {e.type for e in events}


def test_deal_named_before_its_verb(events_of):
    events = events_of("The rebels rejected the deal cut by the two envoys in Geneva on Friday.")
    assert "AGREE" in {e.type for e in events}


@pytest.mark.parametrize("text", [
    "The two sides were on the verge of signing a peace agreement in May.",
    "A peace agreement can be signed within weeks, officials said.",
])
def test_signing_that_did_not_happen_is_not_an_event(events_of, text):
    assert "SUPPORT" not in {e.type for e in events_of(text)}


def test_halting_the_fighting_is_a_ceasefire_not_an_assault(events_of):
    types = [e.type for e in events_of("The rebels ordered their fighters to halt fighting on Friday.")]
    assert types == ["RETREAT"]


@pytest.mark.parametrize(("text", "type_"), [
    ("The deal paves the way for the troops to withdraw next year.", "RETREAT"),
    ("The rebels said they were ready to talk and agree to a truce.", "AGREE"),
    ("The senator praised his talks with North Korea.", "CONSULT"),
])
def test_what_is_only_made_possible_or_named_as_a_topic_is_not_an_event(events_of, text, type_):
    assert type_ not in {e.type for e in events_of(text)}


def test_talks_at_a_place_are_a_happening(events_of):
    assert "CONSULT" in {e.type for e in events_of("The envoys described the talks in Doha as useful.")}


def test_meeting_conditions_is_not_a_meeting(events_of):
    events = events_of("Troops will leave the bases on Monday as long as the rebels met the conditions of the deal.")
    assert "CONSULT" not in {e.type for e in events}


def test_meeting_a_person_is_a_meeting(events_of):
    assert "CONSULT" in {e.type for e in events_of("The envoy met the rebel commander in Doha on Monday.")}


def test_potential_meeting_is_not_an_event(events_of):
    events = events_of("The papers reported on a potential meeting in Doha next week.")
    assert "CONSULT" not in {e.type for e in events}


def test_being_met_with_a_response_is_not_a_meeting(events_of):
    events = events_of("Any attack on the base on Monday will be met with a swift military response.")
    assert "CONSULT" not in {e.type for e in events}


def test_signing_of_the_named_accord_is_the_reported_signing(events_of):
    events = events_of("The United States and the Taliban signed a peace deal in Doha on Saturday. \n\nMinutes before "
                       "the deal was signed, Pakistan and Qatar welcomed it in Kabul.", published="2020-03-01")
    # "welcomed it" is an event of its own (SUPPORT, praise); the signing is reported once.
    assert len([e for e in events if e.type == "SUPPORT" and "signing" in (e.detail or "")]) == 1


def test_earlier_dated_assault_in_the_same_sentence_is_its_own_event(events_of):
    events = events_of("Monday's attack in Kabul was the deadliest since an assault on Ghazni in August 2018.",
                       published="2020-03-04")
    assert sorted(e.date for e in events if e.type == "ASSAULT") == ["2018-08", "2020-03-02"]


def test_assaults_reported_by_two_coordinated_verbs_are_two_events(events_of):
    events = events_of("Taliban fighters launched fresh assaults on Kunduz and carried out two suicide bombings in "
                       "Kabul on Monday.", published="2020-03-04")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_also_reports_one_more_happening(events_of):
    events = events_of("The United States sanctioned the Iranian general in 2007. \n\nThe United States had also "
                       "sanctioned the militia leader.", published="2020-01-05")
    assert len([e for e in events if e.type == "SANCTION"]) == 2


@pytest.mark.parametrize("text", [
    "The agreement proposes talks between the two governments in Geneva.",
    "The joint statement called for a safe zone along the border on Monday.",
    "The rebels issued a statement saying they will respect the truce and urging a return to talks.",
])
def test_what_a_document_asks_for_is_content_not_a_request(events_of, text):
    assert "REQUEST" not in {e.type for e in events_of(text)}


def test_a_minister_calling_for_talks_is_a_request(events_of):
    assert "REQUEST" in {e.type for e in events_of("The minister called for talks in Geneva on Monday.")}


@pytest.mark.parametrize("text", [
    "The rebel leaders were going to meet the president in Geneva on Sunday.",
    "The president said he had planned a secret meeting with the rebels in Geneva on Sunday.",
    "The rebel leaders were to meet the envoy in Geneva on Sunday, but the talks were called off.",
])
def test_plan_told_in_the_past_is_not_a_meeting(events_of, text):
    assert "CONSULT" not in {e.type for e in events_of(text, published="2019-09-09")}


def test_planned_meeting_is_still_an_event(events_of):
    events = events_of("The rebel leaders are going to meet the president in Geneva on Sunday.",
                       published="2019-09-06")
    assert "CONSULT" in {e.type for e in events}


def test_a_war_toll_is_not_a_killing_event(events_of):
    events = events_of("The war in Yemen has killed more than 1,400 people since March 19, officials said.",
                       published="2015-05-10")
    assert "ASSAULT" not in {e.type for e in events}


def test_modal_on_the_governing_verb_makes_a_noun_trigger_hypothetical(events_of):
    events = events_of("Negotiators struck a draft deal that could have led to a withdrawal of troops from Syria.")
    assert "RETREAT" not in {e.type for e in events}


@pytest.mark.parametrize("text", [
    "The rebels have so far refused to talk to the government in Kabul.",
    "The rebels have long rejected talks with the government in Kabul.",
])
def test_a_stance_held_over_time_is_not_an_event(events_of, text):
    assert "REJECT" not in {e.type for e in events_of(text)}


def test_how_long_asks_about_a_happening(events_of):
    assert "SANCTION" in {e.type for e in events_of("How long has the officer been sentenced to in Minneapolis?")}


def test_ceasefire_given_as_a_reason_is_not_an_event(events_of):
    events = events_of("The king cancelled plans to attend the summit in Paris because of the cease-fire.")
    assert "RETREAT" not in {e.type for e in events}


def test_naming_something_is_not_calling_on_anyone(events_of):
    assert "REQUEST" not in {e.type for e in events_of(
        "The minister spoke out against the raid on Monday, calling it an aggression on the state.")}
    assert "REQUEST" in {e.type for e in events_of("The minister on Monday called on both parties to stop fighting.")}


@pytest.mark.parametrize("text", [
    "The rebels have carried out near-daily attacks against army posts in the north.",
    "The monitors said increased airstrikes have contributed to a rise in deaths.",
    "Many villagers are killed by roadside bombs planted by the rebels.",
])
def test_a_rate_trend_habit_or_toll_is_not_an_assault(events_of, text):
    assert "ASSAULT" not in {e.type for e in events_of(text)}


def test_a_dated_attack_with_a_plain_modifier_stays_an_assault(events_of):
    assert "ASSAULT" in {e.type for e in events_of("The rebels carried out two attacks on army posts on Monday.")}


def test_rejecting_any_talks_is_a_stance(events_of):
    assert "REJECT" not in {e.type for e in events_of("The group has rejected any direct talks with the government.")}
    assert "REJECT" in {e.type for e in events_of("The group on Monday rejected the talks with the government.")}


def test_a_happening_named_by_its_day_refers_back_to_the_report(events_of):
    text = ("U.S. aircraft carried out an airstrike on a Taliban base in Helmand on Thursday. The Taliban buried "
            "fighters who died in Thursday's airstrike in Kandahar.")
    assert len([e for e in events_of(text, published="2020-03-07") if e.type == "ASSAULT"]) == 1
    first_report = events_of("Thursday's attack in Kunduz killed five soldiers.", published="2020-03-07")
    assert len([e for e in first_report if e.type == "ASSAULT"]) == 1


def test_one_decision_told_twice_with_different_places_is_one_event(events_of):
    text = ("President Smith called off the talks with the Taliban at Camp David on Saturday. On Saturday he said he "
            "scrapped the meeting with the Taliban after an attack in Kabul.")
    assert len([e for e in events_of(text) if e.type == "REJECT"]) == 1


def test_slammed_is_a_criticism(events_of):
    events = events_of("The president slammed the rebel leaders on Thursday for their attacks.")
    assert [e for e in events if e.type == "ACCUSE" and e.mode == "disapprove"]


def test_history_dated_by_a_year_does_not_join_the_undated_news():
    from accord.extract.events import dedupe
    from accord.models import EventMention

    def assault(date: str | None, precision: str | None, start: int) -> EventMention:
        return EventMention(doc="t", type="ASSAULT", mode=None, detail="attack", date=date, date_precision=precision,
                            planned=False, location=None, actor1="Taliban", actor2=None, count=None, fatalities=None,
                            text="x", start=start, end=start + 1)

    news, history = assault(None, None, 0), assault("2001", "year", 10)
    assert len(dedupe([news, history])) == 2
    assert len(dedupe([news, assault("2019-05-03", "day", 10)])) == 1


def test_may_answered_by_but_concedes_a_fact(events_of):
    conceded = events_of("Our soldiers may be leaving, but our support for the country is not ending.")
    assert [e for e in conceded if e.type == "RETREAT"]
    possible = events_of("Our soldiers may be leaving the country next year.")
    assert not [e for e in possible if e.type == "RETREAT"]
    bare = events_of("The rebels may attack the city, but the army is ready.")
    assert not [e for e in bare if e.type == "ASSAULT"]


def test_a_short_verbless_quote_is_a_term_not_speech(nlp):
    from accord.extract.events import is_quoted_term

    text = 'A two-week "reduction in violence" took effect, and he said "we will attack the city" later.'
    doc = nlp(make_doc(nlp, "t", text, "2020-03-06"))
    term, speech = "reduction in violence", "we will attack the city"
    assert is_quoted_term(doc, text.index(term), text.index(term) + len(term))
    assert not is_quoted_term(doc, text.index(speech), text.index(speech) + len(speech))


def test_an_undated_report_with_its_own_time_is_another_happening(events_of):
    text = ("Rebel gunmen launched an attack on a police station in Herat.\n\n"
            "In March, the rebels attacked a police post in Herat, killing two officers.")
    assert len([e for e in events_of(text, published=None) if e.type == "ASSAULT"]) == 2


def test_a_verb_told_as_a_habit_is_not_a_happening(events_of):
    assert not [e for e in events_of("We met many times in Geneva over the years.") if e.type == "CONSULT"]
    assert not [e for e in events_of("The rebels have repeatedly attacked the convoy.") if e.type == "ASSAULT"]
    assert [e for e in events_of("We met in Geneva on Monday.") if e.type == "CONSULT"]


def test_no_killing_when_there_had_not_been_one(events_of):
    events = events_of("There had not been a soldier killed in the province since March.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_meeting_a_challenge_or_being_able_to_deploy_is_no_event(events_of):
    assert not [e for e in events_of("We must meet these new challenges together.") if e.type == "CONSULT"]
    assert not [e for e in events_of("Its units are able to deploy within two days.") if e.type == "MOBILIZE"]
