"""Deadlines as agreements write them: a date, a duration after the signing, or another provision's date.

Accepted forms (case-insensitive):

    2020-03-10                       a date
    14 months after signing          a duration (days, weeks, months, years) after the signing
    135 days after signing
    10 days after release-prisoners  a duration after another provision's deadline
    with start-negotiations          the same deadline as another provision ("at the start of negotiations")
    signing                          the day of signing

Months are calendar months and clamp to the month's last day: 14 months from 29 February 2020 is
29 April 2021, one month from 31 January is 28 or 29 February.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
          "month": "months", "months": "months", "year": "years", "years": "years"}
_AFTER = re.compile(r"^(\d+)\s+(days?|weeks?|months?|years?)\s+after\s+([a-z0-9][a-z0-9_-]*)$")
_WITH = re.compile(r"^(?:with|at)\s+([a-z0-9][a-z0-9_-]*)$")
FORMS = "a date YYYY-MM-DD, 'N days|weeks|months|years after signing|<provision>', 'with <provision>' or 'signing'"


@dataclass(frozen=True)
class DeadlineSpec:
    """A parsed deadline: a fixed date, or an offset from an anchor ('signing' or a provision id)."""

    date: dt.date | None = None
    anchor: str | None = None
    amount: int = 0
    unit: str = "days"


def parse_deadline(text: str) -> DeadlineSpec:
    words = " ".join(text.strip().lower().split())
    try:
        return DeadlineSpec(date=dt.date.fromisoformat(words))
    except ValueError:
        pass
    if words == "signing":
        return DeadlineSpec(anchor="signing")
    match = _AFTER.match(words)
    if match:
        return DeadlineSpec(anchor=match[3], amount=int(match[1]), unit=_UNITS[match[2]])
    match = _WITH.match(words)
    if match:
        return DeadlineSpec(anchor=match[1])
    raise ValueError(f"deadline '{text}' is not {FORMS}")


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months, clamped to the target month's last day (29 Feb 2020 + 12 months = 28 Feb 2021)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def shift(start: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "days":
        return start + dt.timedelta(days=amount)
    if unit == "weeks":
        return start + dt.timedelta(weeks=amount)
    if unit == "months":
        return add_months(start, amount)
    return add_months(start, 12 * amount)


def resolve_deadlines(signed: dt.date, deadlines: Mapping[str, str | None]) -> dict[str, dt.date | None]:
    """Each provision's deadline as a date (None: no deadline); a cycle or unknown anchor is a ValueError."""
    specs = {pid: parse_deadline(text) for pid, text in deadlines.items() if text}
    resolved: dict[str, dt.date | None] = {pid: None for pid in deadlines}

    def date_of(pid: str, seen: tuple[str, ...]) -> dt.date:
        if pid in seen:
            raise ValueError(f"deadlines refer to each other in a circle: {' -> '.join((*seen, pid))}")
        spec = specs.get(pid)
        if spec is None:
            raise ValueError(f"deadline of '{seen[-1]}' refers to '{pid}', which has no deadline")
        if spec.date is not None:
            return spec.date
        base = signed if spec.anchor == "signing" else date_of(spec.anchor or "", (*seen, pid))
        return shift(base, spec.amount, spec.unit)

    for pid in specs:
        resolved[pid] = date_of(pid, ())
    return resolved


def resolve_one(signed: dt.date, text: str | None) -> dt.date | None:
    """A deadline that may only refer to the signing (a provision's `starts`)."""
    if not text:
        return None
    return resolve_deadlines(signed, {"_": text})["_"]
