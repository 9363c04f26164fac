"""Cross-document event merge: every report of one happening becomes one event with all its sources.

Mentions are blocked by (type, year-month of their date) so that only reports that
could be the same happening are compared; within a block, union-find joins
mentions that `same_happening` accepts (compatible dates and places, a shared
actor, the same mode when both give one). Undated mentions only join events of
their own document (already folded by the extractor) or of the document they
duplicate. A duplicate document's mentions are compared as if they came from its
original. The event id is a hash of its first mention, so it is stable across runs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from accord.extract.events import same_happening

EVENT_FIELDS = ("type", "mode", "detail", "date", "date_precision", "planned", "location", "actor1", "actor2",
                "count", "fatalities")


def _block_key(mention: dict[str, Any], duplicate_of: dict[str, str]) -> tuple[str, str]:
    date = mention.get("date")
    # Undated reports are only compared within their own (original) document.
    bucket = date[:7] if date else f"doc:{duplicate_of.get(mention['doc'], mention['doc'])}"
    return mention["type"], bucket


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _clusters(mentions: list[dict[str, Any]], duplicate_of: dict[str, str]) -> list[list[dict[str, Any]]]:
    parent = list(range(len(mentions)))
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        blocks[_block_key(mention, duplicate_of)].append(index)
        if mention.get("date") and len(mention["date"]) > 4:
            # A month- or day-dated report can be the same as a year-dated one: compare them too.
            blocks[(mention["type"], mention["date"][:4])].append(index)
    for members in blocks.values():
        for position, i in enumerate(members):
            for j in members[position + 1:]:
                if _find(parent, i) != _find(parent, j) and _joinable(mentions[i], mentions[j], duplicate_of):
                    parent[_find(parent, j)] = _find(parent, i)
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        groups[_find(parent, index)].append(mention)
    return list(groups.values())


def _joinable(a: dict[str, Any], b: dict[str, Any], duplicate_of: dict[str, str]) -> bool:
    doc_a, doc_b = duplicate_of.get(a["doc"], a["doc"]), duplicate_of.get(b["doc"], b["doc"])
    if doc_a == doc_b:
        # Within one document the extractor already folded repeats; only a duplicate's copy joins.
        return a["doc"] != b["doc"] and same_happening(a, b)
    if not a.get("date") or not b.get("date"):
        return False
    if len(a["date"]) != len(b["date"]) and min(len(a["date"]), len(b["date"])) == 4:
        return False  # a year alone is too loose to join reports of different documents
    return same_happening(a, b, strict_mode=True) and _share_actor(a, b)


def _share_actor(a: dict[str, Any], b: dict[str, Any]) -> bool:
    actors_a = {x for x in (a.get("actor1"), a.get("actor2")) if x}
    actors_b = {x for x in (b.get("actor1"), b.get("actor2")) if x}
    return bool(actors_a & actors_b)


def _event_id(first: dict[str, Any]) -> str:
    key = f"{first['doc']}|{first.get('start')}|{first['type']}|{first.get('text', '')}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _precision_rank(mention: dict[str, Any]) -> int:
    return len(mention.get("date") or "")


def _event_row(group: list[dict[str, Any]]) -> dict[str, Any]:
    group = sorted(group, key=lambda m: (m["doc"], m.get("start") or 0))
    first = group[0]
    best_dated = max(group, key=_precision_rank)
    row: dict[str, Any] = {"id": _event_id(first)}
    for name in EVENT_FIELDS:
        row[name] = first.get(name)
        if row[name] is None and name not in ("mode", "detail"):  # a mode belongs to its own report
            row[name] = next((m.get(name) for m in group if m.get(name) is not None), None)
    row["date"], row["date_precision"] = best_dated.get("date"), best_dated.get("date_precision")
    if row["actor2"] == row["actor1"]:
        row["actor2"] = None  # filled from a report that named the same actor in the other role
    row["planned"] = bool(first.get("planned"))
    row["docs"] = sorted({m["doc"] for m in group})
    row["text"] = first.get("text")
    return row


def merge_events(mention_rows: list[dict[str, Any]], duplicate_of: dict[str, str]) -> list[dict[str, Any]]:
    """Rows for the `events` table: one per happening, `docs` listing every document that reports it."""
    mentions = [m for m in mention_rows if not m.get("negated") and not m.get("hypothetical")]
    return [_event_row(group) for group in _clusters(mentions, duplicate_of)]
