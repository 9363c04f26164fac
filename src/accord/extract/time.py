"""The one time module: resolve date expressions against a publication date.

Interface used by quotes (said_on), claims (periods) and events (dates):

    resolve(expression, published) -> TimeValue | None
    duration_of(expression) -> Duration | None

An expression that cannot be resolved stays unresolved (None); nothing is ever
resolved against today's date. (First version: absolute dates and weekdays.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class TimeValue:
    """A resolved point or interval; `precision` is "day", "month" or "year"."""

    start: date
    end: date
    precision: str

    @property
    def iso(self) -> str:
        """ISO string at the value's precision (YYYY-MM-DD, YYYY-MM or YYYY)."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


@dataclass(frozen=True)
class Duration:
    value: float
    unit: str  # "days", "weeks", "months", "years"


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(expression: str, published: str | None) -> TimeValue | None:
    anchor = parse_published(published)
    text = expression.lower().strip()
    if anchor is not None:
        for index, name in enumerate(WEEKDAYS):
            if re.search(rf"\b{name}\b", text):
                back = (anchor.weekday() - index) % 7
                day = anchor - timedelta(days=back)
                return TimeValue(day, day, "day")
        if re.search(r"\btoday\b", text):
            return TimeValue(anchor, anchor, "day")
        if re.search(r"\byesterday\b", text):
            day = anchor - timedelta(days=1)
            return TimeValue(day, day, "day")
    return None


def duration_of(expression: str) -> Duration | None:
    match = re.search(r"(\d+)[\s-]+(day|week|month|year)s?\b", expression.lower())
    if not match:
        return None
    return Duration(float(match.group(1)), match.group(2) + "s")
