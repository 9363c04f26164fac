"""Deadline arithmetic: calendar months clamp to the month's end; days count from the signing."""

import datetime as dt

import pytest

from accord.agreement.deadlines import add_months, parse_deadline, resolve_deadlines

SIGNED = dt.date(2020, 2, 29)


def test_fourteen_months_from_29_february_2020_is_29_april_2021():
    assert resolve_deadlines(SIGNED, {"w": "14 months after signing"})["w"] == dt.date(2021, 4, 29)


def test_135_days_from_29_february_2020_is_13_july_2020():
    assert resolve_deadlines(SIGNED, {"r": "135 days after signing"})["r"] == dt.date(2020, 7, 13)


def test_a_month_after_the_31st_clamps_to_the_shorter_month():
    assert add_months(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)
    assert add_months(SIGNED, 12) == dt.date(2021, 2, 28)


def test_a_deadline_can_follow_another_provision():
    deadlines = resolve_deadlines(dt.date(2015, 2, 12), {
        "pullback": "19 days after signing", "exchange": "5 days after pullback", "talks": "with exchange",
        "none": None})
    assert deadlines == {"pullback": dt.date(2015, 3, 3), "exchange": dt.date(2015, 3, 8),
                         "talks": dt.date(2015, 3, 8), "none": None}


def test_deadlines_that_refer_to_each_other_in_a_circle_are_refused():
    with pytest.raises(ValueError, match="circle"):
        resolve_deadlines(SIGNED, {"a": "with b", "b": "3 days after a"})


@pytest.mark.parametrize("text", ["next spring", "14 moons after signing", "after signing"])
def test_an_unreadable_deadline_is_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        parse_deadline(text)
