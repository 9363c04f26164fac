"""The time model of events (accord.extract.events docstring): a date of its own, then a distance from
another happening ("hours later", "three days after the signing"), then the narrative day, then the tense
default at month precision, never silently the publication day. Sentences written for the tests."""

from __future__ import annotations

import pytest

from accord.extract.events.sequence import distance_in_days

PUBLISHED = "2024-05-10"  # a Friday


def dated(events_of, text):
    return [(e.type, e.date, e.date_precision, (e.location or {}).get("name")) for e in events_of(text, PUBLISHED)]


@pytest.mark.parametrize(("text", "days"), [
    ("hours later", 0), ("two days later", 2), ("a week earlier", -7), ("the next day", 1), ("three days after", 3),
    ("a day before", -1), ("just hours later", 0), ("a few hours later", 0), ("3 days later", 3),
])
def test_distance_in_days_reads_a_count_a_unit_and_a_direction(text, days):
    assert distance_in_days(text) == days


@pytest.mark.parametrize("text", ["a few days later", "last week", "Monday", "several weeks later"])
def test_distance_in_days_leaves_vague_or_non_distances_alone(text):
    assert distance_in_days(text) is None


def test_a_duration_is_not_a_distance(events_of):
    events = dated(events_of, "Rebels attacked a checkpoint in Aleppo on Monday. Jets bombed the port of Latakia "
                              "for three days.")
    assert ("ASSAULT", "2024-05-08", "day", "Latakia") not in events


def test_hours_later_is_a_separate_happening_on_the_same_day(events_of):
    events = dated(events_of, "Rebels attacked a checkpoint in Aleppo on Monday. The violence continued hours later "
                              "when gunmen bombed a base in Homs.")
    assert ("ASSAULT", "2024-05-06", "day", "Aleppo") in events
    assert ("ASSAULT", "2024-05-06", "day", "Homs") in events


def test_days_later_counts_from_the_happening_told_before(events_of):
    events = dated(events_of, "Rebels attacked a checkpoint in Aleppo on Monday. Two days later, jets bombed the port "
                              "of Latakia.")
    assert ("ASSAULT", "2024-05-08", "day", "Latakia") in events


def test_days_after_a_named_happening_count_from_that_happening(events_of):
    events = dated(events_of, "The two sides signed the deal on Saturday. Three days after the signing, rebels "
                              "attacked a convoy in Homs.")
    assert ("SUPPORT", "2024-05-04", "day", None) in events
    assert ("ASSAULT", "2024-05-07", "day", "Homs") in events


def test_a_distance_without_a_dated_referent_gives_no_day(events_of):
    events = dated(events_of, "Two days later, jets bombed the port of Latakia.")
    assert all(precision != "day" for _, _, precision, _ in events)


def test_a_date_inside_a_since_phrase_bounds_the_period_not_the_clause(events_of):
    events = dated(events_of, "The militia, at its weakest since its 2015 defeat, has rejected the talks.")
    assert all(date != "2015" for _, date, _, _ in events)


def test_an_undated_past_report_is_known_to_the_month_never_the_publication_day(events_of):
    events = dated(events_of, "Jets bombed the port of Latakia.")
    assert events and all(date == "2024-05" and precision == "month" for _, date, precision, _ in events)


def test_named_day_resolves_to_its_own_year(events_of):
    events = dated(events_of, "The 9/11 attacks changed American foreign policy.")
    assert ("ASSAULT", "2001-09-11", "day", "United States") in events


@pytest.mark.parametrize("text", ["The government is preparing to open talks with the rebels in Geneva.",
                                  "The army is planning to withdraw troops from Herat."])
def test_a_plan_in_the_present_progressive_is_planned(events_of, text):
    events = events_of(text, PUBLISHED)
    assert events and all(e.planned for e in events)


def test_a_plan_in_the_past_progressive_is_not_planned(events_of):
    events = events_of("The envoys were preparing to open talks in Geneva on Monday.", PUBLISHED)
    assert events and not any(e.planned for e in events)
