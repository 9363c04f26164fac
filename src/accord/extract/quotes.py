"""accord_quotes: the spaCy component that fills `doc._.quotes` (placeholder until built)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("accord_quotes")
def make_component(nlp: Language, name: str):
    return _extract


def _extract(doc: Doc) -> Doc:
    doc._.quotes = []
    return doc
