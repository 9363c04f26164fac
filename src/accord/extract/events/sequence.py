"""Back references in time: a happening dated by its distance from another one.

"hours later", "two days later", "the next day" count from the happening the article told just before;
"three days after the signing", "a week before the summit" count from the happening named after the
preposition. Such a happening takes the referent's day moved by the distance (same day for hours), when the
referent has a day; and it is a happening of its own, not the one it is counted from. The resolution order
this slots into is documented in accord.extract.events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from accord.extract.doc_cache import entities_in
from accord.extract.events.syntax import clause_of, governing_verb
from accord.models import EventMention

# Units of a distance in time, in days; a distance in hours or minutes keeps the referent's day.
UNIT_DAYS = {"minute": 0, "hour": 0, "day": 1, "week": 7}
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10}
# Words counting a distance in hours loosely ("a few hours later"): still the referent's day.
LOOSE_COUNTS = {"few", "several", "some", "a few", "just", "only", "mere"}
_DISTANCE = re.compile(r"^(?:the\s+|just\s+|only\s+)?(?:(?P<count>[\w-]+(?:\s+few)?)\s+)?"
                       r"(?P<unit>minute|hour|day|week)s?(?:\s+(?P<direction>later|earlier|after|before))?$",
                       re.IGNORECASE)
_NEXT_DAY = re.compile(r"^(?:the\s+)?(?:next|following)\s+day$", re.IGNORECASE)


@dataclass(frozen=True)
class Sequence:
    """A distance in days from a referent: a token naming the happening, or None for the one told before."""

    days: int
    referent: Token | None


def distance_in_days(text: str) -> int | None:
    """"two days later" -> 2, "hours later" -> 0, "a week earlier" -> -7, "the next day" -> 1; a direction
    word may be outside the text ("three days" of "three days after"), then it counts forward."""
    text = " ".join(text.split())
    if _NEXT_DAY.match(text):
        return 1
    match = _DISTANCE.match(text)
    if match is None:
        return None
    unit = match.group("unit").lower()
    count_word = (match.group("count") or "").lower()
    if count_word in LOOSE_COUNTS or (not count_word and unit in ("hour", "minute")):
        count = 1
    elif count_word.isdigit():
        count = int(count_word)
    else:
        count = COUNT_WORDS.get(count_word)
    if count is None or (count_word in LOOSE_COUNTS and UNIT_DAYS[unit]):
        return None  # "a few days later": no day to count to
    sign = -1 if (match.group("direction") or "").lower() in ("earlier", "before") else 1
    return sign * count * UNIT_DAYS[unit]


def sequence_of(token: Token, sentence: Span) -> Sequence | None:
    """The distance in time the trigger's clause is told at, with its referent: "hours later" on the clause
    (or on the clause a when-clause hangs from), or "three days after X" on the trigger's verb."""
    verb = governing_verb(token)
    clauses = {clause_of(verb).i}
    clause = clause_of(verb)
    if clause.dep_ == "advcl" and any(c.lower_ == "when" for c in clause.children):
        clauses.add(clause_of(clause.head).i)  # "continued hours later when the Taliban bombed ..."
    for ent in entities_in(sentence):
        if ent.label_ != "DATE" or ent.root.head.i == ent.root.i:
            continue
        head = ent.root.head
        if head.lower_ in ("after", "before") and head.dep_ in ("prep", "mark", "advmod"):
            days = distance_in_days(f"{ent.text} {head.lower_}")
            attached = head.head
            referent = _referent_of(head)
        else:
            text = " ".join(ent.text.split())
            match = _DISTANCE.match(text)
            # "hours later", "the next day"; "for three days" is a duration, not a distance
            told_as_distance = bool(_NEXT_DAY.match(text)) or bool(match and match.group("direction"))
            days = distance_in_days(text) if told_as_distance else None
            attached, referent = head, None
        if days is not None and clause_of(attached).i in clauses:
            return Sequence(days, referent)
    return None


def _referent_of(preposition: Token) -> Token | None:
    """The happening after "after/before": its noun ("after the signing") or the verb of its clause ("after
    the rebels attacked")."""
    if preposition.dep_ == "mark":
        return preposition.head
    return next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)


def counted_day(sequence: Sequence, earlier: list[tuple[int, EventMention]], referent_type: str | None,
                sentence_start: int) -> str | None:
    """The day a sequence points to, from the mentions found so far (trigger, mention) in document order: the
    referent's own mention, else the latest of the referent's type, else (no referent) the latest one told
    in an earlier sentence; None when that happening has no day."""
    base: EventMention | None = None
    if sequence.referent is not None:
        base = next((m for i, m in earlier if i == sequence.referent.i), None)
        if base is None and referent_type is not None:
            base = next((m for _, m in reversed(earlier) if m.type == referent_type and _day(m)), None)
    else:
        base = next((m for i, m in reversed(earlier) if i < sentence_start and _day(m)), None)
    if base is None or not _day(base):
        return None
    return (date.fromisoformat(base.date or "") + timedelta(days=sequence.days)).isoformat()


def _day(mention: EventMention) -> bool:
    return mention.date_precision == "day" and bool(mention.date) and len(mention.date or "") == 10
