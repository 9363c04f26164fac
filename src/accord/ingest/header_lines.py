"""What the header lines of an article say: its publication date and the outlet that published it.

A date line ("Published 6 May 2020", "Example Courier — Updated: May 7, 2020"), a byline
("By Jane Doe, Example Courier staff") and a wire dateline ("KABUL (Example Wire) — ") are read
here; accord.ingest.clean drops those lines from the text and keeps what they say.
"""

from __future__ import annotations

import re
from functools import lru_cache

import dateparser

from accord.data import read_yaml

# Lines that only carry a date: "Published 6 May 2020", "Updated: May 7, 2020 10:45",
# "Al Jazeera, May 06, 2020", or a bare "Thursday, January 24, 2019".
_DATE_PREFIX = re.compile(
    r"(?P<kind>first published|published|posted|last updated|updated)(?: on| at)?\s*:?\s+(?P<date>.+)", re.I
)
_PUBLISHER_DATE = re.compile(r"(?P<publisher>[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,5}),\s+(?P<date>.+)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DATE_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
_WEEKDAY_OR_MONTH = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d", re.I
)

_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "by", "&"})


# --- dates ------------------------------------------------------------------


def parse_absolute_date(text: str) -> str | None:
    """ISO date of a short, complete absolute date ("6 May 2020", "Thursday, January 24, 2019"), else None."""
    text = text.strip(" .|·")
    if len(text.split()) > 9 or not _YEAR.search(text):
        return None
    parsed = dateparser.parse(text, languages=["en"], settings=_DATE_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def date_line(line: str, near_top: bool) -> tuple[str, str] | None:
    """(kind, ISO date) when the whole line only states a date; kind is "published" or "updated"."""
    # "Updated 8 May · Published 6 May": the publication date stands for the page, whichever comes first.
    stated = [found for part in re.split(r"\s+[|·]\s+", line) if (found := _prefixed_date(part)) is not None]
    if stated:
        return _pick_kind(stated)
    if (found := _credited_date_line(line)) is not None:
        return found
    if not near_top or line.startswith("("):  # "(July 29, 2021)" dates a transcript, not the page
        return None
    if _only_date_words(line) and (iso := parse_absolute_date(line)):
        return ("published", iso)
    match = _PUBLISHER_DATE.fullmatch(line)
    if match and _only_date_words(match["date"]) and (iso := parse_absolute_date(match["date"])):
        return ("published", iso)
    return None


def _prefixed_date(part: str) -> tuple[str, str] | None:
    """(kind, ISO date) of "Published 6 May 2020", "Updated: May 7, 2020 10:45"."""
    match = _DATE_PREFIX.fullmatch(part)
    if match and (iso := parse_absolute_date(match["date"])):
        return ("updated" if "updated" in match["kind"].lower() else "published", iso)
    return None


def _pick_kind(found: list[tuple[str, str]]) -> tuple[str, str]:
    return next((f for f in found if f[0] == "published"), found[0])


def _credited_date_line(line: str) -> tuple[str, str] | None:
    """A date beside the outlet or author across a dash: "Outlet — Published 1 March 2020".

    The other parts must be names, and "Published" capitalised, so that a sentence with an aside
    ("the report — published 6 May 2020 — said ...") is never taken for a date line and dropped.
    """
    parts = re.split(r"\s+[—–]\s+", line)
    if len(parts) < 2:
        return None
    for i, part in enumerate(parts):
        match = _DATE_PREFIX.fullmatch(part)
        if not match or not part[0].isupper() or not all(_is_credit_name(p) for p in parts[:i] + parts[i + 1:]):
            continue
        if _only_date_words(match["date"]) and (iso := parse_absolute_date(match["date"])):
            return ("updated" if "updated" in match["kind"].lower() else "published", iso)
    return None


def _is_credit_name(text: str) -> bool:
    """An outlet or author name ("Example Courier", "By Jane Doe"): a few capitalised words."""
    words = text.split()
    return 1 <= len(words) <= 6 and all(w[0].isupper() or w in _NAME_CONNECTORS for w in words)


def _only_date_words(text: str) -> bool:
    # Guards dateparser, which would read a date into a sentence that merely contains one.
    words = re.findall(r"[\w.:]+", text)
    return bool(words) and all(_WEEKDAY_OR_MONTH.match(w) or w.lower() in {"at", "on", "am", "pm", "gmt", "utc"}
                               for w in words)


def pick_date(found: list[tuple[str, str]]) -> str | None:
    published = [iso for kind, iso in found if kind == "published"]
    if published:
        return published[0]
    return found[0][1] if found else None


# --- outlet ---------------------------------------------------------------------

# Where a credit line joins the outlet to the date or to the author: " | ", " · ", " — ", " – ".
_CREDIT_SEPARATOR = re.compile(r"\s+[|·—–]\s+")
# "By Jane Doe, Outlet", "By Jane Doe | Outlet": the credit after the last separator of the names.
_BYLINE_CREDIT = re.compile(r"By .+?(?:,|\s[-—–|])\s(?P<credit>[^,|—–]+)")
_OUTLET_DESK = re.compile(r"By the (?P<credit>.+)")
# A wire dateline credits the agency that filed the story: "KABUL, Afghanistan (AP) — ", "DOHA (Reuters) - ".
_DATELINE_CREDIT = re.compile(r"[A-Z][A-Z.'’ -]+(?:, [^()]{1,30})? \((?P<credit>[^()]{2,40})\) ?[—–-]+ ")


@lru_cache(maxsize=1)
def credit_roles() -> frozenset[str]:
    """Words that name a role on a byline (data/credits.yaml): "staff", "correspondent", "desk"."""
    return frozenset(word.lower() for word in read_yaml("credits.yaml")["roles"])


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Countries and cities: "By Jane Doe, Kabul" puts the author in a place, it names no outlet."""
    import pycountry

    from accord.extract.places import geonames_cities  # parsed once, shared with the gazetteer

    names = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    names |= {city["name"] for city in geonames_cities().values()}
    return frozenset(name.casefold() for name in names)


def date_line_outlet(line: str) -> str | None:
    """The outlet beside the date of a date line: "Outlet — Published 1 March 2020", "Posted on ... | Outlet".

    Only for a line already known to be a date line; one part must be the date, exactly one other the outlet.
    """
    parts = _CREDIT_SEPARATOR.split(line)
    credits = [part for part in parts if _prefixed_date(part) is None]
    if len(parts) < 2 or len(credits) != 1 or credits[0].startswith("By "):  # "By Jane Doe – Updated ..."
        return None
    return _outlet_name(credits[0])


def byline_outlet(line: str) -> str | None:
    """The outlet a byline names: "By Jane Doe, Example Courier", "By the Example Courier foreign desk"."""
    if (desk := _OUTLET_DESK.fullmatch(line)) is not None:
        name, role = _split_role_suffix(desk["credit"])
        return _outlet_name(_drop_trailing_place(name)) if role else None  # "By the Numbers" is a heading
    if (match := _BYLINE_CREDIT.fullmatch(line)) is not None:
        name, role = _split_role_suffix(match["credit"])
        return _outlet_name(_drop_trailing_place(name) if role else name)
    return None


def _drop_trailing_place(name: str) -> str:
    """The name without a place at its end: "Example Courier Kabul" (correspondent) is the Example Courier."""
    words = name.split()
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]).casefold() in _place_names():
            return " ".join(words[:-size])
    return name


def dateline_outlet(paragraph: str) -> str | None:
    """The agency a wire dateline credits at the start of the body: "KABUL (Example Wire) — ..."."""
    match = _DATELINE_CREDIT.match(paragraph)
    return _outlet_name(match["credit"]) if match else None


def _split_role_suffix(credit: str) -> tuple[str, str]:
    """("Example Courier", "staff") of "Example Courier staff": a trailing lowercase run ending in a role word."""
    words = credit.split()
    if not words or words[-1] not in credit_roles():
        return credit, ""
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].islower() and words[cut - 1] not in _NAME_CONNECTORS:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _outlet_name(text: str) -> str | None:
    """`text` when it reads as an outlet's name: capitalised words, not a role, a place or several people."""
    text = text.strip(" .,")
    words = text.split()
    if not _is_credit_name(text) or words[-1] in _NAME_CONNECTORS:
        return None
    if any(w.lower().strip(".,") in credit_roles() for w in words) or any(w in {"and", "&"} for w in words):
        return None  # "Senior Correspondent", "Kabul Bureau", "John Roe and Ann Poe"
    if text.casefold() in _place_names():
        return None
    return text
