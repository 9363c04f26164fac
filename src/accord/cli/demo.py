"""`accord demo`: the whole job on the embedded demo corpus, then where to look next."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from accord.cli import common
from accord.cli.common import app, out
from accord.cli.ingest import _print_ingest_report, _run_ingest


@app.command()
def demo(
    db: str = typer.Option("demo.duckdb", "--db", help="Store for the demo run (rebuilt each time)."),
    out_dir: Path = typer.Option(Path("demo-out"), "--out", help="Where the demo exports go."),
    report_file: Path = typer.Option(Path("demo-report.html"), "--report", help="Where the demo's HTML report goes."),
) -> None:
    """Run accord end to end on the embedded demo corpus (demo/): ingest, export, summary, HTML report.

    Example:  accord demo
    """
    from accord.report.contests import contest_tables, load_contests
    from accord.report.events import events_table, list_events
    from accord.report.quotes import find_quotes, quotes_table
    from accord.report.summary import stats_tables

    Path(db).unlink(missing_ok=True)
    inputs = sorted(p for p in common.DEMO_DIR.iterdir() if p.is_file() and p.name != "README.md")
    report = _run_ingest(inputs, db, None, None, 1)
    _print_ingest_report(report, db)
    tracked = _load_demo_agreement(db)
    _export_quietly(db, out_dir)
    for table in stats_tables(db):
        out.print(table)
    out.print(quotes_table(find_quotes(db, speaker="Esper", limit=4), width=100))
    for table in contest_tables(load_contests(db)):
        out.print(table)
    multi_source = [e for e in list_events(db) if len(e["docs"] or []) > 1]
    out.print(events_table(multi_source[:8]))
    out.print(tracked)
    # one command a line: each fits 80 columns and can be copied whole
    out.print("Explore further:")
    for command in ("quotes", "events", "contests"):
        out.print(f"  accord {command} --db {escape(db)}", soft_wrap=True)
    from accord.report.html import write_report

    path = write_report(db, report_file, title="accord demo report")
    out.print(f"Report: {escape(str(path.resolve()))}", soft_wrap=True, highlight=False)
    out.print(f"Dashboard:  accord serve --db {escape(db)}", soft_wrap=True, highlight=False)


def _load_demo_agreement(db: str) -> Table:
    """Track the 2020 US-Taliban agreement over the demo corpus; its status table, printed last."""
    from accord.agreement.bundled import resolve
    from accord.agreement.monitor import load
    from accord.agreement.report import status_table

    agreement, text, origin = resolve("us-taliban-2020")
    return status_table(load(db, agreement, text, origin))


def _export_quietly(db: str, out_dir: Path) -> None:
    from accord.export import export as run_export

    tables = run_export(db, out_dir, "jsonl")
    out.print("exported " + ", ".join(f"{t.name} ({t.rows})" for t in tables) + f" to {escape(str(out_dir))}/",
              soft_wrap=True)


