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


def test_it_inside_a_subject_relative_clause_is_the_group_the_clause_hangs_from(events_of):
    text = "Officials met the Taliban, which has fought the army in Mali since it was toppled from power in 2012."
    toppling = _of_type(events_of(text), "ASSAULT")
    assert toppling.actor2 == "Taliban"
    assert toppling.actor1 is None  # the relative clause's doer is not the doer of its passive adverbial clause


def test_it_inside_an_object_relative_clause_is_not_the_antecedent(nlp):
    from accord.extract.actors import Actor, ActorMention
    from accord.extract.pronouns import relative_antecedent
    from accord.nlp import make_doc

    def antecedent_of_it(text: str) -> Actor | None:
        doc = nlp(make_doc(nlp, "t", text, "2021-08-16", None))
        group = next(t for t in doc if t.text == "Taliban")
        it = next(t for t in doc if t.lower_ == "it")
        return relative_antecedent(it, [ActorMention(group.i, group.i + 1, Actor("Taliban", "armed group"))])

    assert antecedent_of_it("Diplomats praised the Taliban, whom the army says it defeated.") is None
    assert antecedent_of_it("Diplomats praised the Taliban, which says it defeated the army.") == Actor(
        "Taliban", "armed group")


def test_my_predecessor_in_a_presidents_statement_is_the_previous_president(events_of):
    title = "Statement by President Joe Biden on Afghanistan"
    events = events_of("My predecessor signed an agreement with the Taliban in February 2020.", title)
    assert events[0].actor1 == "Donald Trump"


def test_my_predecessor_without_a_known_speaker_is_nobody_in_particular(events_of):
    events = events_of("My predecessor signed an agreement with the Taliban in February 2020.")
    assert events[0].actor1 != "Donald Trump"


def test_a_country_after_in_is_the_site_not_the_doer(events_of):
    mentions = events_of("While envoys signed a truce with the Taliban in Qatar on Friday, the minister flew to Cairo.")
    assert mentions and all(m.actor1 != "Qatar" for m in mentions)
