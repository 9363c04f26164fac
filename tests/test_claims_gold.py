"""Regression guard: claims scores on the gold articles must not fall below what was reached.

Reached when written (accord eval on the 16 gold articles): claims F1 0.990, claimant accuracy 0.953,
no dates or durations predicted as claims. The floors leave a small margin.
"""

from __future__ import annotations

import pytest

from accord.evaluate import evaluate, load_gold, predictions_from_db, summary

pytestmark = pytest.mark.slow


def test_claims_scores_on_gold_do_not_regress(gold_store):
    from conftest import GOLD

    scores = summary(evaluate(load_gold(GOLD), predictions_from_db(gold_store)).overall)
    assert scores["claims_f1"] >= 0.95
    assert scores["claims_p"] >= 0.93 and scores["claims_r"] >= 0.93
    assert scores["claimant_acc"] is not None and scores["claimant_acc"] >= 0.88
    assert scores["dates_as_claims"] == 0
