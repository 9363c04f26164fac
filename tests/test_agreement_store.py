"""The tracker over a store: evidence found by SQL, tables written, exported, and the CLI."""

import json

import pytest
from typer.testing import CliRunner

from accord.agreement.bundled import resolve
from accord.agreement.monitor import load, status_as_of
from accord.agreement.schema import parse_agreement
from accord.cli import app
from accord.export import export
from accord.store import Store

AGREEMENT = """\
id: valley
title: Valley accord
signed: 2020-02-29
parties: [Side A, Side B]
scope: ['valley']
provisions:
  - id: withdraw
    obligor: Side A
    obligation: Leave the valley within 14 months.
    deadline: 14 months after signing
    evidence:
      events:
        - types: [RETREAT]
          modes: [withdraw]
          actors: [Side A]
          words: ['last (troops|soldiers)', 'completed']
          unless: ['\\bwill\\b']
        - types: [RETREAT]
          actors: [Side A]
          planned: true
          counts: not_yet
  - id: release
    obligor: Side A
    obligation: Free 500 detainees by 10 March 2020.
    deadline: 2020-03-10
    target: 500
    evidence:
      claims:
        - measures: [detainee]
          words: ['freed', 'released']
          unless: ['\\bwill\\b', '\\bwould\\b']
      quotes:
        - phrases: ['no detainees? (have|has) been (freed|released)']
          counts: not_yet
  - id: calm
    obligor: Side B
    obligation: Keep violence down.
    kind: refrain
    binding: false
    evidence:
      events:
        - types: [ASSAULT]
          actors: [Side B]
          counts: violation
"""

DOCS = [  # id, published, title, sentences (written for these tests)
    ("v1", "2020-03-02", "Valley accord signed", []),
    ("v2", "2020-03-20", "Valley detainees still held", []),
    ("v3", "2020-06-01", "Valley releases begin", []),
    ("v4", "2021-04-10", "Valley pull-out set for June", []),
    ("v5", "2021-06-15", "Last troops leave the valley", []),
    ("o1", "2021-06-16", "Troops leave the coast", []),  # another conflict: outside the scope
]


def _event(store, doc, text, type_, mode, actor, date, precision="day", planned=False):
    store.con.execute(
        """INSERT INTO event_mentions (doc, type, mode, date, date_precision, planned, actor1, text, start, "end")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
        [doc, type_, mode, date, precision, planned, actor, text, len(text)])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "valley.duckdb"
    with Store(path) as store:
        for doc, published, title, _ in DOCS:
            store.con.execute("INSERT INTO documents (id, published, title, clean_text) VALUES (?, ?, ?, ?)",
                              [doc, published, title, title])
        _event(store, "v1", "Gunmen of Side B attacked a checkpoint in the valley on Sunday.", "ASSAULT", None,
               "Side B", "2020-03-01")
        store.con.execute(
            "INSERT INTO quotes (doc, text, direct, said_on, start, \"end\") VALUES (?, ?, true, ?, 5, 40)",
            ["v2", "No detainees have been freed so far", "2020-03-19"])
        store.con.execute(
            """INSERT INTO claims (doc, value, measure, text, start, "end") VALUES
               ('v3', 200, 'detainees freed', 'Side A has freed 200 detainees, officials said.', 0, 48)""")
        _event(store, "v4", "Side A will pull its last troops out of the valley in June.", "RETREAT", "withdraw",
               "Side A", "2021-06-30", planned=True)
        _event(store, "v5", "The last troops of Side A left the valley on Monday.", "RETREAT", "withdraw",
               "Side A", "2021-06-14")
        _event(store, "o1", "The last troops of Side A left the coast on Tuesday.", "RETREAT", "withdraw",
               "Side A", "2021-06-15")
    return str(path)


def _statuses(db, day):
    import datetime as dt

    with Store(db, read_only=True) as store:
        result = status_as_of(store, parse_agreement(AGREEMENT, "valley.yaml"), dt.date.fromisoformat(day))
    return {s.provision: s for s in result.statuses}, result.percent


def test_statuses_follow_the_evidence_known_on_each_day(db):
    load(db, parse_agreement(AGREEMENT, "valley.yaml"), AGREEMENT, "valley.yaml")
    early, _ = _statuses(db, "2020-03-25")
    assert early["release"].status == "breached"
    assert early["release"].evidence[0].id == "quote:v2:5"
    assert early["withdraw"].status == "not_due"
    assert early["calm"].status == "pending" and early["calm"].context[0].doc == "v1"
    middle, _ = _statuses(db, "2021-05-01")
    assert middle["release"].status == "partly_met" and middle["release"].score == 2  # 200 of 500: past a third
    assert middle["withdraw"].status == "breached"  # planned for 30 June, after the 29 April deadline
    late, percent = _statuses(db, "2021-07-01")
    withdraw = late["withdraw"]
    assert (withdraw.status, withdraw.met_on.isoformat(), withdraw.late_days) == ("met", "2021-06-14", 46)
    assert [e.doc for e in withdraw.evidence] == ["v5"]  # the coast (outside the scope) is not evidence
    assert percent == round(100 * (3 + 2) / 6, 1)  # calm is not binding: not counted


def test_loading_writes_provisions_and_a_weekly_history_that_export_writes_out(db, tmp_path):
    load(db, parse_agreement(AGREEMENT, "valley.yaml"), AGREEMENT, "valley.yaml")
    tables = {t.name: t.path for t in export(db, tmp_path / "out")}
    provisions = [json.loads(line) for line in tables["provisions"].read_text().splitlines()]
    withdraw = next(p for p in provisions if p["id"] == "withdraw")
    assert withdraw["status_as_of"] == "2021-06-16"  # the newest document
    assert {k: withdraw[k] for k in ("status", "kind", "binding", "met_on", "late_days", "score")} == {
        "status": "met", "kind": "do", "binding": True, "met_on": "2021-06-14", "late_days": 46, "score": 3}
    assert withdraw["evidence"][0]["doc"] == "v5" and withdraw["evidence"][0]["kind"] == "event"
    assert {"text", "start", "end", "id"} <= set(withdraw["evidence"][0])
    weeks = [json.loads(line) for line in tables["provision_status"].read_text().splitlines()]
    release = [w for w in weeks if w["provision"] == "release"]
    assert release[0]["week"] == "2020-02-24" and release[0]["status"] == "not_due"
    assert [w["status"] for w in release if w["week"] in ("2020-03-16", "2020-06-01")] == ["breached", "partly_met"]
    assert all(w["evidence"] for w in weeks if w["status"] in ("met", "partly_met", "breached", "unclear"))


def test_an_ingest_re_tracks_a_loaded_agreement(db, tmp_path):
    from accord.api import ingest

    load(db, parse_agreement(AGREEMENT, "valley.yaml"), AGREEMENT, "valley.yaml")
    article = tmp_path / "later.txt"
    article.write_text("Valley news\n\nNothing happened in the valley today.\n", encoding="utf-8")
    ingest([article], db, published="2021-09-01")
    with Store(db, read_only=True) as store:
        assert {r["status_as_of"] for r in store.rows("SELECT status_as_of FROM provisions")} == {"2021-09-01"}


def test_the_cli_loads_lists_and_prints_status_as_table_and_json(db, tmp_path):
    path = tmp_path / "valley.yaml"
    path.write_text(AGREEMENT, encoding="utf-8")
    runner = CliRunner()
    loaded = runner.invoke(app, ["agreement", "load", str(path), "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded valley (3 provisions)" in loaded.output
    listed = runner.invoke(app, ["agreement", "list", "--db", db])
    assert "us-taliban-2020" in listed.output and "minsk-2015" in listed.output and "valley" in listed.output
    table = runner.invoke(app, ["agreement", "status", "--as-of", "2021-05-01", "--db", db], terminal_width=200)
    assert "breached" in table.output and "partly_met" in table.output and "2021-04-29" in table.output
    rows = json.loads(runner.invoke(app, ["agreement", "status", "--as-of", "2020-03-25", "--format", "json",
                                          "--db", db]).output)
    assert [(r["id"], r["status"]) for r in rows] == [("withdraw", "not_due"), ("release", "breached"),
                                                      ("calm", "pending")]
    assert rows[1]["evidence"][0]["text"] == "No detainees have been freed so far"


def test_an_invalid_agreement_file_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(AGREEMENT.replace("kind: refrain", "kind: hope"), encoding="utf-8")
    result = CliRunner().invoke(app, ["agreement", "load", str(path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"error: {path}:38: provisions[calm].kind: Input should be")
    assert len(result.output.strip().splitlines()) == 1


def test_status_without_a_loaded_agreement_says_how_to_load_one(tmp_path):
    db = str(tmp_path / "empty.duckdb")
    Store(db).close()
    result = CliRunner().invoke(app, ["agreement", "status", "--db", db])
    assert result.exit_code == 1 and "accord agreement load us-taliban-2020" in result.output


def test_the_bundled_agreement_tracks_on_an_empty_store(tmp_path):
    db = str(tmp_path / "empty.duckdb")
    agreement, text, origin = resolve("us-taliban-2020")
    result = load(db, agreement, text, origin)
    assert {s.status for s in result.statuses} <= {"not_due", "pending"}
    assert all(not s.evidence for s in result.statuses)


def test_a_completion_dated_by_an_earlier_year_was_done_by_that_years_end(db):
    with Store(db) as store:  # a report in 2021 that the pull-out finished "last year"
        store.con.execute("INSERT INTO documents (id, published, title, clean_text) VALUES "
                          "('v6', '2021-03-01', 'Valley a year on', 'Valley a year on')")
        _event(store, "v6", "The last troops of Side A completed their pull-out last year.", "RETREAT", "withdraw",
               "Side A", "2020", precision="year")
    statuses, _ = _statuses(db, "2021-03-05")
    withdraw = statuses["withdraw"]
    assert (withdraw.status, withdraw.met_on.isoformat()) == ("met", "2020-12-31")
    assert withdraw.late_days is None  # done by the end of 2020, before the April 2021 deadline
    assert withdraw.evidence[0].seen_on.isoformat() == "2021-03-01"


def test_a_month_that_is_the_reports_own_does_not_date_the_happening(db):
    with Store(db) as store:
        store.con.execute("INSERT INTO documents (id, published, title, clean_text) VALUES "
                          "('v7', '2021-03-20', 'Valley pull-out done', 'Valley pull-out done')")
        _event(store, "v7", "The last troops of Side A completed their pull-out.", "RETREAT", "withdraw",
               "Side A", "2021-03", precision="month")
    statuses, _ = _statuses(db, "2021-03-25")
    assert statuses["withdraw"].met_on.isoformat() == "2021-03-20"  # the month has not ended: the report's day
