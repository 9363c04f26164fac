"""accord_claims: every count of people, things or incidents, with who asserts it.

For each sentence: find number phrases ("1,000", "a dozen", "three-and-a-half
million", "dozens"), drop what is not a count (dates, years, ages, clock times,
ordinals, money, percentages, durations, lengths, numbers inside names, references
such as "Resolution 2513"), then attach the qualifier ("more than"; a range's ends are
bounds), the measure (extract/claim_measures.py), the claimant (extract/claimants.py),
the period (a range with both ends, "the same week" = the previous count's, else the
sentence's first date; via accord.extract.time) and a stated percent change. Whole-
document facts come from extract/doc_index.py, read once, so the work is linear in the
article. Lexicons are in data/numbers.yaml, data/claims.yaml and (speech verbs, titles,
shared with the quotes extractor) data/speech_verbs.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from accord.data import read_yaml
from accord.extract.actors import ActorLexicon
from accord.extract.claim_lexicon import claim_lexicon
from accord.extract.claim_measures import TOTAL_NOUNS, measure_of
from accord.extract.claimants import SentenceClaimants
from accord.extract.doc_cache import sentences
from accord.extract.doc_index import DocIndex
from accord.extract.durations import duration_of
from accord.extract.group_descriptions import DocumentGroups
from accord.extract.numbers import lexicon, parse_number, qualifier_before, vague_quantity
from accord.extract.periods import find_period
from accord.extract.time import resolve
from accord.models import Claim, Quote

_WORD_NUMBERS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred|thousand|million|billion|dozen")
_SCALE = r"(?:hundred|thousand|million|billion)"
_NUMBER = re.compile(
    r"(?<![\w/.$€£\-])(?:"
    r"(?P<vague>hundreds\s+of\s+thousands|tens\s+of\s+thousands|millions|thousands|hundreds|dozens|scores(?=\s+of\b))"
    r"|(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(?P<dscale>" + _SCALE + r"))?"
    r"|(?P<words>(?:an?\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?(?:" + _WORD_NUMBERS + r")"
    r"(?:[\s\-]+(?:and[\s\-]+a[\s\-]+half|" + _WORD_NUMBERS + r")\b)*)"
    r")(?![\w/]|[.,:]\d|\s*(?:%|percent|per\s+cent)|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|o'clock))",
    re.IGNORECASE,
)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SKIP_BEFORE_UNIT = {"more", "additional", "extra", "long", "full", "consecutive", "straight", "other", "-", "and",
                     "a", "half"}
_EXCLUDED_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
_NAME_ENTITIES = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}
_PERCENT = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """A number phrase in a sentence that counts something."""

    value: float
    vague_qualifier: str | None
    start: int  # character offsets in the document
    end: int


class ClaimExtractor:
    def __init__(self, nlp: Language):
        self.actors = ActorLexicon(nlp)

    def __call__(self, doc: Doc) -> Doc:
        return _extract(doc, self.actors)


@Language.factory("accord_claims")
def make_component(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp)


def _extract(doc: Doc, actors: ActorLexicon | None = None) -> Doc:
    quotes: list[Quote] = list(doc._.quotes or []) if Doc.has_extension("quotes") else []
    index = DocIndex.of(doc, quotes)
    groups = DocumentGroups(doc, index, actors)
    claims: list[Claim] = []
    previous: tuple[str, str] | None = None  # the period of the latest count that has one
    for sentence in sentences(doc):
        found = claims_in_sentence(sentence, index, doc._.published, groups, previous)
        claims.extend(found)
        previous = next(((c.period_start, c.period_end or c.period_start) for c in found if c.period_start),
                        previous)
    doc._.claims = claims
    return doc


def claims_in_sentence(sentence: Span, index: DocIndex, published: str | None,
                       groups: DocumentGroups | None = None,
                       previous_period: tuple[str, str] | None = None) -> list[Claim]:
    """The claims of one sentence; all whole-document facts come from `index` (linear in the document).
    `previous_period` is the period of the document's count just before, for "in the same week"."""
    text = index.text
    mentions = [m for m in number_mentions(sentence, text) if is_count(sentence, m, text)]
    if not mentions:
        return []
    change = _change_percent(sentence, mentions, text)
    ranges = range_qualifiers(mentions, text, sentence.start_char)
    period = _period(sentence, index, published, previous_period)
    lex = claim_lexicon()
    claimants = SentenceClaimants(sentence, index, groups, lex)
    doc = sentence.doc
    sentence_text = text[sentence.start_char:sentence.end_char]
    claims = []
    for mention in mentions:
        claimant = claimants.claimant_of(mention.start, mention.end)
        claims.append(Claim(
            doc=doc._.doc_id,
            value=mention.value,
            qualifier=mention.vague_qualifier or _qualifier(sentence, mention, text) or
            ranges.get(mention.start, (None, 0))[0],
            measure=measure_of(_tokens(sentence, mention), groups.owner(claimant) if groups is not None else None),
            claimant=claimant,
            period_start=period[0] if period else None,
            period_end=period[1] if period else None,
            change_percent=change.get(mention.start),
            text=sentence_text.strip(),
            start=sentence.start_char,
            end=sentence.end_char,
        ))
    return _ranges_share_their_measure(claims, mentions, ranges)


def _ranges_share_their_measure(claims: list[Claim], mentions: list[NumberMention],
                                ranges: dict[int, tuple[str, int]]) -> list[Claim]:
    """"20 to 30 fighters": both ends count fighters; "300 deaths, 40 of them children": "them" are deaths."""
    by_start = {m.start: c for m, c in zip(mentions, claims, strict=True)}
    previous: Claim | None = None
    for mention, claim in zip(mentions, claims, strict=True):
        if claim.measure is None and mention.start in ranges:
            claim.measure = by_start[ranges[mention.start][1]].measure
        if claim.measure in _BACK_REFERENCES and previous is not None:
            claim.measure = previous.measure
        if claim.measure is None and previous is not None and _TALLY_BEFORE.search(
                claim.text[:max(0, mention.start - claim.start)][-40:]):
            claim.measure = previous.measure  # "700 prisoners were released, bringing the total to 4,000"
        previous = claim
    return claims


_BACK_REFERENCES = {"them", "those", "whom", "which"}
_TALLY_BEFORE = re.compile(r"\b(?:total|tally|toll|count|number)\s+(?:\w+\s+){0,4}to\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


# --- finding counts -------------------------------------------------------------


def number_mentions(sentence: Span, text: str) -> list[NumberMention]:
    """Every number phrase in the sentence with its value (vague plurals carry their qualifier); `text` is the
    document's text."""
    found = []
    for match in _NUMBER.finditer(text, sentence.start_char, sentence.end_char):
        start, end = match.start(), match.end()
        if match["vague"]:
            vague = vague_quantity(match["vague"])
            if vague:
                found.append(NumberMention(vague[0], vague[1], start, end))
            continue
        phrase = match["digits"] + (" " + match["dscale"] if match["dscale"] else "") if match["digits"] else \
            match["words"]
        value = parse_number(phrase)
        if value is not None and value > 0:
            found.append(NumberMention(value, None, start, end))
    return found


def _tokens(sentence: Span, mention: NumberMention) -> Span | None:
    return sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")


def is_count(sentence: Span, mention: NumberMention, document_text: str) -> bool:
    """False for dates, years, ages, clock times, ordinals, money, durations, references and ids."""
    span = _tokens(sentence, mention)
    if span is None:
        return False
    doc = sentence.doc
    text = document_text[mention.start:mention.end]
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 7 and "," not in text:
        return False  # image ids, phone numbers
    if re.fullmatch(r"(?:1[89]|20)\d\d", text):
        return False  # a year
    if any(t.ent_type_ in _EXCLUDED_ENTITIES for t in span) and not mention.vague_qualifier and \
            not _is_total_reached(span):
        return False
    before = doc[max(span.start - 3, 0):span.start]
    after = doc[span.end:span.end + 7]
    if any(t.ent_type_ in _NAME_ENTITIES and t.ent_iob_ == "I" for t in span) or _is_name_number(before, after):
        return False  # "Russia 24", "Camp Bastion 2": a number inside a name
    if _is_duration(after[:4]) or _is_measurement(after[:3]) or _is_date_day(before, after) or \
            _is_age(before, after) or _is_money(document_text, mention) or _is_attributive(after) or \
            _is_score_ratio_or_code(document_text, mention, after):
        return False
    if before and before[-1].lower_.rstrip(".") in claim_lexicon().reference_words:
        return False
    if text.lower() == "one" and not _counted_one(after):
        return False
    return True


def _is_duration(after: Span) -> bool:
    words = [t.lower_ for t in after if t.lower_ not in _SKIP_BEFORE_UNIT]
    if not words:
        return False
    first = words[0]
    unit = lexicon().duration_units.get(first) or lexicon().duration_units.get(first.split("-")[0])
    return unit is not None or duration_of("1 " + first) is not None


_COUNTED_COMPOUNDS = {"member", "strong", "man", "person", "seat", "vehicle", "truck"}
_RATIO_BEFORE = re.compile(r"\b(?:one|a|\d+)\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|every)\b",
                          re.IGNORECASE)


def _is_attributive(after: Span) -> bool:
    """"a six-point plan", "a 10-point roadmap": a number-noun compound that describes the next noun."""
    return len(after) >= 3 and after[0].text in ("-", "–") and after[1].tag_ == "NN" and \
        after[1].lower_ not in _COUNTED_COMPOUNDS and after[2].pos_ in ("NOUN", "PROPN")


def _is_score_ratio_or_code(text: str, mention: NumberMention, after: Span) -> bool:
    """"voted 13-0", "ruled 5-4", "one in five", "0800 123 456": a score, a ratio or a code, not a count."""
    tail = text[mention.end:mention.end + 12]
    head = text[max(0, mention.start - 12):mention.start]
    if re.match(r"[-–]\d", tail) and not any(t.tag_ in ("NNS", "NNPS") for t in after[:4]):
        return True
    if re.match(r" \d+ \d", tail) or re.search(r"\d+ \d+ $", head) or re.match(r" \d", tail) and \
            re.search(r"\d $", head) or text[mention.start] == "0":
        return True  # three digit groups side by side, or a leading zero: a phone number or an identifier
    return bool(_RATIO_BEFORE.search(head) or _RATIO_AFTER.match(tail + text[mention.end + 12:mention.end + 24]))


def _is_name_number(before: Span, after: Span) -> bool:
    """"told the Russia 24 channel", "Apollo 11": a number right after a proper name that counts nothing after it."""
    if not before or before[-1].pos_ != "PROPN" or before[-1].lower_[:3] in _MONTH_NAMES:
        return False
    following = after[0] if after else None
    return following is None or (following.tag_ not in ("NNS", "NNPS") and following.lower_ != "of"
                                 and following.pos_ in ("NOUN", "PROPN", "PUNCT", "VERB", "AUX"))


def _is_total_reached(span: Span) -> bool:
    """"raised the number of soldiers killed since February to 60": the end of a tally, even when the entity
    recogniser read "February to 60" as one date."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "to" or not root.like_num:
        return False
    for ancestor in list(root.head.ancestors)[:6]:
        if ancestor.lower_ in TOTAL_NOUNS and ancestor.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return True
    return False


def _is_measurement(after: Span) -> bool:
    """"a 290-mile border", "100 kilometers (60 miles)": a length, area or weight, not a count."""
    words = [t.lower_ for t in after if t.lower_ not in ("-", "(")]
    return bool(words) and words[0] in lexicon().measurement_units


def _is_date_day(before: Span, after: Span) -> bool:
    previous = before[-1].lower_.rstrip(".") if before else ""
    following = after[0].lower_ if after else ""
    if following == "of" and len(after) > 1:
        following = after[1].lower_
    return previous[:3] in _MONTH_NAMES and len(previous) >= 3 and previous != "mars" or \
        (following[:3] in _MONTH_NAMES and following.isalpha() and following not in ("may", "march", "mar"))


def _is_age(before: Span, after: Span) -> bool:
    if before and before[-1].lower_ in ("aged", "age", "ages"):
        return True
    if len(before) >= 2 and before[-1].text == "(" and before[-2].ent_type_ == "PERSON" and after and \
            after[0].text == ")":
        return True  # "Andrei Petrov (18)": an age in brackets after a name
    if len(before) >= 2 and before[-1].text == "," and before[-2].ent_type_ == "PERSON":
        return bool(after) and after[0].text in (",", "from", ".", "of", "and")
    return False


def _is_money(text: str, mention: NumberMention) -> bool:
    head = text[max(0, mention.start - 2):mention.start]
    tail = text[mention.end:mention.end + 20].lower()
    return any(c in head for c in "$€£") or bool(re.match(r"\s*(?:(?:hundred|thousand|million|billion|trillion)\s+)?"
                                                          r"(?:dollars|euros|pounds|afghanis|usd)\b", tail))


def _counted_one(after: Span) -> bool:
    """"one of our soldiers" counts a person; "one of the blasts", "no one", "one day" do not."""
    words = [t.lower_ for t in after]
    if not words or words[0] != "of":
        return False
    return any(w in claim_lexicon().person_nouns for w in words[1:])


# --- attributes -------------------------------------------------------------------


def _qualifier(sentence: Span, mention: NumberMention, text: str) -> str | None:
    doc = sentence.doc
    before = text[max(sentence.start_char, mention.start - 30):mention.start]
    before = re.sub(r"[^\w\s.]", " ", before)
    qualifier = qualifier_before(before)
    if qualifier is None:
        span = _tokens(sentence, mention)
        previous = doc[span.start - 1] if span is not None and span.start > sentence.start else None
        if previous is not None and previous.lower_ in lexicon().lower_bound_verbs:
            return "more than"
    return qualifier


_RANGE_LINK = re.compile(r"\s*(?:and|to|-|–)\s*", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"\b(between|from)\s+$", re.IGNORECASE)


def range_qualifiers(mentions: list[NumberMention], text: str, floor: int) -> dict[int, tuple[str, int]]:
    """"between 13,000 and 14,000 troops", "20 to 30 fighters": a range's ends are bounds, the lower one
    "at least" and the higher "up to". "from 300 to 450" is a change over time, not a range."""
    bounds: dict[int, tuple[str, int]] = {}  # a mention's start -> (its bound, the other end's start)
    for first, second in zip(mentions, mentions[1:], strict=False):
        link = text[first.end:second.start]
        if not _RANGE_LINK.fullmatch(link) or first.vague_qualifier or second.vague_qualifier:
            continue
        lead = _RANGE_LEAD.search(text[max(floor, first.start - 12):first.start])
        word = link.strip().lower()
        if (lead and lead[1].lower() == "from") or (word == "and" and not lead) or first.value == second.value:
            continue
        low, high = (first, second) if first.value < second.value else (second, first)
        bounds[low.start], bounds[high.start] = ("at least", high.start), ("up to", low.start)
    return bounds


def _change_percent(sentence: Span, mentions: list[NumberMention], text: str) -> dict[int, float]:
    """Percentages stated as a change ("fallen 30% to 210") attached to the nearest count, by its start."""
    lex = claim_lexicon()
    changes: dict[int, float] = {}
    starts = [m.start for m in mentions]
    for match in _PERCENT.finditer(text, sentence.start_char, sentence.end_char):
        at = match.start()
        window = text[max(sentence.start_char, at - 40):at + len(match.group()) + 25].lower()
        words = set(re.findall(r"[a-z]+", window))
        sign = -1.0 if words & lex.change_down else 1.0 if words & lex.change_up else 0.0
        if not sign or not mentions:
            continue
        nearest = _nearest(mentions, starts, at)
        changes.setdefault(nearest.start, sign * float(match["value"]))
    return changes


@lru_cache(maxsize=1)
def _same_period_pattern() -> re.Pattern[str]:
    raw = read_yaml("claims.yaml")["same_period"]
    return re.compile(rf"\b(?:{_alternatives(raw['back_references'])})\s+(?:{_alternatives(raw['period_nouns'])})\b",
                      re.IGNORECASE)


def _alternatives(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between their words."""
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _nearest(mentions: list[NumberMention], starts: list[int], at: int) -> NumberMention:
    """The mention starting nearest a character offset (mentions are in text order, `starts` their starts)."""
    after = bisect_left(starts, at)
    candidates = mentions[max(0, after - 1):after + 1]
    return min(candidates, key=lambda m: abs(m.start - at))


def _period(sentence: Span, index: DocIndex, published: str | None,
            previous: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """The span the sentence's counts cover: a period with a start and an end ("From June 3 to July 20, ..."),
    the previous count's period when referred back to ("in the same week"), else the sentence's first date that
    is not a duration."""
    sentence_text = index.text[sentence.start_char:sentence.end_char]
    period = find_period(sentence_text, published)
    if period is not None:
        return period.value.iso, period.value.end_iso
    if previous is not None and _same_period_pattern().search(sentence_text):
        return previous
    for entity in index.entities_within(sentence.start, sentence.end):
        if entity.label_ != "DATE" or duration_of(entity.text):
            continue
        since = entity.start > 0 and sentence.doc[entity.start - 1].lower_ == "since"
        value = resolve(("since " if since else "") + entity.text, published)  # "since 2016": up to publication
        if value is not None:
            return value.iso, value.end_iso
    return None
