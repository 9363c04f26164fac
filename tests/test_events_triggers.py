"""Trigger words, their typing and the filters that tell a reported happening from a described thing, on
sentences written for the tests."""

from __future__ import annotations

import pytest


def _of_type(events, kind: str):
    return [e for e in events if e.type == kind]


def test_subject_that_came_under_attack_is_the_target(events_of):
    events = events_of("A NATO convoy came under attack near Kandahar on Sunday.")
    assault = _of_type(events, "ASSAULT")[0]
    assert assault.actor2 == "NATO"
    assert assault.actor1 is None


def test_subject_that_came_under_shelling_is_the_target(events_of):
    events = events_of("Observers from the United Nations came under shelling on Sunday.")
    assault = _of_type(events, "ASSAULT")[0]
    assert assault.actor2 == "United Nations"


def test_passive_relative_clause_describes_its_noun(events_of):
    events = events_of("A new mission, whose mandate was agreed upon by all sides, arrived in Kabul on Monday.")
    assert not _of_type(events, "AGREE")


def test_dated_passive_relative_clause_still_reports(events_of):
    events = events_of("The rebels broke the truce, which was agreed upon on Monday.")
    assert _of_type(events, "AGREE")


def test_truce_word_modifying_a_document_is_no_truce(events_of):
    events = events_of("Officials said the truce agreement reached in Geneva on Monday had been broken 40 times.")
    assert not [e for e in events if e.mode == "ceasefire"]


def test_broken_truce_is_no_new_truce(events_of):
    events = events_of("The truce in Idlib was broken by the army on Monday.")
    assert not [e for e in events if e.mode == "ceasefire"]


def test_declared_truce_is_still_a_truce(events_of):
    events = events_of("The rebels declared a cease-fire in Idlib on Monday.")
    assert [e for e in events if e.mode == "ceasefire"]


@pytest.mark.parametrize("sentence, kind", [
    ("Diplomats worked out a deal with the rebels in Geneva on Monday.", "AGREE"),  # an accord worked out
    ("Under the accord, the army withdrew from the border on Monday.", "RETREAT"),  # done under an accord
])
def test_reports_of_a_happening(events_of, sentence, kind):
    assert _of_type(events_of(sentence), kind)


@pytest.mark.parametrize("sentence, kind", [
    ("Diplomats worked on a deal with the rebels in Geneva on Monday.", "AGREE"),  # work on, not work out
    ("The rebels reached an accord on Monday for the release of 500 prisoners.", "RETREAT"),  # what it is for
    ("A deal has emerged that would see the army withdraw from the border.", "RETREAT"),  # what it would see
    ("Under the accord, the army would withdraw from the border within a month.", "RETREAT"),  # its terms
    ("The troops still faced a deadline to withdraw from the country.", "RETREAT"),  # a deadline
    ("The rebels used the valley as a base for attacks on the capital, officials said on Monday.", "ASSAULT"),
])
def test_no_happening_of_that_kind(events_of, sentence, kind):
    assert not _of_type(events_of(sentence), kind)


def test_suspending_aid_is_a_sanction(events_of):
    events = events_of("Germany suspended aid to the government in Kabul on Monday.")
    sanction = _of_type(events, "SANCTION")[0]
    assert sanction.mode == "withdraw"


def test_suspending_talks_stays_a_rejection(events_of):
    events = events_of("Germany suspended talks with the government in Kabul on Monday.")
    assert _of_type(events, "REJECT") and not _of_type(events, "SANCTION")


def test_endangering_security_is_no_threat(events_of):
    events = events_of("The militia threatened the security of the region on Monday, officials said.")
    assert not _of_type(events, "THREATEN")


def test_threatening_someone_is_a_threat(events_of):
    events = events_of("The militia threatened the government with new attacks on Monday.")
    assert _of_type(events, "THREATEN")


def test_site_of_a_blast_names_a_place(events_of):
    events = events_of("Mourners gathered on Monday at the site of a blast in Kandahar.")
    assert not _of_type(events, "ASSAULT")


def test_agreement_to_sign_is_no_signing(events_of):
    events = events_of("An official said an agreement to sign the accord in Geneva appeared close on Monday.")
    assert not _of_type(events, "SUPPORT")


def test_rocket_fire_is_an_assault_on_who_came_under_it(events_of):
    events = events_of("A NATO base came under rocket fire near Kandahar on Sunday.")
    assault = _of_type(events, "ASSAULT")[0]
    assert assault.detail == "rocket fire"
    assert assault.actor2 == "NATO"


def test_coming_under_fire_from_critics_is_no_assault(events_of):
    events = events_of("The NATO chief came under fire from critics in Brussels on Sunday.")
    assert not _of_type(events, "ASSAULT")


def test_killing_in_a_passive_relative_clause_is_still_an_assault(events_of):
    events = events_of("The army buried a soldier who was killed in Kandahar.")
    assert _of_type(events, "ASSAULT")


def test_working_on_an_evacuation_is_still_an_evacuation(events_of):
    events = events_of("Aid groups worked with the army on the evacuation of civilians from Kunduz on Monday.")
    assert _of_type(events, "AID")


def test_what_a_signed_deal_will_bring_stays_planned(events_of):
    events = events_of("Under the deal signed on Saturday, foreign troops will withdraw from the country in a year.")
    retreat = _of_type(events, "RETREAT")
    assert retreat and retreat[0].planned is True


def test_suspending_a_program_over_fraud_is_no_sanction(events_of):
    events = events_of("The visa program was suspended on Monday because of a fraud inquiry.")
    assert not _of_type(events, "SANCTION")


def test_denied_plans_deny_the_happening(events_of):
    assert events_of("The ministry said there are no current plans to send more troops to the border.") == []
    assert events_of("Officials said they had no intention of withdrawing the garrison.") == []


def test_announced_plans_stay_a_planned_happening(events_of):
    mentions = events_of("The ministry announced plans to deploy 3,000 troops to the border next week.")
    assert [(m.type, m.planned) for m in mentions] == [("MOBILIZE", True)]




def test_armed_doer_that_targeted_a_party_is_an_assault(events_of):
    events = events_of("Four gunmen targeted the ruling party in Mosul on Friday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_campaign_that_targeted_voters_is_no_assault(events_of):
    assert not _of_type(events_of("The rebel campaign targeted young voters in the south last month."), "ASSAULT")


def test_official_not_authorized_to_discuss_reports_no_meeting(events_of):
    events = events_of("An aide, speaking on condition of anonymity because he was not authorized to discuss the "
                       "case with reporters, said the army attacked the camp on Monday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_forces_not_permitted_to_withdraw_have_not_withdrawn(events_of):
    assert not _of_type(events_of("The brigade was not permitted to withdraw from the town on Friday."), "RETREAT")


def test_a_ministry_that_protested_makes_a_diplomatic_complaint(events_of):
    events = events_of("The Norwegian foreign ministry protested on Monday against the seizure of the tanker.")
    assert "ACCUSE" in [e.type for e in events] and not _of_type(events, "PROTEST")


def test_a_country_that_protested_makes_a_diplomatic_complaint(events_of):
    assert _of_type(events_of("Norway protested the incursion on Tuesday."), "ACCUSE")


def test_students_who_protested_demonstrated(events_of):
    events = events_of("Thousands of students protested in Oslo on Monday.")
    assert _of_type(events, "PROTEST") and not _of_type(events, "ACCUSE")


def test_meeting_about_a_release_is_a_meeting_and_the_release_its_topic(events_of):
    events = events_of("The two sides held a virtual meeting on prisoner releases in Geneva on Sunday.")
    assert _of_type(events, "CONSULT")
    assert not _of_type(events, "RETREAT")


@pytest.mark.parametrize(("text", "event_type"), [
    ("The talks stalled in Doha over a disagreement over the release of prisoners.", "RETREAT"),
    ("The commission expressed concern about the prisoner release in a letter on Monday.", "RETREAT"),
    ("The deal on sending troops to the region angered the opposition on Monday.", "MOBILIZE"),
], ids=["release-argued-over-in-a-dispute", "release-a-concern-is-about", "what-an-accord-is-on"])
def test_the_topic_of_a_dispute_concern_or_accord_is_no_happening(events_of, text, event_type):
    assert not _of_type(events_of(text), event_type)


def test_cancelled_summit_is_still_the_topic_of_the_cancellation(events_of):
    events = events_of("The militia cancelled the summit in Oslo on Monday.")
    assert _of_type(events, "REJECT") and not _of_type(events, "CONSULT")


def test_troops_sent_on_a_day_are_a_deployment(events_of):
    assert _of_type(events_of("The government sent troops to the region on Monday."), "MOBILIZE")
