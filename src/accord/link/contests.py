"""Contested figures: claims that count the same thing over the same span and scope but disagree.

Set-based, never all pairs: each claim gets a measure key (kind of count, actors;
data/measures.yaml), a scope (the most specific places its sentence names) and a span
(its stated period, else a short window ending at its document's publication;
`link/claim_scope.py`). Claims are bucketed by (kind, actor, place); each bucket is swept
once in time order into clusters of claims whose spans are comparable with the cluster's
first (close lengths, mostly overlapping: a one-day toll never meets a six-week total),
and a cluster is a contest when two of its sources cannot both be right: some claim's
lower bound exceeds another's upper bound beyond a tolerance, or their stated changes
point in opposite directions. A count keeps its stated percent change in the contest.
A total over a stated period that names no place counts over the country its document's
claims are about (a national tally); an unplaced toll of one happening is compared only
within its own document. Claims of duplicated documents are left out, so a copy never
contests its original.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from accord.data import read_yaml
from accord.extract.time import parse_published
from accord.link.claim_scope import ClaimSpan, comparable_spans, countries_of, scope_of, window_before

TOLERANCE = 1.2  # values within 20% of each other are the same figure reported loosely
EVENT_WINDOW = timedelta(days=4)  # a toll is revised over the days after the happening
STOCK_WINDOW = timedelta(days=3)  # a troop level or an evacuation tally moves within days
_WORD = re.compile(r"[a-z][a-z.'’]*")


@dataclass(frozen=True)
class MeasureLexicon:
    kinds: tuple[tuple[str, frozenset[str]], ...]
    actors: tuple[tuple[str, frozenset[str]], ...]
    stock_kinds: frozenset[str]
    outcomes: frozenset[str]


@lru_cache(maxsize=1)
def measure_lexicon() -> MeasureLexicon:
    raw: dict[str, Any] = read_yaml("measures.yaml")
    return MeasureLexicon(
        kinds=tuple((k, frozenset(v)) for k, v in raw["kinds"].items()),
        actors=tuple((k, frozenset(v)) for k, v in raw["actors"].items()),
        stock_kinds=frozenset(raw["stock_kinds"]),
        outcomes=frozenset(raw["outcomes"]),
    )


@dataclass(frozen=True)
class MeasureKey:
    kind: str  # the main kind, for display
    kinds: frozenset[str]  # every kind the measure names: "military flights evacuated" is not "people evacuated"
    actors: frozenset[str]
    outcomes: frozenset[str]


def measure_key(measure: str | None) -> MeasureKey | None:
    """("Taliban fighters killed" -> deaths of {Taliban}); None when the kind of count is unknown."""
    words = set(_WORD.findall((measure or "").lower()))
    lex = measure_lexicon()
    kinds = [k for k, members in lex.kinds if words & members]
    if not kinds:
        return None
    actors = frozenset(a for a, members in lex.actors if words & members)
    return MeasureKey(kinds[0], frozenset(kinds), actors, frozenset(words & lex.outcomes))


def _span_of(claim: dict[str, Any], published: date | None, stock: bool) -> ClaimSpan | None:
    start, end = _iso_start(claim.get("period_start")), _iso_end(claim.get("period_end") or claim.get("period_start"))
    if start and end and start <= end:
        return ClaimSpan(start, end, stated=True)
    if published is None:
        return None
    return window_before(published, STOCK_WINDOW if stock else EVENT_WINDOW)


def _iso_start(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return None


def _iso_end(value: str | None) -> date | None:
    start = _iso_start(value)
    if start is None or value is None:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return date(start.year, 12, 31)
    if len(parts) == 2:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return start


def bounds(value: float, qualifier: str | None) -> tuple[float, float]:
    """The range of true values a claim allows: "at least 5" -> [5, inf), "about 100" -> [85, 115]."""
    q = (qualifier or "").lower()
    if q in ("more than", "at least", "over"):
        return value, math.inf
    if q in ("up to", "less than", "fewer than", "under"):
        return 0.0, value
    if q.endswith(" of"):  # "dozens of": a loose order of magnitude
        return value / 2, value * 5
    if q:
        return value * 0.85, value * 1.15
    return value, value


@dataclass
class _Entry:
    claim: dict[str, Any]
    span: ClaimSpan
    source: tuple[str, str]

    @property
    def start(self) -> date:
        return self.span.start

    @property
    def end(self) -> date:
        return self.span.end


def find_contests(claims: list[dict[str, Any]], docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for the contests table: groups of claims about the same count, span and scope that disagree."""
    published = {d["id"]: parse_published(d.get("published")) for d in docs}
    duplicates = {d["id"] for d in docs if d.get("duplicate_of")}
    home = _HomeCountries(claims, [d for d in docs if d["id"] not in duplicates])
    buckets: dict[tuple, list[_Entry]] = defaultdict(list)
    for claim in claims:
        if claim["doc"] in duplicates:
            continue
        key = measure_key(claim.get("measure"))
        if key is None:
            continue
        span = _span_of(claim, published.get(claim["doc"]), key.kind in measure_lexicon().stock_kinds)
        if span is None:
            continue
        scope = scope_of(claim.get("text") or "")
        if not scope and span.is_total and home.of(claim["doc"]):
            scope = frozenset({home.of(claim["doc"])})  # "From June 3 to July 20, 212 attacks": a national tally
        actor = " and ".join(sorted(key.actors))
        source = (claim["doc"], (claim.get("claimant") or "").lower())
        for place in scope or frozenset({""}):
            buckets[(key.kind, actor, place, key.kinds, key.outcomes)].append(_Entry(claim, span, source))
    rows: dict[tuple, dict[str, Any]] = {}
    for (kind, actor, place, *_), entries in buckets.items():
        for cluster in _comparable_clusters(entries):
            row = _contest(kind, actor, place, cluster)
            if row is not None:
                identity = tuple(sorted((c["doc"], c["text"], c["value"]) for c in row["claims"]))
                rows.setdefault(identity, row)
    return sorted(rows.values(), key=lambda r: (r["period_start"] or "", r["measure"]))


class _HomeCountries:
    """The country each document names most (directly or through its places): its text's when given, else its
    claims'. Worked out only for the documents that need it (an unplaced total)."""

    def __init__(self, claims: list[dict[str, Any]], docs: list[dict[str, Any]]):
        self.texts = {d["id"]: d["clean_text"] for d in docs if d.get("clean_text")}
        self.claim_texts: dict[str, list[str]] = defaultdict(list)
        for claim in claims:
            self.claim_texts[claim["doc"]].append(claim.get("text") or "")
        self.known: dict[str, str | None] = {}

    def of(self, doc: str) -> str | None:
        if doc not in self.known:
            texts = [self.texts[doc]] if doc in self.texts else self.claim_texts.get(doc, [])
            named = Counter(country for text in texts for country in countries_of(text, every=True))
            self.known[doc] = named.most_common(1)[0][0] if named else None
        return self.known[doc]


def _comparable_clusters(entries: list[_Entry]) -> Iterable[list[_Entry]]:
    """One sweep in start order: an entry joins the first open cluster whose first entry's span is comparable
    with its own (no chaining: a cluster's members all cover the days its first one covers)."""
    open_clusters: list[list[_Entry]] = []
    for entry in sorted(entries, key=lambda e: (e.start, e.end)):
        still_open = []
        for cluster in open_clusters:
            if cluster[0].end < entry.start:
                yield cluster  # nothing later can overlap its first entry
            else:
                still_open.append(cluster)
        open_clusters = still_open
        home = next((c for c in open_clusters if comparable_spans(c[0].span, entry.span)), None)
        if home is None:
            open_clusters.append([entry])
        else:
            home.append(entry)
    yield from open_clusters


def _disagreeing_pair(cluster: list[_Entry], same_doc_only: bool) -> tuple[_Entry, _Entry] | None:
    if same_doc_only:
        by_doc: dict[str, list[_Entry]] = defaultdict(list)
        for entry in cluster:
            by_doc[entry.source[0]].append(entry)
        return next((p for group in by_doc.values() if len(group) > 1
                     for p in [_disagreeing_pair(group, False)] if p), None)
    ranged = [(bounds(float(e.claim["value"]), e.claim.get("qualifier")), e) for e in cluster]
    high_low = max(ranged, key=lambda r: r[0][0])
    low_high = min(ranged, key=lambda r: r[0][1])
    if high_low[1].source != low_high[1].source and _distinct_sources(high_low[1], low_high[1]) and \
            high_low[0][0] > low_high[0][1] * TOLERANCE:
        return low_high[1], high_low[1]
    rising = [e for e in cluster if (e.claim.get("change_percent") or 0) > 0]
    falling = [e for e in cluster if (e.claim.get("change_percent") or 0) < 0]
    for up in rising[:1]:
        for down in falling:
            if _distinct_sources(up, down):
                return down, up
    return None


def _distinct_sources(a: _Entry, b: _Entry) -> bool:
    """Different documents, or one document quoting two different claimants."""
    if a.source[0] != b.source[0]:
        return True
    return a.source[1] != b.source[1] and bool(a.source[1]) and bool(b.source[1])


def _contest(kind: str, actor: str, place: str, cluster: list[_Entry]) -> dict[str, Any] | None:
    if len(cluster) < 2:
        return None
    stock = kind in measure_lexicon().stock_kinds
    if stock and not actor:
        return None  # "troops" with no side named: nothing says two figures count the same force
    # Without a place, counts from different articles may be about different happenings; within one
    # article a standing count (troop levels) often moves over time, so only happenings compare there.
    if not place and stock:
        return None
    pair = _disagreeing_pair(cluster, same_doc_only=not place)
    if pair is None:
        return None
    low, high = pair
    measures = Counter(e.claim.get("measure") for e in cluster if e.claim.get("measure"))
    measure = measures.most_common(1)[0][0] if measures else kind
    scope = " ".join(x for x in (kind, f"of {actor}" if actor else "", f"in {place}" if place else "") if x)
    note = (f"{scope}: {_said(low)} vs {_said(high)}; "
            f"{len(cluster)} claims from {len({e.source[0] for e in cluster})} document(s)")
    return {
        "measure": measure,
        "period_start": min(e.start for e in cluster).isoformat(),
        "period_end": max(e.end for e in cluster).isoformat(),
        "claims": [{"doc": e.claim["doc"], "claimant": e.claim.get("claimant"), "value": float(e.claim["value"]),
                    "change_percent": e.claim.get("change_percent"), "text": e.claim.get("text")}
                   for e in sorted(cluster, key=lambda e: (e.claim["doc"], float(e.claim["value"])))],
        "note": note,
    }


def _said(entry: _Entry) -> str:
    claim = entry.claim
    qualifier = f"{claim['qualifier']} " if claim.get("qualifier") else ""
    who = claim.get("claimant") or "article"
    change = f" ({claim['change_percent']:+g}%)" if claim.get("change_percent") is not None else ""
    return f"{who} ({claim['doc']}): {qualifier}{float(claim['value']):g}{change}"
