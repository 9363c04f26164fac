"""The records that flow between pipeline stages.

Field names follow ../shared/spec/EXPORTS.md: they are a public contract, so a
field may be added here but never renamed. Offsets (`start`, `end`) always point
into the document's stored clean text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One input article as a reader produced it, before cleaning."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    origin: str = ""  # "file.jsonl:12" — where it came from, for error messages
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"


@dataclass
class Document:
    """A cleaned article as stored."""

    id: str
    raw_text: str
    clean_text: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    published_found: bool  # True when `published` came from the text, not the input
    language: str | None
    content_hash: str
    origin: str
    notes: list[str] = field(default_factory=list)
    # For an article without `published`: when it probably appeared ("2020-02", or a day), at the precision
    # its source gives, and that source ("url"). `published` stays null: the article does not say.
    published_estimate: str | None = None
    published_estimate_source: str | None = None

    @property
    def chars(self) -> int:
        return len(self.clean_text)


@dataclass
class Quote:
    doc: str
    text: str
    direct: bool
    speaker: str | None
    speaker_org: str | None
    said_on: str | None
    start: int
    end: int


@dataclass
class Claim:
    doc: str
    value: float
    qualifier: str | None
    measure: str | None
    claimant: str | None
    period_start: str | None
    period_end: str | None
    change_percent: float | None
    text: str
    start: int
    end: int


@dataclass
class EventMention:
    """One report of a happening in one document; `link.merge` folds mentions into events."""

    doc: str
    type: str
    mode: str | None
    detail: str | None
    date: str | None
    date_precision: str | None
    planned: bool
    location: dict[str, Any] | None
    actor1: str | None
    actor2: str | None
    count: float | None
    fatalities: float | None
    text: str
    start: int
    end: int
    negated: bool = False
    hypothetical: bool = False


@dataclass
class Extractions:
    """Everything the per-document stage learns from one article."""

    doc: str
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


def as_row(record: Any) -> dict[str, Any]:
    return asdict(record)
