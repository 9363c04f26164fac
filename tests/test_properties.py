"""Property tests (hypothesis) for the pure stages: readers, input checks, cleaning, quote marks, numbers
and time. Whatever the text, they return an answer (an `InputError` is one), never raise, and keep
their invariants: offsets index the text they were given, dates are valid or null."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import InputError
from accord.extract.durations import Duration, duration_of
from accord.extract.numbers import parse_number
from accord.extract.quote_marks import find_quoted_spans
from accord.extract.time import deadline, resolve
from accord.ingest import readers
from accord.ingest.clean import clean
from accord.ingest.validate import language_code, printable, published_date, safe_url, without_controls

NEWSY = st.sampled_from(["on Monday", "last week", "2,020 years ago", "10000000000000 days ago", "next year",
                         "March 10", "in 2019", "the first quarter", "since May 3", "within 135 days", "12",
                         "a dozen", "1e400", '"', "“", "”", "\x1b[2J", "\ud800", "\n\n", " said ", "-"])
TEXT = st.lists(st.one_of(st.text(max_size=12), NEWSY), max_size=12).map("".join)
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)


def valid_iso(value: str) -> bool:
    padded = value + "-01" * ((10 - len(value)) // 3)
    return len(value) in (4, 7, 10) and date.fromisoformat(padded) is not None


@given(TEXT, st.one_of(st.none(), DAYS, DAYS.map(lambda d: d[:7])), st.sampled_from([None, "past", "future"]))
@settings(max_examples=300, deadline=None)
def test_resolve_is_total_and_its_dates_are_valid(expression, published, tense):
    value = resolve(expression, published, tense)
    assert value is None or (value.start <= value.end and valid_iso(value.iso) and valid_iso(value.end_iso))


@given(DAYS, st.floats(allow_nan=False), st.sampled_from(["days", "weeks", "months", "years", "decades"]))
@settings(deadline=None)  # timings vary on a shared machine
def test_deadline_is_a_day_or_none(anchor, amount, unit):
    result = deadline(anchor, Duration(amount, unit))
    assert result is None or isinstance(result, date)


@given(TEXT)
@settings(deadline=None)  # timings vary on a shared machine
def test_duration_and_number_parsing_never_raise(value):
    duration_of(value)
    number = parse_number(value)
    assert number is None or isinstance(number, int | float)


@given(TEXT)
@settings(deadline=None)  # timings vary on a shared machine
def test_quoted_spans_index_the_text(value):
    for span in find_quoted_spans(value):
        assert 0 <= span.start <= span.end <= len(value)


@given(st.binary(max_size=300))
@settings(deadline=None)  # timings vary on a shared machine
def test_decoding_any_bytes_gives_text_or_an_input_error(data):
    try:
        text, notes = readers.decode(data, "f")
    except InputError:
        return
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert notes  # never decoded differently without saying so
    else:
        assert notes == []


@given(st.text(max_size=200))
@settings(deadline=None)  # timings vary on a shared machine
def test_valid_utf8_round_trips(value):
    encoded = value.encode("utf-8", errors="surrogatepass")
    try:
        text, notes = readers.decode(encoded, "f")
    except InputError:
        return  # control-heavy text is "binary"
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in value) and not value.startswith("\ufeff"):
        assert (text, notes) == (value, [])


@given(st.dictionaries(st.sampled_from(["id", "text", "title", "url", "published", "language", "source"]),
                       st.one_of(TEXT, st.none(), st.integers(), st.booleans())))
@settings(deadline=None)
def test_a_json_object_is_an_article_with_checked_fields_or_an_input_error(row):
    from accord.ingest.validate import checked

    try:
        article = checked(readers._article_from_json(json.loads(json.dumps(row)), "f:1"))
    except InputError as error:
        assert "\n" not in str(error)
        return
    for value in (article.id, article.text, article.title or "", article.source or ""):
        assert without_controls(value)[1] == 0
    assert article.url is None or safe_url(article.url) == article.url
    assert article.published is None or valid_iso(article.published)
    assert article.language is None or len(article.language) == 2


@given(TEXT)
@settings(deadline=None)  # timings vary on a shared machine
def test_checks_of_single_fields_answer_or_reject(value):
    for check in (published_date, language_code):
        try:
            check(value, "f")
        except InputError:
            pass
    assert "\x1b" not in printable(value) and "\u202e" not in printable(value)


@given(TEXT, st.one_of(st.none(), TEXT))
@settings(max_examples=60, deadline=None)
def test_cleaning_never_raises(raw, title):
    cleaned = clean(without_controls(raw)[0], title=title)
    assert isinstance(cleaned.text, str)
    assert cleaned.published is None or valid_iso(cleaned.published)
