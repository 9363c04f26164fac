"""Claims on sentences written for these tests (never copied from the corpus)."""

from __future__ import annotations

import pytest

from accord.models import Quote
from accord.nlp import make_doc


def _claims(nlp, text: str, published: str | None = "2020-03-04", quotes: list[Quote] | None = None):
    doc = make_doc(nlp, "t", text, published)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "accord_quotes" and quotes is not None:
            doc._.quotes = quotes
    return doc._.claims


def _values(claims):
    return [(c.value, c.qualifier) for c in claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("Insurgents stormed the compound and killed at least 14 guards.", [(14, "at least")]),
    ("Nearly 2,000 incidents were logged across the provinces.", [(2000, "nearly")]),
    ("A dozen villagers fled toward the river.", [(12, None)]),
    ("Two dozen checkpoints were abandoned.", [(24, None)]),
    ("Dozens of prisoners walked free.", [(24, "dozens of")]),
    ("Thousands of families left the valley.", [(2000, "thousands of")]),
    ("Hundreds of fighters gathered near the pass.", [(200, "hundreds of")]),
    ("The army said 2.5 thousand recruits had enlisted.", [(2500, None)]),
    ("More than 300 militants surrendered in the district.", [(300, "more than")]),
])
def test_counts_in_digits_words_and_vague_plurals_become_claims(nlp, text, expected):
    assert _values(_claims(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "The talks began on March 10, 2020, in the Qatari capital.",
    "The convoy left at 10:30 a.m. on Tuesday.",
    "The withdrawal must be finished within 135 days.",
    "The envoy spent six weeks in the region.",
    "It was a 40-year conflict with no clear winner.",
    "The donors pledged $750 million for reconstruction.",
    "Attacks fell by 12 percent.",
    "The sergeant, Ali Karimi, 34, was buried in his village.",
    "He was the fifth commander to lose his post since 2001.",
    "The council passed Resolution 2513 without a vote against.",
    "One of the blasts shattered windows across the street.",
])
def test_dates_durations_ages_money_percentages_and_references_are_not_claims(nlp, text):
    assert _claims(nlp, text) == []


def test_speech_verb_subject_is_the_claimant(nlp):
    claims = _claims(nlp, "The Interior Ministry said insurgents carried out 19 attacks since Sunday.")
    assert [(c.value, c.claimant) for c in claims] == [(19, "Interior Ministry")]


def test_according_to_names_the_claimant(nlp):
    claims = _claims(nlp, "Some 40 civilians died in the raid, according to the United Nations.")
    assert [(c.value, c.qualifier, c.claimant) for c in claims] == [(40, "about", "United Nations")]


def test_article_voice_has_no_claimant(nlp):
    claims = _claims(nlp, "Five soldiers were wounded in the ambush near the bridge.")
    assert [(c.value, c.claimant) for c in claims] == [(5, None)]


def test_circumstance_clause_of_a_speech_verb_is_not_its_content(nlp):
    claims = _claims(nlp, "Although four people died in the blast, police warned that more bodies could be found.")
    assert [(c.value, c.claimant) for c in claims] == [(4, None)]


def test_number_inside_a_quote_belongs_to_the_quote_speaker(nlp):
    text = 'The commander was blunt. "We lost 11 men on that road," Karim Noori told reporters.'
    start = text.index("We lost")
    quote = Quote("t", "We lost 11 men on that road,", True, "Karim Noori", None, None, start, start + 28)
    claims = _claims(nlp, text, quotes=[quote])
    assert [(c.value, c.claimant) for c in claims] == [(11, "Karim Noori")]


def test_percent_change_attaches_to_its_count(nlp):
    claims = _claims(nlp, "The ministry claimed casualties had fallen 30% to 210 in the first quarter.")
    assert [(c.value, c.change_percent, c.claimant) for c in claims] == [(210, -30, "ministry")]
    assert (claims[0].period_start, claims[0].period_end) == ("2020-01", "2020-03")


def test_measure_names_what_is_counted_and_what_happened_to_it(nlp):
    claims = _claims(nlp, "The raid killed 13 Taliban fighters overnight.")
    assert claims[0].measure == "Taliban fighters killed"
