"""A process noun as the subject of a verb that says the process began, went on or ended is the happening
(data/event_aspect.yaml), on sentences written for the tests."""

from __future__ import annotations

import pytest

from accord.extract.events.aspect import aspect_lexicon, singular_forms


def _of_type(events, kind: str):
    return [e for e in events if e.type == kind]


@pytest.mark.parametrize("text", [
    "Talks between the envoys began in Oslo on Saturday.",
    "The negotiations started last year in Vienna.",
    "Peace Negotiations began on 12 September in Nairobi.",
    "A dialogue between the two parties was launched in Addis Ababa.",
    "Talks got under way in Geneva on Monday.",
    "Direct negotiations kicked off in Muscat on Tuesday.",
])
def test_talks_as_subject_of_an_aspectual_verb_are_a_meeting(events_of, text):
    assert _of_type(events_of(text), "CONSULT")


def test_capitalised_process_noun_keeps_the_date_of_its_verb(events_of):
    consult = _of_type(events_of("Peace Negotiations began on 12 February in Nairobi."), "CONSULT")[0]
    assert consult.date == "2020-02-12"


@pytest.mark.parametrize("text", [
    "The truce came into force on Monday in the north.",
    "The ceasefire took effect at midnight on Sunday across the province.",
])
def test_truce_that_takes_effect_is_a_ceasefire(events_of, text):
    assert [e for e in events_of(text) if e.type == "RETREAT" and e.mode == "ceasefire"]


@pytest.mark.parametrize("text", [
    "The withdrawal of the peacekeepers began in the north on Monday.",
    "The pullout of the brigade was completed on Friday near the border.",
])
def test_withdrawal_that_begins_or_is_completed_is_a_retreat(events_of, text):
    assert [e for e in events_of(text) if e.type == "RETREAT" and e.mode == "withdraw"]


def test_talks_about_talks_are_a_topic(events_of):
    assert not _of_type(events_of("Analysts said talks about talks are unlikely to help."), "CONSULT")


def test_start_of_the_talks_delayed_is_no_meeting(events_of):
    assert not _of_type(events_of("The start of the talks was delayed by a dispute over seating."),
                        "CONSULT")


def test_talks_that_could_start_are_a_possibility(events_of):
    assert not _of_type(events_of("Negotiations could start next month in Vienna, a diplomat said."), "CONSULT")


def test_talks_expected_to_begin_are_planned(events_of):
    consult = _of_type(events_of("The talks are expected to begin in April in Doha."), "CONSULT")
    assert consult and consult[0].planned


def test_process_noun_as_object_of_another_verb_is_not_made_a_happening(events_of):
    assert not [e for e in events_of("Critics questioned the pullout in a letter.") if e.type == "RETREAT"]


def test_plural_proper_noun_gives_its_singulars():
    assert "negotiation" in singular_forms("negotiations")
    assert "clash" in singular_forms("clashes")
    assert singular_forms("process") == ()


def test_aspect_lexicon_reads_phrases_and_types():
    lexicon = aspect_lexicon()
    assert "off" in lexicon.phrases["kick"]
    assert lexicon.nouns["talk"].type == "CONSULT"
    assert lexicon.nouns["truce"].mode == "ceasefire"
