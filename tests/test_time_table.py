"""Table-driven test of the time module: the kinds of time expressions news reports use.

Each row: expression, publication date, tense hint, expected (start, end, precision) or None.
The wording is ours; the kinds (weekday cues, year-less dates, relative spans, quarters,
"since" spans) are the ones found in conflict reporting.
"""

from __future__ import annotations

import pytest

from accord.extract.time import resolve

WED = "2020-03-04"  # a Wednesday
SUN = "2019-09-08"  # a Sunday
MON = "2014-09-15"  # a Monday
JAN = "2021-01-10"  # a Sunday early in the year

TABLE: list[tuple[str, str | None, str | None, tuple[str, str, str] | None]] = [
    # absolute dates
    ("September 12", WED, None, ("2020-09-12", "2020-09-12", "day")),
    ("Sept. 12, 2020", WED, None, ("2020-09-12", "2020-09-12", "day")),
    ("12 September", WED, None, ("2020-09-12", "2020-09-12", "day")),
    ("on 5 October 2019", WED, None, ("2019-10-05", "2019-10-05", "day")),
    ("Feb. 29, 2020", None, None, ("2020-02-29", "2020-02-29", "day")),
    ("2020-02-29", None, None, ("2020-02-29", "2020-02-29", "day")),
    ("on Jan. 3", WED, None, ("2020-01-03", "2020-01-03", "day")),
    ("December 31", JAN, "past", ("2020-12-31", "2020-12-31", "day")),
    ("March 10", JAN, "future", ("2021-03-10", "2021-03-10", "day")),
    ("January 5", WED, "future", ("2021-01-05", "2021-01-05", "day")),
    ("March 10", None, None, None),
    # a year-less date close to publication across New Year belongs to the neighbouring year
    ("December 27th", "2020-01-05", None, ("2019-12-27", "2019-12-27", "day")),
    ("January 3", "2019-12-20", None, ("2020-01-03", "2020-01-03", "day")),
    ("July 1", "2020-01-05", None, ("2020-07-01", "2020-07-01", "day")),
    ("September 2019", None, None, ("2019-09-01", "2019-09-30", "month")),
    ("in August 2018", WED, None, ("2018-08-01", "2018-08-31", "month")),
    ("in May", WED, None, ("2020-05-01", "2020-05-31", "month")),
    ("in May", WED, "past", ("2019-05-01", "2019-05-31", "month")),
    ("last April", WED, None, ("2019-04-01", "2019-04-30", "month")),
    ("in 2019", None, None, ("2019-01-01", "2019-12-31", "year")),
    ("since 2009", WED, None, ("2009-01-01", "2020-03-04", "year")),
    ("since March 19", "2015-05-10", None, ("2015-03-19", "2015-05-10", "day")),
    ("since Sept. 5", MON, None, ("2014-09-05", "2014-09-15", "day")),
    # weekdays
    ("on Sunday", WED, None, ("2020-03-01", "2020-03-01", "day")),
    ("Friday", WED, None, ("2020-02-28", "2020-02-28", "day")),
    ("on Wednesday", WED, None, ("2020-03-04", "2020-03-04", "day")),
    ("last Monday", WED, None, ("2020-03-02", "2020-03-02", "day")),
    ("last Wednesday", WED, None, ("2020-02-26", "2020-02-26", "day")),
    ("next Monday", WED, None, ("2020-03-09", "2020-03-09", "day")),
    ("this coming Saturday", WED, None, ("2020-03-07", "2020-03-07", "day")),
    ("on Saturday", "2020-02-28", "future", ("2020-02-29", "2020-02-29", "day")),
    ("scheduled for Sunday", SUN, "future", ("2019-09-08", "2019-09-08", "day")),
    ("overnight Sunday", SUN, None, ("2019-09-08", "2019-09-08", "day")),
    ("late Saturday", SUN, None, ("2019-09-07", "2019-09-07", "day")),
    ("Monday night", "2019-09-12", None, ("2019-09-09", "2019-09-09", "day")),
    ("on Thursday", SUN, None, ("2019-09-05", "2019-09-05", "day")),
    ("on Sunday", None, None, None),
    ("Saturday evening", MON, None, ("2014-09-13", "2014-09-13", "day")),
    # deictic days
    ("today", MON, None, ("2014-09-15", "2014-09-15", "day")),
    ("yesterday", MON, None, ("2014-09-14", "2014-09-14", "day")),
    ("tomorrow", MON, None, ("2014-09-16", "2014-09-16", "day")),
    ("last night", WED, None, ("2020-03-03", "2020-03-03", "day")),
    ("earlier today", WED, None, ("2020-03-04", "2020-03-04", "day")),
    ("today", None, None, None),
    # calendar spans
    ("this week", WED, None, ("2020-03-02", "2020-03-08", "day")),
    ("earlier this week", WED, None, ("2020-03-02", "2020-03-04", "day")),
    ("later this week", MON, None, ("2014-09-15", "2014-09-21", "day")),
    ("last week", WED, None, ("2020-02-24", "2020-03-01", "day")),
    ("last week", SUN, None, ("2019-09-02", "2019-09-08", "day")),  # on a Sunday: the week just gone by
    ("next week", WED, None, ("2020-03-09", "2020-03-15", "day")),
    ("earlier this month", WED, None, ("2020-03-01", "2020-03-04", "month")),
    ("this month", SUN, None, ("2019-09-01", "2019-09-30", "month")),
    ("last month", WED, None, ("2020-02-01", "2020-02-29", "month")),
    ("late last month", SUN, None, ("2019-08-01", "2019-08-31", "month")),
    ("next month", "2019-12-29", None, ("2020-01-01", "2020-01-31", "month")),
    ("this year", SUN, None, ("2019-01-01", "2019-12-31", "year")),
    ("so far this year", SUN, None, ("2019-01-01", "2019-09-08", "year")),
    ("last year", WED, None, ("2019-01-01", "2019-12-31", "year")),
    ("next year", WED, None, ("2021-01-01", "2021-12-31", "year")),
    ("last year", None, None, None),
    # spans back from publication
    ("over the past few days", WED, None, ("2020-03-01", "2020-03-04", "day")),
    ("in the past 24 hours", WED, None, ("2020-03-03", "2020-03-04", "day")),
    ("over the past week", SUN, None, ("2019-09-01", "2019-09-08", "day")),
    ("in the last two months", WED, None, ("2020-01-04", "2020-03-04", "day")),
    ("in recent weeks", WED, None, None),
    ("over the past several days", "2021-08-14", None, ("2021-08-09", "2021-08-14", "day")),
    # points back from publication
    ("a year earlier", WED, None, ("2019-01-01", "2019-12-31", "year")),
    ("two weeks ago", WED, None, ("2020-02-19", "2020-02-19", "day")),
    ("three days earlier", WED, None, ("2020-03-01", "2020-03-01", "day")),
    ("six months ago", WED, None, ("2019-09-01", "2019-09-30", "month")),
    ("20 years ago", "2021-08-14", None, ("2001-01-01", "2001-12-31", "year")),
    # quarters
    ("in the first quarter", "2020-05-02", None, ("2020-01-01", "2020-03-31", "month")),
    ("in the third quarter", WED, None, ("2019-07-01", "2019-09-30", "month")),
    ("the first quarter of 2019", None, None, ("2019-01-01", "2019-03-31", "month")),
    ("the first quarter of last year", "2020-05-02", None, ("2019-01-01", "2019-03-31", "month")),
    # durations are not dates
    ("within 135 days", WED, None, None),
    ("for six weeks", WED, None, None),
    ("a 40-year conflict", WED, None, None),
]


def _resolved(expression: str, published: str | None, tense: str | None) -> tuple[str, str, str] | None:
    value = resolve(expression, published, tense=tense)
    return (value.start.isoformat(), value.end.isoformat(), value.precision) if value else None


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), TABLE)
def test_time_expression_resolves_to_expected_interval(expression, published, tense, expected):
    assert _resolved(expression, published, tense) == expected


def test_time_table_accuracy_is_reported_and_high():
    right = sum(_resolved(e, p, t) == x for e, p, t, x in TABLE)
    accuracy = right / len(TABLE)
    print(f"time table accuracy: {right}/{len(TABLE)} = {accuracy:.3f}")
    assert len(TABLE) >= 60
    assert accuracy >= 0.95
