"""Organisations named by a description: "the insurgents said", "the armed group claimed".

News names the group it is about once and then describes it. A claimant given as such a
description (data/claims.yaml `group_descriptions`) is the armed group the article names
most (an actor of `type: armed group` in data/actors.yaml, aliases of the document's
countries included); an article that names none of them gives the organisation entity it
names most, when named at least twice. A bare group noun ("the group said") is the
organisation named last before it, as a pronoun would be. Resolution is per document and
computed once, on the first description met.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc

from accord.data import read_yaml
from accord.extract.actors import PERSON_TYPES, Actor, ActorLexicon
from accord.extract.doc_index import DocIndex
from accord.extract.places import resolve_place

ARMED_GROUP = "armed group"
# An unknown organisation stands for "the group" only when the article names it this often.
FALLBACK_MENTIONS = 2
# How many actor mentions back "the group" looks for the organisation it refers to.
LOOKBACK = 40
_ORG_TYPES = (ARMED_GROUP, "international organisation", "government")
_LEADING = re.compile(r"^(?:the|a|an|its|their)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class DescriptionLexicon:
    members: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]

    def kind(self, phrase: str) -> str | None:
        """"armed" for a description of an armed group, "bare" for a bare group noun, None for a name."""
        words = _LEADING.sub("", " ".join(phrase.lower().split())).split()
        if not words:
            return None
        if " ".join(words) in self.members:
            return "armed"
        if len(words) == 1 and words[0] in self.nouns:
            return "bare"
        head, modifiers = words[-1], words[:-1]
        if head in self.nouns and modifiers and all(w in self.adjectives for w in modifiers):
            return "armed"
        return None


@lru_cache(maxsize=1)
def description_lexicon() -> DescriptionLexicon:
    raw = read_yaml("claims.yaml")["group_descriptions"]
    return DescriptionLexicon(frozenset(str(w).lower() for w in raw["members"]),
                              frozenset(str(w).lower() for w in raw["adjectives"]),
                              frozenset(str(w).lower() for w in raw["nouns"]))


class DocumentGroups:
    """The groups one document names, counted once, to resolve the descriptions of its claimants."""

    def __init__(self, doc: Doc, index: DocIndex, actors: ActorLexicon | None):
        self.doc = doc
        self.index = index
        self.actors = actors

    @cached_property
    def countries(self) -> tuple[str, ...]:
        """The two countries the document names most (their context aliases apply)."""
        counts: Counter[str] = Counter()
        for entity in self.index.entities:
            if entity.label_ == "GPE":
                location = resolve_place(entity.text)
                if location and location.get("country"):
                    counts[location["country"]] += 1
        return tuple(name for name, _ in counts.most_common(2))

    @cached_property
    def _mentions(self) -> list[tuple[int, Actor]]:
        if self.actors is None:
            return []
        return [(m.start, m.actor) for m in self.actors.mentions(self.doc, self.countries)]

    @cached_property
    def main_armed_group(self) -> str | None:
        """The armed group named most (first named wins a tie), else the organisation entity named most."""
        counts = Counter(actor.name for _, actor in self._mentions if actor.type == ARMED_GROUP)
        if counts:
            return counts.most_common(1)[0][0]
        known = self.actors.known if self.actors is not None else (lambda _: None)
        organisations = Counter(_LEADING.sub("", e.text) for e in self.index.entities
                                if e.label_ == "ORG" and known(e.text) is None)
        if organisations:
            name, count = organisations.most_common(1)[0]
            if count >= FALLBACK_MENTIONS:
                return name
        return None

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [start for start, _ in self._mentions]

    def organisation_before(self, token: int) -> str | None:
        """The organisation named last before a token: an actor that is not a person, or an ORG entity."""
        last = bisect_left(self._mention_starts, token)
        actor = next(((start, a) for start, a in reversed(self._mentions[max(0, last - LOOKBACK):last])
                      if a.type in _ORG_TYPES), None)
        entity = next((e for e in self.index.entities_before(token) if e.label_ == "ORG"), None)
        if actor is not None and (entity is None or actor[0] >= entity.start):
            return actor[1].name
        return _LEADING.sub("", entity.text) if entity is not None else None

    def resolve(self, claimant: str | None, token: int) -> str | None:
        """The group a described claimant stands for; any other claimant as it is."""
        if not claimant:
            return claimant
        kind = description_lexicon().kind(claimant)
        if kind == "armed":
            return self.main_armed_group or claimant
        if kind == "bare":
            return self.organisation_before(token) or claimant
        return claimant

    def owner(self, claimant: str | None) -> str | None:
        """The side a claimant speaks for ("Zabihullah Mujahid" -> Taliban), when the actor table knows it."""
        if not claimant or self.actors is None:
            return None
        actor = self.actors.known(claimant)
        if actor is None:
            return None
        return actor.member_of or (actor.name if actor.type not in PERSON_TYPES else None)
