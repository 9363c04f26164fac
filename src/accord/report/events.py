"""`accord events` (a block of lines per event: id, documents, sentence) and the demo's events table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from rich.markup import escape
from rich.table import Table

from accord import queries
from accord.queries import PLOVER_TYPES  # noqa: F401 - re-exported for older imports


def list_events(db: str | Path, event_type: str | None = None, actor: str | None = None, place: str | None = None,
                since: str | None = None, until: str | None = None, doc: str | None = None,
                limit: int | None = None) -> list[dict[str, Any]]:
    """Merged events, oldest first (undated last), filtered as `accord.queries.events`; all of them without
    `limit`. Raises ValueError on an unknown type or a malformed date."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        found: list[dict[str, Any]] = []
        while True:  # page through: the query caps one page at queries.MAX_LIMIT rows
            page = queries.events(con, event_type, actor, place, since, until, doc,
                                  limit=queries.MAX_LIMIT, offset=len(found))
            found += page.rows
            if len(found) >= page.total or (limit is not None and len(found) >= limit):
                return found[:limit]
    finally:
        con.close()


def events_table(events: list[dict[str, Any]], total: int | None = None) -> Table:
    """One row per event; the mode goes under the type and actor2 under actor1, so that it fits 80 columns (the
    demo's summary). `event_lines` gives the id, the documents and the sentence too."""
    shown = f"{len(events)}" if total is None or total == len(events) else f"{len(events)} of {total}"
    table = Table(title=f"events ({shown})", show_edge=False)
    for column in ("date", "type", "detail", "actors", "location", "killed", "docs"):
        # a date or a PLOVER type cut in the middle ("2020-0 / 2-29") is unreadable; the text columns wrap
        table.add_column(column, no_wrap=column in ("date", "type", "killed", "docs"), overflow="fold",
                         justify="right" if column in ("killed", "docs") else "left")
    for event in events:
        table.add_row(
            (event.get("date") or "") + ("\n(planned)" if event.get("planned") else ""),
            event["type"] + (f"\n[dim]{escape(event['mode'])}[/dim]" if event.get("mode") else ""),
            escape(event.get("detail") or ""), escape(_actors(event)), escape(_place(event)),
            _killed(event), str(len(event.get("docs") or [])),
        )
    return table


def event_lines(events: list[dict[str, Any]], total: int | None = None) -> list[str]:
    """`accord events`: a block of plain lines per event (printed unwrapped, whatever the width): id, date, type,
    what; actors, place, deaths; every reporting document; the sentence with its document and offsets."""
    lines = []
    for event in events:
        kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
        date = (event.get("date") or "undated") + (" (planned)" if event.get("planned") else "")
        lines.append("  ".join(p for p in (event.get("id") or "", date, kind, event.get("detail") or "") if p))
        facts = [f"actors: {_actors(event).replace(chr(10), ' ')}" if event.get("actor1") else "",
                 f"place: {_place(event)}" if _place(event) else "",
                 f"killed: {_killed(event)}" if _killed(event) else ""]
        if any(facts):
            lines.append("  " + "   ".join(f for f in facts if f))
        lines.append("  reported in: " + ", ".join(event.get("docs") or []))
        if event.get("sentence_doc"):
            lines.append(f"  sentence: {event['sentence_doc']} [{event['start']}:{event['end']}] "
                         + " ".join((event.get("text") or "").split()))
    shown = len(events) if total is None or total == len(events) else f"{len(events)} of {total}"
    lines.append(f"{shown} event(s)")
    return lines


def _place(event: dict[str, Any]) -> str:
    location = event.get("location") or {}
    return ", ".join(dict.fromkeys(p for p in (location.get("name"), location.get("country")) if p))


def _killed(event: dict[str, Any]) -> str:
    return "" if event.get("fatalities") is None else f"{event['fatalities']:g}"


def _actors(event: dict[str, Any]) -> str:
    """Actor1, then "→ actor2" on its own line when there is one."""
    actor1, actor2 = event.get("actor1") or "", event.get("actor2") or ""
    return f"{actor1}\n→ {actor2}" if actor2 else actor1
