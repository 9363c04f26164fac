"""`accord export --format acled-csv`: the events table in ACLED's column layout.

PLOVER types and modes map to ACLED disorder/event/sub-event types through
`data/acled_types.yaml`, so an analyst can adjust the mapping without code.
One row per merged event; `source` lists the documents that report it.

ACLED rows always carry a day: an event known to the month or year is dated to its first day
(`time_precision` 3 says the day is not known), an undated event is left out (and counted).
Unknown fatalities are an empty cell, not 0. Cells are neutralised against CSV formula injection.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from accord.data import read_yaml
from accord.export_neutral import neutral_cell
from accord.store import Store

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities", "plover_type", "plover_mode")
# ACLED time precision: 1 = day, 2 = within a week or so, 3 = month or coarser.
TIME_PRECISION = {"day": 1, "month": 3, "year": 3}


@lru_cache(maxsize=1)
def acled_mapping() -> dict[str, Any]:
    return read_yaml("acled_types.yaml")


def acled_types(plover_type: str, mode: str | None) -> tuple[str, str, str]:
    mapping = acled_mapping()
    entry = mapping.get(plover_type) or {}
    chosen = (entry.get("modes") or {}).get(mode or "") or entry.get("default") or mapping["default"]
    return chosen[0], chosen[1], chosen[2]


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    disorder, event_type, sub_event = acled_types(event["type"], event.get("mode"))
    location = event.get("location") or {}
    date = acled_date(event.get("date"))
    return {
        "event_id_cnty": event["id"],
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": TIME_PRECISION.get(event.get("date_precision") or "", None),
        "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_event,
        "actor1": event.get("actor1"), "actor2": event.get("actor2"),
        "country": location.get("country"), "admin1": location.get("admin1"), "location": location.get("name"),
        "latitude": location.get("lat"), "longitude": location.get("lon"),
        # ACLED geo precision: 1 = the place itself, 2 = near it / its district, 3 = only its province or country.
        "geo_precision": None if not location else (1 if location.get("lat") is not None else 3),
        "source": "; ".join(event.get("docs") or []),
        "notes": event.get("text"),
        "fatalities": int(event["fatalities"]) if event.get("fatalities") is not None else None,
        "plover_type": event["type"], "plover_mode": event.get("mode"),
    }


def acled_date(value: str | None) -> str | None:
    """A full day for ACLED's `event_date`: YYYY-MM-DD as is, YYYY-MM and YYYY as their first day; None
    for anything else."""
    if not value:
        return None
    full = value + "-01" * ((10 - len(value)) // 3) if len(value) in (4, 7) else value
    try:
        return date.fromisoformat(full).isoformat() if len(full) == 10 else None
    except ValueError:
        return None


def export_acled(db: str | Path, out_dir: str | Path,
                 on_undated: Callable[[int], None] | None = None) -> tuple[Path, int]:
    """Write `events_acled.csv` into `out_dir`; returns its path and row count. Events without a date
    are left out (`on_undated` hears how many)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "events_acled.csv"
    with Store(db, read_only=True) as store:
        events = store.rows("SELECT * FROM events ORDER BY date NULLS LAST, id")
    rows = [row for row in map(acled_row, events) if row["event_date"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({key: neutral_cell(value) for key, value in row.items()})
    if on_undated and len(rows) < len(events):
        on_undated(len(events) - len(rows))
    return path, len(rows)
