"""Why is this (not) an event? Re-run the pipeline on one document and tell, for every candidate trigger,
the event it became or the filter that dropped it (`accord explain DOC_ID`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from accord.extract.events.filters import FILTERS, CandidateRecord
from accord.models import EventMention

FILTER_DOCS = {f.name: f.doc for f in FILTERS}


@dataclass(frozen=True)
class Explanation:
    candidates: list[CandidateRecord]
    events: list[EventMention]


def explain_text(doc_id: str, text: str, published: str | None, title: str | None = None,
                 published_estimate: str | None = None, nlp: Language | None = None) -> Explanation:
    """The candidates and events of one article, as the ingest pipeline finds them."""
    from accord.nlp import make_doc, shared_pipeline

    nlp = nlp or shared_pipeline()
    doc = nlp(make_doc(nlp, doc_id, text, published, title, published_estimate))
    return Explanation(list(doc._.event_candidates or []), list(doc._.event_mentions or []))


def explain_stored(document: dict[str, Any], nlp: Language | None = None) -> Explanation:
    """`explain_text` on a stored document row (its clean text, publication date, title and estimate)."""
    return explain_text(document["id"], document["clean_text"] or "", document.get("published"),
                        document.get("title"), document.get("published_estimate"), nlp)


def describe_event(event: EventMention) -> str:
    place = (event.location or {}).get("name")
    parts = [event.type + (f"/{event.mode}" if event.mode else ""),
             f"{event.date} ({event.date_precision})" if event.date else "undated",
             "planned" if event.planned else "", f"at {place}" if place else "",
             f"{event.actor1 or '?'} → {event.actor2 or '?'}" if event.actor1 or event.actor2 else ""]
    return ", ".join(p for p in parts if p)


def explanation_lines(explanation: Explanation) -> list[str]:
    """One block per sentence with candidates: the sentence, then each trigger and what became of it."""
    lines: list[str] = []
    sentence = None
    for candidate in explanation.candidates:
        if candidate.sentence != sentence:
            sentence = candidate.sentence
            lines += ["", sentence]
        head = f"  {candidate.trigger!r} ({candidate.type})"
        if candidate.dropped_by:
            lines.append(f"{head}: dropped by {candidate.dropped_by} — {FILTER_DOCS.get(candidate.dropped_by, '')}")
        elif candidate.event is not None:
            lines.append(f"{head}: event #{candidate.event}: {describe_event(explanation.events[candidate.event])}")
    return lines[1:] if lines else ["no candidate trigger in this document"]
