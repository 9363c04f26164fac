"""Cleaning never drops article content: checked over the whole shared corpus and every gold span."""

from __future__ import annotations

import json
import re

import pytest

from accord.ingest.clean import boilerplate_rules, clean, is_caption, normalise, paragraphs, strip_photo_credit
from conftest import GOLD

_WORD = re.compile(r"\w+")
MIN_KEPT_SHARE = 0.90


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def caption_words(raw: str) -> int:
    """Words in embedded media captions (which cleaning drops) and photo credits (which it cuts)."""
    rules = boilerplate_rules()
    widgets = ("image copyright", "media playback is unsupported")
    total = 0
    for para in paragraphs(normalise(raw)):
        if para.lower().startswith(widgets):
            total += word_count(para)
        elif is_caption(para, rules):
            total += word_count(para) - word_count(strip_photo_credit(para, rules))
    return total


def test_cleaning_keeps_ninety_percent_of_the_words_besides_captions(corpus_articles):
    short = {}
    for doc_id, article in corpus_articles.items():
        raw_words = word_count(article["text"])
        kept = word_count(clean(article["text"], article.get("title")).text) + caption_words(article["text"])
        if kept < MIN_KEPT_SHARE * raw_words:
            short[doc_id] = round(kept / raw_words, 3)
    assert not short, f"cleaning dropped more than 10% of the words of {short}"


def test_cleaning_keeps_most_words_of_the_corpus_overall(corpus_articles):
    raw = sum(word_count(a["text"]) for a in corpus_articles.values())
    kept = sum(word_count(clean(a["text"], a.get("title")).text) for a in corpus_articles.values())
    assert kept >= 0.95 * raw


def test_every_gold_span_survives_cleaning(corpus_articles):
    if not GOLD.exists():
        pytest.skip("../shared/corpus/gold is not beside the repo")
    missing = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = corpus_articles[gold["doc"]]
        text = clean(article["text"], article.get("title")).text
        for table in ("quotes", "claims", "events", "durations"):
            for item in gold.get(table, []):
                span = re.sub(r"\s+", " ", normalise(item["text"])).strip()
                if span not in text:
                    missing.append((gold["doc"], table, span[:60]))
    assert not missing


def test_cleaning_finds_no_date_in_articles_that_state_none(corpus_articles):
    # Articles published without a date carry none in their text either; a found date would be made up.
    found = {doc_id: clean(a["text"], a.get("title")).published
             for doc_id, a in corpus_articles.items() if not a.get("published")}
    assert not {k: v for k, v in found.items() if v}


def test_cleaning_finds_the_dateline_of_articles_that_carry_one(corpus_articles):
    # Where a date is found, it must be the date the input gives (never another date of the text).
    wrong = {}
    for doc_id, article in corpus_articles.items():
        found = clean(article["text"], article.get("title")).published
        if found and article.get("published") and found != article["published"]:
            wrong[doc_id] = (found, article["published"])
    assert not wrong
