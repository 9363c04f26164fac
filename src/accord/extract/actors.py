"""Canonical actors: "Taliban fighters" -> Taliban, "American troops" -> United States, Esper -> United States.

Aliases live in `data/actors.yaml`. Matching runs a spaCy PhraseMatcher over the
document: short capitalised aliases (US, UN, NDS) match case-sensitively so that
the pronoun "us" is not the United States; everything else ignores case. An
actor that the lexicon does not know is kept as the text wrote it, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from accord.data import read_yaml

# Entity labels that name an actor when the lexicon does not know it.
ACTOR_LABELS = ("PERSON", "ORG", "NORP")


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name used in events
    type: str


@dataclass(frozen=True)
class ActorMention:
    start: int  # token offsets in the doc
    end: int
    actor: Actor


def _is_case_sensitive(alias: str) -> bool:
    letters = alias.replace(".", "").replace("-", "")
    return len(letters) <= 4 and letters.isupper()


def read_actor_data() -> dict[str, Any]:
    return read_yaml("actors.yaml")


class ActorLexicon:
    """The alias table and its matchers, built once per pipeline."""

    def __init__(self, nlp: Language, data: dict[str, Any] | None = None):
        data = data or read_actor_data()
        vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.by_key: dict[str, Actor] = {}
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        self.aliases: dict[str, Actor] = {}
        for entry in data.get("actors", []):
            self._add(Actor(entry["name"], entry.get("type", "unknown")), [entry["name"], *entry.get("aliases", [])])
        for person in data.get("people", []):
            credited = person["name"] if person.get("keep_person") else person.get("member_of") or person["name"]
            self._add(Actor(credited, "person" if person.get("keep_person") else "state agent"),
                      [person["name"], *person.get("aliases", [])])

    def _add(self, actor: Actor, aliases: list[str]) -> None:
        for alias in aliases:
            key = f"{actor.name}|{len(self.by_key)}"
            self.by_key[key] = actor
            self.aliases.setdefault(alias.lower(), actor)
            matcher = self.exact if _is_case_sensitive(alias) else self.folded
            # The pipeline's own tokenizer, so "U.S.-led" splits in patterns as it does in text.
            matcher.add(key, [self.make_doc(alias)])

    def mentions(self, doc: Doc) -> list[ActorMention]:
        """Longest non-overlapping actor mentions in the document, in order."""
        found = [(start, end, self.by_key[doc.vocab.strings[key]])
                 for matcher in (self.exact, self.folded) for key, start, end in matcher(doc)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[ActorMention] = []
        last_end = -1
        for start, end, actor in found:
            if start >= last_end:
                chosen.append(ActorMention(start, end, actor))
                last_end = end
        return chosen

    def canonical(self, text: str) -> str:
        """The canonical name for a phrase, or the phrase as written when unknown."""
        stripped = text.strip()
        lowered = stripped.lower()
        for candidate in (lowered, lowered.removeprefix("the ")):
            if candidate in self.aliases:
                return self.aliases[candidate].name
        return stripped


def actor_in_span(span: Span, mentions: list[ActorMention]) -> str | None:
    """The first known actor inside a span, else the span's own PERSON/ORG/NORP entity, else None."""
    for mention in mentions:
        if mention.start >= span.start and mention.end <= span.end:
            return mention.actor.name
    for ent in span.ents:
        if ent.label_ in ACTOR_LABELS and not (ent.text.isupper() and len(ent.text) > 4):  # not a dateline
            return ent.text.removeprefix("the ").strip()
    return None
