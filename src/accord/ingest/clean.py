"""Cleaning: raw article text to the clean text every extractor reads.

Keeps paragraphs (separated by one blank line), normalises quotation marks,
dashes and whitespace, and drops what copies of news found online carry around
the article: share and newsletter prompts, copyright and disclaimers, photo
credits, teasers, bylines, tag lines (the patterns live in data/boilerplate.yaml),
and the header and footer of a site never seen, found by structure (ingest/edges.py).
Captions that state news stay. It also finds a title (a short first line without
final punctuation), a publication date ("Published 6 May 2020", a dateline) and
the outlet named on a byline, beside that date or in a wire dateline when the input
gives none (ingest/header_lines.py). `clean` is deterministic, so cleaning can be
re-run and inspected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from accord.data import read_yaml
from accord.ingest.edges import Kind, edge_bounds, edge_cues, paragraph_kind, separate_lines
from accord.ingest.header_lines import byline_outlet, date_line, date_line_outlet, dateline_outlet, pick_date

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_QUOTE_MAP = str.maketrans(
    {"«": "“", "»": "”", "„": "“", "‟": "“", "〝": "“", "〞": "”", "＂": '"', "‚": "‘", "‛": "‘"}
)
_DASH_MAP = str.maketrans({"‒": "–", "―": "—", "−": "-", "\u00ad": None})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")

TOP_LINES = 10  # header lines (title, byline, date) only ever come first
DATELINE_PARAGRAPHS = 3
FINAL_PUNCTUATION = tuple('.,;:!?"”’…)')
MIN_CAPTION_WORDS = 8  # a media widget caption this long states a fact; a shorter one only names the picture


@dataclass
class Cleaned:
    text: str
    title: str | None
    published: str | None
    source: str | None = None  # the outlet a byline, date line or wire dateline names


@dataclass(frozen=True)
class BoilerplateRules:
    whole_line: tuple[re.Pattern[str], ...]
    caption_credit: tuple[re.Pattern[str], ...]
    caption_marker: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    publisher_line: tuple[re.Pattern[str], ...]
    media_widget_label: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    """The patterns of data/boilerplate.yaml, compiled once per process."""
    data = read_yaml("boilerplate.yaml")

    def compiled(key: str, flags: int = re.I) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern, flags) for pattern in data.get(key, []))

    return BoilerplateRules(
        whole_line=compiled("whole_line"),
        caption_credit=compiled("caption_credit"),
        caption_marker=compiled("caption_marker"),
        byline=compiled("byline", flags=0),  # capitals tell a name from "By the end of ..."
        publisher_line=compiled("publisher_line"),
        media_widget_label=compiled("media_widget_labels", flags=re.M),
    )


def normalise(text: str) -> str:
    """Line breaks, quotation marks, dashes, markdown links and media widget labels made uniform.

    Gold spans are compared after the same normalisation, so a caption read from behind its widget
    labels ("Image copyright ... Image caption ...") is the same text with or without them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text).translate(_QUOTE_MAP).translate(_DASH_MAP)
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1), text)
    return _strip_media_widget_labels(text, boilerplate_rules())


def _strip_media_widget_labels(text: str, rules: BoilerplateRules) -> str:
    for pattern in rules.media_widget_label:
        text = pattern.sub("", text)
    return text


def _drop_short_media_captions(text: str, rules: BoilerplateRules) -> str:
    """Drop the lines of media widgets whose caption is not a news sentence (too short to state a fact).

    A long caption stays as article text: captions of photo stories report what happened ("Here a
    fighter stands near a captured tank this week ..."), and the gold annotates them.
    """
    kept = []
    for line in text.splitlines():
        label = next((m for p in rules.media_widget_label if (m := p.match(line.lstrip()))), None)
        if label is None or len(line.lstrip()[label.end():].split()) >= MIN_CAPTION_WORDS:
            kept.append(line)
    return "\n".join(kept)


def paragraphs(text: str) -> list[str]:
    return [" ".join(block) for block in _blocks(text)]


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks, each a list of its non-empty lines with spaces collapsed."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.append(lines)
    return out




# --- boilerplate --------------------------------------------------------------


# Where a footer line strings prompts together: after a sentence, at " | ", " · ", " — ", and before "©".
_FOOTER_SEGMENT_BREAK = re.compile(r"(?<=[.!?])\s+|\s+[|·—–]\s+|\s+(?=©)")


def is_boilerplate_line(line: str, rules: BoilerplateRules) -> bool:
    """The line matches a whole_line pattern, or every segment of a footer line does."""
    if _is_boilerplate_segment(line, rules):
        return True
    segments = [s for s in _FOOTER_SEGMENT_BREAK.split(line) if s]
    # Every segment, not most: one sentence of content keeps the whole paragraph.
    return len(segments) > 1 and all(_is_boilerplate_segment(s, rules) for s in segments)


def _is_boilerplate_segment(text: str, rules: BoilerplateRules) -> bool:
    return any(p.fullmatch(text) for p in rules.whole_line)


def is_byline(line: str, rules: BoilerplateRules) -> bool:
    return any(p.fullmatch(line) for p in rules.byline)


def is_publisher_line(line: str, rules: BoilerplateRules) -> bool:
    return any(p.fullmatch(line) for p in rules.publisher_line)


def is_caption(paragraph: str, rules: BoilerplateRules) -> bool:
    return strip_photo_credit(paragraph, rules) != paragraph


def strip_photo_credit(paragraph: str, rules: BoilerplateRules) -> str:
    """A caption without its credit ("(AP Photo/...)", "[Name/Agency]") and "FILE PHOTO:" marker.

    The caption text itself stays: wire captions restate the story, and the gold annotates them.
    """
    for pattern in rules.caption_credit:
        paragraph = pattern.sub("", paragraph, count=1).rstrip()
    for pattern in rules.caption_marker:
        paragraph = pattern.sub("", paragraph, count=1)
    return paragraph


def is_shouted_teaser(paragraph: str) -> bool:
    """An all-capitals line of five words or more: a link to another story ("VETERANS REACT TO ...")."""
    letters = [c for c in paragraph if c.isalpha()]
    return len(paragraph.split()) >= 5 and len(letters) >= 15 and all(c.isupper() for c in letters)


def _is_name(line: str) -> bool:
    """Two to four capitalised words and nothing else: an author line above the agency name."""
    words = line.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in words)


def _is_title_line(line: str) -> bool:
    words = line.split()
    return (1 <= len(words) <= 16 and any(c.isalpha() for c in line) and not line.endswith(FINAL_PUNCTUATION)
            and not re.search(r"[.!?]\s+[A-Z]", line))  # one phrase, not sentences


def _starts_new_text(block: list[str], blocks: list[list[str]]) -> bool:
    """Something follows the first line, and not as the wrapped rest of its sentence."""
    if len(block) == 1:
        return len(blocks) > 1
    return not block[1][:1].islower()


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).casefold() == re.sub(r"\W+", "", b).casefold()


@dataclass
class _Header:
    title: str | None
    dates: list[tuple[str, str]]
    outlets: list[str]


def _strip_lines(blocks: list[list[str]], title: str | None, rules: BoilerplateRules) -> tuple[
        list[list[str]], _Header]:
    """Drop boilerplate lines; take the title, byline and date lines off the top."""
    header = _Header(title=None, dates=[], outlets=[])
    kept_blocks: list[list[str]] = []
    position = 0
    for block in blocks:
        kept: list[str] = []
        for line in block:
            near_top = position < TOP_LINES
            first = position == 0
            position += 1
            if (found := date_line(line, near_top)) is not None:
                header.dates.append(found)
                header.outlets.extend(filter(None, [date_line_outlet(line)]))
            elif is_boilerplate_line(line, rules):
                pass
            elif (near_top or len(block) == 1) and is_byline(line, rules):
                header.outlets.extend(filter(None, [byline_outlet(line)]))
            elif first and title is not None and _same_text(line, title):
                pass  # the headline repeated above the body
            elif first and title is None and _is_title_line(line) and _starts_new_text(block, blocks) \
                    and paragraph_kind(line, edge_cues()) is not Kind.NOTICE:  # "Listen to this article"
                header.title = line
            else:
                kept.append(line)
        if kept:
            kept_blocks.append(kept)
    return kept_blocks, header


def _drop_byline_block(paras: list[str], rules: BoilerplateRules) -> list[str]:
    """Drop "Jane Doe" / "USA TODAY" lines at the top (an author over the agency name)."""
    out = list(paras)
    for i in range(min(3, len(out)) - 1, -1, -1):
        if is_publisher_line(out[i], rules) and i + 1 < len(out):
            del out[i]
            if i > 0 and _is_name(out[i - 1]):
                del out[i - 1]
    return out


def _edge_pieces(blocks: list[list[str]]) -> list[tuple[int, str]]:
    """(block index, text) of each paragraph, the first and last cut into their separate lines.

    A page copied with one line per paragraph puts its footer in the last block; its lines are
    weighed one by one, and joined again when they stay (see `_rejoined`).
    """
    last = len(blocks) - 1
    return [(i, " ".join(unit)) for i, block in enumerate(blocks)
            for unit in (separate_lines(block) if i in (0, last) else [block])]


def _rejoined(pieces: list[tuple[int, str]]) -> list[str]:
    """Paragraphs again: the kept pieces of one block joined by a space, as their lines were."""
    paras: list[str] = []
    previous = None
    for i, piece in pieces:
        if i == previous:
            paras[-1] += " " + piece
        else:
            paras.append(piece)
        previous = i
    return paras


def clean(raw: str, title: str | None = None) -> Cleaned:
    rules = boilerplate_rules()
    text = normalise(_drop_short_media_captions(raw, rules))
    blocks, header = _strip_lines(_blocks(text), title, rules)
    pieces = [(i, strip_photo_credit(piece, rules)) for i, piece in _edge_pieces(blocks)
              if not is_shouted_teaser(piece)]
    # A lead-photo caption printed twice stays twice: the gold annotates each printed copy.
    pieces = [(i, piece) for i, piece in pieces if piece]
    start, end = edge_bounds([piece for _, piece in pieces])  # an unseen site's header and footer
    paras = _drop_byline_block(_rejoined(pieces[start:end]), rules)
    # The dateline opens the body, after a lead-photo caption or two.
    datelines = (outlet for para in paras[:DATELINE_PARAGRAPHS] if (outlet := dateline_outlet(para)))
    source = next(iter(header.outlets), None) or next(datelines, None)
    return Cleaned(text="\n\n".join(paras), title=title or header.title, published=pick_date(header.dates),
                   source=source)
