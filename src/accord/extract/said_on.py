"""said_on: the day someone's words were said, from the time cues of the attribution.

Resolution order (the first that gives a day wins; nothing else ever sets one, so the
publication day alone never dates words):

1. A cue on the speech verb itself: a plain modifier ("said on Monday", "told reporters
   Monday night"), the occasion the words were said at ("in a column published Wednesday",
   "in an interview with a radio station on Sunday"), a participle in front ("Speaking on
   Sunday, X said") or the main verb a trailing participle's words share ("denounced it on
   Monday, calling it '...'"). A cue inside the reported clause dates its content, not the words.
2. The statement a definite carrier points back to ("The statement also said ...").
3. An occasion named with its day in the sentence right before ("including in comments on
   Thursday."): the undated quotes of the next sentence.
4. The speaker's last dated statement, quoted or not ("X on Thursday acknowledged ...",
   "X rejected the plan in a speech on Thursday"), carried to their later quotes until a later
   day replaces it; a speech verb inside someone's reported clause is not such a statement.

A cue resolves by the shared time module (weekdays: the most recent such day on or before
publication); "the following day" counts from the last day the text gave to a happening; in
an undated article a weekday is the one full date written in it that falls on that weekday.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from accord.extract.attribution import CARRIERS, speaker_of_verb
from accord.extract.doc_cache import entities, entities_in, sentences, tokens_tagged
from accord.extract.quote_marks import QuotedSpan, in_spans
from accord.extract.speakers import Lexicon, People
from accord.extract.time import resolve
from accord.models import Quote

# Days counted from the narrative, not from publication: "the following day", "a day later", "the day before".
_NARRATIVE_DAY = re.compile(r"\b(?:the|a)\s+(?:(following|next|previous)\s+day|day\s+(later|after|before))\b",
                            re.IGNORECASE)
# A day can come as a TIME entity too ("on Monday night", "last night"); clock times resolve to no day.
_TIME_CUES = ("DATE", "TIME")
# "rejected the plan in a speech": done inside the occasion, not "after" or "before" it.
_INSIDE_AN_OCCASION = frozenset({"in", "at", "during"})
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def day_of_attribution(doc: Doc, sentences: list[Span], spans: list[QuotedSpan], verb: Token | None,
                       exclude: tuple[int, int], occasions: frozenset[str] = frozenset()) -> str | None:
    """The day from a time cue of the attribution (outside the quoted or reported words)."""
    published = doc._.published
    cues = [ent for sent in sentences for ent in entities_in(sent)
            if ent.label_ in _TIME_CUES and not in_spans(ent.start_char, spans)
            and not exclude[0] <= ent.start_char < exclude[1]]
    if verb is None:
        return None
    # Only a cue that modifies the speech verb dates the words; one inside the reported clause dates its content.
    # "X denounced the deal on Monday, calling it ...": the participle's words share the main verb's day.
    verbs = [verb, verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i < verb.i else [verb]
    cues = [ent for ent in cues if any(_attached_to(ent, v, occasions) for v in verbs)]
    for ent in cues:
        value = resolve(ent.text, published)
        if value is not None and value.precision == "day":
            return value.iso
        narrative = _day_next_to_the_last_day_mentioned(doc, ent, published)
        if narrative is not None:
            return narrative
        if published is None:
            written = _weekday_of_a_written_date(doc, ent)
            if written is not None:
                return written
    return None


def _day_next_to_the_last_day_mentioned(doc: Doc, cue: Span, published: str | None) -> str | None:
    """'the following day', 'the day before': a day counted from the last day the text gave before the cue."""
    match = _NARRATIVE_DAY.search(cue.text)
    if match is None:
        return None
    step = -1 if (match.group(1) or match.group(2)).lower() in ("previous", "before") else 1
    earlier = [e for e in entities(doc) if e.label_ == "DATE" and e.end <= cue.start and _dates_a_happening(e)]
    for ent in reversed(earlier):
        anchor = resolve(ent.text, published)
        if anchor is not None and anchor.precision == "day":
            return (date.fromisoformat(anchor.iso) + timedelta(days=step)).isoformat()
    return None


def _dates_a_happening(ent: Span) -> bool:
    """'met on Wednesday' dates a happening; 'the November 27 agreement' only names a thing."""
    return ent.root.dep_ not in ("nmod", "compound", "amod", "nummod") or ent.root.head.pos_ not in ("NOUN", "PROPN")


def _weekday_of_a_written_date(doc: Doc, cue: Span) -> str | None:
    """Undated article: 'on Saturday' is the one full date written elsewhere in it that falls on a Saturday.

    (An embedded tweet's 'September 7, 2019'.) Two such dates leave the day unknown.
    """
    if not _WEEKDAY.search(cue.text):
        return None
    matches = set()
    for ent in entities(doc):
        if ent.label_ != "DATE" or ent == cue:
            continue
        written = resolve(ent.text, None)
        if written is None or written.precision != "day":
            continue
        on_that_weekday = resolve(cue.text, written.iso)
        if on_that_weekday is not None and on_that_weekday.iso == written.iso:
            matches.add(written.iso)
    return matches.pop() if len(matches) == 1 else None


def _attached_to(ent: Span, verb: Token, occasions: frozenset[str] = frozenset()) -> bool:
    """The cue modifies the speech verb, not a clause under it ("said the attack on Monday ...").

    Two ways in besides plain modifiers: the occasion the words were said at ("in a column
    published Wednesday, X said") and a participle in front of the verb ("Speaking on Sunday,
    X said").
    """
    node, through_an_occasion = ent.root, False
    for step in range(7):
        # Five steps reach the verb from a plain modifier; an occasion's phrase may take more
        # ("In an interview with a local radio station on Sunday, X said": six).
        if step == 5 and not through_an_occasion:
            return False
        if node.head is node or node.dep_ == "relcl" \
                or (node.dep_ == "ccomp" and not _participle_of_an_occasion(node, occasions)):
            return False
        if node.dep_ == "acl" and node.head.lemma_.lower() not in occasions:
            return False
        if node.dep_ == "advcl" and not (node.head == verb and node.tag_ in ("VBG", "VBN") and node.i < verb.i):
            return False
        if node.dep_ in ("conj", "parataxis") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return False  # "X has called Y, a spokesman said Tuesday": the day is the spokesman's, not X's
        node = node.head
        through_an_occasion = through_an_occasion or (node.pos_ == "NOUN" and node.lemma_.lower() in occasions)
        if node == verb:
            return True
    return False


def _participle_of_an_occasion(node: Token, occasions: frozenset[str]) -> bool:
    """'In a press release issued the following day, X denounced': the participle right after an
    occasion noun modifies it, even when the parser made it a subjectless clause of the main verb
    (and hung the whole fronted phrase on it)."""
    if node.tag_ not in ("VBN", "VBD") or node.i == 0 or node.i > node.head.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return False
    before = node.doc[node.i - 1]
    return before.pos_ == "NOUN" and before.lemma_.lower() in occasions


def date_the_statement_mentioned_before(doc: Doc, quotes: list[Quote]) -> None:
    """'The statement also said ...': the statement last mentioned before, said when that sentence's words were."""
    for quote in quotes:
        carrier = definite_carrier(quote.speaker_org)
        if quote.said_on or quote.speaker or carrier is None:
            continue
        own = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if own is None:
            continue
        mention = next((t for t in reversed(doc[:own.sent.start]) if t.lemma_.lower() == carrier), None)
        if mention is None:
            continue
        sentence = mention.sent
        earlier = [q.said_on for q in quotes
                   if q.said_on and q.start < sentence.end_char and q.end > sentence.start_char]
        if earlier:
            quote.said_on = earlier[0]


def date_quotes_after_a_dated_occasion(doc: Doc, quotes: list[Quote], spans: list[QuotedSpan],
                                       occasions: frozenset[str]) -> None:
    """'X raised concerns, including in comments on Thursday.' then '"...," an adviser told reporters.'

    News writing names the occasion with its day, then quotes from it in the next sentence:
    the quotes of that next sentence without a day of their own were said that day (and the
    speaker's later quotes inherit it). Only the sentence right after, and only an occasion
    that no speech verb of its own sentence already dates (that verb's quotes carry the day).
    """
    for sentence in sentences(doc):
        day = _day_of_an_occasion_in(doc, sentence, spans, occasions)
        if day is None or sentence.end >= len(doc):
            continue
        following = doc[sentence.end].sent
        inside = [q for q in quotes if following.start_char <= q.start < following.end_char]
        if any(q.said_on for q in quotes if sentence.start_char <= q.start < sentence.end_char):
            continue
        for quote in inside:
            if quote.said_on is None:
                quote.said_on = day


def _day_of_an_occasion_in(doc: Doc, sentence: Span, spans: list[QuotedSpan],
                           occasions: frozenset[str]) -> str | None:
    """The day a time cue gives to an occasion noun of the sentence ('comments on Thursday', 'Monday's speech')."""
    for ent in entities_in(sentence):
        if ent.label_ not in _TIME_CUES or in_spans(ent.start_char, spans):
            continue
        occasion = _occasion_dated_by(ent, occasions)
        if occasion is None:
            continue
        value = resolve(ent.text, doc._.published)
        if value is not None and value.precision == "day":
            return value.iso
    return None


def _occasion_dated_by(ent: Span, occasions: frozenset[str]) -> Token | None:
    """The occasion noun a cue modifies: 'comments on Thursday', "Thursday's speech", 'a statement issued Monday'."""
    node = ent.root
    for _ in range(3):
        if node.dep_ not in ("pobj", "prep", "npadvmod", "poss", "compound", "acl", "nmod") or node.head is node:
            return None
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in occasions:
            return node
    return None


def definite_carrier(speaker_org: str | None) -> str | None:
    words = (speaker_org or "").lower().split()
    if len(words) == 2 and words[0] == "the" and words[1] in CARRIERS:
        return words[1]
    return None


@dataclass(frozen=True)
class StatementDay:
    """'On Thursday, the minister said ...' (quoted or not): the day a speaker's statement was made."""

    start: int
    key: tuple[str | None, str | None]
    day: str


def _speaker_key(name: str | None, org: str | None) -> tuple[str | None, str | None]:
    return name, None if name else org


def statement_days(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> list[StatementDay]:
    """Every speech verb outside quotation marks whose own time cue gives a day, with its speaker."""
    days: list[StatementDay] = []
    for token in tokens_tagged(doc, "VERB"):
        if token.pos_ != "VERB" or in_spans(token.idx, spans) or not _acts_in_words(token, lexicon):
            continue
        if not any(ent.label_ in _TIME_CUES for ent in entities_in(token.sent)):
            continue
        if _reported_by_another_speech_verb(token, lexicon.speech_verbs):
            continue  # "On Tuesday X announced he had asked for it Monday night": the statement is Tuesday's
        day = day_of_attribution(doc, [token.sent], spans, token, (token.idx, token.idx), lexicon.occasions)
        if day is None:
            continue
        speaker = speaker_of_verb(token, spans, people, lexicon)
        if speaker is not None and (speaker.name or speaker.org):
            days.append(StatementDay(token.idx, _speaker_key(speaker.name, speaker.org), day))
    return days


def _acts_in_words(verb: Token, lexicon: Lexicon) -> bool:
    """A speech verb, or any verb done on an occasion of words ('rejected the plan in a speech')."""
    if verb.lemma_.lower() in lexicon.speech_verbs:
        return True
    return any(prep.dep_ == "prep" and prep.lower_ in _INSIDE_AN_OCCASION and obj.dep_ == "pobj" and obj.pos_ == "NOUN"
               and obj.lemma_.lower() in lexicon.occasions
               for prep in verb.children for obj in prep.children)


def _reported_by_another_speech_verb(token: Token, speech_verbs: Collection[str]) -> bool:
    """The verb lies inside the clause another speech verb reports: what it tells happened earlier."""
    node, inside_a_clause = token, False
    while node.head is not node and node.dep_ in ("ccomp", "conj", "xcomp"):
        inside_a_clause = inside_a_clause or node.dep_ == "ccomp"  # a conjunct alone is a second statement
        node = node.head
        if inside_a_clause and node.pos_ == "VERB" and node.lemma_.lower() in speech_verbs:
            return True
    return False


def inherit_said_on(quotes: list[Quote], statements: list[StatementDay] = ()) -> list[Quote]:
    """A quote without a time cue continues its speaker's last dated statement, said the same day.

    The statement may be a quote or a sentence that introduces the speaker without quoting
    ("X on Thursday acknowledged the risks." then "..., he said"); a later day replaces it.
    """
    last: dict[tuple[str | None, str | None], str] = {}
    pending = sorted(statements, key=lambda d: d.start)
    for quote in quotes:
        while pending and pending[0].start < quote.start:
            statement = pending.pop(0)
            last[statement.key] = statement.day
        key = _speaker_key(quote.speaker, quote.speaker_org)
        if quote.said_on:
            last[key] = quote.said_on
        elif key in last and (quote.speaker or quote.speaker_org):
            quote.said_on = last[key]
    return quotes
