"""`accord contests`: contested figures side by side, with claimant and source document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

from accord.store import Store


def load_contests(db: str | Path) -> list[dict[str, Any]]:
    with Store(db, read_only=True) as store:
        return store.rows("SELECT * FROM contests ORDER BY period_start, measure")


def _figure(claim: dict[str, Any]) -> str:
    change = f" ({claim['change_percent']:+g}%)" if claim.get("change_percent") is not None else ""
    return f"{claim['value']:,.0f}{change}"


def contest_tables(contests: list[dict[str, Any]], text_width: int = 90) -> list[Table]:
    """One table per contest: each claim's figure, claimant, document and sentence."""
    tables = []
    for contest in contests:
        table = Table(title=f"{contest['measure']}  [{contest['period_start']} .. {contest['period_end']}]",
                      caption=contest["note"], title_justify="left", caption_justify="left", show_edge=False)
        for column in ("figure", "claimant", "document", "sentence"):
            # a document id cut in two cannot be pasted into `accord show`; the sentence wraps instead
            table.add_column(column, overflow="fold", no_wrap=column == "document")
        for claim in sorted(contest["claims"], key=lambda c: c["value"]):
            sentence = claim.get("text") or ""
            if len(sentence) > text_width:
                sentence = sentence[:text_width - 1] + "…"
            table.add_row(_figure(claim), claim.get("claimant") or "(article)", claim["doc"], sentence)
        tables.append(table)
    return tables
