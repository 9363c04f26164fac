"""Per-document lookups for the claims extractor, built once per document.

spaCy rebuilds `doc.text` on every access and `Span.ents` walks every entity of
the document, so asking either once per number made claim extraction quadratic
in the article's length (a 950k-character article ran for 15 minutes). Every
whole-document fact the claims extractor needs is read here once: the text, the
entities, the quotes and the transcript labels, each with sorted keys so a
sentence or a number finds its own in logarithmic time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from accord.extract.doc_cache import entities as doc_entities
from accord.extract.doc_cache import text_of
from accord.extract.speakers import TRANSCRIPT_LABEL
from accord.models import Quote

# How many entities back a pronoun looks for its antecedent: far enough for a paragraph, and a bound on the work.
ANTECEDENT_LOOKBACK = 40


@dataclass(frozen=True)
class DocIndex:
    doc: Doc
    text: str
    entities: tuple[Span, ...]
    entity_starts: tuple[int, ...]  # token start of each entity, ascending
    quotes: tuple[Quote, ...]  # sorted by start character
    quote_starts: tuple[int, ...]
    quote_reach: tuple[int, ...]  # the furthest end of the quotes up to each one
    label_ends: tuple[int, ...] = field(default=())  # character end of each transcript label ("GHANI:")
    labels: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, doc: Doc, quotes: list[Quote]) -> DocIndex:
        text = text_of(doc)  # shared with the other extractors (doc_cache), as are the entities
        entities = doc_entities(doc)
        ordered = tuple(sorted(quotes, key=lambda q: (q.start, -q.end)))
        reach: list[int] = []
        for quote in ordered:
            reach.append(max(quote.end, reach[-1]) if reach else quote.end)
        found = [(m.end(), m[1]) for m in TRANSCRIPT_LABEL.finditer(text)]
        return cls(doc, text, entities, tuple(e.start for e in entities), ordered,
                   tuple(q.start for q in ordered), tuple(reach),
                   tuple(end for end, _ in found), tuple(label for _, label in found))

    def entities_within(self, start: int, end: int) -> list[Span]:
        """The entities inside the tokens start..end (what `Span.ents` gives, without walking the document)."""
        first = bisect_left(self.entity_starts, start)
        last = bisect_left(self.entity_starts, end)
        return [e for e in self.entities[first:last] if e.end <= end]

    def entities_before(self, token: int) -> list[Span]:
        """The entities ending at or before a token, nearest first (at most ANTECEDENT_LOOKBACK of them)."""
        last = bisect_left(self.entity_starts, token)
        window = self.entities[max(0, last - ANTECEDENT_LOOKBACK):last]
        return [e for e in reversed(window) if e.end <= token]

    def quote_around(self, start: int, end: int) -> Quote | None:
        """The first quote (in document order) holding the characters start..end that has a speaker."""
        index = bisect_right(self.quote_starts, start) - 1
        holding = []
        while index >= 0 and self.quote_reach[index] >= end:
            quote = self.quotes[index]
            if quote.end >= end and (quote.speaker or quote.speaker_org):
                holding.append(quote)
            index -= 1
        return holding[-1] if holding else None

    def transcript_label_before(self, char: int) -> str | None:
        """The last transcript label ("PRESIDENT GHANI:") ending at or before a character offset."""
        index = bisect_right(self.label_ends, char) - 1
        return self.labels[index] if index >= 0 else None
