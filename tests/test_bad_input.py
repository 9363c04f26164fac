"""Bad input: each bad file or line gets a one-line error naming it, the good inputs are still stored,
and `accord ingest` exits non-zero when anything was rejected. Texts are tiny and undated so this stays fast."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord import api
from accord.cli import app
from accord.ingest import readers
from accord.ingest.readers import MAX_FILE_BYTES, read_all
from accord.store import Store

GOOD = "The envoy met the commanders in the capital on Monday to discuss the truce."


def stored_ids(db: Path) -> list[str]:
    with Store(db) as store:
        return store.document_ids()


def rejected_lines(report: api.IngestReport) -> list[str]:
    return [str(err) for err in report.rejected]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_line(doc_id: str) -> str:
    return json.dumps({"id": doc_id, "text": GOOD})


def only_error_for(report: api.IngestReport, needle: str) -> str:
    lines = rejected_lines(report)
    assert len(lines) == 1, lines
    assert needle in lines[0]
    assert "\n" not in lines[0]
    return lines[0]


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_empty_file_is_rejected_and_good_file_stored(tmp_path, good_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = api.ingest([empty, good_file], tmp_path / "t.duckdb")
    assert "empty" in only_error_for(report, str(empty))
    assert stored_ids(tmp_path / "t.duckdb") == ["good"]


def test_blank_file_is_rejected(tmp_path, good_file):
    blank = tmp_path / "blank.md"
    blank.write_text("  \n\n \t\n", encoding="utf-8")
    report = api.ingest([blank, good_file], tmp_path / "t.duckdb")
    only_error_for(report, str(blank))
    assert stored_ids(tmp_path / "t.duckdb") == ["good"]


def test_boilerplate_only_file_is_rejected(tmp_path, good_file):
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("Share this article\n\nSign up for our newsletter\n\n© 2020 Example Media", encoding="utf-8")
    report = api.ingest([prompts, good_file], tmp_path / "t.duckdb")
    assert "nothing left after cleaning" in only_error_for(report, str(prompts))


def test_binary_file_is_rejected(tmp_path, good_file):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    report = api.ingest([binary, good_file], tmp_path / "t.duckdb")
    assert "binary" in only_error_for(report, str(binary))
    assert stored_ids(tmp_path / "t.duckdb") == ["good"]


def test_binary_without_nul_bytes_is_rejected():
    data = bytes(b for b in range(1, 32) if b not in b"\t\n\r") * 50
    assert readers.looks_binary(data)
    assert not readers.looks_binary(GOOD.encode() + b"\n\ttabbed\r\n")


def test_invalid_utf8_falls_back_to_cp1252_with_a_note(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("The minister’s office said the café near the ministry was closed.".encode("cp1252"))
    report = api.ingest([latin], tmp_path / "t.duckdb")
    assert report.rejected == []
    with Store(tmp_path / "t.duckdb") as store:
        doc = store.document("latin")
    assert "minister’s office" in doc["clean_text"] and "café" in doc["clean_text"]
    assert any("cp1252" in note for note in doc["notes"])


def test_malformed_jsonl_line_names_file_and_line_and_keeps_the_rest(tmp_path):
    broken = '{"id": "two", "text": "unterminated'
    path = write_jsonl(tmp_path / "a.jsonl", [good_line("one"), broken, good_line("three")])
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert "malformed JSON" in only_error_for(report, f"{path}:2")
    assert stored_ids(tmp_path / "t.duckdb") == ["one", "three"]


def test_jsonl_line_missing_text_key_is_rejected(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [json.dumps({"id": "no-text", "title": "A title"}), good_line("ok")])
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert "'text'" in only_error_for(report, f"{path}:1")
    assert stored_ids(tmp_path / "t.duckdb") == ["ok"]


def test_jsonl_line_that_is_not_an_object_is_rejected(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ['["id", "text"]', good_line("ok")])
    report = api.ingest([path], tmp_path / "t.duckdb")
    only_error_for(report, f"{path}:1")


def test_empty_jsonl_file_is_rejected(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    report = api.ingest([path], tmp_path / "t.duckdb")
    assert "empty" in only_error_for(report, str(path))


def test_fake_gzip_is_rejected(tmp_path, good_file):
    fake = tmp_path / "fake.jsonl.gz"
    fake.write_bytes(b"this is not gzip data at all")
    report = api.ingest([fake, good_file], tmp_path / "t.duckdb")
    only_error_for(report, str(fake))
    assert stored_ids(tmp_path / "t.duckdb") == ["good"]


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(good_line("zipped") + "\n")
    assert api.ingest([path], tmp_path / "t.duckdb").rejected == []
    assert stored_ids(tmp_path / "t.duckdb") == ["zipped"]


def test_missing_path_and_unsupported_type_are_rejected(tmp_path, good_file):
    other = tmp_path / "table.xlsx"
    other.write_bytes(b"PK")
    report = api.ingest([tmp_path / "nowhere.txt", other, good_file], tmp_path / "t.duckdb")
    lines = rejected_lines(report)
    assert len(lines) == 2
    assert any("nowhere.txt" in line and "no such file" in line for line in lines)
    assert any("table.xlsx" in line and "unsupported" in line for line in lines)


def test_huge_file_is_rejected_quickly_without_reading_it(tmp_path, good_file, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 50 MB on paper, nothing to read
        handle.truncate(50 * 1024 * 1024)
    assert huge.stat().st_size > MAX_FILE_BYTES

    def no_read(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    results = list(read_all([huge]))
    assert len(results) == 1
    message = str(results[0])
    assert str(huge) in message and "MB" in message and "\n" not in message


def test_huge_jsonl_line_is_rejected_without_holding_it(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"id": "big", "text": "' + b"a" * (readers.MAX_JSONL_LINE_BYTES + 10) + b'"}\n')
        handle.write((good_line("after") + "\n").encode())
    results = list(readers.read_jsonl(path))
    assert [type(r).__name__ for r in results] == ["InputError", "Article"]
    assert f"{path}:1" in str(results[0]) and "MB" in str(results[0])
    assert results[1].id == "after"


def test_folder_of_thousands_of_tiny_files_is_streamed_and_all_stored(tmp_path, monkeypatch):
    # Speed is measured by `make bench`, never by a timed unit test on a shared machine.
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"note-{i:04d}.txt").write_text(f"Note {i}: the envoy met the commanders.", encoding="utf-8")
    calls = []
    real_read = readers.read_text_file
    monkeypatch.setattr(readers, "read_text_file", lambda p: calls.append(p) or real_read(p))
    first = next(read_all([folder]))
    assert first.id == "note-0000" and len(calls) == 1  # files are read one at a time, not all up front
    monkeypatch.undo()

    report = api.ingest([folder], tmp_path / "many.duckdb", batch_size=64)
    assert report.stored == 2000 and report.rejected == []


def test_rerun_after_rejections_stores_the_rest_without_duplicates(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [good_line("one"), "not json", good_line("two")])
    db = tmp_path / "t.duckdb"
    first = api.ingest([path], db)
    assert (first.stored, len(first.rejected)) == (2, 1)
    write_jsonl(path, [good_line("one"), good_line("fixed"), good_line("two")])
    second = api.ingest([path], db)
    assert (second.stored, second.unchanged, len(second.rejected)) == (1, 2, 0)
    assert stored_ids(db) == ["fixed", "one", "two"]
    with Store(db) as store:
        assert store.count("documents") == 3


# --- the same through the command line -------------------------------------------------

runner = CliRunner()


def test_cli_exits_nonzero_and_names_each_rejected_input(tmp_path, good_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = write_jsonl(tmp_path / "a.jsonl", [good_line("line-ok"), "{broken"])
    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["ingest", str(empty), str(bad), str(good_file), "--db", str(db)])
    assert result.exit_code == 1
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert str(empty) in output and f"{bad}:2" in output
    assert "2 rejected" in output
    assert stored_ids(db) == ["good", "line-ok"]


def test_cli_exits_zero_when_nothing_was_rejected(tmp_path, good_file):
    result = runner.invoke(app, ["ingest", str(good_file), "--db", str(tmp_path / "cli.duckdb")])
    assert result.exit_code == 0, result.output
    assert "0 rejected" in result.output


def test_cli_rerun_of_failed_run_stores_nothing_twice(tmp_path, good_file):
    db = str(tmp_path / "cli.duckdb")
    missing = tmp_path / "later.txt"
    assert runner.invoke(app, ["ingest", str(good_file), str(missing), "--db", db]).exit_code == 1
    missing.write_text("The talks resumed in the capital after a week of delays.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(good_file), str(missing), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "1 unchanged" in result.output
    assert stored_ids(Path(db)) == ["good", "later"]


def test_html_page_without_article_text_is_rejected(tmp_path, good_file):
    page = tmp_path / "empty-page.html"
    page.write_text("<html><head></head><body><div></div></body></html>", encoding="utf-8")
    report = api.ingest([page, good_file], tmp_path / "t.duckdb")
    only_error_for(report, str(page))
    assert stored_ids(tmp_path / "t.duckdb") == ["good"]


def test_html_parser_crash_becomes_a_rejection(tmp_path, monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise ValueError("parser blew up")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    page = tmp_path / "weird.html"
    page.write_text("<html><body><p>Some words here.</p></body></html>", encoding="utf-8")
    results = list(read_all([page]))
    assert len(results) == 1 and "cannot parse" in str(results[0]) and str(page) in str(results[0])
