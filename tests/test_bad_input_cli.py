"""Issue 14, "what broke" 4 to 6: the export contract, untrusted text, and one-line errors instead of
tracebacks (missing, busy, read-only store; full disk; an output path that is a file; bad options)."""

from __future__ import annotations

import csv
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from accord import api
from accord.cli import app
from accord.export_acled import acled_date, acled_row
from accord.export_neutral import neutral_cell
from accord.link.merge import merge_events
from accord.store import Store
from accord.terminal import SafeConsole

ROOT = Path(__file__).resolve().parents[1]
GOOD = "The envoy met the commanders in the capital on Monday to discuss the truce."
READ_COMMANDS = [["stats"], ["quotes"], ["events"], ["contests"], ["show", "x"], ["export", "--out", "OUT"],
                 ["export", "--out", "OUT", "--format", "acled-csv"]]


def cli(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def accord(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """The real command in a subprocess (another process is what holds a store's lock)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    command = [sys.executable, "-c", "from accord.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, **kwargs)


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    rows = [
        {"id": "=cmd|' /C calc'!A0", "title": "+SUM(A1:A9)", "source": "@evil", "published": "2020-03-05",
         "text": 'A U.S. airstrike hit Taliban fighters in Kandahar on Tuesday. "-We will respond," '
                 "Zabihullah Mujahid, a spokesman for the group, said."},
        {"id": "plain", "published": "2020-03-05", "text": "Taliban fighters attacked a checkpoint in Ghazni."},
    ]
    path = folder / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = folder / "s.duckdb"
    assert api.ingest([path], db).ok
    return db


# --- export contract -------------------------------------------------------------------------------


def test_event_ids_are_unique_when_one_sentence_starts_two_events():
    mention = {"doc": "d", "type": "ASSAULT", "mode": None, "detail": None, "date": None, "date_precision": None,
               "planned": False, "location": None, "actor1": None, "actor2": None, "count": None,
               "fatalities": None, "text": "Two attacks.", "start": 0, "end": 12}
    other = {**mention, "date": "2019-01-01", "date_precision": "day", "actor1": "Taliban"}
    third = {**mention, "date": "2018-06-01", "date_precision": "day", "actor1": "Afghan government"}
    ids = [row["id"] for row in merge_events([mention, other, third], {})]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("given", "expected"), [
    ("2020-03-03", "2020-03-03"), ("2020-03", "2020-03-01"), ("1973", "1973-01-01"), ("", None), (None, None),
    ("2020-13", None), ("soon", None)])
def test_acled_event_date_is_a_full_day_or_nothing(given, expected):
    assert acled_date(given) == expected


def test_acled_fatalities_are_empty_when_unknown():
    row = acled_row({"id": "ev-1", "type": "ASSAULT", "date": "2020-03", "date_precision": "month",
                     "fatalities": None, "docs": ["d"]})
    assert row["fatalities"] is None and row["event_date"] == "2020-03-01" and row["time_precision"] == 3


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_cells_get_a_leading_quote(cell):
    assert neutral_cell(cell) == "'" + cell


def test_plain_cells_and_numbers_are_left_alone():
    assert [neutral_cell(v) for v in ("Kabul", "", -12.5, 3, None)] == ["Kabul", "", -12.5, 3, None]


def test_csv_export_neutralises_every_text_cell(small_db, tmp_path):
    assert cli("export", "--db", str(small_db), "--out", str(tmp_path), "--format", "csv").exit_code == 0
    cells = [cell for name in ("documents", "quotes", "claims", "events")
             for row in csv.reader((tmp_path / f"{name}.csv").open(encoding="utf-8")) for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'+SUM(A1:A9)" in cells and "'@evil" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]
    assert not [cell for cell in cells if cell[:1] == "-" and not _is_number(cell)]


def test_acled_export_neutralises_cells(small_db, tmp_path):
    assert cli("export", "--db", str(small_db), "--out", str(tmp_path), "--format", "acled-csv").exit_code == 0
    rows = list(csv.DictReader((tmp_path / "events_acled.csv").open(encoding="utf-8")))
    assert rows and all(cell[:1] not in "=+@" for row in rows for cell in row.values() if cell)
    assert any(row["source"].startswith("'=cmd") for row in rows)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# --- untrusted text on the terminal ----------------------------------------------------------------


def test_safe_console_prints_no_escape_sequences_from_data():
    console = SafeConsole(force_terminal=True, width=80, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print("a\x1b[2Jb\x1b]0;title\x07c\x9b31m d\u202eevil", markup=False, highlight=False)
    text = console.export_text()
    assert text.strip() == "abc devil"
    plain = Console(force_terminal=True, width=80, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    plain.print("a\x1b[2Jb", markup=False)
    assert "\x1b" in plain.export_text()  # what SafeConsole guards against


def test_show_of_a_store_holding_escape_sequences_prints_none(tmp_path):
    db = tmp_path / "old.duckdb"
    assert api.ingest([_one_article(tmp_path)], db).ok
    with Store(db) as store:  # a store written before text was cleaned of escapes
        store.con.execute("UPDATE documents SET clean_text = 'The envoy \x1b[2J\x1b]0;x\x07 said.', title = "
                          "'T\x1b[31m'")
    result = cli("show", "one", "--db", str(db))
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "The envoy" in result.stdout


def _one_article(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


# --- one-line errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_read_commands_on_a_missing_store_give_one_line(tmp_path, command):
    command = [str(tmp_path / "out") if part == "OUT" else part for part in command]
    result = cli(*command, "--db", str(tmp_path / "missing.duckdb"))
    assert result.exit_code == 2
    assert "no store at" in one_error_line(result.stderr)
    assert not (tmp_path / "missing.duckdb").exists()


def test_export_out_pointing_at_a_file_gives_one_line(small_db, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    for fmt in ("jsonl", "acled-csv"):
        result = cli("export", "--db", str(small_db), "--out", str(target), "--format", fmt)
        assert result.exit_code == 2
        assert "exists and is not a folder" in one_error_line(result.stderr)


def test_negative_limit_is_a_usage_error_not_a_traceback(small_db):
    result = cli("quotes", "--limit", "-1", "--db", str(small_db))
    assert result.exit_code == 2 and "--limit" in result.stderr and "Traceback" not in result.stderr


def test_a_store_that_is_not_a_database_gives_one_line(tmp_path):
    fake = tmp_path / "fake.duckdb"
    fake.write_text("not a database")
    result = cli("stats", "--db", str(fake))
    assert "not an accord store" in one_error_line(result.stderr)


def test_an_unexpected_bug_is_one_line_unless_debugging(small_db, monkeypatch):
    from accord.report import summary

    monkeypatch.setattr(summary, "stats_tables", lambda db: 1 / 0)
    result = cli("stats", "--db", str(small_db))
    assert "internal error (ZeroDivisionError" in one_error_line(result.stderr)
    monkeypatch.setenv("ACCORD_DEBUG", "1")
    assert isinstance(CliRunner().invoke(app, ["stats", "--db", str(small_db)]).exception, ZeroDivisionError)


@pytest.fixture
def locked_store(small_db, tmp_path):
    """A copy of the small store held open for writing by another process (as an ingest holds it)."""
    db = tmp_path / "busy.duckdb"
    db.write_bytes(small_db.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"con = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    yield db
    holder.kill()
    holder.wait()


def test_a_read_while_an_ingest_holds_the_store_waits_then_gives_one_line(locked_store):
    started = time.monotonic()
    result = cli("stats", "--db", str(locked_store))
    assert time.monotonic() - started >= 4  # it waited (READ_WAIT_SECONDS) before giving up
    assert "is being updated by another process" in one_error_line(result.stderr)


def test_a_second_ingest_waits_up_to_wait_seconds_then_gives_one_line(locked_store, tmp_path):
    started = time.monotonic()
    result = cli("ingest", str(_one_article(tmp_path)), "--db", str(locked_store), "--wait", "1")
    assert 1 <= time.monotonic() - started < 10
    assert result.exit_code == 2 and "is being updated" in one_error_line(result.stderr)


def test_a_second_ingest_proceeds_when_the_first_finishes_within_wait(small_db, tmp_path):
    db = tmp_path / "busy.duckdb"
    db.write_bytes(small_db.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, time\n"
                               f"con = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(2)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    result = cli("ingest", str(_one_article(tmp_path)), "--db", str(db), "--wait", "30")
    holder.wait()
    assert result.exit_code == 0, result.stderr


def _cli_as_nobody(*args: str) -> tuple[int, str]:
    """(exit code, stderr) of `accord ARGS` run by an unprivileged user, in a forked child (root ignores
    file permissions, and the venv's interpreter may not be executable by that user)."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)
            result = CliRunner().invoke(app, list(args))
            os.write(write, json.dumps([result.exit_code, result.stderr]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = pipe.read()
    os.waitpid(child, 0)
    code, stderr = json.loads(data)
    return code, stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to an unprivileged user")
def test_a_store_in_a_read_only_folder_gives_one_line():
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="accord-ro-"))
    try:
        folder = base / "ro"
        folder.mkdir()
        article = _one_article(base)
        os.chmod(base, 0o755)
        os.chmod(folder, 0o555)
        os.chmod(article, 0o644)
        code, stderr = _cli_as_nobody("ingest", str(article), "--db", str(folder / "s.duckdb"))
        assert code == 2, stderr
        assert "cannot use the store" in one_error_line(stderr)
    finally:
        shutil.rmtree(base)


def _full_disk() -> None:
    """The subprocess can write at most 128 KiB to any file: a disk that fills up during the ingest."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (128 << 10, 128 << 10))


def test_a_full_disk_during_ingest_gives_one_line_and_a_rerun_completes(tmp_path):
    # language given: detecting it unpacks a model to a temporary file, which the limit would stop first
    rows = [{"id": f"d{i}", "language": "en", "text": f"{GOOD} Report {i}. " + "The talks went on. " * 100}
            for i in range(30)]
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = accord("ingest", str(path), "--db", str(db), timeout=300, preexec_fn=_full_disk)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "cannot be written" in one_error_line(result.stderr) and "File too large" in result.stderr
    rerun = accord("ingest", str(path), "--db", str(db), timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with Store(db, read_only=True) as store:
        assert store.document_ids() == sorted(f"d{i}" for i in range(30))


def test_on_duplicate_is_an_ingest_option_and_its_notes_are_printed(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": GOOD}) + "\n"
                    + json.dumps({"id": "x", "text": "The talks resumed after a week of delays."}) + "\n")
    default = cli("ingest", str(path), "--db", str(tmp_path / "d.duckdb"))
    assert default.exit_code == 1 and "duplicate id 'x'" in default.stderr
    skipped = cli("ingest", str(path), "--db", str(tmp_path / "s.duckdb"), "--on-duplicate", "skip")
    assert skipped.exit_code == 0 and "note: " in skipped.stdout and "skipped" in skipped.stdout
    bogus = cli("ingest", str(path), "--db", str(tmp_path / "b.duckdb"), "--on-duplicate", "merge")
    assert bogus.exit_code == 2 and "Traceback" not in bogus.stderr


@pytest.mark.parametrize(("message", "expected"), [
    ('IO Error: Cannot open database "/x/s.duckdb" in read-only mode: database does not exist', "no store at /x/s"),
    ('IO Error: Could not set lock on file "/x/s.duckdb": Conflicting lock is held in python (PID 7)',
     "the store /x/s.duckdb is being updated by another process (PID 7)"),
    ('IO Error: Failed to commit: Could not write file "/x/s.duckdb.wal": No space left on device',
     "the store /x/s.duckdb cannot be written: Failed to commit"),
])
def test_a_duckdb_error_from_any_reader_is_named_in_one_line(message, expected):
    import duckdb

    from accord.terminal import one_line_error

    line = one_line_error(duckdb.IOException(message))
    assert line.startswith(expected) and "\n" not in line
