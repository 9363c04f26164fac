"""Claim extraction is linear in the article's length: counted work, never timed.

A paragraph written for this test (a toll, a quote with a count, an "according to",
a vague plural, a pronoun) is repeated; the work per number must not grow with the
length of the article around it.
"""

from __future__ import annotations

import sys

from spacy.tokens import Doc

from accord.extract import claims as claims_module
from accord.nlp import make_doc

PARAGRAPH = ("The ministry said 14 soldiers were killed in an attack on a checkpoint in the north on Sunday. "
             "\"We lost 3 men,\" a commander, Ali Noor, told reporters. According to the United Nations, 40 "
             "civilians died. It said dozens of fighters were captured.\n\n")


class CountingDoc(Doc):
    """A Doc that counts how often the whole document's text and entities are read."""

    text_reads = 0
    ents_reads = 0

    @property
    def text(self):
        type(self).text_reads += 1
        return super().text

    @property
    def ents(self):
        type(self).ents_reads += 1
        return super().ents

    @ents.setter
    def ents(self, value):
        Doc.ents.__set__(self, value)


def _ready_for_claims(nlp, paragraphs: int) -> Doc:
    doc = make_doc(nlp, "t", PARAGRAPH * paragraphs, "2020-03-04")
    for name, proc in nlp.pipeline:
        if name == "accord_claims":
            break
        doc = proc(doc)
    return doc


def _counting_copy(nlp, doc: Doc) -> CountingDoc:
    copy = CountingDoc(nlp.vocab).from_bytes(doc.to_bytes(exclude=["user_data"]))
    copy._.doc_id, copy._.published, copy._.quotes = doc._.doc_id, doc._.published, doc._.quotes
    return copy


def test_the_document_text_and_entities_are_read_once_however_many_numbers(nlp):
    reads = []
    for paragraphs in (2, 12):
        doc = _counting_copy(nlp, _ready_for_claims(nlp, paragraphs))
        CountingDoc.text_reads = CountingDoc.ents_reads = 0
        claims_module._extract(doc)
        assert len(doc._.claims) == 4 * paragraphs
        reads.append((CountingDoc.text_reads, CountingDoc.ents_reads))
    assert reads[0] == reads[1]
    assert reads[1][0] <= 1 and reads[1][1] <= 1


def _python_calls(doc: Doc) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        claims_module._extract(doc)
    finally:
        sys.setprofile(None)
    return calls


def test_work_per_number_does_not_grow_with_the_article(nlp):
    short, long = _ready_for_claims(nlp, 5), _ready_for_claims(nlp, 40)
    per_number_short = _python_calls(short) / len(short._.claims)
    per_number_long = _python_calls(long) / len(long._.claims)
    assert per_number_long <= per_number_short * 1.15
