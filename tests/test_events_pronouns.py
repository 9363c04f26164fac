"""Pronouns as actors: "I"/"we" are the speaker's side (transcript turn, statement author, quoted speaker),
"he"/"she" the person named just before. Sentences are written for the tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events_of(events_of):
    return lambda text, title=None: events_of(text, "2021-08-16", title)


def _of_type(events, kind: str):
    return next(e for e in events if e.type == kind)


STRIKE = "We launched airstrikes against Taliban positions in Kandahar on Monday."


def test_we_in_a_transcript_turn_is_the_speakers_side(events_of):
    text = f"PRESIDENT BIDEN: Thank you all for coming.\n\n{STRIKE}\n\nQ: Will there be more?\n\nPRESIDENT BIDEN: Yes."
    assert _of_type(events_of(text), "ASSAULT").actor1 == "United States"


def test_we_in_a_statement_is_its_titled_authors_side(events_of):
    title = "Statement by President Joe Biden on Afghanistan"
    assert _of_type(events_of(STRIKE, title), "ASSAULT").actor1 == "United States"


def test_we_without_a_known_speaker_stays_unknown(events_of):
    assert _of_type(events_of(STRIKE, "Airstrikes in Kandahar"), "ASSAULT").actor1 != "United States"


def test_a_question_in_a_transcript_speaks_for_nobody(events_of):
    text = f"PRESIDENT BIDEN: Thank you.\n\nQ: {STRIKE}"
    assert _of_type(events_of(text), "ASSAULT").actor1 != "United States"


def test_he_is_the_person_named_just_before(events_of):
    text = "Ashraf Ghani spoke to reporters on Monday. He cancelled the talks with the Taliban on Sunday."
    assert _of_type(events_of(text), "REJECT").actor1 == "Ashraf Ghani"


def test_he_in_a_transcript_is_not_the_speaker_of_the_turn(events_of):
    text = ("PRESIDENT BIDEN: Thank you.\n\nQ: Ghani spoke on Monday.\n\nPRESIDENT BIDEN: Yes. "
            "He cancelled the talks with the Taliban on Sunday.")
    assert _of_type(events_of(text), "REJECT").actor1 == "Ashraf Ghani"
