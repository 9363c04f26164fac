"""Cross-document event merge: every report of one happening becomes one event with all its sources.

Mentions are blocked by (type, year of their date) so that only reports that could
be the same happening are compared. Clusters are grown greedily, most precisely
dated reports first. A report joins a cluster only when it fits the whole cluster:
no member contradicts it on date (a day may be one off), place or mode, no member
comes from the same document (the extractor already folded a document's repeats),
and one member shares an actor with it. So reports of the 7th, 8th and 9th cannot
chain into one event. It must also share something specific with a member — the
day, or a place below the country; a vague report ("talks were suspended in
September") otherwise joins only the one concrete happening it fits that two
documents report or that agrees with it on mode or on both parties. Undated
mentions only join events of the document they duplicate, and a duplicate
document's mentions are compared as if they came from its original.

The merged event's fields are a consensus of its reports: the most specific date
they give (the most frequent day among those), the most specific place (the most
frequent at that level), the most frequent actors, and the sentence of the report
that agrees best with all that. The event id is a hash of its first mention
(document order), so it is stable across runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from accord.extract.actors import read_actor_data
from accord.extract.events import dates_compatible, places_compatible, same_happening
from accord.extract.time import parse_published

EVENT_FIELDS = ("type", "mode", "detail", "date", "date_precision", "planned", "location", "actor1", "actor2",
                "count", "fatalities")

Mention = dict[str, Any]


def _original(mention: Mention, duplicate_of: dict[str, str]) -> str:
    return duplicate_of.get(mention["doc"], mention["doc"])


def _block_key(mention: Mention, duplicate_of: dict[str, str]) -> tuple[str, str]:
    date = mention.get("date")
    # Undated reports are only compared within their own (original) document.
    bucket = date[:4] if date else f"doc:{_original(mention, duplicate_of)}"
    return mention["type"], bucket


def _doc_order(mention: Mention) -> tuple[str, int]:
    return mention["doc"], mention.get("start") or 0


def _precision_rank(mention: Mention) -> int:
    return len(mention.get("date") or "")


def _clusters(mentions: list[Mention], duplicate_of: dict[str, str]) -> list[list[Mention]]:
    """Complete-link clusters, seeded by the most precisely dated reports."""
    clusters: list[list[Mention]] = []
    blocks: dict[tuple[str, str], _Block] = defaultdict(_Block)
    for mention in sorted(mentions, key=lambda m: (-_precision_rank(m), *_doc_order(m))):
        block = blocks[_block_key(mention, duplicate_of)]
        wanted = _join_keys(mention, duplicate_of)  # what a report needs of another is what it offers
        fitting = [c for c in block.candidates(mention.get("date"), wanted)
                   if _fits(mention, clusters[c], duplicate_of)]
        anchored = [c for c in fitting if any(_anchored(mention, m, duplicate_of) for m in clusters[c])]
        if not anchored:
            anchored = _best_known(mention, fitting, clusters)
        if anchored:
            best = max(anchored, key=lambda c: (_agreement(mention, clusters[c]), -c))
            clusters[best].append(mention)
        else:
            best = len(clusters)
            block.seed(best, mention.get("date"))
            clusters.append([mention])
        block.offer(best, wanted)
    return clusters


@dataclass
class _Block:
    """The clusters of one (type, year) block, indexed so that a report is tested against a handful of them.

    By their first (most precisely dated) member's date: a report can only fit a cluster whose first member's
    date is compatible with its own, and a year holds at most a few hundred distinct dates, so a report dated
    to a day or a month is looked up directly. And by what their members offer to join (`_join_keys`): a report
    dated only to the year fits every cluster's date, but can join only those that hold its own document or a
    report as vaguely dated that shares a party with it.
    """

    by_seed_date: dict[str | None, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_month: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # its days and itself
    by_offer: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    offers: dict[int, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))  # all its members'

    def seed(self, cluster: int, date: str | None) -> None:
        if date and len(date) >= 7 and date not in self.by_seed_date:
            self.by_month[date[:7]].append(date)
        self.by_seed_date[date].append(cluster)

    def offer(self, cluster: int, keys: set[tuple[str, str]]) -> None:
        """A member joined `cluster` (or seeded it) with these `_join_keys`."""
        self.offers[cluster] |= keys
        for key in keys:
            self.by_offer[key].add(cluster)

    def candidates(self, date: str | None, wanted: set[tuple[str, str]]) -> list[int]:
        """The clusters (in creation order) whose first member's date does not contradict `date` and that offer
        what the report needs."""
        if date and len(date) == 4:  # every seed of the year's block starts with it
            return sorted(set().union(*(self.by_offer.get(key, ()) for key in wanted)))
        return sorted(c for seed in self._compatible_seed_dates(date) for c in self.by_seed_date[seed]
                      if not self.offers[c].isdisjoint(wanted))

    def _compatible_seed_dates(self, date: str | None) -> list[str | None]:
        """The seed dates that `date` fits (`dates_compatible`): for a day, the day either side, its month, its
        year and no date; for a month, its days, itself, its year and no date; for no date, every one (a report
        dated to a year takes the other index)."""
        if not date:
            return list(self.by_seed_date)
        day = _iso_day(date)
        if day is None and len(date) == 7:
            return [*self.by_month.get(date, []), *(seed for seed in (date[:4], None) if seed in self.by_seed_date)]
        if day is None:  # anything else: dates_compatible's containment test over every seed
            return [seed for seed in self.by_seed_date if not seed or seed.startswith(date) or date.startswith(seed)]
        near = [(day + dt.timedelta(days=shift)).isoformat() for shift in (-1, 0, 1)]
        return [seed for seed in (*near, date[:7], date[:4], None) if seed in self.by_seed_date]


def _join_keys(mention: Mention, duplicate_of: dict[str, str]) -> set[tuple[str, str]]:
    """What two reports must have in common for `_joinable`: the same original document, or (when both are
    dated) a party, and a date of a year if and only if the other's is one (a year alone never joins a month
    or a day)."""
    keys = {("doc", _original(mention, duplicate_of))}
    date = mention.get("date")
    if date:
        precision = "year" if len(date) == 4 else "finer"
        keys |= {(precision, party) for party in _parties(mention)}
    return keys


def _iso_day(date: str | None) -> dt.date | None:
    """The day of a day-precise date ("2020-03-05"); None for a month, a year or nothing."""
    return parse_published(date) if date and len(date) == 10 else None


def _fits(mention: Mention, cluster: list[Mention], duplicate_of: dict[str, str]) -> bool:
    if any(member["doc"] == mention["doc"] and not _same_report_twice(mention, member, cluster)
           for member in cluster):
        return False  # one document's distinct reports are distinct happenings
    # No report may contradict it on time, place or mode; actors vary with the wording, one report must share them.
    return (all(_compatible(mention, member) for member in cluster)
            and any(_joinable(mention, member, duplicate_of) for member in cluster))


def _same_report_twice(mention: Mention, sibling: Mention, cluster: list[Mention]) -> bool:
    """Two reports of one document that the extractor kept apart (their actors differ) but that give the same
    date, and that another document pins to the same day or place, are one happening told twice."""
    return (mention.get("date") == sibling.get("date")
            and any(m["doc"] != mention["doc"] and _anchored(mention, m, {}) for m in cluster))


def _compatible(a: Mention, b: Mention) -> bool:
    """Whether nothing in the two reports contradicts the other: date, place and mode (actors may differ)."""
    if not dates_compatible(a.get("date"), b.get("date")):
        return False
    if not places_compatible(a.get("location"), b.get("location")):
        return False
    return not (a.get("mode") and b.get("mode") and a["mode"] != b["mode"])


def _best_known(mention: Mention, fitting: list[int], clusters: list[list[Mention]]) -> list[int]:
    """The concrete happening that a vague report ('talks were suspended in September') most likely means.

    A month and one actor in common are weak evidence, so the happening must be well known (reported by
    two documents) or agree with the report on its kind (mode) or on both parties. Among those, it is the
    one most documents report; when two are reported equally often the report is ambiguous and stays apart.
    """
    concrete = sorted((c for c in fitting if _concrete(clusters[c]) and _corroborates(mention, clusters[c])),
                      key=lambda c: -_doc_count(clusters[c]))
    if not concrete or (len(concrete) > 1 and _doc_count(clusters[concrete[0]]) == _doc_count(clusters[concrete[1]])):
        return []
    return concrete[:1]


def _corroborates(mention: Mention, cluster: list[Mention]) -> bool:
    if _doc_count(cluster) >= 2:
        return True
    return any((mention.get("mode") and member.get("mode") == mention["mode"])
               or len(_parties(mention) & _parties(member)) >= 2 for member in cluster)


def _doc_count(cluster: list[Mention]) -> int:
    return len({m["doc"] for m in cluster})


def _concrete(cluster: list[Mention]) -> bool:
    """Whether some report pins the happening down to a day or to a place below the country."""
    return any(len(m.get("date") or "") == 10 or (m.get("location") or {}).get("admin1") for m in cluster)


def _agreement(mention: Mention, cluster: list[Mention]) -> int:
    """How many members give the same date as the report: it goes where its own day is reported most."""
    return sum(member.get("date") == mention.get("date") for member in cluster)


def _joinable(a: Mention, b: Mention, duplicate_of: dict[str, str]) -> bool:
    if _original(a, duplicate_of) == _original(b, duplicate_of):
        # Within one document the extractor already folded repeats; only a duplicate's copy joins.
        return a["doc"] != b["doc"] and same_happening(a, b)
    if not a.get("date") or not b.get("date"):
        return False
    if len(a["date"]) != len(b["date"]) and min(len(a["date"]), len(b["date"])) == 4:
        return False  # a year alone is too loose to join reports of different documents
    return a["type"] == b["type"] and _compatible(a, b) and _share_actor(a, b)


def _anchored(a: Mention, b: Mention, duplicate_of: dict[str, str]) -> bool:
    """Whether two compatible reports also share something specific: the same day, or a place below the country.

    Type, month and one actor in common describe many happenings (all of a month's talks with the Taliban);
    reports of different documents are one happening only when they also agree on the day or the place.
    """
    if _original(a, duplicate_of) == _original(b, duplicate_of):
        return True
    if len(a.get("date") or "") == 10 and len(b.get("date") or "") == 10:
        return True
    place_a, place_b = a.get("location") or {}, b.get("location") or {}
    return bool(place_a.get("admin1")) and place_a.get("admin1") == place_b.get("admin1")


def _share_actor(a: Mention, b: Mention) -> bool:
    return bool(_parties(a) & _parties(b))


def _parties(mention: Mention) -> set[str]:
    """The report's actors, with the state or group a named leader acts for ('Donald Trump' is also the US)."""
    actors = {x for x in (mention.get("actor1"), mention.get("actor2")) if x}
    affiliations = _affiliations()
    return actors | {affiliations[x] for x in actors if x in affiliations}


@cache
def _affiliations() -> dict[str, str]:
    return {p["name"]: p["member_of"] for p in read_actor_data().get("people", []) if p.get("member_of")}


def _event_id(first: Mention) -> str:
    key = f"{first['doc']}|{first.get('start')}|{first['type']}|{first.get('text', '')}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _most_frequent(values: list[Any]) -> Any:
    """The most frequent non-null value; ties go to the one reported first (values come in document order)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(repr(v) for v in present)
    return max(present, key=lambda v: (counts[repr(v)], -present.index(v)))


def _consensus_date(group: list[Mention]) -> Mention:
    """The report whose date is the most specific the reports give, the most frequent among those."""
    precise = max(_precision_rank(m) for m in group)
    candidates = [m for m in group if _precision_rank(m) == precise]
    chosen = _most_frequent([m.get("date") for m in candidates])
    return next(m for m in candidates if m.get("date") == chosen)


def _place_rank(location: dict[str, Any] | None) -> int:
    """3 a town or site, 2 a province, 1 a country, 0 none."""
    if not location:
        return 0
    if location.get("admin1") and location.get("name") not in (location.get("admin1"), location.get("country")):
        return 3
    return 2 if location.get("admin1") else 1


def _consensus_location(group: list[Mention]) -> dict[str, Any] | None:
    best = max(_place_rank(m.get("location")) for m in group)
    return _most_frequent([m.get("location") for m in group if _place_rank(m.get("location")) == best])


def _consensus_actors(group: list[Mention]) -> tuple[str | None, str | None]:
    actor1 = _most_frequent([m.get("actor1") for m in group])
    actor2 = _most_frequent([m.get("actor2") for m in group if m.get("actor2") != actor1])
    if actor1 is None:
        return actor2, None
    return actor1, actor2


def _representative(group: list[Mention], row: Mention) -> Mention:
    """The report that agrees with most of the merged fields: its sentence reports the event best."""
    def agreement(mention: Mention) -> int:
        actors = {mention.get("actor1"), mention.get("actor2")} - {None}
        return ((mention.get("date") == row["date"]) + (mention.get("location") == row["location"])
                + len(actors & {row["actor1"], row["actor2"]}))
    return max(group, key=lambda m: (agreement(m), -group.index(m)))


def _event_row(group: list[Mention]) -> Mention:
    group = sorted(group, key=_doc_order)
    dated = _consensus_date(group)
    row: Mention = {"id": _event_id(group[0]), "type": group[0]["type"]}
    row["date"], row["date_precision"] = dated.get("date"), dated.get("date_precision")
    row["location"] = _consensus_location(group)
    row["actor1"], row["actor2"] = _consensus_actors(group)
    for name in ("mode", "count", "fatalities"):
        row[name] = _most_frequent([m.get(name) for m in group])
    # A happening that any report says took place is no longer only scheduled.
    row["planned"] = all(bool(m.get("planned")) for m in group)
    best = _representative(group, row)
    row["detail"] = best.get("detail") if best.get("detail") is not None else _most_frequent(
        [m.get("detail") for m in group if m.get("mode") == row["mode"]])
    row["docs"] = sorted({m["doc"] for m in group})
    row["text"] = best.get("text")
    return {name: row[name] for name in ("id", *EVENT_FIELDS, "docs", "text")}


def merge_events(mention_rows: list[Mention], duplicate_of: dict[str, str]) -> list[Mention]:
    """Rows for the `events` table: one per happening, `docs` listing every document that reports it."""
    mentions = [m for m in mention_rows if not m.get("negated") and not m.get("hypothetical")]
    return _unique_ids([_event_row(group) for group in _clusters(mentions, duplicate_of)])


def _unique_ids(rows: list[Mention]) -> list[Mention]:
    """Event ids are unique (the export contract's key): two events first reported by one sentence with one
    type share `_event_id`, so the later ones get "-2", "-3" (rows come in a fixed order)."""
    seen: dict[str, int] = {}
    for row in rows:
        count = seen[row["id"]] = seen.get(row["id"], 0) + 1
        if count > 1:
            row["id"] = f"{row['id']}-{count}"
    return rows
