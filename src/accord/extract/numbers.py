"""Numbers written in digits or words: "1,000", "2.5 thousand", "Twelve", "a dozen", "dozens".

Pure functions over strings (no spaCy), shared by the claims component and the
time module (durations like "six weeks"). The word lists live in
data/numbers.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accord.data import read_yaml

_DIGITS = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d*\.\d+$")
_SPLIT = re.compile(r"[\s\-\u2010-\u2014]+")


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, float]
    scales: dict[str, float]
    vague: tuple[tuple[str, float, str], ...]
    qualifiers: dict[str, str]
    lower_bound_verbs: frozenset[str]
    duration_units: dict[str, str]
    measurement_units: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = read_yaml("numbers.yaml")
    return Lexicon(
        units={k: float(v) for k, v in raw["units"].items()},
        scales={k: float(v) for k, v in raw["scales"].items()},
        vague=tuple((v["phrase"], float(v["value"]), v["qualifier"]) for v in raw["vague"]),
        qualifiers=dict(raw["qualifiers"]),
        lower_bound_verbs=frozenset(raw["lower_bound_verbs"]),
        duration_units=dict(raw["duration_units"]),
        measurement_units=frozenset(str(u).lower() for u in raw.get("measurement_units", [])),
    )


def is_number_word(word: str) -> bool:
    """True for words that can be part of a spelled-out number ("twenty", "million", "dozen")."""
    w = word.lower()
    lex = lexicon()
    return w in lex.units or w in lex.scales or bool(_DIGITS.match(w))


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is not one.

    "1,000" -> 1000, "2.5 thousand" -> 2500, "three-and-a-half million" -> 3500000,
    "two dozen" -> 24, "a dozen" -> 12, "twenty-two and a half" -> 22.5.
    """
    lex = lexicon()
    words = [w for w in _SPLIT.split(text.strip().lower()) if w]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "and":
            continue
        if word in ("a", "an"):
            if following in lex.scales or following == "dozen":
                current += 1
            elif following != "half":
                return None
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in lex.scales:
            total += (current or 1) * lex.scales[word]
            current = 0.0
        elif word in lex.units:
            current += lex.units[word]
        else:
            return None
        seen = True
    return total + current if seen else None


def vague_quantity(text: str) -> tuple[float, str] | None:
    """("dozens" -> (24, "dozens of")): the conventional value and qualifier of a vague plural."""
    phrase = " ".join(_SPLIT.split(text.strip().lower()))
    for vague_phrase, value, qualifier in lexicon().vague:
        if phrase == vague_phrase or phrase == f"{vague_phrase} of":
            return value, qualifier
    return None


def qualifier_before(words_before: str) -> str | None:
    """The canonical qualifier ending the text just before a number ("killing at least" -> "at least")."""
    text = " ".join(words_before.lower().split())
    best: tuple[int, str] | None = None
    for phrase, canonical in lexicon().qualifiers.items():
        if text == phrase or text.endswith(" " + phrase):
            if best is None or len(phrase) > best[0]:
                best = (len(phrase), canonical)
    return best[1] if best else None


def duration_unit(word: str) -> str | None:
    """"weeks" -> "weeks", "decade" -> "decades": the unit a word names, if it is a time unit."""
    return lexicon().duration_units.get(word.lower())
