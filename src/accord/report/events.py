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
    table = Table(title=f"events ({len(events)})")
    for column in ("date", "type", "mode", "detail", "actor1", "actor2", "location", "killed", "docs"):
        table.add_column(column, overflow="fold")
    for event in events:
        location = event.get("location") or {}
        place = ", ".join(dict.fromkeys(p for p in (location.get("name"), location.get("country")) if p))
        table.add_row(
            (event.get("date") or "") + (" (planned)" if event.get("planned") else ""),
            event["type"], event.get("mode") or "", event.get("detail") or "",
            event.get("actor1") or "", event.get("actor2") or "", place,
            "" if event.get("fatalities") is None else f"{event['fatalities']:g}",
            str(len(event.get("docs") or [])),
        )
    return table
