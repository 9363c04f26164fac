"""When a happening was: the date of the trigger's phrase or clause (resolved by accord.extract.time with the
tense of the verb it hangs from), dates borrowed through when/after clauses, the day the previous sentences
give, and the publication month for an undated simple-past report."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from accord.extract.doc_cache import entities, entities_in
from accord.extract.events.factuality import PLANNED_HEADS, is_planned
from accord.extract.events.syntax import (
    ADJUNCT_PREPS,
    SEPARATE_DEPS,
    clause_of,
    governing_verb,
    in_subtree,
    is_have,
    owned_by_other,
    owning_trigger,
    path_up,
)
from accord.extract.time import WEEKDAYS, TimeValue, parse_month, parse_published, resolve

# Conjunctions of a clause that happens at its head's time ("were close to a deal in May when X walked out"),
# and words that put a clause or phrase just before or after its head's happening ("after an attack").
SAME_TIME_MARKS = {"when"}


SEQUENCE_WORDS = {"after", "before", "following"}


# Clausal complements: what is said, decided or planned ("the decision to cancel the talks") has a time of its own.
CONTENT_DEPS = {"ccomp", "xcomp", "csubj", "acl"}


def _time_step(current: Token) -> str | None:
    """How the phrase headed by `current` stands in time to its head: "same" inside one clause or for a
    when-clause, "around" for an after/before clause or phrase, None for a happening of its own time (a
    coordinated verb, a relative clause, a cause)."""
    if current.dep_ == "advcl":
        marks = {c.lower_ for c in current.children if c.dep_ in ("mark", "advmod")}
        return "same" if marks & SAME_TIME_MARKS else "around" if marks & SEQUENCE_WORDS else None
    if current.dep_ in SEPARATE_DEPS or current.dep_ in CONTENT_DEPS:
        return None
    if current.dep_ in ("prep", "mark", "advmod") and current.lower_ in ADJUNCT_PREPS:
        return "around" if current.lower_ in SEQUENCE_WORDS else None
    return "same"


def _time_path(inner: Token, outer: Token) -> str | None:
    """The loosest time step on the way up from `inner` to `outer` (None when a step is a happening of its
    own, or `outer` does not govern `inner`)."""
    link, current = "same", inner
    while current.i != outer.i:
        step = _time_step(current) if current.head.i != current.i else None
        if step is None:
            return None
        link = "around" if step == "around" else link
        current = current.head
    return link


def borrowed_time(span: Span, token: Token, owners: frozenset[int]) -> str | None:
    """Whether a date owned by another trigger still times this one, and how closely: "same" when one of
    them sits in a when-clause of the other ("were about to sign a deal in May when X cancelled the talks":
    May is the cancellation's month, even though the signing never happened), "around" when this trigger
    sits in an after/before clause of the other ("cancelled the talks in May after an attack")."""
    owner = owning_trigger(span.root, owners)
    if owner is None or owner == token.i or _time_path(span.root, token.doc[owner]) != "same":
        return None  # only a date of the other happening itself, not one of a clause that hangs on it
    other = token.doc[owner]
    return _time_path(token, other) or ("same" if _time_path(other, token) == "same" else None)


def clause_time(ent: Span, clause: Token) -> str | None:
    """The time link (see borrowed_time) between the trigger's clause and the clause a date hangs on, when
    that clause tells no happening of its own: "were on the brink of a deal in May when X declared the talks
    dead" dates the declaration to May."""
    date_clause = clause_of(ent.root)
    if date_clause.i == clause.i or _time_path(ent.root, date_clause) != "same":
        return None
    return _time_path(clause, date_clause) or ("same" if _time_path(date_clause, clause) == "same" else None)


def date_of(token: Token, sentence: Span, published: str | None, tense: str | None,
            owners: frozenset[int] = frozenset()) -> tuple[str | None, str | None]:
    """(iso date, precision) of the DATE entity in the trigger's own phrase or clause, else the narrative day
    or the tense-based default (see default_date_of)."""
    return explicit_date_of(token, sentence, published, tense, owners) or default_date_of(
        token, sentence, published, tense)


def explicit_date_of(token: Token, sentence: Span, published: str | None, tense: str | None,
                     owners: frozenset[int] = frozenset()) -> tuple[str | None, str | None] | None:
    """(iso date, precision) of the DATE entity in the trigger's own phrase or clause (or one a when/after
    clause lends it), else None."""
    clause = clause_of(governing_verb(token))
    all_dates = [e for e in entities_in(sentence) if e.label_ == "DATE"]
    borrowed = {e.start: borrowed_time(e, token, owners) for e in all_dates if owned_by_other(e, token, owners)}
    dates = [e for e in all_dates if not opens_period(e) and not bounds_a_period_around(e, token)
             and (e.start not in borrowed or borrowed[e.start] or clause_time(e, clause))]
    ranked = []
    for ent in dates:
        if borrowed.get(ent.start):
            ranked.append((2, abs(ent.start - token.i), ent))
        elif in_subtree(ent, token):
            ranked.append((0, abs(ent.start - token.i), ent))
        elif clause_of(ent.root) == clause or clause_of(ent.root).head == clause and clause_of(
                ent.root).dep_ == "xcomp":
            # "talks are scheduled to begin on March 10": the date of the controlled verb is the event's.
            ranked.append((1, abs(ent.start - token.i), ent))
        elif clause_of(ent.root).dep_ == "ROOT" or _is_coordinated_with(clause_of(ent.root), clause):
            # Often the date sits on the reporting verb ("said Saturday he cancelled") or on a verb
            # coordinated with the trigger's ("protesters burn tyres and block roads on Monday"): same day.
            # A trigger in an after/before clause of that verb is around its day, not on it ("launched an
            # offensive on Wednesday after the rebels pulled back").
            if _time_path(clause, clause_of(ent.root)) == "around":
                borrowed[ent.start] = "around"
            ranked.append((2, abs(ent.start - token.i), ent))
        elif (link := clause_time(ent, clause)) is not None:
            borrowed[ent.start] = link
            ranked.append((2, abs(ent.start - token.i), ent))
    for rank, _, ent in sorted(ranked, key=lambda r: (r[0], r[1])):
        upcoming = rank == 0 and is_upcoming_day_of(ent, token, published)
        value = resolve(date_text(ent), published, "future" if upcoming else tense_at(ent, clause, tense))
        if value is not None and not (borrowed.get(ent.start) == "around" and value.precision == "day"):
            # A day does not carry over "after": "cancelled the talks on Sunday after an attack" (days before).
            return as_point(value)
    return None


def default_date_of(token: Token, sentence: Span, published: str | None,
                    tense: str | None) -> tuple[str | None, str | None]:
    """Without a date of its own: a past report continues the day of the sentences just before it, else it is
    known to the publication month; anything else stays undated (never silently the publication day)."""
    if tense == "past":
        context = context_day(sentence, published)
        if context is not None:
            return context, "day"
    return recent_report_date(token, published, "past" if reports_recent(token, tense) else tense)


DEICTIC_DETERMINERS = {"this", "next", "last", "coming"}


def date_text(ent: Span) -> str:
    """A date entity's text with the deictic determiner the recogniser sometimes leaves out ("this week's
    summit" tagged as just "week"): without it the expression cannot be placed in time."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in DEICTIC_DETERMINERS and before.head.i in range(ent.start, ent.end):
        return f"{before.text} {ent.text}"
    return ent.text


def tense_at(ent: Span, clause: Token, tense: str | None) -> str | None:
    """The tense to resolve a date with: that of the verb the date hangs from. "On Sunday, X announced troops
    would be leaving" dates the (past) announcement, so Sunday is the last one, not the coming one."""
    verb = clause_of(ent.root)
    if verb.i == clause.i or verb.pos_ not in ("VERB", "AUX"):
        return tense
    return "past" if verb.tag_ == "VBD" else tense


def is_upcoming_day_of(ent: Span, token: Token, published: str | None) -> bool:
    """"Saturday's ceremony", "Thursday's summit": a possessive weekday names the coming day when the article
    tells of the happening as ahead (the same day elsewhere in a planned clause, "to sign a deal on Saturday";
    or the same noun as the object of a plan, "plans to attend the summit"), else the last one."""
    weekday = next((t.lower_ for t in ent if t.lower_ in WEEKDAYS), None)
    if weekday is None or not any(t.dep_ == "case" or t.lower_ in ("'s", "’s") for t in ent.doc[ent.start:ent.end + 1]):
        return False
    for other in entities(ent.doc):
        if other.label_ == "DATE" and other.start != ent.start and weekday in other.text.lower() \
                and is_planned(clause_of(other.root), None, published):
            return True
    return any(t.i != token.i and t.lemma_ == token.lemma_ and t.pos_ == token.pos_ and any(
        u.lemma_.lower() in PLANNED_HEADS for u in path_up(t)[1:4]) for t in ent.doc)


# How many sentences back a report without a time of its own takes its day from, and how recent that day
# must be (a lede's "on Saturday", not a background date).
CONTEXT_SENTENCES = 4


CONTEXT_MAX_DAYS = 7


def context_day(sentence: Span, published: str | None) -> str | None:
    """The day a past-tense report with no time cue continues: the latest recent day the sentences just
    before it give ("X said on Saturday ... . He also criticized Y." -> Saturday)."""
    anchor = parse_published(published)
    if anchor is None:
        return None
    doc, start = sentence.doc, sentence.start
    for _ in range(CONTEXT_SENTENCES):
        if start == 0:
            return None
        previous = doc[start - 1].sent
        # Only a past-tense report dates what follows; a photo caption's date ("protesters burn tyres in
        # Kabul, September 3") is when the picture was taken.
        dates = [e for e in entities_in(previous) if e.label_ == "DATE" and reports_past(e)]
        for ent in reversed(dates):
            value = resolve(ent.text, published, "past")
            if value is not None and value.precision == "day" and value.start == value.end \
                    and 0 <= (anchor - value.start).days <= CONTEXT_MAX_DAYS:
                return value.iso
        start = previous.start
    return None


def reports_past(ent: Span) -> bool:
    """Whether a date hangs from a simple-past report, in the main clause or not ("X is based in Y, where Z
    held talks on Saturday"); a present caption or a schedule ("talks are set for Sunday") does not."""
    verb = clause_of(ent.root)
    return verb.tag_ == "VBD" or ent.sent.root.tag_ == "VBD" and verb.dep_ == "ROOT"


# Prepositions that make a date the start or end of a state ("envoy until December"), not a happening's day.
PERIOD_BOUNDS = ("since", "until", "till")


def opens_period(ent: Span) -> bool:
    """"since 2001", "since March 19", "until December": the start or end of a state or a count, not the day
    of a happening."""
    return ent.text.lower().startswith(PERIOD_BOUNDS) or ent.root.head.lower_ in PERIOD_BOUNDS


def bounds_a_period_around(ent: Span, token: Token) -> bool:
    """"at their strongest since their 2001 defeat, have refused": a date inside a since/until phrase dates
    the happening that bounds the period, not the trigger outside the phrase."""
    current = ent.root
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lower_ in PERIOD_BOUNDS and current.dep_ in ("prep", "mark"):
            return not (current.left_edge.i <= token.i <= current.right_edge.i)
    return False


_PAST_CUE = re.compile(r"\b(?:last|ago|earlier|previous|yesterday)\b", re.IGNORECASE)


def has_past_cue(token: Token) -> bool:
    """A relative past time in the trigger's phrase or on its verb ("citing an attack last week"): the report
    is of the past even when its verb has no tense."""
    verb = governing_verb(token)
    return any(e.label_ == "DATE" and _PAST_CUE.search(e.text) and (in_subtree(e, token) or e.root.head == verb)
               for e in entities_in(token.sent))


def _is_coordinated_with(clause: Token, other: Token) -> bool:
    """Whether two clause heads are coordinated verbs ("burned tyres and blocked roads")."""
    return (clause.dep_ == "conj" and clause.head == other) or (other.dep_ == "conj" and other.head == clause)


def reports_recent(token: Token, tense: str | None) -> bool:
    """A present-perfect or present-progressive report ("has condemned", "are working to evacuate") tells
    of what is happening around publication, as a simple past report does; "had agreed" does not."""
    if tense is not None:
        return False
    verb = governing_verb(token)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present_perfect = verb.tag_ == "VBN" and any(is_have(a) and a.tag_ in ("VBP", "VBZ") for a in auxiliaries)
    progressive = verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" and a.tag_ in ("VBP", "VBZ")
                                             for a in auxiliaries)
    # "fighters whom European nations have refused to take back": a relative clause describes its noun with
    # a standing fact, it does not report what just happened.
    describes = clause_of(verb).dep_ == "relcl"
    return (present_perfect or progressive) and not describes


def recent_report_date(token: Token, published: str | None, tense: str | None) -> tuple[str | None, str | None]:
    """A past-tense report with no time cue in a dated article: the publication month, at month precision.

    News reports what happened since the last edition, so the month (not the day) is what the article
    supports; annotators date such events the same way. Without a publication date nothing is guessed.
    """
    anchor = parse_published(published)
    if tense == "past" and anchor is None and parse_month(published) is not None:
        return published, "month"  # an undated article's estimated month (see reference_month)
    if anchor is None or tense != "past":
        return None, None
    return f"{anchor.year:04d}-{anchor.month:02d}", "month"


def as_point(value: TimeValue) -> tuple[str | None, str | None]:
    """An event date from a resolved value: an interval ("this week") is known only to its month or year."""
    if value.start == value.end or value.precision != "day":
        return value.iso, value.precision
    if (value.start.year, value.start.month) == (value.end.year, value.end.month):
        return f"{value.start.year:04d}-{value.start.month:02d}", "month"
    if value.start.year == value.end.year:
        return f"{value.start.year:04d}", "year"
    return None, None


def tense_of(token: Token, planned: bool) -> str | None:
    """"future" for planned events, "past" for a simple past report, else None (present, perfect)."""
    if planned:
        return "future"
    verb = governing_verb(token)
    if any(is_have(c) and c.dep_ == "aux" for c in verb.children):
        return None
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD"
                                                         for c in verb.children)):
        return "past"
    return None


def reference_month(estimate: str | None) -> str | None:
    """The month an undated article is read against, from its estimated date ("2020-02-13" -> "2020-02").

    Even a day in a URL is when the page was first filed, often days before the version stored, so a
    weekday or "last week" resolves only to the month (time.resolve keeps a month reference at month).
    """
    return estimate[:7] if estimate and parse_month(estimate[:7]) else None


def latest_explicit_date(doc: Doc) -> str | None:
    """For an undated article, the latest full date the text gives ("September 7, 2019"): the article is
    at least that recent, which fixes the month of its undated past-tense reports."""
    days = []
    for ent in entities(doc):
        if ent.label_ == "DATE":
            value = resolve(ent.text, None)
            if value is not None and value.precision == "day":
                days.append(value.start.isoformat())
    return max(days) if days else None
