"""Shared fixtures: the spaCy pipeline (loaded once) and the shared corpus beside the repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "articles.jsonl"
GOLD = SHARED / "corpus" / "gold"


@pytest.fixture(scope="session")
def nlp():
    from accord.nlp import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def events_of(nlp):
    """The event mentions of a text written for a test, read as if published on `published`."""
    from accord.nlp import make_doc

    def run(text: str, published: str | None = "2020-03-06", title: str | None = None):
        return nlp(make_doc(nlp, "t", text, published, title))._.event_mentions
    return run


@pytest.fixture(scope="session")
def corpus_articles() -> dict[str, dict]:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repo")
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory) -> str:
    """A store with the gold-annotated articles of the shared corpus ingested (once per test run)."""
    if not GOLD.exists():
        pytest.skip("../shared/corpus/gold is not beside the repo")
    from accord.api import ingest

    wanted = {p.stem for p in GOLD.glob("*.json")}
    folder = tmp_path_factory.mktemp("gold")
    subset = folder / "gold-articles.jsonl"
    with subset.open("w", encoding="utf-8") as handle:
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in wanted:
                handle.write(line + "\n")
    db = str(folder / "gold.duckdb")
    ingest([subset], db)
    return db


@pytest.fixture
def quotes_of(nlp):
    """The quotes of a text written for a test, read as if published on `published` (a Saturday by default)."""
    from accord.nlp import make_doc

    def run(text: str, published: str | None = "2020-03-07"):
        return nlp(make_doc(nlp, "t", text, published))._.quotes

    return run


def quote_starting(quotes, words: str):
    return next(q for q in quotes if q.text.startswith(words))
