"""Quote extraction on the gold-annotated shared corpus must not fall below what it reached.

Reached on the 16 gold articles: direct F1 0.982, all F1 0.927, end-to-end F1 0.891,
speaker accuracy 0.961, said_on accuracy 0.927 (51/55). The floors leave a small margin.
"""

from __future__ import annotations

import pytest

from accord.evaluate import evaluate, load_gold, predictions_from_db, summary
from accord.store import Store
from conftest import GOLD

FLOORS = {
    "quotes_direct_f1": 0.96,
    "quotes_all_f1": 0.90,
    "quotes_end_to_end_f1": 0.86,
    "speaker_acc": 0.93,
    "said_on_acc": 0.90,
}


@pytest.fixture(scope="module")
def quote_scores(gold_store):
    return summary(evaluate(load_gold(GOLD), predictions_from_db(gold_store)).overall)


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_quote_scores_stay_above_the_floor(quote_scores, metric):
    assert quote_scores[metric] >= FLOORS[metric], f"{metric} = {quote_scores[metric]:.3f}"


@pytest.mark.slow
def test_every_quote_text_is_the_stored_text_at_its_offsets(gold_store):
    with Store(gold_store, read_only=True) as store:
        rows = store.rows("""SELECT q.text, substr(d.clean_text, q.start + 1, q."end" - q.start) AS at_offsets
                             FROM quotes q JOIN documents d ON d.id = q.doc""")
    assert rows
    assert all(r["text"] == r["at_offsets"] for r in rows)


@pytest.mark.slow
def test_no_quote_crosses_a_paragraph_break(gold_store):
    with Store(gold_store, read_only=True) as store:
        texts = [r["text"] for r in store.rows("SELECT text FROM quotes WHERE direct")]
    assert texts and not any("\n" in t for t in texts)
