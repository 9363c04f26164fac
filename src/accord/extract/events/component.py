"""The `accord_events` spaCy component: one pass per sentence from trigger to mention, then dedupe."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from accord.extract.actors import ActorLexicon, ActorMention, actor_in_span
from accord.extract.doc_cache import sentences
from accord.extract.events.arguments import (
    actors_of,
    fatalities_in,
    number_of,
    phrase_before_clause,
    target_coming_under,
    with_threatened_party,
)
from accord.extract.events.dedupe import (
    fold,
    is_additional,
    is_back_reference,
    is_own_day_in_month_read_article,
    is_separately_timed,
)
from accord.extract.events.factuality import is_planned
from accord.extract.events.filters import (
    SENTENCE_FILTERS,
    CandidateRecord,
    SentenceContext,
    apply_filters,
    dropped_by,
)
from accord.extract.events.locations import document_countries, location_of, with_dateline_place
from accord.extract.events.named import NamedHappening, named_happening, named_mention, read_named_happenings
from accord.extract.events.sequence import counted_day, sequence_of
from accord.extract.events.threats import conditional_threats
from accord.extract.events.timing import (
    default_date_of,
    explicit_date_of,
    has_past_cue,
    latest_explicit_date,
    recent_report_date,
    reference_month,
    reports_recent,
    tense_of,
)
from accord.extract.events.triggers import (
    TriggerRule,
    matching_rule,
    read_trigger_rules,
    refine,
    threat_rule,
)
from accord.extract.extensions import register_extensions
from accord.extract.pronouns import with_pronouns
from accord.models import EventMention


class EventExtractor:
    def __init__(self, nlp: Language):
        register_extensions()  # works in anyone's pipeline, not only accord.nlp's
        self.rules = read_trigger_rules()
        self.actors = ActorLexicon(nlp)
        self.happenings = read_named_happenings()

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[CandidateRecord] = []
        doc._.event_mentions = extract_events(doc, self.rules, self.actors, self.happenings, candidates)
        doc._.event_candidates = candidates
        return doc


@Language.factory("accord_events")
def make_component(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp)


def _quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in (doc._.quotes or []) if getattr(q, "direct", False)
            and not is_quoted_term(doc, q.start, q.end)]


# The longest quoted phrase read as a term the writer uses, not words someone said.
TERM_QUOTE_WORDS = 4


def is_quoted_term(doc: Doc, start: int, end: int) -> bool:
    """A weeklong "reduction in violence", a so-called "safe zone": a short verbless phrase in quotation marks
    is the writer naming a thing by its official term; the sentence around it reports."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    return len(words) <= TERM_QUOTE_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)


def extract_events(doc: Doc, rules: dict[str, list[TriggerRule]], lexicon: ActorLexicon,
                   happenings: tuple[NamedHappening, ...] = (),
                   candidates: list[CandidateRecord] | None = None) -> list[EventMention]:
    """The document's event mentions; `candidates`, when given, receives every candidate trigger with the
    filter that dropped it or the index of the mention it became."""
    published = doc._.published or reference_month(doc._.published_estimate)
    context = document_countries(doc)
    mentions = with_pronouns(doc, lexicon.mentions(doc, context), lexicon)
    quoted = _quoted_ranges(doc)
    anchor = None if published else latest_explicit_date(doc)
    found: list[EventMention] = []
    found_at: list[CandidateRecord] = []
    anaphoric: list[bool] = []
    found_named: list[EventMention] = []
    named_at: list[CandidateRecord] = []
    additional: list[bool] = []
    records: list[CandidateRecord] = []
    for sentence in sentences(doc):
        filtering = SentenceContext(sentence, quoted)
        triggers = []
        for token in sentence:
            rule = matching_rule(token, rules)
            name = dropped_by(token, rule, filtering, "candidate") if rule is not None else None
            if name is not None:
                records.append(CandidateRecord.of(token, rule, name))
            elif rule is not None:
                triggers.append((token, rule))
        threats = {t.statement.i: t for t in conditional_threats(sentence, {t.i for t, _ in triggers})}
        filtering.threatened = frozenset(t.i for threat in threats.values() for t in threat.clause.subtree)
        triggers = apply_filters(triggers, SENTENCE_FILTERS[:1], filtering, records)
        triggers += [(threat.statement, threat_rule(threat)) for threat in threats.values()]
        named = {t.i: h for t, r in triggers if (h := named_happening(t, r, sentence, published, happenings))}
        # A named happening is its own event beside the sentence's main assault ("bombed in response to 9/11").
        kept = apply_filters([(t, r) for t, r in triggers if t.i not in named], SENTENCE_FILTERS[1:], filtering,
                             records)
        # A named happening takes nothing from the sentence, so it owns no argument there.
        owners = frozenset(t.i for t, _ in kept)
        for token, rule in sorted(kept + [(t, r) for t, r in triggers if t.i in named], key=lambda tr: tr[0].i):
            if token.i in named:
                found_named.append(named_mention(named[token.i], sentence, doc._.doc_id))
                named_at.append(CandidateRecord.of(token, rule, None))
                continue
            name = dropped_by(token, rule, filtering, "factuality")
            if name is not None:
                records.append(CandidateRecord.of(token, rule, name))
                continue
            sequence = sequence_of(token, sentence)
            counted = counted_day(sequence, list(zip([r.token for r in found_at], found, strict=True)),
                                  _type_of(sequence.referent, rules), sentence.start) if sequence else None
            mention = _mention(token, rule, sentence, mentions, context, published, doc._.doc_id, anchor, owners,
                               counted)
            if token.i in threats:
                mention = with_threatened_party(mention, threats[token.i], mentions)
            found.append(mention)
            found_at.append(CandidateRecord.of(token, rule, None))
            anaphoric.append(is_back_reference(token))
            # A happening told at a distance from another ("hours later") is not the one it is counted from.
            additional.append(is_additional(token) or sequence is not None or is_separately_timed(token, mention)
                              or is_own_day_in_month_read_article(mention, published))
    events, into = fold(with_dateline_place(found, doc), anaphoric, additional)
    # A named happening is the same only as another report naming it, never a recent event's repeat.
    named_events, named_into = fold(found_named)
    if candidates is not None:
        became = [replace(r, event=i) for r, i in zip(found_at, into, strict=True)]
        became += [replace(r, event=len(events) + i) for r, i in zip(named_at, named_into, strict=True)]
        candidates.extend(sorted(records + became, key=lambda r: r.token))
    return events + named_events


def _type_of(token: Token | None, rules: dict[str, list[TriggerRule]]) -> str | None:
    rule = matching_rule(token, rules) if token is not None else None
    return rule.type if rule is not None else None


def _mention(token: Token, rule: TriggerRule, sentence: Span, mentions: list[ActorMention],
             context: tuple[str, ...], published: str | None, doc_id: str,
             anchor: str | None = None, owners: frozenset[int] = frozenset(),
             counted: str | None = None) -> EventMention:
    mode, detail = refine(rule, token)
    planned = is_planned(token, None, published)
    tense = tense_of(token, planned)
    # The resolution order (see the package docstring): a date of its own, a distance from another happening,
    # the narrative day, the tense-based default.
    date, precision = explicit_date_of(token, sentence, published, tense, owners) or (
        (counted, "day") if counted else default_date_of(token, sentence, published, tense))
    if date is None and published is None and anchor is not None:
        tense = tense_of(token, planned)
        past = reports_recent(token, tense) or has_past_cue(token)
        date, precision = recent_report_date(token, anchor, "past" if past else tense)
    actor1, actor2 = actors_of(token, mentions, sentence)
    target = target_coming_under(token)
    if target is not None:
        actor2 = actor_in_span(phrase_before_clause(target), mentions) or actor2
        actor1 = None if actor1 == actor2 else actor1
    fatalities = fatalities_in(sentence) if rule.type == "ASSAULT" else None
    count = number_of(token) if token.pos_ in ("NOUN", "PROPN") else None
    return EventMention(
        doc=doc_id, type=rule.type, mode=mode, detail=detail, date=date, date_precision=precision,
        planned=planned or is_planned(token, date, published), location=location_of(
            token, sentence, context, owners),
        actor1=actor1, actor2=actor2, count=count, fatalities=fatalities,
        text=sentence.text.strip(), start=sentence.start_char, end=sentence.end_char,
    )
