"""Lengths of time named in text ("within 135 days", "a 40-year conflict", "week-long", "two decades"):
Durations, never dates. extract/time.py counts them from a day (`deadline`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.numbers import duration_unit, parse_number

FEW_COUNTS = {"few": 3, "several": 5, "couple of": 2, "couple": 2}
SPAN_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
              "months": "months", "year": "years", "years": "years", "decade": "decades", "decades": "decades"}


@dataclass(frozen=True)
class Duration:
    value: float
    unit: str  # "days", "weeks", "months", "years"


_DURATION = re.compile(
    r"(?P<count>(?:\d[\d,.]*|[a-z]+(?:[\s\-]+(?:and[\s\-]+a[\s\-]+half|[a-z]+))*?))[\s\-]+"
    r"(?P<unit>days?|weeks?|months?|years?|decades?)(?:[\s\-]+(?:old|long))?\b")
_WORD_LONG = re.compile(r"\b(?P<unit>day|week|month|year|decade)[\s\-]?long\b")


def duration_of(expression: str) -> Duration | None:
    """A length of time: "six weeks", "within 135 days", "a 40-year conflict", "week-long", "two decades".

    Ages ("34-year-old") are not durations. Decades count as years ("two decades" = 20 years).
    """
    text = " ".join(expression.lower().split())
    if re.search(r"\b\d+[\s\-]+years?[\s\-]+old\b|\byear-old\b", text):
        return None
    match = _WORD_LONG.search(text)
    if match and not re.search(r"\d[\s\-]*" + match["unit"], text):
        return _normalised(1.0, match["unit"])
    for match in _DURATION.finditer(text):
        count = _duration_count(match["count"])
        if count is not None:
            return _normalised(count, match["unit"])
    return None


def _duration_count(words: str) -> float | None:
    """The count in front of a unit, trimming leading words that are not part of it ("within 135")."""
    tokens = re.split(r"[\s\-]+", words)
    for start in range(len(tokens)):
        candidate = " ".join(tokens[start:])
        if candidate in FEW_COUNTS:
            return float(FEW_COUNTS[candidate])
        if candidate in ("a", "an"):
            return 1.0
        value = parse_number(candidate)
        if value is not None:
            return value
    return None


def _normalised(count: float, unit_word: str) -> Duration | None:
    unit = duration_unit(unit_word) or SPAN_UNITS.get(unit_word)
    if unit == "decades":
        return Duration(count * 10, "years")
    if unit not in ("days", "weeks", "months", "years"):
        return None
    return Duration(count, unit)


