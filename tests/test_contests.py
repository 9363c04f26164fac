"""Contests on hand-made claim rows (no corpus text)."""

from __future__ import annotations

import pytest

from accord.link.contests import bounds, find_contests, measure_key


def _claim(doc, value, measure="people killed", claimant=None, qualifier=None, text="An attack in Kabul.",
           change=None, period=(None, None)):
    return {"doc": doc, "value": value, "qualifier": qualifier, "measure": measure, "claimant": claimant,
            "period_start": period[0], "period_end": period[1], "change_percent": change, "text": text}


DOCS = [{"id": "a", "published": "2020-05-02", "duplicate_of": None},
        {"id": "b", "published": "2020-05-03", "duplicate_of": None},
        {"id": "c", "published": "2020-05-03", "duplicate_of": "a"},
        {"id": "d", "published": "2020-08-20", "duplicate_of": None}]


def test_two_sources_with_incompatible_tolls_for_the_same_place_and_days_are_a_contest():
    rows = find_contests([_claim("a", 12, claimant="police"), _claim("b", 190, claimant="Taliban")], DOCS)
    assert len(rows) == 1
    assert sorted(c["value"] for c in rows[0]["claims"]) == [12, 190]
    assert {c["claimant"] for c in rows[0]["claims"]} == {"police", "Taliban"}


def test_figures_within_tolerance_or_compatible_bounds_are_not_contested():
    close = [_claim("a", 100), _claim("b", 110)]
    bounded = [_claim("a", 5, qualifier="at least"), _claim("b", 40)]
    assert find_contests(close, DOCS) == []
    assert find_contests(bounded, DOCS) == []


def test_a_duplicate_never_contests_its_original():
    assert find_contests([_claim("a", 12), _claim("c", 190)], DOCS) == []


def test_different_kinds_places_or_times_are_not_compared():
    kinds = [_claim("a", 12), _claim("b", 190, measure="people wounded")]
    places = [_claim("a", 12), _claim("b", 190, text="An attack in Herat.")]
    times = [_claim("a", 12), _claim("d", 190)]
    assert find_contests(kinds, DOCS) == []
    assert find_contests(places, DOCS) == []
    assert find_contests(times, DOCS) == []


def test_opposite_directions_of_change_are_a_contest():
    rows = find_contests([
        _claim("a", 2000, measure="insurgent attacks", change=-30, period=("2020-01", "2020-03")),
        _claim("b", 2100, measure="insurgent attacks", change=15, period=("2020-01", "2020-03")),
    ], DOCS)
    assert len(rows) == 1 and rows[0]["period_start"] == "2020-01-01"


def test_one_article_quoting_two_claimants_can_hold_a_contest_without_a_place():
    rows = find_contests([
        _claim("a", 12, claimant="governor's spokesman", text="The attack killed twelve."),
        _claim("a", 190, claimant="Taliban", text="The militants said 190 died."),
    ], DOCS)
    assert len(rows) == 1


def test_measure_keys_and_bounds():
    assert measure_key("Taliban fighters killed").kind == "deaths"
    assert "Taliban" in measure_key("Taliban fighters killed").actors
    assert measure_key("points in the agreement") is None
    assert bounds(5, "at least") == (5, float("inf"))
    assert bounds(100, "about") == pytest.approx((85, 115))
