"""Near-duplicate documents: MinHash LSH (datasketch) for candidates, exact set overlap to confirm.

A republished copy with a new headline, a trimmed copy and a light paraphrase
of one article must be caught; two reports of the same happening by different
outlets must not. LSH over two signatures finds candidates without comparing
all pairs:

- word 3-gram shingles catch verbatim copies and trims;
- content-word sets (stopwords dropped) survive synonym swaps and reordering.

A candidate is confirmed by containment (overlap divided by the smaller set),
because a trimmed copy holds only part of its original: Jaccard would punish it
for its length. The earliest document (by publication date, then id) of a
group is the original; undated documents come after dated ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

NUM_PERM = 128
CANDIDATE_THRESHOLD = 0.3  # LSH Jaccard threshold for shingles: loose (a trimmed copy shares few), containment decides
# Content words: two texts of comparable length whose content containment reaches CONTENT_CONTAINMENT have a
# Jaccard of about 0.5 (0.68 / 1.32), which LSH at 0.4 (32 bands of 4) finds 87% of the time, and 0.6 99%. At
# 0.3, the words every report on one conflict shares made candidates of a growing share of all pairs (a tenth
# of the corpus at 3,000 articles, the corpus stage's cost growing with its square).
CONTENT_CANDIDATE_THRESHOLD = 0.4
SHINGLE_CONTAINMENT = 0.5
CONTENT_CONTAINMENT = 0.68
# Content words are compared only between texts of comparable vocabulary: a short readout's words
# all occur in a long press briefing. A trimmed copy is caught by its shingles instead.
MIN_CONTENT_SIZE_RATIO = 0.5
MIN_WORDS = 20
_WORD = re.compile(r"[a-z0-9]+")

# Function words carry no sign of copying; everyone writes "the", "said", "that".
STOPWORDS = frozenset(
    """a about after again against all also an and any are as at be because been before being between both but by
    can could did do does during each few for from further had has have having he her here hers him his how i if in
    into is it its itself just more most no nor not of off on once only or other our out over own s same she should
    so some such than that the their them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your said says say told according""".split()
)


@dataclass(frozen=True)
class Fingerprint:
    shingles: frozenset[str]
    content: frozenset[str]
    shingle_hash: MinHash
    content_hash: MinHash


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class WordHashes(dict[bytes, int]):
    """datasketch's token hash (sha1), remembered: a corpus repeats the same words thousands of times and the
    hash was most of the cost of a signature. For words only; a corpus's 3-word shingles are too many to keep."""

    def __missing__(self, token: bytes) -> int:
        value = self[token] = sha1_hash32(token)
        return value


def minhash(tokens: Iterable[str], word_hashes: WordHashes | None = None) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=word_hashes.__getitem__ if word_hashes is not None
                        else sha1_hash32)
    signature.update_batch([t.encode("utf-8") for t in tokens])
    return signature


def shingles(tokens: list[str], n: int = 3) -> set[str]:
    return {" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def content_words(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t not in STOPWORDS and len(t) > 2}


def fingerprint(text: str, word_hashes: WordHashes | None = None) -> Fingerprint | None:
    """The two signatures of a text, or None for a text too short to judge."""
    tokens = words(text or "")
    if len(tokens) < MIN_WORDS:
        return None
    grams, content = frozenset(shingles(tokens)), frozenset(content_words(tokens))
    return Fingerprint(grams, content, minhash(grams), minhash(content, word_hashes))


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def size_ratio(a: frozenset[str], b: frozenset[str]) -> float:
    return min(len(a), len(b)) / max(len(a), len(b), 1)


def is_near_duplicate(a: Fingerprint, b: Fingerprint) -> bool:
    if containment(a.shingles, b.shingles) >= SHINGLE_CONTAINMENT:
        return True
    return (size_ratio(a.content, b.content) >= MIN_CONTENT_SIZE_RATIO
            and containment(a.content, b.content) >= CONTENT_CONTAINMENT)


def _order_key(doc: dict[str, Any]) -> tuple[str, str]:
    return (doc.get("published") or "9999", doc["id"])


def find_duplicates(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Map each duplicate's id to the id of the earliest document it copies."""
    ordered = sorted(docs, key=_order_key)
    by_shingles = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    by_content = MinHashLSH(threshold=CONTENT_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    prints: dict[str, Fingerprint] = {}
    rank = {d["id"]: i for i, d in enumerate(ordered)}
    duplicate_of: dict[str, str] = {}
    word_hashes = WordHashes()
    for doc in ordered:
        current = fingerprint(doc.get("clean_text") or "", word_hashes)
        if current is None:
            continue
        candidates = set(by_shingles.query(current.shingle_hash)) | set(by_content.query(current.content_hash))
        confirmed = [c for c in candidates if is_near_duplicate(current, prints[c])]
        if confirmed:
            original = min(confirmed, key=rank.__getitem__)
            duplicate_of[doc["id"]] = original  # originals are never duplicates: only they are indexed
            continue
        prints[doc["id"]] = current
        by_shingles.insert(doc["id"], current.shingle_hash)
        by_content.insert(doc["id"], current.content_hash)
    return duplicate_of
