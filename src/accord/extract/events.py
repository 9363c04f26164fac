"""accord_events: the spaCy component that fills `doc._.event_mentions` (placeholder until built)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("accord_events")
def make_component(nlp: Language, name: str):
    return _extract


def _extract(doc: Doc) -> Doc:
    doc._.event_mentions = []
    return doc
