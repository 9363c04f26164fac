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


# --- comparable measure, span and scope -------------------------------------------------------------

SPAN = ("2020-06-03", "2020-07-20")
HOME_DOCS = [{"id": "m", "published": "2020-07-25", "duplicate_of": None,
              "clean_text": "Fighting went on in Kunduz and in Helmand. Officials in Kabul spoke."},
             {"id": "t", "published": "2020-07-26", "duplicate_of": None,
              "clean_text": "The group issued a statement. Clashes were reported in Ghazni."},
             {"id": "x", "published": "2020-07-26", "duplicate_of": None,
              "clean_text": "Troops patrolled the streets in Mosul and in Basra."}]


def test_one_sides_count_with_its_change_contests_the_other_sides_count_for_the_same_span():
    rows = find_contests([
        _claim("m", 1900, measure="Taliban attacks", claimant="Interior Ministry", change=20, period=SPAN,
               text="The ministry said Taliban attacks rose 20% to 1,900 over the period."),
        _claim("t", 212, measure="Taliban strikes", claimant="Taliban", change=-30, period=SPAN,
               text="The insurgents said its strikes had fallen 30% to 212."),
    ], HOME_DOCS)
    assert len(rows) == 1
    assert sorted((c["value"], c["change_percent"]) for c in rows[0]["claims"]) == [(212, -30), (1900, 20)]
    assert "(-30%)" in rows[0]["note"] and "(+20%)" in rows[0]["note"]


def test_a_one_province_one_day_count_is_not_set_against_a_national_six_week_count():
    national = _claim("m", 1900, measure="Taliban attacks", claimant="Interior Ministry", period=SPAN,
                      text="Across Afghanistan, Taliban attacks numbered 1,900.")
    provincial = _claim("t", 40, measure="Taliban attacks", claimant="Taliban", period=("2020-06-10", "2020-06-10"),
                        text="The group said it carried out 40 attacks in Kunduz province that day.")
    same_doc = dict(provincial, doc="m")
    assert find_contests([national, provincial], HOME_DOCS) == []
    assert find_contests([national, same_doc], HOME_DOCS) == []


def test_overlapping_spans_of_different_lengths_are_not_the_same_figure():
    june = _claim("m", 300, measure="Taliban attacks", period=("2020-06", "2020-06"), claimant="ministry",
                  text="In Afghanistan, attacks reached 300.")
    longer = _claim("t", 1900, measure="Taliban attacks", period=SPAN, claimant="Taliban",
                    text="In Afghanistan, attacks reached 1,900.")
    assert find_contests([june, longer], HOME_DOCS) == []


def test_a_country_named_for_another_reason_is_not_the_scope():
    rows = find_contests([
        _claim("m", 1900, measure="Taliban attacks", claimant="Interior Ministry", period=SPAN,
               text="Taliban attacks numbered 1,900, the ministry said, blaming the deal with the United States."),
        _claim("t", 212, measure="Taliban attacks", claimant="Taliban", period=SPAN,
               text="The group said its attacks numbered 212."),
    ], HOME_DOCS)
    assert len(rows) == 1 and "in Afghanistan" in rows[0]["note"]


def test_unplaced_totals_compare_only_within_the_country_their_articles_are_about():
    rows = find_contests([
        _claim("m", 1900, measure="Taliban attacks", claimant="ministry", period=SPAN, text="Attacks numbered 1,900."),
        _claim("x", 212, measure="Taliban attacks", claimant="group", period=SPAN, text="Attacks numbered 212."),
    ], HOME_DOCS)
    assert rows == []


def test_unplaced_tolls_of_a_happening_in_two_articles_are_not_compared():
    assert find_contests([_claim("m", 12, text="The blast killed 12."), _claim("t", 190, text="It killed 190.")],
                         HOME_DOCS) == []
