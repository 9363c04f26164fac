"""Trigger words, their typing and the filters that tell a reported happening from a described thing, on
sentences written for the tests."""

from __future__ import annotations


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
