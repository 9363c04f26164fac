"""The extractor fingerprint: stored documents are extracted again when data files or extractor code change."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from accord import api
from accord.fingerprint import PACKAGE_ROOT, fingerprint_of, fingerprinted_files
from accord.store import Store

ARTICLE_A = {"id": "fp-a", "title": "Talks in the capital", "published": "2021-03-04",
             "text": "The two delegations met in the capital on Friday.\n\n"
                     "“We are ready to talk,” the envoy said after the meeting.\n\n"
                     "Share this article"}
ARTICLE_B = {"id": "fp-b", "title": "A convoy moves north", "published": "2021-03-05",
             "text": "A convoy of trucks left the port on Saturday, officials said."}


@pytest.fixture()
def package_copy(tmp_path: Path) -> Path:
    """A copy of the files the fingerprint covers, to edit without touching the installed package."""
    root = tmp_path / "accord"
    for path in fingerprinted_files(PACKAGE_ROOT):
        target = root / path.relative_to(PACKAGE_ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return root


def _jsonl(tmp_path: Path, name: str, *articles: dict) -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def test_covers_the_data_files_the_extractors_and_the_cleaner():
    names = {p.relative_to(PACKAGE_ROOT).as_posix() for p in fingerprinted_files(PACKAGE_ROOT)}
    assert {"data/boilerplate.yaml", "data/speech_verbs.yaml", "extract/quotes.py",
            "ingest/clean.py", "ingest/edges.py", "ingest/header_lines.py", "nlp.py"} <= names
    assert not any("__pycache__" in name for name in names)


def test_a_copy_elsewhere_has_the_same_fingerprint(package_copy):
    assert fingerprint_of(package_copy) == fingerprint_of(PACKAGE_ROOT)


def test_touching_a_file_without_changing_it_keeps_the_fingerprint(package_copy):
    before = fingerprint_of(package_copy)
    os.utime(package_copy / "data" / "boilerplate.yaml", (1, 1))
    assert fingerprint_of(package_copy) == before


def test_editing_a_lexicon_or_the_code_changes_the_fingerprint(package_copy):
    before = fingerprint_of(package_copy)
    lexicon = package_copy / "data" / "speech_verbs.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# an analyst's note\n", encoding="utf-8")
    after_lexicon = fingerprint_of(package_copy)
    code = package_copy / "extract" / "quotes.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert len({before, after_lexicon, fingerprint_of(package_copy)}) == 3


def test_a_new_version_changes_the_fingerprint(package_copy):
    assert fingerprint_of(package_copy, "1.0") != fingerprint_of(package_copy, "1.1")


def test_ingesting_again_with_the_same_extractor_extracts_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    source = _jsonl(tmp_path, "a.jsonl", ARTICLE_A)
    api.ingest([source], db)
    report = api.ingest([source], db)
    assert (report.unchanged, report.reextracted, report.stored, report.updated) == (1, 0, 0, 0)


def test_an_edited_data_file_re_extracts_stored_documents(tmp_path, package_copy, monkeypatch):
    db = tmp_path / "s.duckdb"
    api.ingest([_jsonl(tmp_path, "a.jsonl", ARTICLE_A)], db)
    with Store(db) as store:
        first = store.document_state("fp-a")[1]
        # A stored document the next input does not hold is extracted again too.
        store.con.execute("UPDATE documents SET clean_text = 'stale text' WHERE id = 'fp-a'")

    boilerplate = package_copy / "data" / "boilerplate.yaml"
    boilerplate.write_text(boilerplate.read_text(encoding="utf-8") + "\n# a new pattern would go here\n",
                           encoding="utf-8")
    edited = fingerprint_of(package_copy)
    monkeypatch.setattr(api, "extractor_fingerprint", lambda: edited)

    report = api.ingest([_jsonl(tmp_path, "b.jsonl", ARTICLE_B)], db)
    assert (report.stored, report.reextracted) == (1, 1)
    with Store(db) as store:
        assert {store.document_state(i)[1] for i in ("fp-a", "fp-b")} == {edited} != {first}
        cleaned = store.document("fp-a")["clean_text"]  # cleaned again from the stored raw text
        assert cleaned.startswith("The two delegations") and "Share this article" not in cleaned
        assert store.count_query("SELECT * FROM quotes WHERE doc = 'fp-a'") == 1


def test_an_input_document_under_an_old_fingerprint_is_re_extracted_not_counted_unchanged(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    source = _jsonl(tmp_path, "a.jsonl", ARTICLE_A)
    api.ingest([source], db)
    monkeypatch.setattr(api, "extractor_fingerprint", lambda: "0.0+other")
    report = api.ingest([source], db)
    assert (report.unchanged, report.reextracted, report.updated) == (0, 1, 0)
    with Store(db) as store:
        assert store.document_state("fp-a")[1] == "0.0+other"


def test_a_store_from_before_fingerprints_is_upgraded(tmp_path):
    db = tmp_path / "s.duckdb"
    source = _jsonl(tmp_path, "a.jsonl", ARTICLE_A)
    api.ingest([source], db)
    with Store(db) as store:
        store.con.execute("UPDATE documents SET extractor_version = '0.9.0+x5'")
    report = api.ingest([source], db)
    assert report.reextracted == 1
    with Store(db) as store:
        assert store.document_state("fp-a")[1] == api.extractor_fingerprint()
