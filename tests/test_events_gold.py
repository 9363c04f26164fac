"""Event extraction on the gold articles: every annotated article yields some events.

The score floors live in tests/eval_baseline.json and are checked by tests/test_eval_gate.py.
"""

from __future__ import annotations

import pytest

from accord.evaluate import load_gold, predictions_from_db
from conftest import GOLD


@pytest.mark.slow
def test_every_gold_article_yields_some_events(gold_store):
    predictions = predictions_from_db(gold_store)
    missing = [g["doc"] for g in load_gold(GOLD) if g["events"] and not predictions.events.get(g["doc"])]
    assert missing == []
