"""How `accord eval` decides that a predicted event answers a gold one (GOLD.md: type, date, place or actor)."""

from __future__ import annotations

from accord.evaluate import DocScores, Score, actor_canonicalizer, score_events

PLACE = {"name": "Kabul", "admin1": "Kabul", "country": "Afghanistan", "lat": 34.5, "lon": 69.2}


def _score(gold: dict, predicted: dict, canonical=None) -> Score:
    scores = DocScores()
    if canonical:
        score_events([gold], [predicted], scores, canonical)
    else:
        score_events([gold], [predicted], scores)
    return scores.events


def _event(**fields) -> dict:
    return {"type": "ASSAULT", "date": "2020-03-04", "location": None, "actor1": None, "actor2": None,
            "text": "A bomb went off."} | fields


def test_a_country_level_gold_place_accepts_a_place_inside_that_country():
    assert _score(_event(location="Afghanistan"), _event(location=PLACE)).tp == 1


def test_a_place_in_another_country_does_not_agree():
    assert _score(_event(location="Pakistan"), _event(location=PLACE)).tp == 0


def test_a_gold_alias_agrees_with_the_canonical_actor_it_names():
    gold = _event(actor1="Afghan security forces")
    predicted = _event(actor1="Afghan government")
    assert _score(gold, predicted).tp == 0
    assert _score(gold, predicted, actor_canonicalizer()).tp == 1


def test_canonical_names_do_not_make_different_actors_agree():
    assert _score(_event(actor1="Taliban"), _event(actor1="Afghan government"), actor_canonicalizer()).tp == 0
