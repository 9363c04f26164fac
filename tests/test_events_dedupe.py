"""In-document dedupe keeps apart what one writer tells as different happenings: an answer to an attack,
an attack told at a distance in time, the assault another one answers. Sentences written for the tests."""

from __future__ import annotations

from accord.extract.events.dedupe import answers
from accord.models import EventMention


def mention(actor1=None, actor2=None, date=None, precision=None, location=None) -> EventMention:
    return EventMention(doc="t", type="ASSAULT", mode=None, detail=None, date=date, date_precision=precision,
                        planned=False, location=location, actor1=actor1, actor2=actor2, count=None,
                        fatalities=None, text="", start=0, end=0)


def test_a_report_with_the_roles_reversed_and_a_day_of_its_own_answers_the_first():
    assert answers(mention("Taliban", None), mention("Afghan government", "Taliban", "2024-05-07", "day"))


def test_reversed_roles_without_a_place_or_day_of_their_own_are_not_enough():
    assert not answers(mention("Taliban", None), mention("Afghan government", "Taliban"))


def test_the_same_doer_is_no_answer():
    assert not answers(mention("Taliban", "Afghan government"), mention("Taliban", None, "2024-05-07", "day"))


def test_an_answer_in_the_next_sentence_is_its_own_event(events_of):
    events = events_of("Taliban fighters attacked a government checkpoint in Kandahar province. In response, the "
                       "Afghan army bombed the Taliban on Tuesday.", "2024-05-10")
    assert [(e.actor1, e.actor2) for e in events if e.type == "ASSAULT"] == [
        ("Taliban", None), ("Afghan government", "Taliban")]


def test_the_same_attack_told_again_with_its_day_stays_one_event(events_of):
    events = events_of("Taliban fighters attacked a government checkpoint in Kandahar province. The Taliban attacked "
                       "the checkpoint with rockets on Tuesday, the Afghan army said.", "2024-05-10")
    assert [(e.date, e.actor1) for e in events if e.type == "ASSAULT"] == [("2024-05-07", "Taliban")]


def test_the_assault_another_answers_in_one_sentence_is_its_own_event(events_of):
    events = events_of("Jets bombed rebel positions in Idlib on Tuesday in retaliation for an attack on a "
                       "checkpoint.", "2024-05-10")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_an_attack_after_which_another_came_is_its_own_event(events_of):
    events = events_of("The army shelled the town on Monday after a raid on its outskirts.", "2024-05-10")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_a_killing_in_the_same_sentence_is_still_the_attacks_outcome(events_of):
    events = events_of("A rocket attack killed four soldiers in Kabul on Monday.", "2024-05-10")
    assert len([e for e in events if e.type == "ASSAULT"]) == 1


def test_an_act_on_a_document_already_named_is_the_act_reported(events_of):
    events = events_of("The rebels rejected a ceasefire proposal in Doha on Monday. Fighting flared in Herat after "
                       "the proposal was rejected.", "2024-05-10")
    assert [(e.type, (e.location or {}).get("name")) for e in events if e.type == "REJECT"] == [("REJECT", "Doha")]
