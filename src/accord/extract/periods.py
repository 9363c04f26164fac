"""Periods with a start and an end ("from June 3 to July 20", "between May 1 and May 9", "March 1-7"),
resolved against a publication date with extract/time.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.time import MONTH_ABBREVIATIONS, MONTHS, TimeValue, resolve

_MONTH_WORD = r"(?:" + "|".join(MONTHS) + r"|" + "|".join(MONTH_ABBREVIATIONS) + r")\.?"
_ENDPOINT = (rf"(?:{_MONTH_WORD}\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
             rf"|[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}(?:,?\s+(?:19|20)\d\d)?"
             rf"|{_MONTH_WORD}(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d|[0-3]?\d(?:st|nd|rd|th)?)")
_LINK = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*"
_PERIOD = re.compile(rf"\b(?P<lead>from|between)\s+(?P<first>{_ENDPOINT})(?![\w:]){_LINK}(?P<last>{_ENDPOINT})\b"
                     rf"|\b(?P<first2>{_MONTH_WORD}\s+[0-3]?\d(?:st|nd|rd|th)?|[0-3]?\d(?:st|nd|rd|th)?\s+"
                     rf"{_MONTH_WORD}|{_MONTH_WORD})\s*(?:-|–|—|\bthrough\b)\s*(?P<last2>{_ENDPOINT})\b",
                     re.IGNORECASE)
_HAS_MONTH = re.compile(rf"\b{_MONTH_WORD}", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ONLY_DAY = re.compile(r"^[0-3]?\d(?:st|nd|rd|th)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A period found in a text: its resolved value and where its words are."""

    value: TimeValue
    start: int
    end: int


def find_period(text: str, published: str | None) -> Period | None:
    """The first period with a start and an end named in a text, resolved against publication.

    "From June 3 to July 20, ..." is June 3..July 20 (not one day); an end without a month takes the
    start's ("March 1-7", "from June 3 to 20"), a start without one takes the end's ("3 to 20 June");
    a year written on one end applies to both. Bare numbers ("from 300 to 450") are not dates.
    """
    for match in _PERIOD.finditer(text):
        first, last = match["first"] or match["first2"], match["last"] or match["last2"]
        if not (_HAS_MONTH.search(first) or _HAS_MONTH.search(last)) and not \
                (_HAS_YEAR.fullmatch(first.strip()) and _HAS_YEAR.fullmatch(last.strip())):
            continue  # "from 3 to 20" counts things, not days
        value = resolve_period(first, last, published)
        if value is not None:
            return Period(value, match.start(), match.end())
    return None


def resolve_period(first: str, last: str, published: str | None) -> TimeValue | None:
    """The interval from the first endpoint's start to the last one's end; None when either cannot be read or
    the end comes before the start."""
    first, last = first.strip(), last.strip()
    month_of_last = _HAS_MONTH.search(last)
    month_of_first = _HAS_MONTH.search(first)
    if _ONLY_DAY.match(last) and month_of_first:
        last = f"{month_of_first.group()} {last}"
    elif _ONLY_DAY.match(first) and month_of_last:
        first = f"{first} {month_of_last.group()}"
    year_of_last, year_of_first = _HAS_YEAR.search(last), _HAS_YEAR.search(first)
    if year_of_last and not year_of_first:
        first = f"{first} {year_of_last.group()}"
    elif year_of_first and not year_of_last:
        last = f"{last} {year_of_first.group()}"
    start, end = resolve(first, published, "past"), resolve(last, published, "past")
    if start is None or end is None:
        return None
    if start.start > end.end and not year_of_first:
        start = _a_year_earlier(start)
    if start is None or start.start > end.end:
        return None
    precision = "day" if "day" in (start.precision, end.precision) else \
        "month" if "month" in (start.precision, end.precision) else "year"
    return TimeValue(start.start, end.end, precision)


def _a_year_earlier(value: TimeValue) -> TimeValue | None:
    """"from November to February": a start past its end is the year before."""
    try:
        return TimeValue(value.start.replace(year=value.start.year - 1), value.end.replace(year=value.end.year - 1),
                         value.precision)
    except ValueError:  # February 29
        return None
