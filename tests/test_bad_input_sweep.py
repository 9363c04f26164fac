"""Bad input sweep: each kind of bad input, placed after a good one, gives one line naming the file (and line),
keeps what was stored before it, and a re-run with the input fixed stores the rest without duplicates.

The simple cases (empty, binary, malformed line, over-long line) are also in test_bad_input.py; here each goes
through the same three steps, through the command line, with the bad input between good ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord import api
from accord.cli import app
from accord.ingest import readers
from accord.store import Store

GOOD = "The envoy met the commanders in the capital on Monday to discuss the truce."
FIXED = "The talks resumed in the capital after a week of delays, the envoy said."


def line(doc_id: str, text: str = GOOD) -> bytes:
    return json.dumps({"id": doc_id, "text": text}).encode() + b"\n"


def huge_line() -> bytes:
    return b'{"id": "huge", "text": "' + b"word " * (readers.MAX_JSONL_LINE_BYTES // 5 + 10) + b'"}\n'


def huge_text(limit: int) -> bytes:
    return b"The envoy spoke. " * (limit // 17 + 10)


# name -> (bad bytes, fixed bytes) of the middle line of a.jsonl
BAD_LINES: dict[str, tuple[bytes, bytes]] = {
    "malformed": (b'{"id": "mid", "text": "unterminated\n', line("mid", FIXED)),
    "huge line": (huge_line(), line("mid", FIXED)),
    "binary line": (b'{"id": "mid", "text": "\x00\x01\x02\x03"}\n', line("mid", FIXED)),
    "not an object": (b'["mid", "text"]\n', line("mid", FIXED)),
}

# name -> (bad bytes, fixed bytes) of the file b.txt, given after a.txt
BAD_FILES: dict[str, tuple[bytes, bytes]] = {
    "empty": (b"", FIXED.encode()),
    "blank": (b" \n\n\t\n", FIXED.encode()),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, FIXED.encode()),
}


def ingest(paths: list[Path], db: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["ingest", *map(str, paths), "--db", str(db)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    rejected = [row for row in result.stderr.splitlines() if row.startswith("rejected ")]
    return result.exit_code, rejected


def stored(db: Path) -> list[str]:
    with Store(db) as store:
        return store.document_ids()


def check_sweep(tmp_path: Path, inputs: list[Path], write: Callable[[bool], None], where: str) -> None:
    db = tmp_path / "t.duckdb"
    write(False)
    code, rejected = ingest(inputs, db)
    assert code == 1
    assert len(rejected) == 1 and rejected[0].startswith(f"rejected {where}: "), rejected
    assert stored(db) == ["after", "before"]

    code, rejected = ingest(inputs, db)  # the same inputs again: same rejection, nothing stored twice
    assert code == 1 and len(rejected) == 1
    assert stored(db) == ["after", "before"]

    write(True)
    code, rejected = ingest(inputs, db)
    assert (code, rejected) == (0, [])
    assert stored(db) == ["after", "before", "mid"]


@pytest.mark.parametrize("case", BAD_LINES)
def test_bad_jsonl_line_between_good_ones(tmp_path, case):
    path = tmp_path / "a.jsonl"
    bad, fixed = BAD_LINES[case]

    def write(repaired: bool) -> None:
        path.write_bytes(line("before") + (fixed if repaired else bad) + line("after"))

    check_sweep(tmp_path, [path], write, f"{path}:2")


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_between_good_ones(tmp_path, case):
    before, mid, after = tmp_path / "before.txt", tmp_path / "mid.txt", tmp_path / "after.txt"
    before.write_text(GOOD, encoding="utf-8")
    after.write_text("The commanders left the capital on Tuesday.", encoding="utf-8")
    bad, fixed = BAD_FILES[case]

    def write(repaired: bool) -> None:
        mid.write_bytes(fixed if repaired else bad)

    check_sweep(tmp_path, [before, mid, after], write, str(mid))


def test_huge_file_between_good_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 64 * 1024)  # the rule, not the size, is under test
    before, mid, after = tmp_path / "before.txt", tmp_path / "mid.txt", tmp_path / "after.txt"
    before.write_text(GOOD, encoding="utf-8")
    after.write_text("The commanders left the capital on Tuesday.", encoding="utf-8")

    def write(repaired: bool) -> None:
        mid.write_bytes(FIXED.encode() if repaired else huge_text(readers.MAX_FILE_BYTES))

    check_sweep(tmp_path, [before, mid, after], write, str(mid))


def test_binary_jsonl_line_is_named_as_binary_data_on_its_line_not_a_binary_file(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(line("before") + line("mid") + BAD_LINES["binary line"][0] + line("after"))
    code, rejected = ingest([path], tmp_path / "t.duckdb")
    assert code == 1
    assert rejected == [f"rejected {path}:3: binary data on line 3 (control bytes), not text"]


def test_binary_file_is_named_as_a_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(BAD_FILES["binary"][0])
    code, rejected = ingest([path], tmp_path / "t.duckdb")
    assert code == 1
    assert rejected == [f"rejected {path}: binary file (control bytes), not text"]


def test_latin1_line_is_stored_with_a_note_not_rejected(tmp_path):
    path = tmp_path / "a.jsonl"
    latin = '{"id": "mid", "text": "The café near the ministry was closed, the envoy said."}\n'.encode("latin-1")
    path.write_bytes(line("before") + latin + line("after"))
    code, rejected = ingest([path], tmp_path / "t.duckdb")
    assert (code, rejected) == (0, [])
    with Store(tmp_path / "t.duckdb") as store:
        doc = store.document("mid")
    assert "café" in doc["clean_text"]
    assert any("cp1252" in note for note in doc["notes"])


def test_rejection_of_a_file_with_brackets_in_its_name_is_printed_as_is(tmp_path):
    odd = tmp_path / "[draft] notes [red].txt"
    odd.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, rejected = ingest([good, odd], tmp_path / "t.duckdb")
    assert code == 1 and rejected == [f"rejected {odd}: empty file"]


def test_ingest_summary_stays_on_one_line_with_a_long_store_path(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / ("a-store-folder-with-a-name-long-enough-to-pass-eighty-columns-" * 2) / "[run] t.duckdb"
    db.parent.mkdir()
    result = CliRunner().invoke(app, ["ingest", str(good), "--db", str(db)])
    assert result.exit_code == 0, result.output
    summary = [row for row in result.stdout.splitlines() if " stored, " in row]
    assert summary == [f"1 stored, 0 updated, 0 unchanged, 0 re-extracted, 0 rejected -> {db}"]


def test_article_too_long_for_spacy_is_rejected_not_a_crash(tmp_path):
    path = tmp_path / "a.jsonl"
    long_text = "The envoy spoke at length about the truce. " * (api.MAX_ARTICLE_CHARS // 43 + 100)
    path.write_bytes(line("before") + line("mid", long_text) + line("after"))
    code, rejected = ingest([path], tmp_path / "t.duckdb")
    assert code == 1 and len(rejected) == 1
    assert rejected[0].startswith(f"rejected {path}:2: text is ") and "limit for one article" in rejected[0]
    assert stored(tmp_path / "t.duckdb") == ["after", "before"]


def test_article_limit_is_within_what_spacy_accepts(nlp):
    assert api.MAX_ARTICLE_CHARS <= nlp.max_length


def test_crash_during_extraction_loses_only_the_unstored_batch_and_a_rerun_resumes(tmp_path, monkeypatch):
    # ARCHITECTURE.md "Failure handling": what a crash loses, and that a re-run redoes only that.
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"".join(line(f"d{i}", f"{GOOD} Report number {i}.") for i in range(5)))
    db = tmp_path / "t.duckdb"
    real_extract = api._extract
    extracted: list[str] = []
    crash = {"on": "d2"}

    def extract_or_crash(docs, *args):
        extracted.extend(d.id for d in docs)
        if crash["on"] in [d.id for d in docs]:
            raise RuntimeError("worker died")
        return real_extract(docs, *args)

    monkeypatch.setattr(api, "_extract", extract_or_crash)
    with pytest.raises(RuntimeError):
        api.ingest([path], db, batch_size=2)
    assert stored(db) == ["d0", "d1"]
    with Store(db) as store:  # the corpus-level stage of the crashed run never ran
        assert not any(row["story"] for row in store.rows("SELECT story FROM documents"))

    crash["on"], extracted[:] = "", []
    report = api.ingest([path], db, batch_size=2)
    assert (report.stored, report.unchanged) == (3, 2)
    assert extracted == ["d2", "d3", "d4"]
    assert stored(db) == ["d0", "d1", "d2", "d3", "d4"]
    with Store(db) as store:  # the corpus-level stage ran over all of them
        assert all(row["story"] for row in store.rows("SELECT story FROM documents"))
