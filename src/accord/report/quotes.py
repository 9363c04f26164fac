"""`accord quotes`: who said what, when, and where it was reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

from accord.store import Store


def find_quotes(db: str | Path, speaker: str | None = None, since: str | None = None,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes with their document's source, newest first.

    `speaker` matches the canonical name, any alias from the people table, or the
    organisation/role (case-insensitive substring); `since` keeps quotes said (or,
    when the day is unknown, published) on or after an ISO date.
    """
    where, params = [], []
    if speaker:
        pattern = f"%{speaker.lower()}%"
        where.append("""(lower(q.speaker) LIKE ? OR lower(q.speaker_org) LIKE ? OR q.speaker IN (
                           SELECT name FROM people p WHERE EXISTS (
                             SELECT 1 FROM unnest(p.aliases) AS a(alias) WHERE lower(a.alias) LIKE ?)))""")
        params += [pattern, pattern, pattern]
    if since:
        where.append("coalesce(q.said_on, d.published) >= ?")
        params.append(since)
    sql = f"""SELECT q.speaker, q.speaker_org, q.said_on, q.text, q.direct, q.doc, d.source, d.published
              FROM quotes q JOIN documents d ON d.id = q.doc
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY coalesce(q.said_on, d.published) DESC NULLS LAST, q.doc, q.start"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    with Store(db, read_only=True) as store:
        return store.rows(sql, params)


def quotes_table(rows: list[dict[str, Any]], width: int = 160) -> Table:
    table = Table(title=f"accord quotes ({len(rows)})")
    for column in ("speaker", "date", "quote", "source"):
        table.add_column(column, overflow="fold")
    for row in rows:
        who = row["speaker"] or "—"
        if row["speaker_org"]:
            who += f"\n[dim]{row['speaker_org']}[/dim]"
        words = row["text"] if row["direct"] else f"[italic]{row['text']}[/italic]"
        text = words if len(row["text"]) <= width else words[:width] + "…"
        table.add_row(who, row["said_on"] or f"[dim]{row['published'] or '?'}[/dim]", text,
                      f"{row['source'] or ''}\n[dim]{row['doc']}[/dim]")
    return table
