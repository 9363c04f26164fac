"""The report tables stay readable at 80 columns (a pipe, a CI log): dates, types and document ids whole."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from accord.report.contests import contest_tables
from accord.report.events import events_table
from accord.report.summary import stats_tables
from accord.store import Store


def render(*tables: object) -> str:
    console = Console(file=StringIO(), width=80, color_system=None)
    for table in tables:
        console.print(table)
    return console.file.getvalue()


def _event(date: str, actor1: str, actor2: str, place: str) -> dict:
    return {"date": date, "planned": False, "type": "COOPERATE", "mode": "ceasefire",
            "detail": "ceasefire agreed between the two delegations", "actor1": actor1, "actor2": actor2,
            "location": {"name": place, "country": "Examplestan"}, "fatalities": 12.0, "docs": ["a", "b", "c"]}


def test_events_table_keeps_dates_and_types_whole_at_80_columns():
    text = render(events_table([_event("2020-03-01", "Northern Alliance Council", "Southern Provinces Union",
                                       "Port Example")]))
    assert "2020-03-01" in text and "COOPERATE" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_documents_by_source_keeps_whole_dates_and_outlet_names(tmp_path):
    db = str(tmp_path / "t.duckdb")
    with Store(db) as store:
        for i, (source, published) in enumerate([("Example Evening Sun", "2020-03-01"),
                                                  ("Example Evening Sun", "2021-08-31"), (None, None)]):
            store.con.execute("INSERT INTO documents (id, source, published) VALUES (?, ?, ?)",
                              [f"d{i}", source, published])
    text = render(*stats_tables(db))
    assert "2021-08-31" in text and "Example Evening Sun" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_contest_table_keeps_document_ids_whole():
    claim = {"value": 76.0, "change_percent": None, "claimant": "Interior Ministry",
             "doc": "xyz-2020-03-08-weekly-attack-counts", "text": "The ministry said 76 attacks took place."}
    contest = {"measure": "attacks", "period_start": "2020-03-01", "period_end": "2020-03-07",
               "note": "two counts", "claims": [claim, {**claim, "value": 20.0, "claimant": "a spokesman"}]}
    assert "xyz-2020-03-08-weekly-attack-counts" in render(*contest_tables([contest]))


def test_demo_ends_with_one_command_a_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import accord.cli.common
    from accord.cli import app

    monkeypatch.setattr(accord.cli.common, "DEMO_DIR", tmp_path / "demo")
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "a.txt").write_text("Talks resume\n\nThe two delegations met on Friday.\n", encoding="utf-8")
    db = str(tmp_path / "demo.duckdb")
    result = CliRunner().invoke(app, ["demo", "--db", db, "--out", str(tmp_path / "out"),
                                      "--report", str(tmp_path / "demo-report.html")])
    assert result.exit_code == 0, result.output
    tail = result.output.splitlines()[-6:]
    assert tail[0] == "Explore further:"
    assert tail[1:4] == [f"  accord {command} --db {db}" for command in ("quotes", "events", "contests")]
    report = tmp_path / "demo-report.html"
    assert tail[4] == f"Report: {report}" and report.exists()  # the demo ends with its report's path...
    assert tail[5] == f"Dashboard:  accord serve --db {db}"  # ...and the command that serves the dashboard
