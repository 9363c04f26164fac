"""The embedded demo corpus (demo/) ingests cleanly and keeps the traps it was written to contain.

demo/README.md lists which files are the republished copy, the paraphrase and the
undated articles; the ids below mirror that list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from accord.api import IngestReport, ingest
from accord.ingest.readers import TEXT_SUFFIXES
from accord.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo"
FEED = DEMO / "feed.jsonl"

REPUBLISHED = ("ps-2020-03-06-helmand-repost", "kl-2020-03-05-helmand-strike")
PARAPHRASED = ("demo-06-signing-rewrite", "gw-2020-02-29-signing")
UNDATED = "demo-07-what-the-deal-says"
# The contested figure: Taliban attacks, 1-7 March 2020, per the Interior Ministry and per the Taliban.
CONTESTED_ATTACK_COUNTS = {76, 20}
DATED_ONLY_IN_TEXT = "kl-taliban-no-talks-without-prisoners"


def _inputs() -> list[Path]:
    return sorted(p for p in DEMO.iterdir() if p.is_file() and p.name != "README.md")


def _feed_rows() -> list[dict]:
    return [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _html_pages() -> list[Path]:
    return [p for p in _inputs() if p.suffix == ".html"]


class _PageMeta(HTMLParser):
    """The metadata a news page declares about itself: <title> and the og/article meta tags."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("property") and values.get("content"):
            self.meta[values["property"]] = values["content"]
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _page_meta(path: Path) -> _PageMeta:
    parser = _PageMeta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@dataclass
class DemoRun:
    report: IngestReport
    docs: dict[str, dict]
    contests: list[dict]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> DemoRun:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    report = ingest(_inputs(), db)
    with Store(db, read_only=True) as store:
        docs = {row["id"]: row for row in store.rows("SELECT * FROM documents")}
        contests = store.rows("SELECT * FROM contests")
    return DemoRun(report, docs, contests)


def test_every_demo_article_is_stored_and_none_rejected(demo_run):
    file_ids = {p.stem for p in _inputs() if p.suffix in TEXT_SUFFIXES | {".html"}}
    feed_ids = {row["id"] for row in _feed_rows()}
    assert demo_run.report.rejected == []
    assert demo_run.report.not_english == []
    assert set(demo_run.docs) == file_ids | feed_ids


def test_demo_corpus_has_18_to_22_articles_in_all_three_formats():
    suffixes = [p.suffix for p in _inputs()]
    articles = len(_feed_rows()) + sum(s != ".jsonl" for s in suffixes)
    assert 18 <= articles <= 22
    assert {".txt", ".html", ".jsonl"} <= set(suffixes)
    assert 4 <= suffixes.count(".html") <= 5


def test_demo_articles_are_short_news_length():
    texts = [p.read_text(encoding="utf-8") for p in _inputs() if p.suffix in TEXT_SUFFIXES]
    texts += [row["text"] for row in _feed_rows()]
    for text in texts:
        assert 150 <= len(text.split()) <= 450


def test_feed_urls_point_at_example_org_not_real_outlets():
    for row in _feed_rows():
        assert row["url"].split("/")[2].endswith("example.org")


def test_republished_copy_points_to_its_original(demo_run):
    docs = demo_run.docs
    copy, original = REPUBLISHED
    assert docs[copy]["source"] != docs[original]["source"]
    assert docs[copy]["duplicate_of"] == original
    assert docs[original]["duplicate_of"] is None


def test_machine_paraphrase_points_to_its_original(demo_run):
    docs = demo_run.docs
    paraphrase, original = PARAPHRASED
    assert docs[paraphrase]["duplicate_of"] == original


def test_distinct_articles_are_not_marked_duplicates(demo_run):
    docs = demo_run.docs
    expected_copies = {REPUBLISHED[0], PARAPHRASED[0]}
    copies = {i for i, d in docs.items() if d["duplicate_of"]}
    assert copies <= expected_copies


@pytest.mark.parametrize("page", _html_pages(), ids=lambda p: p.stem)
def test_html_article_takes_title_source_and_date_from_its_page(demo_run, page):
    docs = demo_run.docs
    meta = _page_meta(page)
    doc = docs[page.stem]
    assert doc["title"] and doc["title"] in meta.title
    assert doc["source"] == meta.meta["og:site_name"]
    assert doc["published"] == meta.meta["article:published_time"][:10]


def test_article_without_any_date_keeps_published_null(demo_run):
    docs = demo_run.docs
    assert docs[UNDATED]["published"] is None


def test_feed_article_without_metadata_date_gets_it_from_its_published_line(demo_run):
    docs = demo_run.docs
    row = next(r for r in _feed_rows() if r["id"] == DATED_ONLY_IN_TEXT)
    assert "published" not in row
    published_line = next(line for line in row["text"].splitlines() if line.startswith("Published:"))
    stated = datetime.strptime(published_line.removeprefix("Published:").strip(), "%B %d, %Y").date()
    assert docs[DATED_ONLY_IN_TEXT]["published"] == stated.isoformat()


def test_text_and_markdown_articles_take_their_date_from_an_outlet_published_line(demo_run):
    # "Outlet — Published 1 March 2020" (demo-02, .md) and "Published March 1, 2020 — Outlet" (demo-06, .txt)
    assert demo_run.docs["demo-02-prisoner-dispute"]["published"] == "2020-03-01"
    assert demo_run.docs["demo-06-signing-rewrite"]["published"] == "2020-03-01"
    assert "Published" not in demo_run.docs["demo-02-prisoner-dispute"]["clean_text"]


def test_text_and_markdown_articles_take_their_source_from_a_byline_or_date_line(demo_run):
    # no input metadata: the outlet comes from "By Jane Doe, Outlet", "Outlet · Published ..." or the dateline
    plain = [doc for doc in demo_run.docs.values() if doc["origin"].endswith((".txt", ".md"))]
    assert plain and all(doc["source"] for doc in plain), [doc["id"] for doc in plain if not doc["source"]]
    assert demo_run.docs["demo-06-signing-rewrite"]["source"] != demo_run.docs["gw-2020-02-29-signing"]["source"]


def test_disputed_weekly_attack_count_becomes_a_contest(demo_run):
    contested_values = [{claim["value"] for claim in row["claims"]} for row in demo_run.contests]
    assert any(CONTESTED_ATTACK_COUNTS <= values for values in contested_values)
