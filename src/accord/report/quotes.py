"""`accord quotes`: who said what, when, and where it was reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from rich.markup import escape
from rich.table import Table

from accord import queries


def find_quotes(db: str | Path, speaker: str | None = None, since: str | None = None,
                limit: int | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Quotes with their document's source, newest first (`accord.queries.quotes`, which the report and the
    dashboard read too): `speaker` matches any part of the canonical name, an alias or the role, in any case;
    `since`/`until` keep quotes said (or, when the day is unknown, published) between ISO dates."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        found: list[dict[str, Any]] = []
        while True:  # page through: one query answers at most queries.MAX_LIMIT rows
            page = queries.quotes(con, speaker, since, until, limit=queries.MAX_LIMIT, offset=len(found))
            found += page.rows
            if len(found) >= page.total or (limit and len(found) >= limit):
                return found[:limit] if limit else found
    finally:
        con.close()


def quotes_table(rows: list[dict[str, Any]], width: int = 160) -> Table:
    table = Table(title=f"accord quotes ({len(rows)})")
    for column in ("speaker", "date", "quote", "source"):
        table.add_column(column, overflow="fold")
    for row in rows:  # article text is untrusted: a "[bold]" in it is text, not rich markup
        who = escape(row["speaker"] or "—")
        if row["speaker_org"]:
            who += f"\n[dim]{escape(row['speaker_org'])}[/dim]"
        shown = row["text"] if len(row["text"]) <= width else row["text"][:width] + "…"
        text = escape(shown) if row["direct"] else f"[italic]{escape(shown)}[/italic]"
        table.add_row(who, row["said_on"] or f"[dim]{row['published'] or '?'}[/dim]", text,
                      f"{escape(row['source'] or '')}\n[dim]{escape(row['doc'])}[/dim]")
    return table
