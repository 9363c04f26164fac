"""Every rule that drops a candidate trigger, as ONE ordered list (`FILTERS`) of named filters.

A candidate is a token that matches a rule of the trigger lexicon. A filter says it reports no happening:
negated, hypothetical, generic or habitual, a document's content, a truce named in
another role, ... The extractor records, for every dropped candidate, the name of the filter that dropped it
(`doc._.event_candidates`, `doc._.dropped_events`; `accord explain DOC_ID` prints them).

Filters run in three stages, in list order within each stage:

* `candidate`  on the token alone, as soon as it matches the lexicon;
* `sentence`   against the sentence's other surviving candidates (each filter sees the survivors of the
               ones before it): a topic of another trigger, what a ceasefire stops, a second assault word;
* `factuality` on the sentence's chosen triggers, which by then own their arguments (a negated or
               hypothetical trigger still keeps its dates and places from its neighbours).

To add a filter: write the predicate (a general fact about English or news, with an example in its
docstring), add a `Filter` entry where its stage runs, and a test sentence it drops in tests/test_events_filters.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from accord.extract.events.descriptions import (
    is_characterising_clause,
    is_content_of_accord,
    is_describing_passive,
    is_launch_purpose,
    is_running_toll,
    is_span_of_conflict,
    is_truce_in_other_role,
    names_a_site,
)
from accord.extract.events.factuality import (
    has_possibility_modifier,
    is_conditional,
    is_counterfactual,
    is_modal_possibility,
    is_negated,
    is_plan_told_in_past,
    is_standing_position,
    is_wished_or_threatened,
)
from accord.extract.events.syntax import governing_verb
from accord.extract.events.triggers import (
    TriggerRule,
    is_happening,
    is_lesser_assault,
    is_topic_of_other_trigger,
    is_what_stops,
)

# Nouns for documents: what they ask for is content, not an act.
DOCUMENT_NOUNS = {"agreement", "deal", "accord", "statement", "declaration", "draft", "text", "resolution", "plan",
                  "document", "treaty", "letter", "report", "condition", "provision", "clause", "article", "annex"}


# Modifiers that make a plural attack noun a rate or a trend ("near-daily attacks", "increased airstrikes"),
# which the article states as background, not one happening it reports.
HABITUAL_MODIFIERS = {"daily", "nightly", "weekly", "monthly", "frequent", "regular", "routine", "constant",
                      "incessant", "relentless", "increased", "increasing", "growing", "rising", "mounting"}


# Adverbs that tell a verb as a habit, not one happening.
HABITUAL_ADVERBS = {"often", "repeatedly", "frequently", "regularly", "routinely", "usually", "sometimes", "daily",
                    "nightly", "weekly", "monthly"}


def is_document_content(token: Token, rule: TriggerRule) -> bool:
    """"The agreement also proposes a dialogue", "the statement called for a safe zone", "a statement urging
    talks": what a document asks for is its content (a provision), not a request someone made."""
    if rule.type != "REQUEST" or token.pos_ not in ("VERB", "AUX"):
        return False
    clause = token
    for _ in range(3):  # "a statement saying they will cooperate and urging talks"
        if clause.dep_ == "acl" and clause.head.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        if clause.dep_ not in ("conj", "ccomp", "xcomp"):
            break
        clause = clause.head
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children)


def is_trend_or_rate(token: Token) -> bool:
    """"near-daily attacks", "increased airstrikes": a plural attack noun told as a rate or a trend."""
    return token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in HABITUAL_MODIFIERS for c in token.children)


def telling_verb(token: Token) -> Token | None:
    """The verb that tells how a trigger is told: the trigger itself, or for a noun after a preposition the verb
    it hangs from ("killed by roadside bombs"); None for other nouns."""
    verb = governing_verb(token) if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" else token
    return verb if verb.pos_ in ("VERB", "AUX") else None


def is_habitual_verb(token: Token) -> bool:
    """"often clash", "have repeatedly attacked": the trigger's verb told as a habit."""
    verb = telling_verb(token)
    return verb is not None and is_habitual(verb)


def is_generic_present_passive(token: Token) -> bool:
    """"civilians are killed by roadside bombs": a present passive without a date or another auxiliary."""
    verb = telling_verb(token)
    if verb is None:
        return False
    passive = [c for c in verb.children if c.dep_ == "auxpass"]
    return any(a.tag_ in ("VBZ", "VBP") for a in passive) and not any(
        c.dep_ == "aux" for c in verb.children) and not any(t.ent_type_ == "DATE" for t in verb.subtree)


def is_habitual(verb: Token) -> bool:
    """"met many times", "have repeatedly attacked", "often clash": a verb told as a habit is a pattern."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True
        if child.lemma_.lower() == "time" and child.tag_ == "NNS" and any(
                g.lower_ in ("many", "several", "numerous", "countless", "multiple") for g in child.children):
            return True
    return False


# --- the list ------------------------------------------------------------------

@dataclass
class SentenceContext:
    """What a filter may look at beyond the token: the sentence, the document's quoted ranges (characters),
    the tokens inside a conditional threat's consequence, and the sentence's surviving candidates."""

    sentence: Span
    quoted: list[tuple[int, int]] = field(default_factory=list)
    threatened: frozenset[int] = frozenset()
    triggers: list[tuple[Token, TriggerRule]] = field(default_factory=list)


Test = Callable[[Token, TriggerRule, SentenceContext], bool]


@dataclass(frozen=True)
class Filter:
    name: str
    stage: str  # "candidate", "sentence" or "factuality" (see the module docstring)
    test: Test
    doc: str  # what it drops, with an example sentence


def _token(predicate: Callable[[Token], bool]) -> Test:
    return lambda token, rule, context: predicate(token)


def _with_rule(predicate: Callable[[Token, TriggerRule], bool]) -> Test:
    return lambda token, rule, context: predicate(token, rule)


def _with_triggers(predicate: Callable[[Token, TriggerRule, list[tuple[Token, TriggerRule]]], bool]) -> Test:
    return lambda token, rule, context: predicate(token, rule, context.triggers)


def is_in_subheading(token: Token) -> bool:
    """A sentence without a verb is a subheading or a caption label: it names a topic, it reports nothing."""
    return not any(t.pos_ in ("VERB", "AUX") for t in token.sent)


def is_topic_not_happening(token: Token, rule: TriggerRule) -> bool:
    """A word the lexicon counts only when held, dated or placed ("talks" in "talks about talks")."""
    return rule.needs_happening and not is_happening(token)


def is_verb_as_modifier(token: Token) -> bool:
    """A participle modifying a noun ("the negotiating team", "the cancelled talks", "the delegation negotiating
    with the rebels") describes, not reports; a dated one after its noun still reports ("a convoy attacked on
    Monday")."""
    if token.pos_ != "VERB":
        return False
    if token.dep_ in ("amod", "compound"):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN") \
        and token.head.lemma_.lower() not in MESSAGE_NOUNS and not any(
            t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


# Messages and texts whose participle is the act they carry: "a statement condemning the strikes", "an agreement
# establishing diplomatic relations".
MESSAGE_NOUNS = {"statement", "message", "letter", "tweet", "post", "communique", "note", "speech", "address",
                 "declaration", "resolution", "release", "video", "telegram", "cable", "call", "decree", "order",
                 "agreement", "deal", "accord", "treaty", "pact", "law", "bill"}


def is_inside_quote(token: Token, rule: TriggerRule, context: SentenceContext) -> bool:
    """Words inside someone's direct quote are their speech (the quote is extracted as such), unless the
    lexicon entry says `quoted:`."""
    return not rule.quoted and any(start <= token.idx < end for start, end in context.quoted)


FILTERS: tuple[Filter, ...] = (
    # stage candidate: the token alone
    Filter("subheading", "candidate", _token(is_in_subheading),
           'A verbless line names a topic: "Airstrike near Aleppo" above a paragraph.'),
    Filter("topic_not_happening", "candidate", _with_rule(is_topic_not_happening),
           'A meeting word that is only a topic: "Analysts doubt talks can succeed."'),
    Filter("verb_as_modifier", "candidate", _token(is_verb_as_modifier),
           'A participle describing a noun: "The negotiating team flew home."'),
    Filter("inside_quote", "candidate", is_inside_quote,
           'Words inside a direct quote: "\u201cWe will attack the city,\u201d the commander said."'),
    Filter("document_content", "candidate", _with_rule(is_document_content),
           'What a document asks for: "The draft text calls for a ceasefire."'),
    Filter("trend_or_rate", "candidate", _token(is_trend_or_rate),
           'A plural attack noun told as a rate: "Villagers fear the nightly airstrikes."'),
    Filter("habitual", "candidate", _token(is_habitual_verb),
           'A verb told as a habit: "Militias often clash along the river."'),
    Filter("generic_present_passive", "candidate", _token(is_generic_present_passive),
           'A present passive without a date: "Civilians are attacked by drones near the market."'),
    Filter("describing_passive", "candidate", _with_rule(is_describing_passive),
           'A passive relative clause describing its noun: "a corridor whose route was agreed by both sides".'),
    Filter("characterising_clause", "candidate", _token(is_characterising_clause),
           'An undated relative clause saying what kind a noun is: "They joined a militia that attacked convoys."'),
    Filter("truce_in_other_role", "candidate", _with_rule(is_truce_in_other_role),
           'A truce word naming a document or broken: "Both sides announced the ceasefire agreement on Monday."'),
    Filter("accord_terms", "candidate", _token(is_content_of_accord),
           'What an accord provides for: "They signed a deal that would see the troops withdraw."'),
    Filter("launch_purpose", "candidate", _with_rule(is_launch_purpose),
           'What a base serves for: "The valley was used as a base for raids."'),
    Filter("running_toll", "candidate", _token(is_running_toll),
           'A death count over a period or a rank in a tally: "400 civilians have been killed since January."'),
    Filter("span_of_conflict", "candidate", _token(is_span_of_conflict),
           'The length of a conflict: "The deal would end nearly 18 years of fighting."'),
    Filter("names_a_site", "candidate", _token(names_a_site),
           'A happening that names a place: "Mourners gathered at the site of the explosion."'),
    # stage sentence: against the sentence's surviving candidates
    Filter("consequence_of_threat", "sentence", lambda token, rule, context: token.i in context.threatened,
           'The consequence of a conditional threat (the threat is the event): "They said any raid will be '
           'met with force."'),
    Filter("topic_of_other_trigger", "sentence", _with_triggers(is_topic_of_other_trigger),
           'A meeting word another trigger governs: "The militia cancelled the summit."'),
    Filter("what_stops", "sentence", _with_triggers(is_what_stops),
           'The fighting a ceasefire or withdrawal ends: "The army ordered a halt to the attacks on Monday."'),
    Filter("lesser_assault", "sentence", _with_triggers(is_lesser_assault),
           'A second assault word of the same happening: "A rocket attack killed four soldiers in Kabul on Monday."'),
    # stage factuality: the sentence's chosen triggers
    Filter("negated", "factuality", _token(is_negated),
           'Denied: "The rebels did not attack the town."'),
    Filter("possibility", "factuality", _token(has_possibility_modifier),
           'Named as possible: "Diplomats discussed a possible summit in Oslo."'),
    Filter("conditional", "factuality", _token(is_conditional),
           'Inside a condition: "If the army attacks the town, the talks are over."'),
    Filter("counterfactual", "factuality", _token(is_counterfactual),
           'What would have been: "It would have been toxic for the general to meet the president."'),
    Filter("wished_or_threatened", "factuality", _token(is_wished_or_threatened),
           'The object of a threat, demand or wish: "The rebels vowed to attack the port."'),
    Filter("plan_told_in_past", "factuality", _token(is_plan_told_in_past),
           'A plan told in the past: "The envoys were going to meet in Cairo."'),
    Filter("standing_position", "factuality", _token(is_standing_position),
           'A stance held over time: "The junta has long rejected any talks."'),
    Filter("modal_possibility", "factuality", _token(is_modal_possibility),
           'A modal of possibility: "The militia could attack the airport."'),
)

STAGES = ("candidate", "sentence", "factuality")


def filters_of(stage: str) -> tuple[Filter, ...]:
    return tuple(f for f in FILTERS if f.stage == stage)


# The sentence stage runs in two steps: the first filter (a threat's consequence) before the threat statements
# join the sentence's triggers, the others after.
SENTENCE_FILTERS = filters_of("sentence")


def dropped_by(token: Token, rule: TriggerRule, context: SentenceContext, stage: str) -> str | None:
    """The name of the first filter of a stage that drops the candidate, else None."""
    return next((f.name for f in filters_of(stage) if f.test(token, rule, context)), None)


@dataclass(frozen=True)
class CandidateRecord:
    """A candidate trigger and what became of it: dropped by a named filter, or the index of the event
    mention (in `doc._.event_mentions`) it became or was folded into."""

    token: int  # index of the trigger token in the document
    start: int  # character offset of the trigger
    trigger: str
    type: str
    sentence: str
    dropped_by: str | None = None
    event: int | None = None

    @classmethod
    def of(cls, token: Token, rule: TriggerRule, dropped: str | None) -> CandidateRecord:
        return cls(token=token.i, start=token.idx, trigger=token.text, type=rule.type,
                   sentence=token.sent.text.strip(), dropped_by=dropped)


def apply_filters(triggers: list[tuple[Token, TriggerRule]], filters: tuple[Filter, ...], context: SentenceContext,
                  records: list[CandidateRecord]) -> list[tuple[Token, TriggerRule]]:
    """The sentence's candidates that a run of sentence-stage filters keeps, each filter judging the survivors
    of the ones before it; every dropped candidate is recorded with the filter's name."""
    for rule_filter in filters:
        context.triggers = triggers
        dropped = {t.i for t, r in triggers if rule_filter.test(t, r, context)}
        records.extend(CandidateRecord.of(t, r, rule_filter.name) for t, r in triggers if t.i in dropped)
        triggers = [(t, r) for t, r in triggers if t.i not in dropped]
    return triggers
