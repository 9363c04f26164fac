"""Near-duplicate documents: MinHash LSH (datasketch) over word shingles.

A republished copy with a new headline, a trimmed copy and a light paraphrase
share most of their word 3-grams or, for paraphrases, most of their content
words; either similarity above its threshold makes a duplicate. The earliest
document (by publication date, then id) of a group is the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_THRESHOLD = 0.5
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def minhash(tokens: Iterable[str]) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=7)
    signature.update_batch([t.encode("utf-8") for t in tokens])
    return signature


def shingles(tokens: list[str], n: int = 3) -> set[str]:
    return {" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def _order_key(doc: dict[str, Any]) -> tuple[str, str]:
    return (doc.get("published") or "9999", doc["id"])


def find_duplicates(docs: list[dict[str, Any]], threshold: float = SHINGLE_THRESHOLD) -> dict[str, str]:
    """Map each duplicate's id to the id of the earliest document it copies."""
    ordered = sorted(docs, key=_order_key)
    by_id = {d["id"]: d for d in ordered}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    duplicate_of: dict[str, str] = {}
    for doc in ordered:
        tokens = words(doc["clean_text"] or "")
        if len(tokens) < 20:
            continue
        signature = minhash(shingles(tokens))
        earlier = lsh.query(signature)
        if earlier:
            original = min(earlier, key=lambda i: _order_key(by_id[i]))
            duplicate_of[doc["id"]] = duplicate_of.get(original, original)
        else:
            lsh.insert(doc["id"], signature)
    return duplicate_of
