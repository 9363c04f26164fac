"""Story clusters: documents about the same happening share a story id.

A report names its happening in the headline and the first paragraphs, so two
documents are compared on their leads: TF-IDF weighted content words of the
title and the first LEAD_WORDS words. A pair joins one story when its cosine
similarity is high enough and the publication dates are close, so dated documents
are paired by a sweep over their days (never all pairs: the cost grows with the
corpus's span of days); a document without a date is paired through MinHash LSH
over the lead words, and as only the text speaks then, the bar is higher. Pairs are joined most
similar first, and never so that a story's dated members span more than
MAX_STORY_DAYS (undated articles would otherwise chain attacks years apart).
A story's id is its earliest document (by date, then id).
A duplicate joins its original's story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

from datasketch import MinHashLSH

from accord.link.dedup import STOPWORDS, WordHashes, minhash, words

LEAD_WORDS = 200
TITLE_WEIGHT = 2  # headline words count twice: the headline names the happening
CANDIDATE_THRESHOLD = 0.05
SIMILARITY_DATED = 0.15
SIMILARITY_UNDATED = 0.2
MAX_DAYS_APART = 3
MAX_STORY_DAYS = 7  # dated members of one story lie this close; stops undated articles chaining distant stories

Vector = dict[str, float]


def lead_terms(doc: dict[str, Any]) -> Counter[str]:
    title = [t for t in words(doc.get("title") or "") if t not in STOPWORDS and len(t) > 2]
    body = [t for t in words(doc.get("clean_text") or "")[:LEAD_WORDS] if t not in STOPWORDS and len(t) > 2]
    return Counter(body) + Counter({t: TITLE_WEIGHT for t in title})


def tfidf_vectors(terms: dict[str, Counter[str]]) -> dict[str, Vector]:
    """Unit-length TF-IDF vectors (log-scaled counts, smoothed idf over these documents)."""
    df = Counter(t for counts in terms.values() for t in counts)
    n = len(terms)
    vectors = {}
    for doc_id, counts in terms.items():
        weights = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t])) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[doc_id] = {t: w / norm for t, w in weights.items()}
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:  # a month- or year-only date: too coarse to tell
        return None


def same_story(similarity: float, apart: int | None) -> bool:
    if apart is None:
        return similarity >= SIMILARITY_UNDATED
    return apart <= MAX_DAYS_APART and similarity >= SIMILARITY_DATED


def candidate_pairs(terms: dict[str, Counter[str]], days: dict[str, date | None]) -> Iterator[tuple[str, str]]:
    """Each pair of documents that could be one story, once, as (smaller id, larger id).

    Two dated documents can only be one story within MAX_DAYS_APART of each other, so they are paired by a
    sweep over publication days (the cost grows with the corpus's span, not with its square); a document
    without a day is paired with those whose lead words LSH finds alike.
    """
    dated = sorted((day, doc_id) for doc_id, day in days.items() if day is not None and doc_id in terms)
    for i, (day, doc_id) in enumerate(dated):
        for later_day, other in dated[i + 1:]:
            if (later_day - day).days > MAX_DAYS_APART:
                break
            yield (doc_id, other) if doc_id < other else (other, doc_id)
    undated = [doc_id for doc_id in terms if days.get(doc_id) is None and terms[doc_id]]
    if not undated:
        return
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=128)
    word_hashes = WordHashes()
    signatures = {doc_id: minhash(counts, word_hashes) for doc_id, counts in terms.items() if counts}
    for doc_id, signature in signatures.items():
        lsh.insert(doc_id, signature)
    for doc_id in undated:
        for other in lsh.query(signatures[doc_id]):
            # a pair of two undated documents is met from both sides: keep it from its smaller id
            if other != doc_id and (days.get(other) is not None or doc_id < other):
                yield (doc_id, other) if doc_id < other else (other, doc_id)


class _Stories:
    """Union-find over documents that keeps each story's span of publication dates."""

    def __init__(self, docs: list[dict[str, Any]]):
        self.parent = {d["id"]: d["id"] for d in docs}
        self.span: dict[str, tuple[date, date] | None] = {d["id"]: _day_span(d.get("published")) for d in docs}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        """Merge the stories of a and b unless their dated members would lie too far apart."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        merged = _merge_spans(self.span[root_a], self.span[root_b])
        if merged and (merged[1] - merged[0]).days > MAX_STORY_DAYS:
            return
        self.parent[root_a] = root_b
        self.span[root_b] = merged

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = {}
        for doc_id in self.parent:
            members.setdefault(self.find(doc_id), []).append(doc_id)
        return list(members.values())


def _day_span(published: str | None) -> tuple[date, date] | None:
    try:
        day = date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        day = None
    return (day, day) if day else None


def _merge_spans(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))


def cluster_stories(docs: list[dict[str, Any]], duplicate_of: dict[str, str]) -> dict[str, str]:
    """Each document's story id; a duplicate joins its original's story."""
    by_id = {d["id"]: d for d in docs}
    originals = [d for d in docs if d["id"] not in duplicate_of]
    terms = {d["id"]: lead_terms(d) for d in originals}
    vectors = tfidf_vectors(terms)
    stories = _Stories(originals)
    scored = []
    days = {doc_id: span[0] if span else None for doc_id, span in stories.span.items()}
    for a, b in candidate_pairs(terms, days):
        apart = days_apart(by_id[a].get("published"), by_id[b].get("published"))
        if apart is not None and apart > MAX_DAYS_APART:
            continue  # too far apart to be one story, however similar: the cheap test first
        similarity = cosine(vectors[a], vectors[b])
        if same_story(similarity, apart):
            scored.append((-similarity, a, b))
    for _, a, b in sorted(scored):  # most similar first, so the date-span check keeps the best links
        stories.join(a, b)
    story = {}
    for group in stories.groups():
        first = min(group, key=lambda i: (by_id[i].get("published") or "9999", i))
        story.update({doc_id: first for doc_id in group})
    for doc_id, original in duplicate_of.items():
        story[doc_id] = story.get(original, original)
    return story
