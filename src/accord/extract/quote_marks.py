"""Find the spans of text inside quotation marks, paragraph by paragraph.

Pure text in, offsets out, so the rules can be tested without spaCy. A quote
never crosses a paragraph break: a quote that runs over several paragraphs
(an opening mark per paragraph, one closing mark at the end) yields one span
per paragraph, and a broken mark in machine-translated copy can swallow at most
the rest of its own paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„«»'
OPENING_ONLY = "“„«"
CLOSING_ONLY = "”»"
SINGLE_OPEN = "'‘"
SINGLE_CLOSE = "'’"
_PARAGRAPH = re.compile(r"[^\n]+")
# Characters that may sit between a word and the mark that closes a quote after it.
_CLOSER_FOLLOWERS = set(" \t.,;:!?)]—–-…")


@dataclass(frozen=True)
class QuotedSpan:
    """The text between two marks (marks excluded), as offsets into the whole text."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended before a closing mark
    single: bool = False  # delimited by single quotation marks (headline style)


def in_spans(position: int, spans: list[QuotedSpan]) -> bool:
    """Whether a character offset is inside one of the spans."""
    return any(s.start <= position < s.end for s in spans)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; a line is a paragraph in clean text."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _looks_opening(text: str, i: int, lo: int, hi: int) -> bool | None:
    """True/False when the context decides whether the mark at i opens a quote, None when ambiguous."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in _CLOSER_FOLLOWERS
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return None


def _double_spans(text: str, lo: int, hi: int) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    nested = False  # an opening mark seen while a quote was open: wrong marks for a quote inside a quote
    last_inner_close: int | None = None
    for i in range(lo, hi):
        mark = text[i]
        if mark not in DOUBLE_MARKS:
            continue
        opening = _mark_direction(text, i, lo, hi)
        if open_at is None:
            if opening is False and not _stray_closer_starts_quote(text, i, lo) \
                    and not _glued_opener(text, i, hi):
                continue  # a stray closing mark: no quote is open
            open_at, nested, last_inner_close = i + 1, False, None
        elif not nested and _glued_closer(text, i, lo):
            spans.append(QuotedSpan(open_at, i, closed=True))
            open_at = None
        elif opening is True and i > open_at and not nested:
            nested = True
        elif nested:
            nested, last_inner_close = False, i
        else:
            spans.append(QuotedSpan(open_at, i, closed=True))
            open_at = None
    if open_at is not None:
        # Never closed: it runs on to the next paragraph, or its closing mark was taken by an inner quote.
        end = last_inner_close if last_inner_close is not None else hi
        spans.append(QuotedSpan(open_at, end, closed=False))
    return spans


def _mark_direction(text: str, i: int, lo: int, hi: int) -> bool | None:
    opening = _looks_opening(text, i, lo, hi)
    if opening is None and text[i] in OPENING_ONLY:
        return True
    if opening is None and text[i] in CLOSING_ONLY:
        return False
    return opening


def _glued_closer(text: str, i: int, lo: int) -> bool:
    """With a quote open, a mark spaced like an opener but glued to the next word closes it.

    `talks, ”said the general`: a closing-only mark always closes; a straight mark closes when the
    words before it end in punctuation that ends quoted words (an inner quote never opens after ", ").
    """
    if text[i] in OPENING_ONLY:
        return False
    if text[i] in CLOSING_ONLY:
        return True
    before = text[lo:i].rstrip()
    return bool(before) and before[-1] in ",.!?…" and i + 1 < len(text) and text[i + 1].isalpha()


def _glued_opener(text: str, i: int, hi: int) -> bool:
    """With no quote open, an opening-only mark glued to the word before ('the general,“ the army ...')
    opens a quote when a mark later in the paragraph can close it."""
    return text[i] in OPENING_ONLY and any(c in DOUBLE_MARKS for c in text[i + 1:hi])


def _stray_closer_starts_quote(text: str, i: int, lo: int) -> bool:
    """A closing-looking mark at the very start of a paragraph is a misplaced opening mark."""
    return not text[lo:i].strip()


def _single_spans(text: str, lo: int, hi: int) -> list[QuotedSpan]:
    """Single marks used as quotation marks: an opener after a space, a closer before a space.

    Apostrophes have a letter on both sides (don't, Taliban's) or follow a plural s
    (officials'), so they are never taken as openers.
    """
    spans: list[QuotedSpan] = []
    i = lo
    while i < hi:
        if text[i] in SINGLE_OPEN:
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if (before.isspace() or before in "([—–-\"“") and after.isalnum():
                close = _single_closer(text, i + 1, hi)
                if close is not None:
                    spans.append(QuotedSpan(i + 1, close, closed=True, single=True))
                    i = close + 1
                    continue
        i += 1
    return spans


def _single_closer(text: str, start: int, hi: int) -> int | None:
    for j in range(start, min(hi, start + 300)):
        if text[j] in SINGLE_CLOSE:
            after = text[j + 1] if j + 1 < hi else " "
            before = text[j - 1]
            if (after.isspace() or after in _CLOSER_FOLLOWERS or after in "\"”") and not before.isspace():
                if before.lower() == "s" and after.isspace() and text[j + 1:j + 2].isspace():
                    # "officials' statement": a plural possessive unless it ends the quote cleanly
                    if j + 2 < hi and text[j + 2].islower():
                        continue
                return j
    return None


def _trimmed(text: str, span: QuotedSpan) -> QuotedSpan | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return QuotedSpan(start, end, span.closed, span.single)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every span inside double or (headline-style) single quotation marks, in text order."""
    found: list[QuotedSpan] = []
    for lo, hi in paragraphs(text):
        doubles = _double_spans(text, lo, hi)
        singles = _single_spans(text, lo, hi)
        for span in sorted(doubles + singles, key=lambda s: s.start):
            trimmed = _trimmed(text, span)
            if trimmed is not None:
                found.append(trimmed)
    return found
