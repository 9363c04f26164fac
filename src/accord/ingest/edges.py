"""Headers and footers found by structure, so the furniture of a site never seen before goes too.

The line patterns of data/boilerplate.yaml drop prompts and notices already seen; a new site's footer
(reader prompts, a legal disclaimer, a copyright and fair-use notice, an image credit, membership
prompts, a contact address) matches none of them. What it shares with every footer is where it stands
and what it says: it is a run of paragraphs at the end of the text (a header: at the start) that are
dense in boilerplate cues (data/boilerplate.yaml `edge_cues`). Each paragraph is read as

- a notice: a paragraph under a notice label ("Disclaimer:", "About Example Aid:") or closed by a
  contributor formula ("... contributed to this report."); a line with a sign of a notice or prompt
  ("©", "fair use", "subscribe", "Photo:") that is no plain sentence, or has a second sign or speaks
  to the reader; a longer paragraph with two signs, or a sign and an address (e-mail, URL, phone),
  and a cue for every WORDS_PER_CUE words (a speech asking listeners once to "join us" is no notice);
- furniture: a short line that is no sentence, or that has an address or speaks to the reader
  ("you", "our", "this article"): "Example Aid", "12 Harbour Lane, Portsmouth", "Our standards";
  it belongs to the notice run around it;
- article text: anything else, and every paragraph that reports speech outside quotation marks.

The footer starts at the first notice of the trailing run of notices and furniture, the header ends at
the last notice of the leading run, so a short line of article text next to them (a subtitle, a final
one-line paragraph) stays; a text with no article paragraph at all is left whole. Cues inside quotation
marks do not count: a quoted e-mail address or a copyright dispute told in the body is article text.
A page copied with one line per paragraph and no blank lines is weighed line by line at its ends
(`separate_lines`), so its footer goes too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from accord.data import read_yaml

SHORT_WORDS = 12  # a line, not a paragraph: one sign makes it a notice
WORDS_PER_CUE = 20  # a longer notice carries a sign or an address for every this many words
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_SENTENCE_END = ('.', '!', '?', '”', '"', '’', "'")


class Kind(Enum):
    NOTICE = "notice"
    FURNITURE = "furniture"
    TEXT = "text"


@dataclass(frozen=True)
class EdgeCues:
    signs: tuple[re.Pattern[str], ...]
    labels: tuple[re.Pattern[str], ...]
    closings: tuple[re.Pattern[str], ...]
    addresses: tuple[re.Pattern[str], ...]
    reader_address: tuple[re.Pattern[str], ...]
    reported_speech: re.Pattern[str]


@lru_cache(maxsize=1)
def edge_cues() -> EdgeCues:
    """The cues of data/boilerplate.yaml `edge_cues`, compiled once per process."""
    data = read_yaml("boilerplate.yaml")["edge_cues"]

    def compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I | re.M) for p in patterns)

    return EdgeCues(signs=compiled(data["signs"]), labels=compiled(data["labels"]),
                    closings=compiled(data["closings"]),
                    addresses=compiled(data["addresses"]), reader_address=compiled(data["reader_address"]),
                    reported_speech=re.compile(data["reported_speech"], re.I))


def _count(patterns: tuple[re.Pattern[str], ...], text: str) -> int:
    return sum(len(p.findall(text)) for p in patterns)


def paragraph_kind(paragraph: str, cues: EdgeCues) -> Kind:
    """Whether a paragraph reads as a notice, as furniture around notices, or as article text."""
    unquoted = _QUOTED.sub(" ", paragraph).strip()
    if any(label.match(unquoted) for label in cues.labels) or any(c.search(unquoted) for c in cues.closings):
        return Kind.NOTICE  # "Editor's note: ... what the minister said" is still a note
    if cues.reported_speech.search(unquoted):
        return Kind.TEXT
    words = len(paragraph.split())
    signs = _count(cues.signs, unquoted)
    addresses = _count(cues.addresses, unquoted)
    speaks_to_reader = addresses + _count(cues.reader_address, unquoted)
    sentence = paragraph.rstrip().endswith(_SENTENCE_END)
    if words <= SHORT_WORDS:
        # A prompt or credit line; a plain sentence ("Donations to the fund passed $2 million.") needs more.
        if signs and (not sentence or signs >= 2 or speaks_to_reader):
            return Kind.NOTICE
        return Kind.FURNITURE if unquoted == paragraph.strip() and (speaks_to_reader or not sentence) else Kind.TEXT
    return Kind.NOTICE if _dense(words, signs, addresses) else Kind.TEXT


def _dense(words: int, signs: int, addresses: int) -> bool:
    """A long paragraph is a notice with two signs, or a sign and an address, for every WORDS_PER_CUE words."""
    return signs >= 1 and (signs >= 2 or addresses >= 1) and (signs + addresses) * WORDS_PER_CUE >= words


def _edge_length(kinds: list[Kind]) -> int:
    """How many paragraphs from the start form an edge: a run of notices and furniture up to its last notice."""
    length = 0
    for i, kind in enumerate(kinds):
        if kind is Kind.TEXT:
            break
        if kind is Kind.NOTICE:
            length = i + 1
    return length


def edge_bounds(paragraphs: list[str], cues: EdgeCues | None = None) -> tuple[int, int]:
    """(start, end): paragraphs[start:end] is the text without its header and footer runs of notices."""
    cues = cues or edge_cues()
    head = _kinds_up_to_text(paragraphs, cues)
    if Kind.TEXT not in head:  # then `head` is every paragraph
        return 0, len(paragraphs)  # edges need a body between them: a short item of notice words stays whole
    return _edge_length(head), len(paragraphs) - _edge_length(_kinds_up_to_text(paragraphs[::-1], cues))


def _kinds_up_to_text(paragraphs: list[str], cues: EdgeCues) -> list[Kind]:
    """The kinds of the paragraphs up to the first article text, included: all an edge run depends on, so the
    paragraphs of the body are never weighed (most of the cost of cleaning when they were)."""
    kinds = []
    for paragraph in paragraphs:
        kinds.append(paragraph_kind(paragraph, cues))
        if kinds[-1] is Kind.TEXT:
            break
    return kinds


def trim_edges(paragraphs: list[str], cues: EdgeCues | None = None) -> list[str]:
    """The paragraphs without the header and footer runs of notices (see the module docstring)."""
    start, end = edge_bounds(paragraphs, cues)
    return paragraphs[start:end]


def separate_lines(lines: list[str]) -> list[list[str]]:
    """The lines of one block grouped into what may be separate paragraphs (one line each on the page).

    A line starts a new group when it opens with no lowercase letter and the line before it ends a
    sentence or is as short as a prompt; a line that only wraps its sentence stays with it.
    """
    groups: list[list[str]] = []
    for line in lines:
        if groups and (line[:1].islower() or not _ends_a_unit(groups[-1][-1])):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _ends_a_unit(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END) or len(line.split()) <= SHORT_WORDS
