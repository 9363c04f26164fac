"""The one time module: resolve date expressions against a publication date.

Interface used by quotes (said_on), claims (periods), events (dates) and the
agreement tracker (deadlines):

    resolve(expression, published, tense=None) -> TimeValue | None
    deadline(anchor, duration) -> date | None
    durations.duration_of(expression) -> Duration | None   (extract/durations.py)
    periods.find_period(text, published) -> Period | None  (extract/periods.py)

Rules (ANNOTATION.md is the authority):
- Nothing is ever resolved against today's date: without a publication date only
  expressions that carry their own year ("Sept. 12, 2020", "in 2019") resolve.
- A publication date known only to the month ("2020-02", an undated article's estimate)
  resolves no finer than that: a weekday or "this week" is that month; "last month",
  "last year" are the month or year they name from any day of it; a year-less "March 10"
  or "in September" takes the nearest year (a past happening's on or before the month,
  a planned one's on or after it).
- Weekdays ("on Sunday", "Friday night") are the most recent such day on or before
  publication; "last Monday" is strictly before; "next Monday" (or tense="future")
  is the next such day after publication.
- A year-less date ("March 10", "in May") takes the publication year; when the
  text's tense is known and contradicts that (a past happening dated after
  publication, a planned one dated before it) the year moves by one.
- Spans ("this week", "earlier this month", "last year", "over the past few days",
  "in the first quarter") are intervals: `start`..`end` with the precision of
  their unit; "a year earlier" / "two weeks ago" are points.
- Durations ("within 135 days", "a 40-year conflict", "week-long") are Durations,
  never dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from accord.extract.durations import FEW_COUNTS, SPAN_UNITS, Duration, duration_of
from accord.extract.numbers import parse_number

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                        "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|" + "|".join(MONTH_ABBREVIATIONS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "September 12, 2020", "Sept. 12", "12 September 2020", "September 2020", "September"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_BARE_YEAR = re.compile(r"(?<![\d,.$])\b(?P<year>(?:19|20)\d\d)\b(?![\d,]|-year)")
_QUARTER = re.compile(r"\b(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\s*(?:quarter)?\b"
                      r"(?:\s+of\s+(?P<year>(?:19|20)\d\d))?")
_QUARTER_NUMBER = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3,
                   "fourth": 4, "4th": 4, "q4": 4}
_PRECISION_OF_UNIT = {"days": "day", "weeks": "day", "months": "month", "years": "year", "decades": "year"}


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

    @property
    def end_iso(self) -> str:
        """ISO string of the interval's end at the value's precision."""
        return TimeValue(self.end, self.end, self.precision).iso


_YEAR_MONTH = re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])")


def parse_month(published: str | None) -> tuple[int, int] | None:
    """(year, month) of a reference known only to the month ("2020-02"); None for a day or nothing."""
    match = _YEAR_MONTH.fullmatch(published or "")
    return (int(match["year"]), int(match["month"])) if match else None


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# --- calendar arithmetic -------------------------------------------------------

# What `date` arithmetic raises outside years 1..9999 (ValueError from `date()`, OverflowError from
# `timedelta`): the public functions turn it into "unknown".
OUT_OF_CALENDAR = (ValueError, OverflowError)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, amount: float, unit: str) -> date:
    """`day` moved by `amount` units (negative = back); fractional months/years fall back to days."""
    if unit in ("days", "weeks"):
        return day + timedelta(days=amount * (7 if unit == "weeks" else 1))
    months = amount * {"months": 1, "years": 12, "decades": 120}[unit]
    if float(months).is_integer():
        return add_months(day, int(months))
    return day + timedelta(days=round(months * 30.44))


def deadline(anchor: date | str | None, duration: Duration | None) -> date | None:
    """The day a duration counted from `anchor` ends: "within 14 months" of 2020-02-29 -> 2021-04-29.

    None when the day falls outside the calendar ("within 10,000 years")."""
    start = parse_published(anchor) if isinstance(anchor, str) else anchor
    if start is None or duration is None or duration.unit not in ("days", "weeks", "months", "years", "decades"):
        return None
    try:
        return shift(start, duration.value, duration.unit)
    except OUT_OF_CALENDAR:
        return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


# --- absolute dates ---------------------------------------------------------------


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else MONTH_ABBREVIATIONS[name]


# How close (in days) to publication a year-less date must fall to be read across New Year.
YEAR_ROLLOVER_DAYS = 92


def _year_for(month: int, day: int, anchor: date | None, tense: str | None) -> int | None:
    """The year of a year-less date: the publication year, moved by one when the tense contradicts it."""
    if anchor is None:
        return None
    year = anchor.year
    candidate = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    if tense == "past" and candidate > anchor:
        return year - 1
    if tense == "future" and candidate < anchor:
        return year + 1
    if tense is None and abs((candidate - anchor).days) > YEAR_ROLLOVER_DAYS * 2:
        # "December 31" in an early-January report: a year-less date names a day near the publication,
        # so across New Year it belongs to the neighbouring year.
        other = year - 1 if candidate > anchor else year + 1
        nearby = date(other, month, min(day, calendar.monthrange(other, month)[1]))
        if abs((nearby - anchor).days) <= YEAR_ROLLOVER_DAYS:
            return other
    return year


@lru_cache(maxsize=4096)  # a pure function of three numbers, and dateparser takes milliseconds per call
def _parse_day(year: int, month: int, day: int) -> date | None:
    """An absolute day via dateparser (the one job it does well), None for impossible dates."""
    parsed = dateparser.parse(f"{year:04d}-{month:02d}-{day:02d}", languages=["en"],
                              settings={"DATE_ORDER": "YMD", "STRICT_PARSING": True})
    return parsed.date() if isinstance(parsed, datetime) else None


def _absolute(text: str, anchor: date | None, tense: str | None) -> TimeValue | None:
    match = _ISO.search(text)
    if match:
        day = _parse_day(int(match["year"]), int(match["month"]), int(match["day"]))
        return TimeValue(day, day, "day") if day else None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(text)
        if match and not (match.re is _MONTH_DAY and match["month"] == "may" and _looks_like_modal_may(text)):
            month, day_number = _month_number(match["month"]), int(match["day"])
            year = int(match["year"]) if match["year"] else _year_for(month, day_number, anchor, tense)
            if year is None:
                return None
            day = _parse_day(year, month, day_number)
            return TimeValue(day, day, "day") if day else None
    match = _MONTH_YEAR.search(text)
    if match and not (match["month"] == "may" and _looks_like_modal_may(text)):
        month = _month_number(match["month"])
        year = int(match["year"]) if match["year"] else _year_for(month, 1, anchor, tense)
        if year is None:
            return None
        start, end = _month_span(year, month)
        return TimeValue(start, end, "month")
    return None


def _looks_like_modal_may(text: str) -> bool:
    """"may" the verb, not the month: a month name in an expression is capitalised or follows in/since/of."""
    return re.search(r"\b(?:in|since|of|until|by|from|early|late|mid|last|next|this)\s+may\b", text) is None and \
        re.fullmatch(r"may(?:\s+\d.*)?", text) is None


# --- relative expressions ---------------------------------------------------------


def _weekday(text: str, anchor: date, tense: str | None) -> TimeValue | None:
    for index, name in enumerate(WEEKDAYS):
        if not re.search(rf"\b{name}\b", text):
            continue
        back = (anchor.weekday() - index) % 7
        if re.search(rf"\b(?:next|coming|this coming)\s+{name}\b", text):
            ahead = (index - anchor.weekday()) % 7 or 7
            day = anchor + timedelta(days=ahead)
        elif tense == "future" and "last" not in text:
            # "talks are scheduled for Sunday" in a Sunday article: later today (a week ahead would be "next")
            day = anchor + timedelta(days=(index - anchor.weekday()) % 7)
        elif re.search(rf"\blast\s+{name}\b", text):
            day = anchor - timedelta(days=back or 7)
        else:
            day = anchor - timedelta(days=back)
        return TimeValue(day, day, "day")
    return None


def _deictic_day(text: str, anchor: date) -> TimeValue | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": -1, "last night": -1, "tomorrow": 1, "day before yesterday": -2}
    for phrase, offset in sorted(offsets.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", text):
            day = anchor + timedelta(days=offset)
            return TimeValue(day, day, "day")
    return None


def _count_of(word: str) -> float | None:
    if word in FEW_COUNTS:
        return float(FEW_COUNTS[word])
    if word in ("a", "an", "the"):
        return 1.0
    return parse_number(word)


def _ago(text: str, anchor: date) -> TimeValue | None:
    """"two weeks ago", "a year earlier", "three days before": a point back from publication."""
    match = re.search(r"\b(?P<count>[\w.,\- ]+?)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+"
                      r"(?:ago|earlier|before|previously)\b", text)
    if not match:
        return None
    count = _count_of(match["count"].split(" ", 1)[-1] if match["count"].startswith("about ") else match["count"])
    if count is None:
        return None
    unit = SPAN_UNITS[match["unit"]]
    day = shift(anchor, -count, unit)
    precision = _PRECISION_OF_UNIT[unit]
    if precision == "month":
        return TimeValue(*_month_span(day.year, day.month), "month")
    if precision == "year":
        return TimeValue(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    return TimeValue(day, day, "day")


def _past_span(text: str, anchor: date) -> TimeValue | None:
    """"over the past few days", "in the last 24 months", "the past week": an interval ending at publication."""
    match = re.search(r"\b(?:past|last|previous)\s+(?:(?P<count>[\w.,\-]+(?:\s+of)?)\s+)?"
                      r"(?P<unit>hours?|days?|weeks?|months?|years?|decades?)\b", text)
    if not match:
        return None
    count = _count_of(match["count"]) if match["count"] else 1.0
    if count is None:
        return None
    if match["unit"].startswith("hour"):
        return TimeValue(anchor - timedelta(days=max(1, round(count / 24))), anchor, "day")
    unit = SPAN_UNITS[match["unit"]]
    if count == 1.0 and not match["count"] and re.search(r"\blast\s+(?:week|month|year)\b", text):
        return None  # "last week" is the calendar week before, handled by _calendar_span
    return TimeValue(shift(anchor, -count, unit), anchor, "day")


def _week_step(step: int, anchor: date) -> int:
    """On a Sunday "last week" is the week that has just gone by (the Monday-to-Sunday week ending that day), as
    English-language news, whose weeks start on Sunday, means it: the Monday-start week before is 8-14 days back."""
    return 0 if step == -1 and anchor.weekday() == 6 else step


def _calendar_span(text: str, anchor: date) -> TimeValue | None:
    """"this week", "last month", "earlier this year", "next year", "later this month"."""
    match = re.search(r"\b(?P<which>this|last|next|past|previous|coming)\s+(?P<unit>week|month|year)\b", text)
    if not match:
        return None
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[match["which"]]
    unit = match["unit"]
    if unit == "week":
        start, end = _week_span(anchor + timedelta(weeks=_week_step(step, anchor)))
        precision = "day"
    elif unit == "month":
        moved = add_months(anchor, step)
        start, end = _month_span(moved.year, moved.month)
        precision = "month"
    else:
        start, end = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)
        precision = "year"
    if step == 0 and re.search(r"\b(?:earlier|so far)\b", text):
        end = anchor
    elif step == 0 and re.search(r"\b(?:later|rest of)\b", text):
        start = anchor
    return TimeValue(start, end, precision)


def _quarter(text: str, anchor: date | None) -> TimeValue | None:
    if "quarter" not in text:
        return None
    match = _QUARTER.search(text)
    if not match:
        return None
    number = _QUARTER_NUMBER[match["ordinal"]]
    if match["year"]:
        year = int(match["year"])
    elif anchor is None:
        return None
    elif "last year" in text:
        year = anchor.year - 1
    else:
        # A quarter that has not begun by publication is last year's.
        year = anchor.year if (number - 1) * 3 + 1 <= anchor.month else anchor.year - 1
    start = date(year, (number - 1) * 3 + 1, 1)
    end = _month_span(year, number * 3)[1]
    return TimeValue(start, end, "month")


def _since(text: str, value: TimeValue | None, anchor: date | None) -> TimeValue | None:
    """"since March 19": the interval from that day to publication."""
    if value is None or anchor is None or not re.match(r"\s*since\b", text) or value.start > anchor:
        return value
    return TimeValue(value.start, anchor, value.precision)


def resolve(expression: str, published: str | None, tense: str | None = None) -> TimeValue | None:
    """Resolve a time expression against the publication date; None when it cannot be known.

    `tense` ("past" or "future"), when the caller knows it, settles year-less dates and
    bare weekdays ("talks resume on Monday" -> the coming Monday).

    Total: a date the calendar cannot hold ("2,020 years ago" from 2020, "10000000000000 days ago",
    "next year" from 9999-12-31) is unknown, None, never an exception.
    """
    try:
        return _resolve(expression, published, tense)
    except OUT_OF_CALENDAR:
        return None


def _resolve(expression: str, published: str | None, tense: str | None) -> TimeValue | None:
    anchor = parse_published(published)
    text = " ".join(expression.lower().replace("\u2019", "'").split())
    if not text:
        return None
    if duration_of(text) is not None and not re.search(r"\b(?:ago|earlier|before|past|last|previous|recent)\b",
                                                        text):
        return None  # "within 135 days" is a duration, not a date
    if re.match(r"(?:since|last)\s", text):
        tense = "past"  # "since March 19", "last April": before publication
    month = parse_month(published)
    if month is not None:
        return _resolve_in_month(text, *month, tense)
    value = _calendar_date(text, anchor, tense)
    if value is not None:
        return _since(text, value, anchor)
    if anchor is None:
        return None
    return _relative(text, anchor, tense)


def _calendar_date(text: str, anchor: date | None, tense: str | None) -> TimeValue | None:
    """A date named on the calendar ("March 10", "in 2019", "the first quarter"), year-less ones via `anchor`."""
    value = _quarter(text, anchor) or _absolute(text, anchor, tense)
    if value is None:
        match = _BARE_YEAR.search(text)
        if match:
            year = int(match["year"])
            value = TimeValue(date(year, 1, 1), date(year, 12, 31), "year")
    return value


def _relative(text: str, anchor: date, tense: str | None) -> TimeValue | None:
    """A date told from the publication day ("on Sunday", "last week", "two years ago")."""
    return (_deictic_day(text, anchor) or _weekday(text, anchor, tense) or _ago(text, anchor)
            or _past_span(text, anchor) or _calendar_span(text, anchor))


# How far outside the reference month a day-scale cue ("on Sunday", "last week") may land from one of the
# month's days and still be read as that month: the article appeared some day of it, the cue is near that day.
MONTH_SLACK_DAYS = 14


def _resolve_in_month(text: str, year: int, month: int, tense: str | None) -> TimeValue | None:
    """An expression in an article known to have appeared in `year`-`month`, no finer than that supports."""
    first, last = _month_span(year, month)
    # A year-less date is the nearest one: a past happening's on or before the month, a planned one's after.
    pivot = {"past": last, "future": first}.get(tense or "", first + timedelta(days=14))
    value = _calendar_date(text, pivot, tense)
    if value is not None:
        return value
    # A relative cue is read from the month's first and last days; what both readings share is what is known.
    readings = [_relative(text, day, tense) for day in (first, last)]
    if any(reading is None for reading in readings):
        return None
    earliest = min(reading.start for reading in readings if reading)
    latest = max(reading.end for reading in readings if reading)
    if earliest >= first - timedelta(days=MONTH_SLACK_DAYS) and latest <= last + timedelta(days=MONTH_SLACK_DAYS):
        return TimeValue(first, last, "month")
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return TimeValue(*_month_span(earliest.year, earliest.month), "month")
    if earliest.year == latest.year:
        return TimeValue(date(earliest.year, 1, 1), date(earliest.year, 12, 31), "year")
    return None
