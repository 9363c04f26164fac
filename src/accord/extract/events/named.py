"""Well-known happenings the press names by their day ("9/11"): data/named_events.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from accord.data import read_yaml
from accord.extract.doc_cache import entities_in
from accord.extract.events.syntax import in_subtree
from accord.extract.events.triggers import TriggerRule
from accord.extract.places import resolve_place
from accord.extract.time import parse_published, resolve
from accord.models import EventMention


@dataclass(frozen=True)
class NamedHappening:
    """A well-known happening the press names by its day ("9/11"): see data/named_events.yaml."""

    name: str
    names: tuple[re.Pattern[str], ...]
    date: str
    type: str
    mode: str | None
    detail: str | None
    location: str | None
    actor1: str | None
    actor2: str | None


def read_named_happenings() -> tuple[NamedHappening, ...]:
    return tuple(
        NamedHappening(
            name=entry["name"], names=tuple(re.compile(rf"\b{p}(?!\w)", re.IGNORECASE) for p in entry["names"]),
            date=str(entry["date"]), type=entry["type"], mode=entry.get("mode"), detail=entry.get("detail"),
            location=entry.get("location"), actor1=entry.get("actor1"), actor2=entry.get("actor2"))
        for entry in read_yaml("named_events.yaml")["happenings"])


# Tokens before a trigger noun that can hold a happening's name ("the September 11, 2001, terrorist attacks").
NAME_WINDOW = 8


# A plain day ("September 11th") in an article published up to this many days after it is that recent day.
RECENT_DAY_WINDOW = 31


_FOLLOWING_YEAR = re.compile(r"^\W*(?:of\s+)?((?:19|20)\d\d)\b")


def named_happening(token: Token, rule: TriggerRule, sentence: Span, published: str | None,
                    happenings: tuple[NamedHappening, ...]) -> NamedHappening | None:
    """The well-known happening a trigger reports by name: "the 9/11 attacks", "attacked on September 11th"."""
    candidates = [h for h in happenings if h.type == rule.type]
    if not candidates:
        return None
    texts = [e.text for e in entities_in(sentence) if e.label_ in ("DATE", "EVENT") and in_subtree(e, token)]
    if token.pos_ in ("NOUN", "PROPN"):
        texts.append(token.doc[max(sentence.start, token.i - NAME_WINDOW):token.i + 1].text)
    for happening in candidates:
        for text in texts:
            if any(_names_it(match, happening, published) for pattern in happening.names
                   for match in pattern.finditer(text)):
                return happening
    return None


def _names_it(match: re.Match[str], happening: NamedHappening, published: str | None) -> bool:
    """Whether a name match is the happening, not the same day of another year ("9/11 of 2019")."""
    year = _FOLLOWING_YEAR.match(match.string[match.end():])
    if year:
        return year.group(1) == happening.date[:4]
    anchor = parse_published(published)
    recent = resolve(match.group(0), published, "past") if anchor else None
    return recent is None or recent.precision != "day" or (anchor - recent.start).days > RECENT_DAY_WINDOW


def named_mention(happening: NamedHappening, sentence: Span, doc_id: str) -> EventMention:
    """The report of a named happening: every field from the lexicon (a passing mention gives none)."""
    precision = {10: "day", 7: "month", 4: "year"}[len(happening.date)]
    return EventMention(
        doc=doc_id, type=happening.type, mode=happening.mode, detail=happening.detail, date=happening.date,
        date_precision=precision, planned=False,
        location=resolve_place(happening.location) if happening.location else None,
        actor1=happening.actor1, actor2=happening.actor2, count=None, fatalities=None,
        text=sentence.text.strip(), start=sentence.start_char, end=sentence.end_char,
    )
