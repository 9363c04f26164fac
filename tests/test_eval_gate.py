"""The evaluation gate: the gold scores of every half may not fall below the pinned baseline.

`tests/eval_baseline.json` holds the figures measured at the last change of extraction, for all gold
documents and for each half (`tune`, `check`: a fixed hash of the document id). It is rewritten with
`accord eval --db DB --write-baseline tests/eval_baseline.json` after a measured improvement; a floor
is never lowered silently, because the file's diff shows every figure that moved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.evaluate import GATED, evaluate, gold_fingerprint, load_gold, predictions_from_db, split_summaries
from conftest import GOLD

BASELINE = Path(__file__).with_name("eval_baseline.json")
TOLERANCE = 0.005  # extraction is deterministic; this only absorbs rounding in the file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def measured(gold_store):
    return split_summaries(evaluate(load_gold(GOLD), predictions_from_db(gold_store)))


def _baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def test_the_baseline_was_measured_on_the_gold_that_is_here():
    if not GOLD.exists():
        pytest.skip("../shared/corpus/gold is not beside the repo")
    assert _baseline()["gold_fingerprint"] == gold_fingerprint(GOLD), (
        "the gold files changed: re-measure and rewrite tests/eval_baseline.json (accord eval --write-baseline)")


@pytest.mark.parametrize("split", ["all", "tune", "check"])
@pytest.mark.parametrize("figure", GATED)
def test_gold_scores_do_not_fall_below_the_baseline(measured, split, figure):
    pinned = _baseline()["scores"][split][figure]
    now = measured[split][figure]
    if pinned is None:
        return
    assert now is not None and now >= pinned - TOLERANCE, f"{split} {figure}: {now:.4f} < baseline {pinned:.4f}"


def test_no_date_or_duration_is_predicted_as_a_claim(measured):
    assert measured["all"]["dates_as_claims"] == 0
