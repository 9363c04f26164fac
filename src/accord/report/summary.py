"""Summary tables of a store, for `accord stats` and the demo."""

from __future__ import annotations

from rich.table import Table

from accord.store import Store

# Short headers and no outer edge: the table fits 80 columns (a pipe, a CI log) with whole dates and names.
BY_SOURCE_COLUMNS = ("source", "docs", "first", "last", "dups", "stories", "not en")
TABLES = ("documents", "quotes", "claims", "event_mentions", "events", "contests", "people", "provisions")


def stats_tables(db: str) -> list[Table]:
    with Store(db, read_only=True) as store:
        counts = Table(title="accord store", show_header=True, show_edge=False)
        counts.add_column("table")
        counts.add_column("rows", justify="right")
        for name in TABLES:
            counts.add_row(name, str(store.count(name)))
        by_source = Table(title="documents by source", show_header=True, show_edge=False)
        for column in BY_SOURCE_COLUMNS:
            # only the name may wrap: an ISO date cut to "2021-08-…" says nothing
            by_source.add_column(column, justify="left" if column == "source" else "right", no_wrap=column != "source")
        rows = store.con.execute(
            """SELECT coalesce(source, '(unknown)'), count(*), min(published), max(published),
                      count(duplicate_of), count(DISTINCT story),
                      count(*) FILTER (WHERE language IS NOT NULL AND language <> 'en')
               FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"""
        ).fetchall()
        for row in rows:
            by_source.add_row(*("" if v is None else str(v) for v in row))
    return [counts, by_source]
