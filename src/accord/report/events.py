"""`accord events`: the merged events of a store as a table, optionally of one PLOVER type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

from accord.store import Store

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def list_events(db: str | Path, event_type: str | None = None) -> list[dict[str, Any]]:
    """Merged events, oldest first (undated last); `event_type` filters by PLOVER type."""
    if event_type and event_type.upper() not in PLOVER_TYPES:
        raise ValueError(f"unknown event type '{event_type}' (choose from {', '.join(PLOVER_TYPES)})")
    query = "SELECT * FROM events"
    params: list[Any] = []
    if event_type:
        query += " WHERE type = ?"
        params.append(event_type.upper())
    with Store(db, read_only=True) as store:
        return store.rows(query + " ORDER BY date NULLS LAST, type, id", params)


def events_table(events: list[dict[str, Any]]) -> Table:
    """One row per event; the mode goes under the type and actor2 under actor1, so that it fits 80 columns."""
    table = Table(title=f"events ({len(events)})", show_edge=False)
    for column in ("date", "type", "detail", "actors", "location", "killed", "docs"):
        # a date or a PLOVER type cut in the middle ("2020-0 / 2-29") is unreadable; the text columns wrap
        table.add_column(column, no_wrap=column in ("date", "type", "killed", "docs"), overflow="fold",
                         justify="right" if column in ("killed", "docs") else "left")
    for event in events:
        location = event.get("location") or {}
        place = ", ".join(dict.fromkeys(p for p in (location.get("name"), location.get("country")) if p))
        table.add_row(
            (event.get("date") or "") + ("\n(planned)" if event.get("planned") else ""),
            event["type"] + (f"\n[dim]{event['mode']}[/dim]" if event.get("mode") else ""),
            event.get("detail") or "", _actors(event), place,
            "" if event.get("fatalities") is None else f"{event['fatalities']:g}",
            str(len(event.get("docs") or [])),
        )
    return table


def _actors(event: dict[str, Any]) -> str:
    """Actor1, then "→ actor2" on its own line when there is one."""
    actor1, actor2 = event.get("actor1") or "", event.get("actor2") or ""
    return f"{actor1}\n→ {actor2}" if actor2 else actor1
