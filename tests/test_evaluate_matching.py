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


def test_a_type_the_gold_allows_as_an_alternative_matches():
    gold = _event(type="AGREE", type_alternatives=["SUPPORT"], actor1="Taliban")
    assert _score(gold, _event(type="SUPPORT", actor1="Taliban")).tp == 1
    assert _score(gold, _event(type="REJECT", actor1="Taliban")).tp == 0


def test_a_gold_event_without_a_date_is_not_scored_on_its_date():
    gold = _event(date=None, actor1="Taliban")
    assert _score(gold, _event(date="2019-05-02", actor1="Taliban")).tp == 1
    assert _score(gold, _event(date=None, actor1="Taliban")).tp == 1


def test_the_split_is_a_fixed_function_of_the_document_id_and_halves_a_set():
    from accord.evaluate import select_split, split_of

    ids = [f"doc-{i}" for i in range(400)]
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    tune = select_split([{"doc": i} for i in ids], "tune")
    check = select_split([{"doc": i} for i in ids], "check")
    assert len(tune) + len(check) == 400 and 150 < len(tune) < 250
    assert not {d["doc"] for d in tune} & {d["doc"] for d in check}
