"""Quotes on the gold articles: offsets index the stored text and no quote crosses a paragraph.

The score floors live in tests/eval_baseline.json and are checked by tests/test_eval_gate.py.
"""

from __future__ import annotations

import pytest

from accord.store import Store


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
