"""Canonical actors: "Taliban fighters" -> Taliban, "American troops" -> United States, Esper -> United States.

Aliases live in `data/actors.yaml`. Matching runs a spaCy PhraseMatcher over the
document: short capitalised aliases (US, UN, NDS) match case-sensitively so that
the pronoun "us" is not the United States; everything else ignores case. An
actor that the lexicon does not know is kept as the text wrote it, never dropped.
Generic words ("insurgents", "the coalition") name different actors in different
conflicts; they are matched only through the alias table of the document's context
countries (`context_aliases` in the YAML).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from accord.data import read_yaml
from accord.extract.doc_cache import entities, entities_in

# Entity labels that name an actor when the lexicon does not know it.
ACTOR_LABELS = ("PERSON", "ORG", "NORP")
PERSON_TYPES = ("person", "state agent")


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name used in events
    type: str
    member_of: str | None = None  # the side a person acts for (data/actors.yaml `member_of`)


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


@dataclass
class _AliasTable:
    """Aliases with their matchers: case-sensitive for short capitalised ones, folded for the rest."""

    exact: PhraseMatcher
    folded: PhraseMatcher
    aliases: dict[str, Actor]


class ActorLexicon:
    """The alias table and its matchers, built once per pipeline."""

    def __init__(self, nlp: Language, data: dict[str, Any] | None = None):
        data = data or read_actor_data()
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.by_key: dict[str, Actor] = {}
        self.general = self._new_table()
        for entry in data.get("actors", []):
            self._add(self.general, Actor(entry["name"], entry.get("type", "unknown")),
                      [entry["name"], *entry.get("aliases", [])])
        for person in data.get("people", []):
            credited = person["name"] if person.get("keep_person") else person.get("member_of") or person["name"]
            self._add(self.general, Actor(credited, "person" if person.get("keep_person") else "state agent",
                                          person.get("member_of")),
                      [person["name"], *person.get("aliases", [])])
        # who held a person's office before them ("my predecessor" in their words)
        self.predecessors = {p["name"]: p["predecessor"] for p in data.get("people", []) if p.get("predecessor")}
        known = {a.name: a for a in self.general.aliases.values()}
        self.by_context: dict[str, _AliasTable] = {}
        for country, actors in (data.get("context_aliases") or {}).items():
            table = self.by_context[country] = self._new_table()
            for name, aliases in actors.items():
                self._add(table, known.get(name, Actor(name, "unknown")), list(aliases))

    def _new_table(self) -> _AliasTable:
        return _AliasTable(PhraseMatcher(self.vocab, attr="ORTH"), PhraseMatcher(self.vocab, attr="LOWER"), {})

    def _add(self, table: _AliasTable, actor: Actor, aliases: list[str]) -> None:
        for alias in aliases:
            key = f"{actor.name}|{len(self.by_key)}"
            self.by_key[key] = actor
            table.aliases.setdefault(alias.lower(), actor)
            matcher = table.exact if _is_case_sensitive(alias) else table.folded
            # The pipeline's own tokenizer, so "U.S.-led" splits in patterns as it does in text.
            matcher.add(key, [self.make_doc(alias)])

    def _tables(self, context: tuple[str, ...]) -> list[_AliasTable]:
        """The context countries' tables, most talked-about country first, then the general one."""
        return [*(self.by_context[c] for c in context if c in self.by_context), self.general]

    def mentions(self, doc: Doc, context: tuple[str, ...] = ()) -> list[ActorMention]:
        """Longest non-overlapping actor mentions in the document, in order.

        `context` names the countries the document is about; their aliases win over general ones.
        """
        found = [(start, end, rank, self.by_key[doc.vocab.strings[key]])
                 for rank, table in enumerate(self._tables(context))
                 for matcher in (table.exact, table.folded) for key, start, end in matcher(doc)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0]), m[2]))
        chosen: list[ActorMention] = []
        last_end = -1
        for start, end, _, actor in found:
            if start >= last_end and not _inside_another_name(doc[start:end], actor):
                chosen.append(ActorMention(start, end, actor))
                last_end = end
        return chosen

    def known(self, text: str) -> Actor | None:
        """The actor a whole phrase names ("President Biden", "the Taliban"), or None when the lexicon lacks it."""
        lowered = " ".join(text.split()).lower()
        for candidate in (lowered, lowered.removeprefix("the ")):
            if candidate in self.general.aliases:
                return self.general.aliases[candidate]
        return None

    def predecessor_of(self, person: str) -> Actor | None:
        """The actor who held a person's office before them, when data/actors.yaml says."""
        name = self.predecessors.get(person)
        return self.known(name) if name else None

    def first_actor(self, text: str) -> Actor | None:
        """The first actor a short text (a title, a label) names, by the lexicon alone."""
        doc = self.make_doc(text)
        found = sorted(((start, -(end - start), self.by_key[doc.vocab.strings[key]])
                        for matcher in (self.general.exact, self.general.folded) for key, start, end in matcher(doc)),
                       key=lambda m: (m[0], m[1]))
        return found[0][2] if found else None

    def canonical(self, text: str, context: tuple[str, ...] = ()) -> str:
        """The canonical name for a phrase, or the phrase as written when unknown."""
        stripped = text.strip()
        lowered = stripped.lower()
        for table in self._tables(context):
            for candidate in (lowered, lowered.removeprefix("the ")):
                if candidate in table.aliases:
                    return table.aliases[candidate].name
        return stripped


def _inside_another_name(span: Span, actor: Actor) -> bool:
    """A person's short name in the middle of someone else's name ("Abdullah" in "Ali Abdullah Saleh"); a
    family name at the end of a fuller name ("Mullah Abdul Ghani Baradar") is still that person."""
    if actor.type not in PERSON_TYPES:
        return False
    return any(ent.label_ == "PERSON" and ent.start <= span.start and span.end < ent.end for ent in entities(span.doc))


def actor_in_span(span: Span, mentions: list[ActorMention]) -> str | None:
    """The person who heads a span ("Ukraine's prime minister X" is X, not Ukraine), else the first known actor
    inside it ("the US and NATO troops" is the US), else the span's own PERSON/ORG/NORP entity, else None."""
    inside = [m for m in mentions if m.start >= span.start and m.end <= span.end]
    heading = next((m for m in inside if m.start <= span.root.i < m.end and m.actor.type in PERSON_TYPES), None)
    if heading is not None:
        return heading.actor.name
    if inside:
        return inside[0].actor.name
    for ent in entities_in(span):
        if ent.label_ in ACTOR_LABELS and not (ent.text.isupper() and len(ent.text) > 4):  # not a dateline
            return ent.text.removeprefix("the ").strip()
    return None
