"""Issue 14, "what broke" 1 and 3: one bad article never costs the run, and nothing is silently lost
or changed. Each test is one repro from the issue; texts are written for the test."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord import api, nlp
from accord.cli import app
from accord.extract.durations import Duration
from accord.extract.time import deadline, resolve
from accord.isolation import TimeBudget
from accord.store import Store

GOOD = "The envoy met the commanders in the capital on Monday to discuss the truce."


def jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def documents(db: Path) -> dict[str, dict]:
    with Store(db) as store:
        return {row["id"]: row for row in store.rows("SELECT * FROM documents")}


def cli(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# --- date arithmetic is total ------------------------------------------------------------------------


@pytest.mark.parametrize(("expression", "published"), [
    ("2,020 years ago", "2020-03-06"),
    ("10000000000000 days ago", "2020-03-06"),
    ("9999 years ago", "2020-03-06"),
    ("next year", "9999-12-31"),
    ("tomorrow", "9999-12-31"),
    ("next Monday", "9999-12-31"),
    ("last month", "0001-01-01"),
    ("December 31", "0001-01-01"),
])
def test_dates_outside_the_calendar_resolve_to_none(expression, published):
    assert resolve(expression, published) is None


def test_a_deadline_outside_the_calendar_is_none():
    assert deadline("2020-01-01", Duration(10_000, "years")) is None
    assert deadline("2020-01-01", Duration(1e15, "days")) is None


def test_article_with_an_impossible_date_is_stored_with_the_rest(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [
        {"id": "old", "text": "Troops withdrew from the area 2,020 years ago, the officials said."},
        {"id": "far", "text": "The militants said 10000000000000 days ago they had attacked the post."},
        {"id": "good", "text": GOOD},
    ])
    report = api.ingest([path], tmp_path / "t.duckdb", published="2020-03-06")
    assert report.ok and report.stored == 3
    assert set(documents(tmp_path / "t.duckdb")) == {"old", "far", "good"}


# --- readers ------------------------------------------------------------------------------------------


def test_lone_surrogate_in_jsonl_text_is_replaced_and_stored(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "s", "text": "The envoy \\ud800 met the commanders on Monday."}\n', encoding="utf-8")
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert report.ok
    assert "\ufffd" in documents(tmp_path / "t.duckdb")["s"]["clean_text"]


def corrupt_gzip(path: Path, good_lines: int) -> Path:
    """A .jsonl.gz with a valid header and `good_lines` readable lines, then corrupt compressed data."""
    body = "".join(json.dumps({"id": f"g{i}", "text": f"{GOOD} Report {i}."}) + "\n" for i in range(40))
    data = bytearray(gzip.compress(body.encode()))
    data[60:] = bytes(b ^ 0x5A for b in data[60:])
    path.write_bytes(bytes(data))
    return path


def test_corrupt_gzip_is_one_line_and_does_not_stop_the_count_or_the_run(tmp_path):
    bad = corrupt_gzip(tmp_path / "bad.jsonl.gz", 0)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert api.count_articles([bad, good]) >= 2  # the progress bar's count does not raise
    report = api.ingest([bad, good], tmp_path / "t.duckdb")
    assert len(report.rejected) == 1
    line = str(report.rejected[0])
    assert line.startswith(f"{bad}: cannot read") and "\n" not in line
    assert "good" in documents(tmp_path / "t.duckdb")


@pytest.mark.parametrize(("given", "stored"), [
    ("20200229", "2020-02-29"), ("2020-02-29T12:00:00", "2020-02-29"), ("2020-02-29T12:00:00+04:30", "2020-02-29"),
    ("2020-02", "2020-02"), ("2020", "2020"),
])
def test_published_forms_are_normalised_to_iso(tmp_path, given, stored):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "d", "text": GOOD, "published": given}])
    assert api.ingest([path], tmp_path / "t.duckdb").ok
    assert documents(tmp_path / "t.duckdb")["d"]["published"] == stored


@pytest.mark.parametrize("given", ["last Tuesday", "2020-13-45", "2021-02-29", "99999-01-01", "0001-01-01"])
def test_published_that_is_not_a_date_is_rejected_with_a_clear_line(tmp_path, given):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "bad", "text": GOOD, "published": given},
                                        {"id": "ok", "text": GOOD}])
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert [str(e) for e in report.rejected] and "'published'" in str(report.rejected[0])
    assert str(report.rejected[0]).startswith(f"{path}:1: ")
    assert set(documents(tmp_path / "t.duckdb")) == {"ok"}


def test_language_must_be_an_iso_code(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "words", "text": GOOD, "language": "english"},
                                        {"id": "region", "text": GOOD, "language": "EN-us"}])
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert len(report.rejected) == 1 and "ISO 639-1" in str(report.rejected[0])
    assert documents(tmp_path / "t.duckdb")["region"]["language"] == "en"


@pytest.mark.parametrize("doc_id", ["", "   ", "\x1b\x07"])
def test_empty_id_is_rejected(tmp_path, doc_id):
    path = jsonl(tmp_path / "a.jsonl", [{"id": doc_id, "text": GOOD}])
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert "'id' is empty" in str(report.rejected[0])


def test_one_invalid_byte_is_replaced_on_its_line_only_and_reported(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("The minister’s office said the talks would resume.\n\n".encode()
                     + b"A stray byte \xff sits here, the envoy said on Monday.\n")
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert report.ok
    doc = documents(tmp_path / "t.duckdb")["mixed"]
    assert "minister’s office" in doc["clean_text"] and "â€" not in doc["clean_text"]
    assert "\ufffd" in doc["clean_text"] or "ÿ" in doc["clean_text"]
    assert any("line 3" in note for note in doc["notes"])


def test_a_folders_readme_is_not_an_article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "README.md").write_text("# About this folder\n\nArticles collected for the review.", encoding="utf-8")
    (folder / "one.txt").write_text(GOOD, encoding="utf-8")
    api.ingest([folder], tmp_path / "t.duckdb")
    assert set(documents(tmp_path / "t.duckdb")) == {"one"}


def test_non_http_url_is_dropped_with_a_note(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "js", "text": GOOD, "url": "javascript:alert(1)"},
                                        {"id": "web", "text": GOOD, "url": "https://example.org/a"}])
    api.ingest([path], tmp_path / "t.duckdb")
    docs = documents(tmp_path / "t.duckdb")
    assert docs["js"]["url"] is None and any("url dropped" in n for n in docs["js"]["notes"])
    assert docs["web"]["url"] == "https://example.org/a"


def test_terminal_escapes_are_stripped_from_stored_text(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "esc", "title": "Talks\x1b]0;owned\x07 resume",
                                         "text": "The envoy \x1b[2J\x1b[31mmet\x9b0m the commanders on Monday."}])
    api.ingest([path], tmp_path / "t.duckdb")
    doc = documents(tmp_path / "t.duckdb")["esc"]
    for field in ("raw_text", "clean_text", "title"):
        assert not any(ch in doc[field] for ch in "\x1b\x07\x9b"), field


# --- nothing silently lost or changed ------------------------------------------------------------------


def two_with_one_id(tmp_path: Path) -> Path:
    return jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": GOOD},
                                        {"id": "x", "text": "The talks resumed after a week of delays."}])


def test_duplicate_id_in_one_run_is_an_error_by_default(tmp_path):
    report = api.ingest([two_with_one_id(tmp_path)], tmp_path / "t.duckdb")
    assert len(report.rejected) == 1 and "duplicate id 'x'" in str(report.rejected[0])
    assert report.stored == 1
    assert documents(tmp_path / "t.duckdb")["x"]["raw_text"] == GOOD


def test_duplicate_id_skip_keeps_the_first_and_replace_the_last(tmp_path):
    skipped = api.ingest([two_with_one_id(tmp_path)], tmp_path / "s.duckdb", on_duplicate="skip")
    assert skipped.ok and "skipped" in skipped.notices[0]
    assert documents(tmp_path / "s.duckdb")["x"]["raw_text"] == GOOD
    replaced = api.ingest([two_with_one_id(tmp_path)], tmp_path / "r.duckdb", on_duplicate="replace")
    assert replaced.ok and "replaced" in replaced.notices[0]
    assert documents(tmp_path / "r.duckdb")["x"]["raw_text"].startswith("The talks resumed")


def test_two_files_with_one_stem_are_a_duplicate_not_a_silent_loss(tmp_path):
    for folder, text in (("a", GOOD), ("b", "The talks resumed after a week of delays.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    report = api.ingest([tmp_path / "a", tmp_path / "b"], tmp_path / "t.duckdb")
    assert len(report.rejected) == 1 and "first read from" in str(report.rejected[0])


def test_the_same_article_twice_is_not_a_duplicate_error(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": GOOD}])
    report = api.ingest([path, path], tmp_path / "t.duckdb")
    assert report.ok and report.stored == 1


def test_published_given_on_a_rerun_updates_the_stored_date_and_says_so(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    api.ingest([path], db, published="2020-03-02")
    again = api.ingest([path], db, published="2020-03-02")
    assert again.unchanged == 1 and not again.notices
    report = api.ingest([path], db, published="2020-03-06")
    assert report.updated == 1 and "published changed from 2020-03-02 to 2020-03-06" in report.notices[0]
    assert documents(db)["note"]["published"] == "2020-03-06"


# --- per-document isolation ------------------------------------------------------------------------------


@pytest.fixture
def sabotaged(monkeypatch):
    """The per-document stage raises on a text with BOOM and hangs on one with SLOW."""
    real = nlp.extractions_of

    def extractions_of(doc):
        if "BOOM" in doc.text:
            raise ValueError("year 0 is out of range")
        if "SLOW" in doc.text:
            time.sleep(30)
        return real(doc)

    monkeypatch.setattr(nlp, "extractions_of", extractions_of)


def test_an_exception_in_one_article_is_recorded_and_the_rest_extracted(tmp_path, sabotaged):
    rows = [{"id": f"d{i}", "text": f"{GOOD} The ministry said 12 people were hurt."} for i in range(4)]
    rows[2]["text"] = "BOOM " + rows[2]["text"]
    path = jsonl(tmp_path / "a.jsonl", rows)
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert not report.ok and len(report.failed) == 1
    assert "extraction failed (ValueError: year 0 is out of range)" in str(report.failed[0])
    docs = documents(tmp_path / "t.duckdb")
    assert set(docs) == {"d0", "d1", "d2", "d3"}
    assert any(note.startswith("error: extraction failed") for note in docs["d2"]["notes"])
    with Store(tmp_path / "t.duckdb") as store:
        claimed = {row["doc"] for row in store.rows("SELECT doc FROM claims")}
    assert claimed == {"d0", "d1", "d3"}


def test_an_article_over_its_time_budget_is_recorded_and_the_rest_extracted(tmp_path, sabotaged):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "slow", "text": "SLOW " + GOOD}, {"id": "fast", "text": GOOD}])
    started = time.monotonic()
    report = api.ingest([path], tmp_path / "t.duckdb", budget=TimeBudget(seconds_per_10k=1, base_seconds=1))
    assert time.monotonic() - started < 20
    assert [e.doc_id for e in report.failed] == ["slow"] and "time budget" in str(report.failed[0])
    assert set(documents(tmp_path / "t.duckdb")) == {"slow", "fast"}


def test_cli_names_the_failed_article_on_one_line_and_exits_1_then_retries_it(tmp_path, sabotaged, monkeypatch):
    path = jsonl(tmp_path / "a.jsonl", [{"id": "bad", "text": "BOOM " + GOOD}, {"id": "ok", "text": GOOD}])
    db = str(tmp_path / "t.duckdb")
    result = cli("ingest", str(path), "--db", db)
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert failed == [f"failed {path}:1: extraction failed (ValueError: year 0 is out of range); "
                      "stored without extractions"]
    assert "1 failed" in result.stdout
    monkeypatch.undo()
    again = cli("ingest", str(path), "--db", db)  # fixed: the next run extracts it
    assert again.exit_code == 0 and "1 re-extracted" in again.stdout


def test_claim_spans_end_at_the_last_visible_character(tmp_path):
    text = "The ministry said 12 people were hurt in the blast.\n\n\nOfficials said 40 attacks took place."
    path = jsonl(tmp_path / "a.jsonl", [{"id": "c", "text": text, "published": "2020-03-06"}])
    api.ingest([path], tmp_path / "t.duckdb")
    with Store(tmp_path / "t.duckdb") as store:
        clean = store.document("c")["clean_text"]
        spans = store.rows("SELECT start, \"end\", text FROM claims UNION ALL SELECT start, \"end\", text FROM quotes")
    assert spans
    for span in spans:
        assert clean[span["start"]:span["end"]] == clean[span["start"]:span["end"]].rstrip()
        assert span["text"] == span["text"].rstrip()


def test_a_worker_that_dies_fails_only_the_article_that_killed_it(tmp_path, monkeypatch):
    import os

    real = nlp.extractions_of

    def extractions_of(doc):
        if "DIE" in doc.text:
            os._exit(3)  # as a segfault or the OOM killer would end the worker
        return real(doc)

    monkeypatch.setattr(nlp, "extractions_of", extractions_of)  # forked workers inherit it
    path = jsonl(tmp_path / "a.jsonl", [{"id": "dies", "text": "DIE " + GOOD}, {"id": "lives", "text": GOOD}])
    report = api.ingest([path], tmp_path / "t.duckdb", n_process=2)
    assert [e.doc_id for e in report.failed] == ["dies"]
    assert "worker process died" in str(report.failed[0])
    assert set(documents(tmp_path / "t.duckdb")) == {"dies", "lives"}
