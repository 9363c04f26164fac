"""One happening, several reports: back references ("the attack"), additional reports ("another attack"),
and the in-document fold of reports into their first mention. `same_happening`, `dates_compatible` and
`places_compatible` are shared with link/merge.py."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from accord.extract.events.syntax import clause_of, governing_verb
from accord.extract.time import parse_month
from accord.models import EventMention

# Adverbs that add one more happening of a kind ("also", "again").
ADDITIVE_ADVERBS = {"also", "further", "again"}


def is_back_reference(token: Token) -> bool:
    """"the attack", "the airstrike", "Saturday's agreement": a noun that points back to a happening already
    reported, not a new one (it has a definite or possessive determiner and no date of its own)."""
    if is_known_document_acted_on(token):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    day = possessive_day(token)
    named_day = {t.i for t in day.subtree} if day is not None else set()
    has_own_date = any(c.ent_type_ == "DATE" and c.i not in named_day for c in token.subtree)
    return (bool(determiners & {"the", "this", "that", "its"}) or day is not None) and not has_own_date


def possessive_day(token: Token) -> Token | None:
    """"Thursday's bombing", "Saturday's ceremony": a happening named by its day, the way news refers back to
    one it has reported (a first report says "a bombing on Thursday")."""
    return next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ == "DATE"
                 and any(g.dep_ == "case" for g in c.children)), None)


def is_separately_timed(token: Token, mention: EventMention) -> bool:
    """"In May, the Taliban attacked ...": a past report told with a time of its own, which the article's lack
    of a publication date leaves unresolved, is a happening of that time, not an undated one reported before."""
    if mention.date is not None or mention.planned or clause_of(token).i != token.i:
        return False
    return any(t.ent_type_ == "DATE" for t in token.subtree)


def is_own_day_in_month_read_article(mention: EventMention, published: str | None) -> bool:
    """In an article read against a month only, a past report told with a calendar day of its own ("took effect
    on February 22") is apart from the others: their weekdays and "last week" are known only to the month, so
    that the month fits the day says nothing about their being the same happening."""
    return parse_month(published) is not None and mention.date_precision == "day" and not mention.planned


def is_additional(token: Token) -> bool:
    """"also levied sanctions", "was further sanctioned", "another attack", "a separate ceremony": told as one
    more happening of its kind, not as the one reported before."""
    verb = governing_verb(token)
    return any(c.dep_ == "advmod" and c.lower_ in ADDITIVE_ADVERBS for c in {*token.children, *verb.children}) or any(
        (c.dep_ == "det" and c.lower_ == "another") or (c.dep_ == "amod" and c.lower_ == "separate")
        for c in token.children)


# Nouns for texts whose signing, approval or adoption an article reports once and then refers back to.
DOCUMENT_NOUNS = {"agreement", "deal", "accord", "pact", "treaty", "plan", "proposal", "declaration", "resolution",
                  "text", "framework", "roadmap", "document", "charter", "truce", "ceasefire"}


def is_known_document_acted_on(token: Token) -> bool:
    """"before the agreement was signed", "Saturday's agreement, signed in Doha", "the resolution, adopted by the
    council": a verb acting on a document the article has already named (definite or possessive) is the act it
    reported, not another one."""
    if token.pos_ not in ("VERB", "AUX") or any(t.ent_type_ == "DATE" for t in token.subtree):
        return False
    documents = [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "acl":
        documents.append(token.head)
    return any(document.lemma_.lower() in DOCUMENT_NOUNS and c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
               for document in documents for c in document.children)


@lru_cache(maxsize=1 << 16)  # the corpus stage asks about the same pairs of dates again and again
def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown fits anything; otherwise one date must contain the other (a day may be one off)."""
    if not a or not b:
        return True
    if len(a) == 10 and len(b) == 10:
        from datetime import date

        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    return a.startswith(b) or b.startswith(a)


def places_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if not a or not b:
        return True
    if a.get("country") != b.get("country"):
        return False
    if not a.get("admin1") or not b.get("admin1"):
        return True
    return a["admin1"] == b["admin1"]


def same_happening(a: dict[str, Any], b: dict[str, Any], strict_mode: bool = False) -> bool:
    """Whether two reports (rows with EventMention fields) describe one happening."""
    if a["type"] != b["type"] or not dates_compatible(a.get("date"), b.get("date")):
        return False
    if strict_mode and a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    if not places_compatible(a.get("location"), b.get("location")):
        return False
    actors_a = {x for x in (a.get("actor1"), a.get("actor2")) if x}
    actors_b = {x for x in (b.get("actor1"), b.get("actor2")) if x}
    if actors_a and actors_b:
        return bool(actors_a & actors_b)
    return True


def _fill(kept: EventMention, other: EventMention) -> EventMention:
    """The kept report, completed with what a later report of the same happening adds."""
    updates: dict[str, Any] = {}
    for name in ("mode", "location", "actor1", "actor2", "count", "fatalities"):
        if getattr(kept, name) is None and getattr(other, name) is not None:
            updates[name] = getattr(other, name)
    if other.date and (not kept.date or (len(other.date) > len(kept.date) and other.date.startswith(kept.date))):
        # Whether it is still ahead goes with the date: "talks ... are expected to begin in July".
        updates["date"], updates["date_precision"] = other.date, other.date_precision
        if not kept.date:
            updates["planned"] = other.planned
    return replace(kept, **updates) if updates else kept


def dedupe(mentions: list[EventMention], back_references: list[bool] | None = None,
           additional: list[bool] | None = None) -> list[EventMention]:
    """One mention per happening within a document (the first report, completed by later ones).

    A back reference ("the attack") joins the latest earlier report of its type whatever its actors; an
    additional one ("also levied sanctions", "another attack") is a new happening.
    """
    return fold(mentions, back_references, additional)[0]


def fold(mentions: list[EventMention], back_references: list[bool] | None = None,
         additional: list[bool] | None = None) -> tuple[list[EventMention], list[int]]:
    """`dedupe`, and for each input mention the index of the kept mention it became or joined."""
    back_references = back_references or [False] * len(mentions)
    additional = additional or [False] * len(mentions)
    kept: list[EventMention] = []
    into: list[int] = []
    for mention, is_back, is_new in zip(mentions, back_references, additional, strict=True):
        if is_new and not is_back:
            kept.append(mention)
            into.append(len(kept) - 1)
            continue
        row = _row(mention)
        same_type = [i for i, existing in enumerate(kept) if existing.type == mention.type]
        # Triggers of one sentence were already told apart by the sentence-stage filters.
        target = next((i for i in same_type if kept[i].start != mention.start and not (
            not is_back and (recalls_history(kept[i], mention) or answers(kept[i], mention)
                             or modes_differ(kept[i], mention))) and (
            same_happening(_row(kept[i]), row))), None)
        if target is None and is_back and same_type:
            target = same_type[-1]
        if target is None:
            kept.append(mention)
            into.append(len(kept) - 1)
        else:
            kept[target] = _fill(kept[target], mention)
            into.append(target)
    return kept, into


# Types whose modes name different acts: a release and a withdrawal (RETREAT), an arrest and a seizure (COERCE),
# an expulsion and a conviction (SANCTION). Elsewhere modes overlap: a car bombing is explosives and a suicide
# attack, an accusation is an allegation and a disapproval.
DISTINCT_MODE_TYPES = {"RETREAT", "COERCE", "SANCTION"}


def modes_differ(kept: EventMention, other: EventMention) -> bool:
    """"Kabul released 500 prisoners" and "the first phase of the withdrawal has begun": two modes of one type
    that name different acts are two happenings."""
    return kept.type in DISTINCT_MODE_TYPES and bool(kept.mode) and bool(other.mode) and kept.mode != other.mode


def recalls_history(kept: EventMention, other: EventMention) -> bool:
    """"The blast caused damage" and, later, "since the Taliban were toppled in 2001": a report dated only by
    a year is history the article recalls, not the undated news it reported first."""
    return other.date_precision == "year" and kept.date is None


def answers(kept: EventMention, other: EventMention) -> bool:
    """"Rebels attacked a checkpoint on Monday" and "the army struck the rebels in Homs": a report whose doer is
    the earlier report's target (or whose target is its doer) is the answer to it, another happening, when
    the answer comes with a place or a day of its own. Across sources, sharing a party is enough
    (same_happening); one writer who reverses the roles tells two happenings."""
    reversed_roles = bool(kept.actor1 and other.actor1 and kept.actor1 != other.actor1) and (
        kept.actor1 == other.actor2 or kept.actor2 == other.actor1)
    return reversed_roles and bool(other.location or other.date_precision == "day")


def _row(mention: EventMention) -> dict[str, Any]:
    return {"type": mention.type, "mode": mention.mode, "date": mention.date, "location": mention.location,
            "actor1": mention.actor1, "actor2": mention.actor2}
