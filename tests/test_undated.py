"""Undated articles: a publication estimate from the URL, and event dates read against its month.

Sentences are written for the tests; the corpus is read at run time only.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from accord.api import ingest, prepare
from accord.extract.time import resolve
from accord.ingest.url_dates import date_from_url, estimate_published
from accord.models import Article
from accord.nlp import make_doc
from accord.store import Store

# --- the estimate -------------------------------------------------------------------


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/news/2020/02/some-slug-200213063412531.html", "2020-02"),
    ("https://example.com/2019/09/07/politics/some-slug/index.html", "2019-09-07"),
    ("https://example.com/news/world-asia-48825400", None),
    ("https://example.com/articles/some-slug-11566898204?mod=hp", None),
    ("https://example.com/news/2020/13/slug.html", None),
    (None, None),
])
def test_url_date_keeps_the_precision_of_the_path(url, expected):
    assert date_from_url(url) == expected


def test_estimate_names_its_source():
    assert estimate_published("https://example.com/news/2020/03/slug.html") == ("2020-03", "url")
    assert estimate_published("https://example.com/news/slug.html") == (None, None)


def test_undated_article_gets_an_estimate_and_keeps_published_null():
    doc = prepare(Article(id="a", text="Fighting continued in the north.", url="https://example.com/2020/02/x.html"))
    assert (doc.published, doc.published_estimate, doc.published_estimate_source) == (None, "2020-02", "url")


def test_dated_article_gets_no_estimate():
    doc = prepare(Article(id="a", text="Fighting continued in the north.", url="https://example.com/2020/02/x.html",
                          published="2020-03-01"))
    assert (doc.published, doc.published_estimate) == ("2020-03-01", None)


def test_store_of_an_older_version_gains_the_columns_and_the_estimates(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("""CREATE TABLE documents (id VARCHAR PRIMARY KEY, title VARCHAR, source VARCHAR, url VARCHAR,
                   published VARCHAR, published_found BOOLEAN, language VARCHAR, chars INTEGER,
                   duplicate_of VARCHAR, story VARCHAR, raw_text VARCHAR, clean_text VARCHAR,
                   content_hash VARCHAR, origin VARCHAR, notes VARCHAR[], extractor_version VARCHAR,
                   ingested_at TIMESTAMP)""")
    con.close()
    with Store(db) as store:
        assert "published_estimate" in [r["column_name"] for r in store.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'")]
    # An article stored before estimates existed is found again by the next ingest and dated.
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "u", "text": "Fighting continued in the north on Sunday.",
                                  "url": "https://example.com/news/2019/09/x.html"}) + "\n", encoding="utf-8")
    ingest([source], db)
    with Store(db) as store:
        store.con.execute("UPDATE documents SET published_estimate = NULL, published_estimate_source = NULL")
    ingest([source], db)
    with Store(db, read_only=True) as store:
        assert store.document("u")["published_estimate"] == "2019-09"


# --- time against a month ----------------------------------------------------------------


@pytest.mark.parametrize(("expression", "tense", "expected"), [
    ("on Saturday", "past", ("2020-02", "month")),
    ("last week", None, ("2020-02", "month")),
    ("yesterday", None, ("2020-02", "month")),
    ("last month", "past", ("2020-01", "month")),
    ("last year", "past", ("2019", "year")),
    ("in September", "past", ("2019-09", "month")),
    ("on March 10", "future", ("2020-03-10", "day")),
    ("on February 22", "past", ("2020-02-22", "day")),
    ("December", "future", ("2020-12", "month")),
    ("September 7, 2019", None, ("2019-09-07", "day")),
])
def test_month_reference_resolves_no_finer_than_it_knows(expression, tense, expected):
    value = resolve(expression, "2020-02", tense)
    assert (value.iso, value.precision) == expected


def test_without_any_reference_relative_cues_stay_unknown():
    assert resolve("on Saturday", None, "past") is None


# --- events of an undated article ------------------------------------------------------------


def _events(nlp, text: str, estimate: str | None):
    return nlp(make_doc(nlp, "t", text, None, None, estimate))._.event_mentions


def test_undated_report_takes_the_estimated_month(nlp):
    [event] = _events(nlp, "Insurgents attacked a checkpoint in Kandahar on Sunday.", "2020-02")
    assert (event.date, event.date_precision) == ("2020-02", "month")
    [event] = _events(nlp, "Insurgents attacked a checkpoint in Kandahar on Sunday.", None)
    assert event.date is None


def test_undated_year_less_month_is_the_nearest_past_one(nlp):
    [event] = _events(nlp, "In October, insurgents attacked a checkpoint in Kandahar.", "2020-02")
    assert event.date == "2019-10"


def test_undated_plan_after_the_estimated_month_is_planned(nlp):
    events = [e for e in _events(nlp, "The foreign ministers will meet in Doha on March 10.", "2020-02")
              if e.type == "CONSULT"]
    assert [(e.date, e.planned) for e in events] == [("2020-03-10", True)]


def test_estimate_never_changes_when_words_were_said(nlp):
    doc = nlp(make_doc(nlp, "t", 'The governor said on Sunday: "We will rebuild the bridge."', None, None, "2020-02"))
    assert [q.said_on for q in doc._.quotes] == [None]


def test_undated_report_with_its_own_day_is_not_folded_into_a_weekday_report(nlp):
    text = ("On Saturday, the Taliban declared a ceasefire in Kandahar.\n\n"
            "An earlier ceasefire by the Taliban in Kandahar had taken effect on February 22.")
    ceasefires = [e for e in _events(nlp, text, "2020-02") if e.type == "RETREAT"]
    assert sorted(e.date for e in ceasefires) == ["2020-02", "2020-02-22"]
