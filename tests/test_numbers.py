import pytest

from accord.extract.numbers import parse_number, qualifier_before, vague_quantity


@pytest.mark.parametrize(("phrase", "value"), [
    ("1,000", 1000), ("2.5 thousand", 2500), ("Twelve", 12), ("a dozen", 12), ("two dozen", 24),
    ("three-and-a-half million", 3_500_000), ("twenty-two and a half", 22.5), ("a million", 1_000_000),
    ("forty five", 45), ("two hundred thousand", 200_000),
])
def test_number_phrases_parse_to_their_value(phrase, value):
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["the", "a", "several", ""])
def test_non_numbers_parse_to_none(phrase):
    assert parse_number(phrase) is None


@pytest.mark.parametrize(("phrase", "expected"), [
    ("dozens", (24, "dozens of")), ("hundreds of", (200, "hundreds of")), ("thousands", (2000, "thousands of")),
    ("tens of thousands", (20000, "tens of thousands of")), ("scores of", (40, "scores of")),
])
def test_vague_plurals_take_the_annotation_convention(phrase, expected):
    assert vague_quantity(phrase) == expected


@pytest.mark.parametrize(("before", "qualifier"), [
    ("killing at least", "at least"), ("there were over", "more than"), ("an estimated", "about"),
    ("roughly", "about"), ("nearly", "nearly"), ("up to", "up to"), ("the governor said", None),
])
def test_qualifier_is_read_from_the_words_before_a_number(before, qualifier):
    assert qualifier_before(before) == qualifier
