"""Text, entities and sentences of a parsed document, read once per document.

spaCy builds `doc.text`, `doc.ents` and `doc.sents` anew on every access (a walk over every token), and
`Span.ents` walks every entity of the document; asked once per trigger, quote or date they cost
the extractors more than the parse itself. After the parser and NER have run, neither changes, so
the first read is kept in `doc.user_data` and a span finds its own entities by bisection.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_ENTS, _STARTS, _SENTS, _TEXT = ("accord", "ents"), ("accord", "ent_starts"), ("accord", "sents"), ("accord", "text")


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per document."""
    found = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = tuple(doc.ents)
        doc.user_data[_STARTS] = tuple(e.start for e in found)
    return found


def entities_in(span: Span) -> list[Span]:
    """The entities inside a span, as `span.ents` gives them, without walking the whole document."""
    every = entities(span.doc)
    starts = span.doc.user_data[_STARTS]
    first, last = bisect_left(starts, span.start), bisect_left(starts, span.end)
    return [e for e in every[first:last] if e.end <= span.end]


def sentences(doc: Doc) -> tuple[Span, ...]:
    """`doc.sents`, built once per document."""
    found = doc.user_data.get(_SENTS)
    if found is None:
        found = doc.user_data[_SENTS] = tuple(doc.sents)
    return found


def text_of(doc: Doc) -> str:
    """`doc.text`, which spaCy joins from every token on each access, built once per document."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found
