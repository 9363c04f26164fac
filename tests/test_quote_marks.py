"""Quotation-mark spans: pure text rules, no spaCy."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.extract.quote_marks import find_quoted_spans


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


def test_straight_and_curly_double_quotes_give_the_words_inside():
    assert texts('He said "we will stay" and left. She said “we will go.”') == ["we will stay", "we will go."]


def test_quote_split_by_attribution_gives_two_spans():
    text = '"The road is open," the mayor said. "Trucks can pass again."'
    assert texts(text) == ["The road is open,", "Trucks can pass again."]


def test_quote_over_several_paragraphs_gives_one_span_per_paragraph():
    text = '"First part of the speech.\n\n"Second part of it.\n\n"Last part," she said.'
    assert texts(text) == ["First part of the speech.", "Second part of it.", "Last part,"]


def test_unclosed_mark_never_runs_past_its_paragraph():
    text = 'The envoy said "talks will resume soon.\n\nIn other news, the market rose.'
    spans = find_quoted_spans(text)
    assert texts(text) == ["talks will resume soon."]
    assert all("\n" not in text[s.start:s.end] for s in spans)


def test_closing_mark_glued_to_the_next_word_still_closes():
    assert texts("He called it “a disaster”and walked out.") == ["a disaster"]


def test_stray_closing_mark_at_paragraph_end_is_ignored():
    assert texts("The governor spoke briefly.”\n\nNothing else happened.") == []


def test_headline_single_quotes_are_quotes_but_apostrophes_are_not():
    text = "Minister says talks 'dead' after the group's attack on officials' homes"
    assert texts(text) == ["dead"]


def test_quote_inside_a_quote_with_wrong_marks_keeps_the_outer_quote():
    text = '"The use of the word "betrayal" shows how angry they are," he said.'
    assert texts(text)[0].startswith("The use of the word")


@given(st.lists(st.sampled_from(['"', "“", "”", "'", "’", "word", " ", "\n\n", ",", "."]), max_size=40))
def test_spans_are_inside_one_paragraph_and_within_the_text(pieces):
    text = "".join(pieces)
    for span in find_quoted_spans(text):
        assert 0 <= span.start < span.end <= len(text)
        assert "\n" not in text[span.start:span.end]


def test_closing_mark_after_a_space_and_glued_to_the_attribution_closes_the_quote():
    text = "“We will not leave the valley, ”said the colonel. “The roads are cut.”"
    assert texts(text) == ["We will not leave the valley,", "The roads are cut."]


def test_straight_mark_glued_to_the_attribution_after_a_comma_closes_the_quote():
    text = '"The harvest is lost, "said the farmer. "We have nothing left."'
    assert texts(text) == ["The harvest is lost,", "We have nothing left."]


def test_straight_mark_glued_to_a_word_inside_a_quote_still_opens_an_inner_quote():
    text = '"They keep saying "soon" and nothing happens," she said.'
    assert texts(text) == ['They keep saying "soon" and nothing happens,']


def test_opening_mark_glued_to_the_word_before_still_opens_a_quote():
    text = "“The roads are cut,” said the colonel,“ and the bridges are down.”"
    assert texts(text) == ["The roads are cut,", "and the bridges are down."]


def test_opening_mark_with_nothing_to_close_it_is_stray():
    assert texts("The harvest failed“ the farmer said.") == []
