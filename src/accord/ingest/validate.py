"""Untrusted fields in, checked fields out: every article passes here before cleaning.

Articles come from the open web, so nothing in them is trusted: control and terminal-escape
characters are removed from every text field (they would reach terminals, CSV cells and
dashboards), lone surrogates (valid in JSON, not in UTF-8) become U+FFFD, a URL that is not
http(s) is dropped, and `id`, `published` and `language` must be what the export contract says
(EXPORTS.md) or the article is rejected with one line saying why. What was changed is noted on
the article (`notes`), never done silently.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from accord.errors import InputError
from accord.models import Article

# C0 controls except tab, newline and carriage return; DEL; C1 controls (ESC starts terminal escape
# sequences, C1 0x9b is a one-byte CSI). Form feed and vertical tab are line breaks, kept as "\n".
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# A whole terminal escape sequence goes, not only its ESC (which would leave "[2J" in the text): CSI
# (ESC [ or the C1 byte 0x9b, parameters, a final byte), OSC/DCS/PM/APC strings up to BEL or ST, and
# two-character escapes.
_ESCAPE_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?")
_LINE_BREAKS = re.compile(r"[\x0b\x0c]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Bidirectional overrides and isolates reorder what a terminal shows ("Trojan Source"); removed from
# what accord prints, kept in stored text (right-to-left scripts may carry them legitimately).
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

MAX_ID_CHARS = 512
# Years accord reads dates in: date arithmetic a year either side stays inside Python's calendar.
EARLIEST_YEAR, LATEST_YEAR = 1000, 9998
_PUBLISHED_FORMS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})"),
    re.compile(r"(?P<year>\d{4})"),
)
_LANGUAGE = re.compile(r"(?P<code>[a-z]{2})(?:[-_][a-z0-9]{2,8})*")


def without_controls(text: str) -> tuple[str, int]:
    """`text` without control characters, lone surrogates as U+FFFD; and how many characters changed."""
    text, surrogates = _SURROGATES.subn("\ufffd", text)
    text, sequences = _ESCAPE_SEQUENCES.subn("", text)
    text, breaks = _LINE_BREAKS.subn("\n", text)
    text, controls = _CONTROLS.subn("", text)
    return text, surrogates + sequences + breaks + controls


def printable(text: str) -> str:
    """Text safe to print on a terminal: no control, escape or bidirectional-override characters."""
    return _BIDI_CONTROLS.sub("", without_controls(text)[0])


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) with a host, else None (javascript:, data:, file: … are dropped)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def published_date(value: str, origin: str) -> str:
    """`published` as ISO (YYYY-MM-DD, YYYY-MM or YYYY): a timestamp keeps its date, 20200229 reads as
    2020-02-29; anything else ("last Tuesday", "2020-13-45") is an `InputError`."""
    text = value.strip()
    for form in _PUBLISHED_FORMS:
        match = form.fullmatch(text)
        if match:
            return _checked_date(match, value, origin)
    raise InputError(origin, f"'published' is {value!r}, not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")


def _checked_date(match: re.Match[str], value: str, origin: str) -> str:
    parts = match.groupdict()
    year = int(parts["year"])
    month = int(parts.get("month") or 1)
    day = int(parts.get("day") or 1)
    try:
        date(year, month, day)
    except ValueError as err:
        raise InputError(origin, f"'published' is {value!r}, not a calendar date ({err})") from None
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InputError(origin, f"'published' is {value!r}, outside the years "
                                 f"{EARLIEST_YEAR}-{LATEST_YEAR} accord reads")
    if parts.get("day"):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if parts.get("month") else f"{year:04d}"


def language_code(value: str, origin: str) -> str:
    """`language` as an ISO 639-1 code: "EN", "en-US", "en_GB" read as "en"; "english" is an `InputError`
    (accepted silently it left the article unextracted)."""
    match = _LANGUAGE.fullmatch(value.strip().lower())
    if not match:
        raise InputError(origin, f"'language' is {value!r}, not an ISO 639-1 code such as 'en'")
    return match["code"]


def document_id(value: str, origin: str) -> str:
    doc_id, _ = without_controls(value.strip())
    if not doc_id:
        raise InputError(origin, "'id' is empty")
    if len(doc_id) > MAX_ID_CHARS:
        raise InputError(origin, f"'id' is {len(doc_id):,} characters, over the limit of {MAX_ID_CHARS}")
    return doc_id


def checked(article: Article, page_metadata: bool = False) -> Article:
    """The article with every field checked (see the module docstring); raises `InputError` for a
    malformed `id`, `published` or `language`. With `page_metadata` (what trafilatura found in an
    HTML page, not what a user gave) an unreadable date is dropped with a note instead."""
    notes = list(article.notes)
    text, removed = without_controls(article.text)
    if removed:
        notes.append(f"removed {removed} control character(s) from the text")
    url = safe_url(article.url)
    if article.url and url is None:
        notes.append(f"url dropped (not http or https): {without_controls(article.url[:80])[0]!r}")
    published = article.published
    if published is not None:
        try:
            published = published_date(published, article.origin)
        except InputError:
            if not page_metadata:
                raise
            notes.append(f"page date {without_controls(published[:40])[0]!r} not read (not a date)")
            published = None
    return replace(
        article,
        id=document_id(article.id, article.origin),
        text=text,
        title=_optional_text(article.title),
        source=_optional_text(article.source),
        url=url,
        published=published,
        language=language_code(article.language, article.origin) if article.language is not None else None,
        notes=notes,
    )


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(without_controls(value)[0].split())
    return text or None
