"""Exports: every table of ../shared/spec/EXPORTS.md as JSONL, CSV or Parquet.

JSONL is written from Python so nested fields stay nested and unknowns stay
null; CSV and Parquet go through DuckDB's COPY.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from accord.export_neutral import neutral_sql
from accord.store import Store, to_json_line

# table name in the export -> SELECT over the store (the public fields first, extras after)
EXPORT_QUERIES: dict[str, str] = {
    "documents": """SELECT id, title, source, url, published, language, chars, duplicate_of, story,
                           published_found, origin, published_estimate, published_estimate_source
                    FROM documents ORDER BY id""",
    "quotes": """SELECT doc, text, direct, speaker, speaker_org, said_on, start, "end"
                 FROM quotes ORDER BY doc, start""",
    "claims": """SELECT doc, value, qualifier, measure, claimant, period_start, period_end, change_percent,
                        text, start, "end"
                 FROM claims ORDER BY doc, start""",
    "events": """SELECT id, type, mode, detail, date, date_precision, planned, location, actor1, actor2,
                        count, fatalities, docs, text
                 FROM events ORDER BY date NULLS LAST, id""",
    "contests": "SELECT measure, period_start, period_end, claims, note FROM contests ORDER BY measure",
    "provisions": """SELECT id, agreement, obligor, obligation, deadline, status, status_as_of, evidence,
                            kind, binding, met_on, late_days, score, beneficiary, note, context
                     FROM provisions ORDER BY agreement, id""",
    "provision_status": """SELECT provision, agreement, week, status, score, evidence
                           FROM provision_status ORDER BY agreement, provision, week""",
}

# Which stage fills a table, for the notice written when it is empty.
FILLED_BY = {
    "quotes": "quote extraction",
    "claims": "claim extraction",
    "events": "event extraction and merge",
    "contests": "claim extraction and contest detection",
    "provisions": "an agreement (accord agreement load)",
    "provision_status": "an agreement (accord agreement load)",
}

FORMATS = ("jsonl", "csv", "parquet")


@dataclass
class ExportedTable:
    name: str
    path: Path
    rows: int


def _whole_numbers(row: dict) -> dict:
    # DuckDB returns DOUBLE; a count of 12 should read 12, not 12.0.
    return {k: (int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in row.items()}


def export(db: str | Path, out_dir: str | Path, fmt: str = "jsonl",
           on_empty: Callable[[str, str], None] | None = None) -> list[ExportedTable]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if Path(db).exists():
        Store(db).close()  # a store written by an older accord gains the newer tables and columns first
    with Store(db, read_only=True) as store:
        for name, query in EXPORT_QUERIES.items():
            path = out / f"{name}.{fmt}"
            rows = store.count_query(query)
            if fmt == "jsonl":
                with path.open("w", encoding="utf-8") as handle:
                    for row in store.rows(query):
                        handle.write(to_json_line(_whole_numbers(row)) + "\n")
            else:
                _copy(store, query, path, fmt)
            if rows == 0 and on_empty and name in FILLED_BY:
                on_empty(name, FILLED_BY[name])
            written.append(ExportedTable(name, path, rows))
    return written


def _copy(store: Store, query: str, path: Path, fmt: str) -> None:
    if fmt == "csv":
        # Nested fields become JSON text in a CSV cell; text cells are neutralised (export_neutral.py).
        replaced = _csv_columns(store, query)
        if replaced:
            query = f"SELECT * REPLACE ({replaced}) FROM ({query})"
        options = "FORMAT csv, HEADER true"
    else:
        options = "FORMAT parquet"
    target = str(path).replace("'", "''")
    store.con.execute(f"COPY ({query}) TO '{target}' ({options})")


def _csv_columns(store: Store, query: str) -> str:
    """SQL that rewrites each column for a CSV cell: nested ones as JSON text, text ones neutralised."""
    cursor = store.con.execute(f"DESCRIBE {query}")
    replaced = []
    for name, kind, *_ in cursor.fetchall():
        if "STRUCT" in kind or kind.endswith("[]"):
            replaced.append(f'to_json("{name}") AS "{name}"')
        elif kind == "VARCHAR":
            replaced.append(f'{neutral_sql(chr(34) + name + chr(34))} AS "{name}"')
    return ", ".join(replaced)
