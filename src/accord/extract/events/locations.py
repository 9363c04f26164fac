"""Where a happening was: the most specific place the trigger's phrase or sentence names, places the entity
recogniser mislabels, capitals named by their country, "the country", and the dateline's place."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from accord.extract.doc_cache import entities, entities_in
from accord.extract.events.syntax import governing_verb, in_subtree, owned_by_other
from accord.extract.places import Location, capital_of, resolve_listed_place, resolve_place
from accord.models import EventMention

PLACE_PREPS = {"in", "at", "near", "outside", "across", "throughout", "to", "into", "inside", "around", "of", "on",
               "from", "over"}


PLACE_LABELS = ("GPE", "LOC", "FAC")


DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "north-eastern", "northeastern",
              "south-eastern", "southeastern", "north-western", "northwestern", "south-western", "southwestern"}


# Nouns that introduce a place name: "the capital, Sanaa", "the city of Kunduz".
PLACE_NOUNS = {"capital", "city", "town", "village", "port", "province", "district", "region", "area"}


# Prepositions that put a happening at a place ("talks with Iran" names a party, not a venue).
SITE_PREPS = {"in", "at", "near", "outside", "inside"}


# Prepositions that put a happening in a country named only as "the country" ("across the country").
COUNTRY_WIDE_PREPS = SITE_PREPS | {"across", "throughout"}


def with_dateline_place(mentions: list[EventMention], doc: Doc) -> list[EventMention]:
    """The lead sentence's happenings are where its dateline ("KABUL, Afghanistan (AP) —") puts them, when
    the lead names no place of its own."""
    dateline = doc._.dateline if doc.has_extension("dateline") else None
    if dateline is None or dateline.location is None:
        return mentions
    return [replace(m, location=dateline.location) if m.start == dateline.end and m.location is None else m
            for m in mentions]


def location_of(token: Token, sentence: Span, context: tuple[str, ...],
                owners: frozenset[int] = frozenset()) -> Location | None:
    """The most specific place the sentence puts the event at, preferring places in the trigger's phrase
    and leaving out places in another trigger's separate phrase."""
    scope = governing_verb(token)
    candidates: list[tuple[int, int, Location]] = []
    places = [e for e in entities_in(sentence) if e.label_ in PLACE_LABELS and _is_place_phrase(e)]
    capitals = capitals_named_by_country(sentence)
    for ent in [*places, *names_with_place_nouns(sentence), *places_taken_for_people(sentence), *capitals]:
        if owned_by_other(ent, token, owners):
            continue
        location = capitals.get(ent) or resolve_place(_with_direction(ent).text, context)
        if location is None:
            continue
        near = 0 if (in_subtree(ent, token) or in_subtree(ent, scope)) and not is_discussed(ent, token) else 1
        # A country is vaguer than a province, a province vaguer than a town or site inside it.
        vague = 2 if not location.get("admin1") else 1 if location["name"] == location["admin1"] else 0
        candidates.append((near, vague, location))
    if not candidates:
        return the_country(sentence, context)
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]


# Verbs of discussion: their object is the topic ("discussed Libya-Turkey relations"), not where they met.
DISCUSSION_VERBS = {"discuss", "debate", "negotiate", "review", "address", "consider"}


def is_discussed(ent: Span, token: Token) -> bool:
    """"gathered in Cairo to discuss Libya-Turkey relations": a place inside what a discussion verb's object names
    is the topic; the place where they gathered ranks before it."""
    return token.lemma_.lower() in DISCUSSION_VERBS and any(
        c.dep_ == "dobj" and in_subtree(ent, c) for c in token.children)


def the_country(sentence: Span, context: tuple[str, ...]) -> Location | None:
    """"in the country", "across the war-torn country": in a document about one country, that country, when the
    sentence names no place of its own."""
    if len(context) != 1:
        return None
    for noun in sentence:
        if noun.lower_ == "country" and noun.dep_ == "pobj" and noun.head.lower_ in COUNTRY_WIDE_PREPS:
            return resolve_place(context[0])
    return None


def _with_direction(ent: Span) -> Span:
    """The place with the direction word the entity recogniser left out ("western Ukraine", a region)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in DIRECTIONS:
        return ent.doc[ent.start - 1:ent.end]
    return ent


def places_taken_for_people(sentence: Span) -> list[Span]:
    """PERSON (or ORG) entities in a place phrase ("in Maidan Shahr", "an assault in Ghazni") that the curated
    gazetteer lists as places: the entity recogniser often takes an unfamiliar town for a person or a body."""
    return [e for e in entities_in(sentence) if e.label_ in ("PERSON", "ORG") and _is_place_phrase(e)
            and e.root.dep_ == "pobj" and resolve_listed_place(e.text) is not None]


def capitals_named_by_country(sentence: Span) -> dict[Span, Location]:
    """"Qatar's capital", "the Afghan capital": a capital the text names only by its country is that country's
    capital city. A capital followed by its name ("the capital, Sanaa") is left to names_with_place_nouns."""
    found: dict[Span, Location] = {}
    doc = sentence.doc
    for noun in sentence:
        if noun.lemma_.lower() != "capital" or noun.pos_ != "NOUN" or _named_after(noun, sentence):
            continue
        country = next((c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                        and c.pos_ in ("PROPN", "ADJ", "NOUN")), None)
        location = capital_of(doc[country.left_edge.i:country.i + 1].text) if country is not None else None
        if location is not None:
            found[doc[min(country.left_edge.i, noun.i):noun.i + 1]] = location
    return found


def _named_after(noun: Token, sentence: Span) -> bool:
    """"the capital, Sanaa", "the capital of Yemen": the capital's own name follows it."""
    following = noun.doc[noun.i + 1:min(noun.i + 3, sentence.end)]
    return len(following) == 2 and following[0].text in (",", "of") and following[1].pos_ == "PROPN"


def names_with_place_nouns(sentence: Span) -> list[Span]:
    """Proper names that a place noun introduces or follows ("the capital, Sanaa", "the port of Aden", "the
    Puli Alam district"): places whatever label the entity recogniser gave them, as it often takes an
    unfamiliar place for a person."""
    found = []
    doc = sentence.doc
    for noun in sentence:
        if noun.lemma_.lower() not in PLACE_NOUNS or noun.pos_ != "NOUN":
            continue
        start = noun.i
        while start > sentence.start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < noun.i:
            found.append(doc[start:noun.i])
        if noun.i + 2 < sentence.end and doc[noun.i + 1].text in (",", "of"):
            end = noun.i + 2
            while end < sentence.end and doc[end].pos_ == "PROPN":
                end += 1
            if end > noun.i + 2:
                found.append(doc[noun.i + 2:end])
    return found


def _is_place_phrase(ent: Span) -> bool:
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lemma_.lower() in PLACE_PREPS
    if root.dep_ in ("compound", "appos", "npadvmod"):
        return root.head.pos_ in ("NOUN", "PROPN")
    return root.dep_ in ("ROOT",) and ent.label_ != "GPE"


def document_countries(doc: Doc) -> tuple[str, ...]:
    """The countries the document talks about most, to settle ambiguous place names."""
    counts: Counter[str] = Counter()
    for ent in entities(doc):
        if ent.label_ == "GPE":
            location = resolve_place(ent.text)
            if location and location.get("country"):
                counts[location["country"]] += 1
    return tuple(name for name, _ in counts.most_common(2))
