"""Text, entities and sentences of a parsed document, read once per document.

spaCy builds `doc.text`, `doc.ents` and `doc.sents` anew on every access (a walk over every token), and
`Span.ents` walks every entity of the document; asked once per trigger, quote or date they cost
the extractors more than the parse itself. After the parser and NER have run, neither changes, so
the first read is kept in `doc.user_data` and a span finds its own entities by bisection. So are the tokens of
one part of speech or dependency label, for an extractor that only looks at those.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

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


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text a document was made from as its `text_of`: spaCy's tokenizer loses no character, so
    `doc.text` is that text, and joining it again from the tokens is a walk over every one."""
    doc.user_data[_TEXT] = text


def tokens_tagged(doc: Doc, pos: str) -> tuple[Token, ...]:
    """The tokens whose coarse part of speech (`token.pos_`) is `pos`, in document order, found once per
    document from spaCy's POS array: an extractor that only looks at verbs or pronouns skips the other tokens
    without making a Token object and a string for each."""
    key = ("accord", "pos", pos)
    found = doc.user_data.get(key)
    if found is None:
        indices = numpy.flatnonzero(doc.to_array("POS") == POS_IDS[pos]) if len(doc) else ()
        found = doc.user_data[key] = tuple(doc[int(i)] for i in indices)
    return found


def tokens_with_dep(doc: Doc, labels: frozenset[str]) -> tuple[Token, ...]:
    """The tokens whose dependency label (`token.dep_`) is one of `labels`, in document order, found once per
    document from spaCy's DEP array."""
    key = ("accord", "dep", labels)
    found = doc.user_data.get(key)
    if found is None:
        deps = doc.to_array("DEP") if len(doc) else numpy.zeros(0, dtype="uint64")
        wanted = [value for value in numpy.unique(deps) if doc.vocab.strings[int(value)] in labels]
        indices = numpy.flatnonzero(numpy.isin(deps, wanted))
        found = doc.user_data[key] = tuple(doc[int(i)] for i in indices)
    return found
