"""accord_events: who did what to whom, where and when, typed in PLOVER.

A trigger word from `data/event_triggers.yaml` (a verb like "attacked" or a noun
like "airstrike") opens a candidate event; the dependency parse around it gives
the actors (subject and object, or possessive/compound modifiers of a noun), the
place (a place name governed by a preposition) and the date (a DATE entity near
the trigger, resolved by `accord.extract.time`). Candidates that are negated ("no
strikes"), hypothetical ("if the Taliban attack") or only requested/threatened are
dropped; future and scheduled ones are kept with `planned=True`. Reports of the
same happening within one document are folded into one mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from accord.data import read_yaml
from accord.extract.actors import ActorLexicon, ActorMention, actor_in_span
from accord.extract.places import Location, capital_of, party_nouns, resolve_listed_place, resolve_place
from accord.extract.pronouns import with_pronouns
from accord.extract.threats import ConditionalThreat, conditional_threats
from accord.extract.time import WEEKDAYS, TimeValue, parse_month, parse_published, resolve
from accord.models import EventMention

# Words on the path above a trigger that make it not (yet) a fact.
HYPOTHETICAL_HEADS = {"threaten", "warn", "vow", "demand", "urge", "ask", "want", "seek", "try", "hope", "push",
                      "aim", "prevent", "avoid", "refuse", "deny", "fear", "call", "propose", "allow", "harbor",
                      "risk", "could", "might", "may", "should", "verge", "brink", "refrain",
                      "way", "stage", "ready", "willing", "able", "capable"}
# "paves the way for", "sets the stage for": what a happening only makes possible.
ENABLING_OBJECTS = {"way", "stage", "groundwork"}
PLANNED_HEADS = {"plan", "schedule", "set", "expect", "poise", "due", "prepare", "intend", "begin", "will"}
PLANNED_MODIFIERS = {"planned", "scheduled", "upcoming", "proposed", "future", "expected"}
CONDITION_MARKS = {"if", "unless", "whether"}
# "a potential meeting", "possible strikes": named as something that may happen.
POSSIBILITY_MODIFIERS = {"potential", "possible", "hypothetical", "prospective"}
NEGATORS = {"not", "n't", "never", "no", "without"}
PLACE_PREPS = {"in", "at", "near", "outside", "across", "throughout", "to", "into", "inside", "around", "of", "on",
               "from", "over"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "north-eastern", "northeastern",
              "south-eastern", "southeastern", "north-western", "northwestern", "south-western", "southwestern"}
# Nouns that introduce a place name: "the capital, Sanaa", "the city of Kunduz".
PLACE_NOUNS = {"capital", "city", "town", "village", "port", "province", "district", "region", "area"}
# Prepositions that put a happening at a place ("talks with Iran" names a party, not a venue).
SITE_PREPS = {"in", "at", "near", "outside", "inside"}
# Prepositions that put a happening in a country named only as "the country" ("across the country").
COUNTRY_WIDE_PREPS = SITE_PREPS | {"across", "throughout"}
ACTOR1_DEPS = {"nsubj", "agent", "poss", "compound", "amod", "nmod"}
# Prepositions that set a happening beside the clause's own action, as its time or cause.
ADJUNCT_PREPS = {"after", "before", "following", "since", "despite", "amid", "during", "because", "until", "ahead",
                 "prompting"}
# Reporting verbs whose subject relays a happening it did not do ("Reuters reported the attack").
SOURCE_VERBS = {"report", "say", "tell", "tweet", "write", "note", "confirm", "deny", "describe", "cite", "quote"}
# Verbs whose object is the target when an attack noun is their subject ("the blast hit a checkpoint").
TARGET_VERBS = {"hit", "strike", "target", "kill", "wound", "injure", "destroy", "damage", "level"}
ACTOR2_PREPS = {"with", "on", "against", "between", "to", "at"}
NUMBER_WORDS = {"dozen": 12.0, "a dozen": 12.0, "two dozen": 24.0, "dozens": 24.0, "hundreds": 200.0}
FATALITY_VERBS = {"kill", "die"}
# Verbs that make a meeting word a happening: "held talks", "talks resumed".
HAPPENING_VERBS = {"hold", "resume", "begin", "start", "launch", "open", "continue", "conclude", "end", "attend",
                   "join", "conduct", "host", "return", "restart", "chair", "lead", "take", "wrap", "break",
                   "collapse", "stall", "schedule", "plan", "set", "go", "declare", "announce", "observe",
                   "implement", "order", "complete", "authorize", "witness", "effect", "due"}
# Nouns for documents: what they ask for is content, not an act.
DOCUMENT_NOUNS = {"agreement", "deal", "accord", "statement", "declaration", "draft", "text", "resolution", "plan",
                  "document", "treaty", "letter", "report"}
# Adverbs that make a verb a stance held over time ("have long demanded").
STANCE_ADVERBS = {"long", "still", "consistently", "always"}
# Prepositions of cause and concession: their object is background ("because of the ceasefire").
CIRCUMSTANCE_PREPS = {"because", "despite", "amid", "due", "given"}
# Adverbs that add one more happening of a kind ("also", "again").
ADDITIVE_ADVERBS = {"also", "further", "again"}
# Types whose nominal triggers are only the topic when another trigger governs them.
ABSORBABLE_TYPES = {"CONSULT", "AGREE", "SUPPORT"}
# Modifiers that make a plural attack noun a rate or a trend ("near-daily attacks", "increased airstrikes"),
# which the article states as background, not one happening it reports.
HABITUAL_MODIFIERS = {"daily", "nightly", "weekly", "monthly", "frequent", "regular", "routine", "constant",
                      "incessant", "relentless", "increased", "increasing", "growing", "rising", "mounting"}
# Adverbs that tell a verb as a habit, not one happening.
HABITUAL_ADVERBS = {"often", "repeatedly", "frequently", "regularly", "routinely", "usually", "sometimes"}
SPEECH_VERBS = {"say", "tell", "tweet", "claim", "announce", "add", "state", "write", "report", "note", "insist",
                "accord", "declare", "confirm", "deny"}


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    type: str
    mode: str | None
    detail: str | None
    pos: str | None = None
    with_lemmas: frozenset[str] = frozenset()
    also_lemmas: frozenset[str] = frozenset()
    unless_lemmas: frozenset[str] = frozenset()
    modifiers: dict[str, tuple[str, str]] = field(default_factory=dict, hash=False, compare=False)
    quoted: bool = False
    needs_happening: bool = False
    direct: bool = False


def _words(values: list[Any] | None) -> list[str]:
    # YAML 1.1 reads a bare on/off/yes as a boolean; the lexicon means the word.
    named = {True: "on", False: "off"}
    return [named[v] if isinstance(v, bool) else str(v).lower() for v in values or ()]


def read_trigger_rules() -> dict[str, list[TriggerRule]]:
    """The trigger lexicon, indexed by lemma (rules for one lemma keep their file order)."""
    rules: dict[str, list[TriggerRule]] = {}
    for entry in read_yaml("event_triggers.yaml")["triggers"]:
        rule = TriggerRule(
            lemma=entry["lemma"], type=entry["type"], mode=entry.get("mode"), detail=entry.get("detail"),
            pos=entry.get("pos"), with_lemmas=frozenset(_words(entry.get("with"))),
            also_lemmas=frozenset(_words(entry.get("also"))),
            unless_lemmas=frozenset(_words(entry.get("unless"))),
            modifiers={k: (v[0], v[1]) for k, v in (entry.get("modifiers") or {}).items()},
            quoted=bool(entry.get("quoted")), needs_happening=bool(entry.get("needs_happening")),
            direct=bool(entry.get("direct")),
        )
        rules.setdefault(rule.lemma, []).append(rule)
    return rules


# --- the parse around a trigger --------------------------------------------

def attached_lemmas(token: Token) -> set[str]:
    """Lemmas attached to a trigger: particles, objects, modifiers, prepositional objects (two levels)."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in ("punct", "cc", "conj", "advcl", "ccomp", "relcl", "mark"):
            continue
        found.add(child.lemma_.lower())
        for grandchild in child.children:
            if grandchild.dep_ not in ("punct", "relcl", "conj", "cc"):
                found.add(grandchild.lemma_.lower())
                found.update(g.lemma_.lower() for g in grandchild.children if g.dep_ in ("pobj", "compound", "amod"))
    if token.dep_ in ("compound", "amod", "nmod", "acl"):
        found.add(token.head.lemma_.lower())  # "a deal cut by", "the prisoners released"
    # "warned they will retaliate": the reported verb, not its whole clause, says what the warning is about.
    found.update(c.lemma_.lower() for c in token.children if c.dep_ == "ccomp" and c.pos_ == "VERB")
    if token.dep_ in ("acomp", "attr", "oprd") or token.pos_ == "ADJ":
        # "talks are dead": the subject of the copula is what the adjective is about.
        for sibling in token.head.children:
            if sibling.dep_ in ("nsubj", "nsubjpass"):
                found.update(t.lemma_.lower() for t in sibling.subtree)
    return found


def matching_rule(token: Token, rules: dict[str, list[TriggerRule]]) -> TriggerRule | None:
    candidates = rules.get(token.lemma_.lower()) or rules.get(token.text.lower())
    if not candidates:
        return None
    attached = None
    for rule in candidates:
        if rule.pos and not _pos_fits(token, rule.pos):
            continue
        if rule.with_lemmas:
            attached = attached if attached is not None else attached_lemmas(token)
            if not (_direct_lemmas(token) if rule.direct else attached) & rule.with_lemmas:
                continue
            if not rule.also_lemmas <= attached:
                continue
        if rule.unless_lemmas:
            attached = attached if attached is not None else attached_lemmas(token)
            if attached & rule.unless_lemmas:
                continue
        return rule
    return None


def _direct_lemmas(token: Token) -> set[str]:
    """Words attached to the trigger itself ("called on X", "called for talks"), not deeper in its phrase
    ("calling it an aggression on Iraq" names, it does not call on anyone)."""
    return {c.lemma_.lower() for c in token.children if c.dep_ in ("prep", "prt", "dobj", "dative")}


def _pos_fits(token: Token, pos: str) -> bool:
    if pos == "VERB":
        return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    if pos == "NOUN":
        return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN")
    return token.pos_ == pos


def refine(rule: TriggerRule, token: Token) -> tuple[str | None, str | None]:
    """Mode and detail, refined by a modifier word ("suicide bombing", "rocket attack")."""
    if rule.modifiers:
        nearby = {c.lemma_.lower() for c in token.children} | {t.lemma_.lower() for t in token.doc[
            max(token.i - 2, 0):token.i]}
        for word, (mode, detail) in rule.modifiers.items():
            if word in nearby:
                return mode, detail
    return rule.mode, rule.detail


def governing_verb(token: Token) -> Token:
    """The verb a nominal trigger hangs from ("carried out an attack" -> carried), else the token itself."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return token


def is_negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lemma_.lower() == "no") for c in token.children):
        return True
    noun = noun_it_completes(token)
    if noun is not None and is_negated(noun):
        return True
    verb = governing_verb(token)
    if verb is not token and token.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        return any(c.dep_ == "neg" for c in verb.children)
    if token.dep_ == "acl" and token.head.dep_ in ("attr", "dobj", "nsubj"):
        # "there had not been a soldier killed": the negation sits on the verb of the noun it describes.
        return any(c.dep_ == "neg" for c in token.head.head.children)
    return token.head.lemma_.lower() == "without" or token.head.head.lemma_.lower() == "without"


def noun_it_completes(token: Token) -> Token | None:
    """The noun whose content the trigger is: "plans" in "plans to deploy", "intention" in "intention of
    withdrawing"; denying the noun ("no plans to deploy") denies the happening."""
    if token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(c.dep_ == "aux" for c in token.children):
        return token.head
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
        return token.head.head
    return None


def _path_up(token: Token) -> list[Token]:
    path, current = [token], token
    while current.head is not current and len(path) < 8:
        current = current.head
        path.append(current)
    return path


def is_hypothetical(token: Token) -> bool:
    """Inside an if-clause, or the object of a threat, demand or wish ("vowed to attack")."""
    if any(c.dep_ == "amod" and c.lemma_.lower() in POSSIBILITY_MODIFIERS for c in token.children):
        return True
    path = _path_up(token)
    for lower, upper in zip(path, path[1:], strict=False):
        if any(c.dep_ == "mark" and c.lemma_.lower() in CONDITION_MARKS for c in lower.children):
            return True
        if lower.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "relcl", "acl") \
                and upper.lemma_.lower() in HYPOTHETICAL_HEADS:
            return True
        if lower.dep_ == "prep" and any(c.dep_ == "dobj" and c.lemma_.lower() in ENABLING_OBJECTS
                                        for c in upper.children):
            return True
        if is_open_question(lower, upper):
            return True
        if is_past_plan(lower, upper) and (lower.i == token.i or (lower.i == token.head.i and token.dep_ in (
                "dobj", "nsubj", "nsubjpass"))):
            return True
        if lower.dep_ in ("advcl", "ccomp", "relcl") or upper.dep_ == "ROOT":
            break
    if is_standing_position(token) or is_judged_counterfactually(token):
        return True
    # "could have led to a withdrawal": the modal may sit on the verb a nominal trigger hangs from.
    return any(c.dep_ == "aux" and c.lemma_.lower() in ("could", "might", "may", "should", "can")
               for c in {*token.children, *governing_verb(token).children}) and not is_concession(token)


def is_judged_counterfactually(token: Token) -> bool:
    """"it would have been too risky for the general to meet them": what a counterfactual judgement weighs
    (a modal perfect copula with an adjective) did not happen."""
    for ancestor in token.ancestors:
        auxiliaries = {c.lemma_.lower() for c in ancestor.children if c.dep_ == "aux"}
        if ancestor.lemma_ == "be" and auxiliaries & {"would", "could", "might", "should"} and "have" in auxiliaries \
                and any(c.dep_ in ("acomp", "attr") for c in ancestor.children):
            return True
        if ancestor.dep_ in ("ccomp", "relcl", "ROOT"):
            return False
    return False


def is_concession(verb: Token) -> bool:
    """"our troops may be leaving, but our support is not ending": "may be doing" or "may have done" answered
    by "but" concedes a fact to set another against it ("may attack, but" stays a possibility)."""
    aspect = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    if not ((verb.tag_ == "VBG" and "be" in aspect) or (verb.tag_ == "VBN" and "have" in aspect)):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "may" for c in verb.children) and any(
        c.dep_ == "cc" and c.lower_ == "but" for c in verb.children) and any(c.dep_ == "conj" for c in verb.children)


def is_past_plan(planned: Token, head: Token) -> bool:
    """"were going to meet", "were to travel", "had planned a meeting": a plan told in the past, which news
    uses for what did not happen (the happening is the cancellation, reported on its own)."""
    lemma = head.lemma_.lower()
    if planned.dep_ not in ("xcomp", "dobj"):
        return False
    if lemma == "go" and head.tag_ == "VBG":
        return any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children)
    if lemma == "be" and head.tag_ == "VBD":
        return planned.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in planned.children)
    return lemma in ("plan", "intend", "schedule") and _past_perfect(head)


def is_standing_position(token: Token) -> bool:
    """"has so far refused to talk", "have long demanded", "still rejects": a stance held over time, which
    the article states as background, not a happening it reports ("how long" asks about one)."""
    verb = governing_verb(token)
    for child in {*token.children, *verb.children}:
        if child.dep_ != "advmod" or any(g.lower_ == "how" for g in child.children):
            continue
        if child.lower_ in STANCE_ADVERBS or (child.lower_ == "far" and any(g.lower_ == "so" for g in child.children)):
            return True
    # "has rejected any talks": refusing a whole kind of thing is a position, not one refusal.
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "any" for g in c.children) for c in token.children)


def is_open_question(clause: Token, head: Token) -> bool:
    """"it was not specified when the cease-fire would begin", "to address how to implement a cease-fire": a
    wh-clause under a negated verb, or an infinitive one, leaves the happening open."""
    asks = any(c.dep_ in ("advmod", "mark") and c.lemma_.lower() in ("when", "how", "whether")
               for c in clause.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return asks and (infinitive or any(c.dep_ == "neg" for c in head.children))


def is_planned(token: Token, date_iso: str | None, published: str | None) -> bool:
    anchor = parse_published(published)
    if date_iso and anchor and len(date_iso) == 10 and date_iso > anchor.isoformat():
        return True
    if is_after_reference_month(date_iso, published):
        return True
    verb = governing_verb(token)
    for current in {token, verb}:
        for child in current.children:
            lemma = child.lemma_.lower()
            if child.dep_ in ("aux", "auxpass") and lemma in ("will", "shall", "would"):
                return not _past_perfect(current)
            if child.dep_ in ("amod", "compound") and child.text.lower() in PLANNED_MODIFIERS:
                return True
    for upper in _path_up(token)[1:4]:
        if upper.lemma_.lower() in PLANNED_HEADS and upper.tag_ in ("VBZ", "VBP", "VBN", "JJ", "MD", "NNS") \
                and not _past_perfect(upper):
            return True
        if upper.lemma_.lower() == "be" and any(c.dep_ == "xcomp" for c in upper.children) \
                and upper.tag_ in ("VBZ", "VBP"):
            return True
    return False


def is_after_reference_month(date_iso: str | None, reference: str | None) -> bool:
    """In an article known only to its month ("2020-02"), a day or month after that month is still ahead."""
    if not date_iso or len(date_iso) < 7 or parse_month(reference) is None:
        return False
    return date_iso[:7] > (reference or "")


def _past_perfect(token: Token) -> bool:
    return any(c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in token.children)


# --- actors, places, dates, numbers -----------------------------------------

def _span_of(token: Token) -> Span:
    sub = list(token.subtree)
    # A relative clause or apposition can name other actors; keep the phrase up to its head.
    end = token.i + 1
    for t in sub:
        if t.i > token.i and t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj"):
            break
        end = t.i + 1
    return token.doc[sub[0].i:end]


def actors_of(token: Token, mentions: list[ActorMention], sentence: Span) -> tuple[str | None, str | None]:
    places = {p.text for p in [*names_with_place_nouns(sentence), *_places_taken_for_people(sentence)]}

    def named(phrase: Token | None) -> str | None:
        found = actor_in_span(_span_of(phrase), mentions) if phrase is not None else None
        return None if found in places else found  # "the town of Lashkar Gah" is where, never who

    actor1 = actor2 = None
    verb = token if token.pos_ in ("VERB", "AUX") else None
    for child in token.children:
        if child.dep_ in ACTOR1_DEPS and actor1 is None and child.i != token.i:
            actor1 = named(child if child.dep_ != "agent" else next(
                (g for g in child.children if g.dep_ == "pobj"), child))
        elif child.dep_ in ("dobj", "nsubjpass", "dative") and actor2 is None:
            actor2 = named(child)
        elif child.dep_ == "prep" and child.lemma_.lower() == "by" and actor1 is None:
            actor1 = named(next((g for g in child.children if g.dep_ == "pobj"), None))
        elif child.dep_ == "prep" and child.lemma_.lower() in ACTOR2_PREPS and actor2 is None:
            actor2 = named(next((g for g in child.children if g.dep_ == "pobj"), None))
        elif child.dep_ == "prep" and child.lower_ == "of" and verb is None and actor2 is None:
            # "a summit of Gulf states", "the killing of a soldier": who the happening is of, not a place
            actor2 = named(next((g for g in child.children if g.dep_ == "pobj"), None))
    guess_from_sentence = True
    if actor1 is None and verb is None:
        head_verb = governing_verb(token)
        if head_verb is not token:
            subject = next((c for c in head_verb.children if c.dep_ in ("nsubj", "agent")), None)
            if _beside_the_clause(token, head_verb) or _reports(head_verb):
                guess_from_sentence = False  # whoever else the sentence names did something else
            elif subject is not None:
                actor1 = named(subject)
    if actor2 is None and verb is None and token.dep_ == "nsubj" and token.head.lemma_.lower() in TARGET_VERBS:
        # "airstrikes hit the residence of X": what the attack noun's verb hits is the target.
        actor2 = named(next((c for c in token.head.children if c.dep_ == "dobj"), None))
    if actor1 is None and verb is not None and token.dep_ in ("conj", "xcomp", "advcl", "pcomp") \
            and not _has_own_subject(verb):
        # "X led lawmakers in demanding ...": a verb after a preposition shares the clause's subject.
        clause = token.head.head if token.dep_ == "pcomp" else token.head
        actor1 = named(next((c for c in clause.children if c.dep_ == "nsubj"), None))
    if actor1 is None and guess_from_sentence:
        doc = sentence.doc
        inside = [m.actor.name for m in mentions if m.start >= sentence.start and m.end <= sentence.end
                  and not _is_speaker(doc[m.end - 1]) and not names_the_site(doc[m.start:m.end])]
        actor1 = next((a for a in inside if a != actor2), None)
    if actor2 == actor1:
        actor2 = None
    return actor1, actor2


def names_the_site(span: Span) -> bool:
    """"signed an agreement with the Taliban in Qatar": a country after "in/at/near" is where, not who."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lemma_.lower() in SITE_PREPS


def _has_own_subject(verb: Token) -> bool:
    """"since it was toppled": a clause with a subject of its own does not share its head clause's doer."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def with_dateline_place(mentions: list[EventMention], doc: Doc) -> list[EventMention]:
    """The lead sentence's happenings are where its dateline ("KABUL, Afghanistan (AP) —") puts them, when
    the lead names no place of its own."""
    dateline = doc._.dateline if doc.has_extension("dateline") else None
    if dateline is None or dateline.location is None:
        return mentions
    return [replace(m, location=dateline.location) if m.start == dateline.end and m.location is None else m
            for m in mentions]


def _reports(verb: Token) -> bool:
    """A reporting verb ("Reuters reported the attack"): its subject is a source, not the doer (unlike
    "announced the withdrawal" or "claimed the attack")."""
    return verb.lemma_.lower() in SOURCE_VERBS


def _beside_the_clause(token: Token, verb: Token) -> bool:
    """A nominal trigger in a time or cause adjunct of the clause ("dismissed the talks after the bombing"):
    the clause's subject did something else, so it is not the trigger's actor."""
    if verb.lower_ in ADJUNCT_PREPS:
        return True  # "dismissed the talks following the bombing": a participle used as a preposition
    current = token
    while current.i != verb.i and current.head.i != current.i:
        if current.dep_ in ("prep", "mark", "advmod") and current.text.lower() in ADJUNCT_PREPS:
            return True
        current = current.head
    return False


def _is_speaker(token: Token) -> bool:
    """The subject of "said", "tweeted" … is a source, not a participant."""
    head = token
    while head.dep_ in ("compound", "amod", "poss", "det", "flat") and head.head is not head:
        head = head.head
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS


def owning_trigger(token: Token, owners: frozenset[int]) -> int | None:
    """The lowest trigger (by token index) that governs a token, the token itself included."""
    current = token
    for _ in range(20):
        if current.i in owners:
            return current.i
        if current.head.i == current.i:
            return None
        current = current.head
    return None


# Dependencies by which a clause or phrase tells a happening of its own beside its head's.
SEPARATE_DEPS = {"advcl", "conj", "relcl", "parataxis"}


def owned_by_other(span: Span, token: Token, owners: frozenset[int]) -> bool:
    """An argument inside another trigger's phrase belongs to that trigger ("cancelled the meeting after an
    attack in Kabul": Kabul is where the attack was, not the cancellation's place). A trigger that is the
    topic of this one ("cancelled the summit at Camp David"), or whose topic this one is ("met on Monday
    on the sidelines of a summit"), shares its arguments."""
    owner = owning_trigger(span.root, owners)
    if owner is None or owner == token.i:
        return False
    other = token.doc[owner]
    return not (is_topic_of(other, token) or is_topic_of(token, other))


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
    date_clause = _clause_of(ent.root)
    if date_clause.i == clause.i or _time_path(ent.root, date_clause) != "same":
        return None
    return _time_path(clause, date_clause) or ("same" if _time_path(date_clause, clause) == "same" else None)


def is_topic_of(inner: Token, outer: Token) -> bool:
    """Whether `inner` hangs from `outer` as its object or complement, not through a separate clause or a
    time or cause adjunct ("after the attack")."""
    current = inner
    while current.i != outer.i:
        if current.head.i == current.i:
            return False  # not under the outer trigger at all
        if current.dep_ in SEPARATE_DEPS or (current.dep_ in ("prep", "mark", "advmod")
                                             and current.lower_ in ADJUNCT_PREPS):
            return False
        current = current.head
    return True


def _in_subtree(span: Span, token: Token) -> bool:
    return token.left_edge.i <= span.start and span.end <= token.right_edge.i + 1


def location_of(token: Token, sentence: Span, context: tuple[str, ...],
                owners: frozenset[int] = frozenset()) -> Location | None:
    """The most specific place the sentence puts the event at, preferring places in the trigger's phrase
    and leaving out places in another trigger's separate phrase."""
    scope = governing_verb(token)
    candidates: list[tuple[int, int, Location]] = []
    places = [e for e in sentence.ents if e.label_ in PLACE_LABELS and _is_place_phrase(e) and not names_a_party(e)]
    capitals = capitals_named_by_country(sentence)
    for ent in [*places, *names_with_place_nouns(sentence), *_places_taken_for_people(sentence), *capitals]:
        if owned_by_other(ent, token, owners):
            continue
        location = capitals.get(ent) or resolve_place(_with_direction(ent).text, context)
        if location is None:
            continue
        near = 0 if _in_subtree(ent, token) or _in_subtree(ent, scope) else 1
        # A country is vaguer than a province, a province vaguer than a town or site inside it.
        vague = 2 if not location.get("admin1") else 1 if location["name"] == location["admin1"] else 0
        candidates.append((near, vague, location))
    if not candidates:
        return the_country(sentence, context)
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]


def names_a_party(ent: Span) -> bool:
    """A country that says whose people they are ("US forces", "a U.S. envoy", "the Afghanistan government")
    or whom a person represents ("Rep. X of Wyoming"): an actor cue, not where the happening was."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return _is_party_noun(root.head.head)  # "Rep. Liz Cheney of Wyoming", "President X of Colombia"
    if root.dep_ not in ("compound", "amod", "nmod", "npadvmod") or not _is_party_noun(root.head):
        return False
    location = resolve_place(ent.text)
    return location is not None and not location.get("admin1")  # a country; "the Kabul police" is still a place


def _is_party_noun(token: Token) -> bool:
    return token.lower_ in party_nouns() or token.ent_type_ in ("PERSON", "ORG", "NORP")


def the_country(sentence: Span, context: tuple[str, ...]) -> Location | None:
    """"in the country", "across the war-torn country": in a document about one country, that country, when the
    sentence names no place of its own."""
    if len(context) != 1:
        return None
    for noun in sentence:
        if noun.lower_ == "country" and noun.dep_ == "pobj" and noun.head.lower_ in COUNTRY_WIDE_PREPS:
            return resolve_place(context[0])
    return None


def _with_direction(ent: Span) -> Span:
    """The place with the direction word the entity recogniser left out ("western Ukraine", a region)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in DIRECTIONS:
        return ent.doc[ent.start - 1:ent.end]
    return ent


def _places_taken_for_people(sentence: Span) -> list[Span]:
    """PERSON (or ORG) entities in a place phrase ("in Maidan Shahr", "an assault in Ghazni") that the curated
    gazetteer lists as places: the entity recogniser often takes an unfamiliar town for a person or a body."""
    return [e for e in sentence.ents if e.label_ in ("PERSON", "ORG") and _is_place_phrase(e) and e.root.dep_ == "pobj"
            and resolve_listed_place(e.text) is not None]


def capitals_named_by_country(sentence: Span) -> dict[Span, Location]:
    """"Qatar's capital", "the Afghan capital": a capital the text names only by its country is that country's
    capital city. A capital followed by its name ("the capital, Sanaa") is left to names_with_place_nouns."""
    found: dict[Span, Location] = {}
    doc = sentence.doc
    for noun in sentence:
        if noun.lemma_.lower() != "capital" or noun.pos_ != "NOUN" or _named_after(noun, sentence):
            continue
        country = next((c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                        and c.pos_ in ("PROPN", "ADJ", "NOUN")), None)
        location = capital_of(doc[country.left_edge.i:country.i + 1].text) if country is not None else None
        if location is not None:
            found[doc[min(country.left_edge.i, noun.i):noun.i + 1]] = location
    return found


def _named_after(noun: Token, sentence: Span) -> bool:
    """"the capital, Sanaa", "the capital of Yemen": the capital's own name follows it."""
    following = noun.doc[noun.i + 1:min(noun.i + 3, sentence.end)]
    return len(following) == 2 and following[0].text in (",", "of") and following[1].pos_ == "PROPN"


def names_with_place_nouns(sentence: Span) -> list[Span]:
    """Proper names that a place noun introduces or follows ("the capital, Sanaa", "the port of Aden", "the
    Puli Alam district"): places whatever label the entity recogniser gave them, as it often takes an
    unfamiliar place for a person."""
    found = []
    doc = sentence.doc
    for noun in sentence:
        if noun.lemma_.lower() not in PLACE_NOUNS or noun.pos_ != "NOUN":
            continue
        start = noun.i
        while start > sentence.start and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < noun.i:
            found.append(doc[start:noun.i])
        if noun.i + 2 < sentence.end and doc[noun.i + 1].text in (",", "of"):
            end = noun.i + 2
            while end < sentence.end and doc[end].pos_ == "PROPN":
                end += 1
            if end > noun.i + 2:
                found.append(doc[noun.i + 2:end])
    return found


def _is_place_phrase(ent: Span) -> bool:
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lemma_.lower() in PLACE_PREPS
    if root.dep_ in ("compound", "appos", "npadvmod"):
        return root.head.pos_ in ("NOUN", "PROPN")
    return root.dep_ in ("ROOT",) and ent.label_ != "GPE"


def _clause_of(token: Token) -> Token:
    """The head of the clause a token sits in (the nearest verb that heads a clause, or the root)."""
    current = token
    for _ in range(10):
        if current.dep_ in ("ROOT", "relcl", "advcl", "ccomp", "xcomp", "acl", "conj") and current.pos_ in (
                "VERB", "AUX"):
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def date_of(token: Token, sentence: Span, published: str | None, tense: str | None,
            owners: frozenset[int] = frozenset()) -> tuple[str | None, str | None]:
    """(iso date, precision) of the DATE entity in the trigger's own phrase or clause, else (None, None)."""
    clause = _clause_of(governing_verb(token))
    all_dates = [e for e in sentence.ents if e.label_ == "DATE"]
    borrowed = {e.start: borrowed_time(e, token, owners) for e in all_dates if owned_by_other(e, token, owners)}
    dates = [e for e in all_dates if not opens_period(e)
             and (e.start not in borrowed or borrowed[e.start] or clause_time(e, clause))]
    ranked = []
    for ent in dates:
        if borrowed.get(ent.start):
            ranked.append((2, abs(ent.start - token.i), ent))
        elif _in_subtree(ent, token):
            ranked.append((0, abs(ent.start - token.i), ent))
        elif _clause_of(ent.root) == clause or _clause_of(ent.root).head == clause and _clause_of(
                ent.root).dep_ == "xcomp":
            # "talks are scheduled to begin on March 10": the date of the controlled verb is the event's.
            ranked.append((1, abs(ent.start - token.i), ent))
        elif _clause_of(ent.root).dep_ == "ROOT" or _is_coordinated_with(_clause_of(ent.root), clause) \
                or in_one_narrative(_clause_of(ent.root), clause):
            # Often the date sits on the reporting verb ("said Saturday he cancelled") or on a verb
            # coordinated with the trigger's ("protesters burn tyres and block roads on Monday"): same day.
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
    verb = _clause_of(ent.root)
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
    for other in ent.doc.ents:
        if other.label_ == "DATE" and other.start != ent.start and weekday in other.text.lower() \
                and is_planned(_clause_of(other.root), None, published):
            return True
    return any(t.i != token.i and t.lemma_ == token.lemma_ and t.pos_ == token.pos_ and any(
        u.lemma_.lower() in PLANNED_HEADS for u in _path_up(t)[1:4]) for t in ent.doc)


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
        dates = [e for e in previous.ents if e.label_ == "DATE" and reports_past(e)]
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
    verb = _clause_of(ent.root)
    return verb.tag_ == "VBD" or ent.sent.root.tag_ == "VBD" and verb.dep_ == "ROOT"


# Prepositions that make a date the start or end of a state ("envoy until December"), not a happening's day.
PERIOD_BOUNDS = ("since", "until", "till")


def opens_period(ent: Span) -> bool:
    """"since 2001", "since March 19", "until December": the start or end of a state or a count, not the day
    of a happening."""
    return ent.text.lower().startswith(PERIOD_BOUNDS) or ent.root.head.lower_ in PERIOD_BOUNDS


_PAST_CUE = re.compile(r"\b(?:last|ago|earlier|previous|yesterday)\b", re.IGNORECASE)


def has_past_cue(token: Token) -> bool:
    """A relative past time in the trigger's phrase or on its verb ("citing an attack last week"): the report
    is of the past even when its verb has no tense."""
    verb = governing_verb(token)
    return any(e.label_ == "DATE" and _PAST_CUE.search(e.text) and (_in_subtree(e, token) or e.root.head == verb)
               for e in token.sent.ents)


def _is_coordinated_with(clause: Token, other: Token) -> bool:
    """Whether two clause heads are coordinated verbs ("burned tyres and blocked roads")."""
    return (clause.dep_ == "conj" and clause.head == other) or (other.dep_ == "conj" and other.head == clause)


def in_one_narrative(date_clause: Token, clause: Token) -> bool:
    """"X had planned to come last year, but the trip fell apart and Y cancelled the visit": a time on the
    complement of the sentence's main verb sets the time of the past clauses the sentence goes on with, as
    a time on the main verb itself does."""
    return date_clause.dep_ == "xcomp" and date_clause.head.dep_ == "ROOT" and clause.tag_ == "VBD" \
        and clause.i > date_clause.i


def is_have(token: Token) -> bool:
    """The auxiliary "have", contracted too: the tagger lemmatises "'ve" but not "’ve" with a curly apostrophe."""
    return token.lemma_.lower() == "have" or token.lower_.replace("’", "'") == "'ve"


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
    describes = _clause_of(verb).dep_ == "relcl"
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


def number_of(token: Token) -> float | None:
    for child in token.children:
        if child.dep_ == "nummod" or (child.like_num and child.dep_ in ("amod", "quantmod", "nummod")):
            return _as_number(child)
    if token.like_num:
        return _as_number(token)
    return None


def _as_number(token: Token) -> float | None:
    text = token.text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    try:
        return float(text)
    except ValueError:
        pass
    try:
        from text_to_num import text2num

        return float(text2num(text, "en"))
    except (ValueError, ImportError):
        return None


def fatalities_in(sentence: Span) -> float | None:
    for token in sentence:
        if token.lemma_.lower() in FATALITY_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.lemma_.lower() not in ("who", "that"):
                    value = number_of(child)
                    if value is not None:
                        return value
    return None


# --- the component ---------------------------------------------------------

class EventExtractor:
    def __init__(self, nlp: Language):
        self.rules = read_trigger_rules()
        self.actors = ActorLexicon(nlp)
        self.happenings = read_named_happenings()

    def __call__(self, doc: Doc) -> Doc:
        doc._.event_mentions = extract_events(doc, self.rules, self.actors, self.happenings)
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


def document_countries(doc: Doc) -> tuple[str, ...]:
    """The countries the document talks about most, to settle ambiguous place names."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "GPE":
            location = resolve_place(ent.text)
            if location and location.get("country"):
                counts[location["country"]] += 1
    return tuple(name for name, _ in counts.most_common(2))


def extract_events(doc: Doc, rules: dict[str, list[TriggerRule]], lexicon: ActorLexicon,
                   happenings: tuple[NamedHappening, ...] = ()) -> list[EventMention]:
    published = doc._.published or reference_month(doc._.published_estimate)
    context = document_countries(doc)
    mentions = with_pronouns(doc, lexicon.mentions(doc, context), lexicon)
    quoted = _quoted_ranges(doc)
    anchor = None if published else latest_explicit_date(doc)
    found: list[EventMention] = []
    anaphoric: list[bool] = []
    found_named: list[EventMention] = []
    additional: list[bool] = []
    for sentence in doc.sents:
        if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
            continue  # a subheading ("Troop withdrawal") names a topic, it reports nothing
        triggers = []
        for token in sentence:
            rule = matching_rule(token, rules)
            if rule is None or (rule.needs_happening and not is_happening(token)):
                continue
            if token.pos_ == "VERB" and token.dep_ in ("amod", "compound"):
                continue  # "the negotiating team", "the canceled talks": a modifier, not a report
            if not rule.quoted and any(start <= token.idx < end for start, end in quoted):
                continue
            if is_document_content(token, rule) or is_generic(token) or is_background_demand(token, rule) \
                    or is_mutual_blame(token, rule):
                continue
            if is_not_a_happening(token, rule):
                continue
            triggers.append((token, rule))
        threats = {t.statement.i: t for t in conditional_threats(sentence, {t.i for t, _ in triggers})}
        threatened = {t.i for threat in threats.values() for t in threat.clause.subtree}
        triggers = [(t, r) for t, r in triggers if t.i not in threatened] + [
            (threat.statement, threat_rule(threat)) for threat in threats.values()]
        named = {t.i: h for t, r in triggers if (h := named_happening(t, r, sentence, published, happenings))}
        # A named happening is its own event beside the sentence's main assault ("bombed in response to 9/11").
        kept = keep_main_triggers([(t, r) for t, r in triggers if t.i not in named])
        # A named happening takes nothing from the sentence, so it owns no argument there.
        owners = frozenset(t.i for t, _ in kept)
        for token, rule in sorted(kept + [(t, r) for t, r in triggers if t.i in named], key=lambda tr: tr[0].i):
            if token.i in named:
                found_named.append(named_mention(named[token.i], sentence, doc._.doc_id))
                continue
            mention = _mention(token, rule, sentence, mentions, context, published, doc._.doc_id, anchor, owners)
            if mention is not None and token.i in threats:
                mention = with_threatened_party(mention, threats[token.i], mentions)
            if mention is not None:
                found.append(mention)
                anaphoric.append(is_back_reference(token))
                additional.append(is_additional(token) or is_separately_timed(token, mention)
                                  or is_own_day_in_month_read_article(mention, published))
    # A named happening is the same only as another report naming it, never a recent event's repeat.
    return dedupe(with_dateline_place(found, doc), anaphoric, additional) + dedupe(found_named)


def threat_rule(threat: ConditionalThreat) -> TriggerRule:
    """A conditional threat is typed by its statement verb, which no trigger lexicon entry covers."""
    return TriggerRule(lemma=threat.statement.lemma_.lower(), type="THREATEN", mode=threat.mode,
                       detail="conditional threat")


def with_threatened_party(mention: EventMention, threat: ConditionalThreat,
                          mentions: list[ActorMention]) -> EventMention:
    """Who is told ("conveyed to the Taliban that") is the threat's target, and so not its maker; without
    one, the side whose act is the condition ("if the rebels violate it") is."""
    told = actor_in_span(_span_of(threat.addressee), mentions) if threat.addressee is not None else None
    if told:
        return replace(mention, actor1=None if mention.actor1 == told else mention.actor1, actor2=told)
    if mention.actor2 is not None or threat.condition is None:
        return mention
    party = actor_in_span(_span_of(threat.condition), mentions)
    return replace(mention, actor2=party) if party and party != mention.actor1 else mention


def is_back_reference(token: Token) -> bool:
    """"the attack", "the airstrike", "Saturday's agreement": a noun that points back to a happening already
    reported, not a new one (it has a definite or possessive determiner and no date of its own)."""
    if is_victim_report(token) or is_known_accord_signed(token):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    day = possessive_day(token)
    named_day = {t.i for t in day.subtree} if day is not None else set()
    has_own_date = any(c.ent_type_ == "DATE" and c.i not in named_day for c in token.subtree) \
        or _scheduled_with_date(token)
    return (bool(determiners & {"the", "this", "that", "its"}) or day is not None) and not has_own_date


def possessive_day(token: Token) -> Token | None:
    """"Thursday's bombing", "Saturday's ceremony": a happening named by its day, the way news refers back to
    one it has reported (a first report says "a bombing on Thursday")."""
    return next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ == "DATE"
                 and any(g.dep_ == "case" for g in c.children)), None)


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


def is_generic(token: Token) -> bool:
    """What the article states as a pattern, not a happening: a rate or trend ("near-daily attacks",
    "increased airstrikes"), a habitual present passive ("civilians are killed by roadside bombs") or a
    toll ("the 16th soldier to be killed this year")."""
    if token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in HABITUAL_MODIFIERS for c in token.children):
        return True
    verb = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj":
        verb = governing_verb(token)  # "killed by roadside bombs": the bombs' verb tells how it is told
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if is_habitual(verb):
        return True
    passive = [c for c in verb.children if c.dep_ == "auxpass"]
    if any(a.tag_ in ("VBZ", "VBP") for a in passive) and not any(
            c.dep_ == "aux" for c in verb.children) and not any(t.ent_type_ == "DATE" for t in verb.subtree):
        return True
    # "the 16th soldier to be killed": an ordinal counts victims, the killings are reported elsewhere.
    return bool(passive) and verb.dep_ in ("relcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        _is_ordinal(c) for c in verb.head.children)


def is_habitual(verb: Token) -> bool:
    """"met many times", "have repeatedly attacked", "often clash": a verb told as a habit is a pattern."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True
        if child.lemma_.lower() == "time" and child.tag_ == "NNS" and any(
                g.lower_ in ("many", "several", "numerous", "countless", "multiple") for g in child.children):
            return True
    return False


_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
                      re.IGNORECASE)


def _is_ordinal(token: Token) -> bool:
    # The entity recogniser sometimes takes "the 12th" for a date; the word itself is the cue.
    return token.ent_type_ == "ORDINAL" or bool(_ORDINAL.match(token.text))


def is_background_demand(token: Token, rule: TriggerRule) -> bool:
    """"a cease-fire had been demanded by Washington": a demand in the past perfect is the background of
    what the article reports, a position held before, not a request made now ("had asked on Monday for his
    resignation" has its own day: a happening told in the past perfect)."""
    return rule.type == "REQUEST" and token.pos_ in ("VERB", "AUX") and _past_perfect(token) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def is_not_a_happening(token: Token, rule: TriggerRule) -> bool:
    """Trigger words that describe a thing rather than report a happening (see each test)."""
    return is_describing_passive(token, rule) or is_truce_in_other_role(token, rule) or is_content_of_accord(token) \
        or is_launch_purpose(token, rule) or names_a_site(token)


# Nouns that name a place by what happened there: "the site of a blast", "the scene of the attack".
SITE_NOUNS = {"site", "scene", "spot", "location"}


def names_a_site(token: Token) -> bool:
    """"protesters gathered at the site of a blast": the happening only names the place of another one; it is
    reported (when it is) where the article tells it."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ == "of" \
        and token.head.head.lemma_.lower() in SITE_NOUNS


# Places and means named by what they serve for: "a base for attacks", "a safe haven for terrorist attacks".
LAUNCH_NOUNS = {"base", "haven", "sanctuary", "platform", "launchpad", "springboard", "ground", "hub", "staging"}


def is_launch_purpose(token: Token, rule: TriggerRule) -> bool:
    """"used as a base for militant attacks": bare attack nouns after a base or haven name the kind of use,
    not one happening."""
    return rule.type == "ASSAULT" and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" \
        and token.head.lower_ == "for" and token.head.head.lemma_.lower() in LAUNCH_NOUNS \
        and not any(c.dep_ in ("det", "poss") for c in token.children)


# Nouns that name a text whose terms are what it provides for, not what has happened.
ACCORD_NOUNS = {"agreement", "deal", "accord", "pact", "treaty", "plan", "proposal", "draft", "framework", "roadmap"}
# Verbs of settling an accord: "worked out last week for a drawdown" names what the accord provides for.
ACCORD_VERBS = {"agree", "work", "hammer", "strike", "reach", "negotiate", "sign"}
# Nouns whose infinitive names what is still to be done: "a deadline to withdraw", "a timeline to leave".
PENDING_NOUNS = {"deadline", "timeline", "timetable", "date", "target"}


def is_under_accord_terms(verb: Token) -> bool:
    """"Under the draft accord, troops would be withdrawn": a conditional told under an accord is its term
    ("under the deal, troops withdrew in May" reports what was done; "will withdraw" stays a planned one)."""
    modal = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "could") for c in verb.children)
    return modal and any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ACCORD_NOUNS for g in c.children) for c in verb.children)


def is_accord_or_settling(word: Token) -> bool:
    """An accord noun ("an accord for ...") or a verb settling one ("worked out ... for", "agreed on"); a plan's
    object stays a planned happening ("plans for the visit"), and "working on an evacuation" is work."""
    lemma = word.lemma_.lower()
    if word.pos_ in ("NOUN", "PROPN"):
        return lemma in ACCORD_NOUNS - {"plan"}
    if lemma in ("work", "hammer"):
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in word.children)
    return lemma in ACCORD_VERBS


def is_content_of_accord(token: Token) -> bool:
    """"an accord for a drawdown of troops", "a deal that would see troops withdraw", "an agreement to sign the
    deal", "a deadline to withdraw them": what an accord provides for, or a deadline sets, is a term or a task,
    not a happening."""
    if token.dep_ == "pobj" and token.head.lower_ in ("for", "on") and is_accord_or_settling(token.head.head):
        return True
    if is_under_accord_terms(governing_verb(token)):
        return True
    current = token
    for _ in range(4):
        if current.dep_ in ("relcl", "acl") and current.head.lemma_.lower() in ACCORD_NOUNS and any(
                c.dep_ == "aux" and c.lower_ in ("would", "could") for c in current.children):
            return True  # "a deal that would see foreign troops withdraw"
        # ("plans to attend the summit" is a planned happening, kept as planned.)
        if current.dep_ == "acl" and current.head.lemma_.lower() in (PENDING_NOUNS | ACCORD_NOUNS) - {"plan"} and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "ccomp", "dobj"):
            break
        current = current.head
    return False


# Nouns that a truce word can modify without being declared: "the cease-fire agreement", "truce violations".
TRUCE_HOLDERS = {"agreement", "deal", "accord", "pact", "treaty", "talk", "negotiation", "proposal", "plan",
                 "violation", "breach", "line", "monitor", "mission"}
# Verbs whose subject or object is a truce already in place: breaking it is not declaring one.
TRUCE_BREAKING_VERBS = {"break", "violate", "breach", "flout", "collapse", "shatter", "abandon", "undermine"}


def is_truce_in_other_role(token: Token, rule: TriggerRule) -> bool:
    """"the cease-fire agreement signed in Minsk", "the truce was broken": a truce word that names a document,
    or a truce that is broken or violated, is no new declaration of one."""
    if rule.mode != "ceasefire" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase = token
    while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
        phrase = phrase.head
        if phrase.lemma_.lower() in TRUCE_HOLDERS:
            return True
    return phrase.dep_ in ("nsubj", "nsubjpass", "dobj") and phrase.head.lemma_.lower() in TRUCE_BREAKING_VERBS


def is_describing_passive(token: Token, rule: TriggerRule) -> bool:
    """"a team whose role was agreed upon by all parties", "a plan that was endorsed by NATO": a passive
    relative clause without a time of its own describes its noun with a standing fact, it reports nothing.
    Violence is the exception: "a soldier who was killed in Kabul" tells of a killing."""
    return rule.type != "ASSAULT" and token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "auxpass" for c in token.children) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def is_separately_timed(token: Token, mention: EventMention) -> bool:
    """"In May, the Taliban attacked ...": a past report told with a time of its own, which the article's lack
    of a publication date leaves unresolved, is a happening of that time, not an undated one reported before."""
    if mention.date is not None or mention.planned or _clause_of(token).i != token.i:
        return False
    return any(t.ent_type_ == "DATE" for t in token.subtree)


def is_own_day_in_month_read_article(mention: EventMention, published: str | None) -> bool:
    """In an article read against a month only, a past report told with a calendar day of its own ("took effect
    on February 22") is apart from the others: their weekdays and "last week" are known only to the month, so
    that the month fits the day says nothing about their being the same happening."""
    return parse_month(published) is not None and mention.date_precision == "day" and not mention.planned


def is_mutual_blame(token: Token, rule: TriggerRule) -> bool:
    """"the two sides blame each other", "each accusing the other of violations": blame traded both ways is
    the standing state of a conflict, not one accusation someone made."""
    return rule.type == "ACCUSE" and any(
        c.dep_ in ("dobj", "dative") and c.lower_ in ("other", "another") for c in token.children)


def is_additional(token: Token) -> bool:
    """"also levied sanctions", "was further sanctioned", "another attack", "a separate ceremony": told as one
    more happening of its kind, not as the one reported before."""
    verb = governing_verb(token)
    return any(c.dep_ == "advmod" and c.lower_ in ADDITIVE_ADVERBS for c in {*token.children, *verb.children}) or any(
        (c.dep_ == "det" and c.lower_ == "another") or (c.dep_ == "amod" and c.lower_ == "separate")
        for c in token.children)


def is_victim_report(token: Token) -> bool:
    """"a soldier was killed in Kabul": the passive killing tells a victim's side of an assault the article
    reports elsewhere (when it does), so it joins that assault rather than counting as a new one."""
    return token.lemma_.lower() in FATALITY_VERBS and any(c.dep_ == "auxpass" for c in token.children) \
        and not any(c.ent_type_ == "DATE" for c in token.subtree)


def is_known_accord_signed(token: Token) -> bool:
    """"before the agreement was signed", "Saturday's agreement, signed in Doha": the signing of a document
    the article has already named (definite or possessive) is the signing it reported, not another one."""
    if token.lemma_.lower() != "sign" or any(t.ent_type_ == "DATE" for t in token.subtree):
        return False
    documents = [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "acl":
        documents.append(token.head)
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
               for document in documents for c in document.children)


def _scheduled_with_date(token: Token) -> bool:
    """"the talks are to begin on March 10": the subject's date sits on the verb it controls."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    controlled = [c for c in token.head.children if c.dep_ == "xcomp"]
    return any(t.ent_type_ == "DATE" for c in controlled for t in c.subtree)


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
    for ent in doc.ents:
        if ent.label_ == "DATE":
            value = resolve(ent.text, None)
            if value is not None and value.precision == "day":
                days.append(value.start.isoformat())
    return max(days) if days else None


@dataclass(frozen=True)
class NamedHappening:
    """A well-known happening the press names by its day ("9/11"): see data/named_events.yaml."""

    name: str
    names: tuple[re.Pattern[str], ...]
    date: str
    type: str
    mode: str | None
    detail: str | None
    location: str | None
    actor1: str | None
    actor2: str | None


def read_named_happenings() -> tuple[NamedHappening, ...]:
    return tuple(
        NamedHappening(
            name=entry["name"], names=tuple(re.compile(rf"\b{p}(?!\w)", re.IGNORECASE) for p in entry["names"]),
            date=str(entry["date"]), type=entry["type"], mode=entry.get("mode"), detail=entry.get("detail"),
            location=entry.get("location"), actor1=entry.get("actor1"), actor2=entry.get("actor2"))
        for entry in read_yaml("named_events.yaml")["happenings"])


# Tokens before a trigger noun that can hold a happening's name ("the September 11, 2001, terrorist attacks").
NAME_WINDOW = 8
# A plain day ("September 11th") in an article published up to this many days after it is that recent day.
RECENT_DAY_WINDOW = 31
_FOLLOWING_YEAR = re.compile(r"^\W*(?:of\s+)?((?:19|20)\d\d)\b")


def named_happening(token: Token, rule: TriggerRule, sentence: Span, published: str | None,
                    happenings: tuple[NamedHappening, ...]) -> NamedHappening | None:
    """The well-known happening a trigger reports by name: "the 9/11 attacks", "attacked on September 11th"."""
    candidates = [h for h in happenings if h.type == rule.type]
    if not candidates:
        return None
    texts = [e.text for e in sentence.ents if e.label_ in ("DATE", "EVENT") and _in_subtree(e, token)]
    if token.pos_ in ("NOUN", "PROPN"):
        texts.append(token.doc[max(sentence.start, token.i - NAME_WINDOW):token.i + 1].text)
    for happening in candidates:
        for text in texts:
            if any(_names_it(match, happening, published) for pattern in happening.names
                   for match in pattern.finditer(text)):
                return happening
    return None


def _names_it(match: re.Match[str], happening: NamedHappening, published: str | None) -> bool:
    """Whether a name match is the happening, not the same day of another year ("9/11 of 2019")."""
    year = _FOLLOWING_YEAR.match(match.string[match.end():])
    if year:
        return year.group(1) == happening.date[:4]
    anchor = parse_published(published)
    recent = resolve(match.group(0), published, "past") if anchor else None
    return recent is None or recent.precision != "day" or (anchor - recent.start).days > RECENT_DAY_WINDOW


def named_mention(happening: NamedHappening, sentence: Span, doc_id: str) -> EventMention:
    """The report of a named happening: every field from the lexicon (a passing mention gives none)."""
    precision = {10: "day", 7: "month", 4: "year"}[len(happening.date)]
    return EventMention(
        doc=doc_id, type=happening.type, mode=happening.mode, detail=happening.detail, date=happening.date,
        date_precision=precision, planned=False,
        location=resolve_place(happening.location) if happening.location else None,
        actor1=happening.actor1, actor2=happening.actor2, count=None, fatalities=None,
        text=sentence.text.strip(), start=sentence.start_char, end=sentence.end_char,
    )


def is_circumstance(token: Token) -> bool:
    """"cancelled plans to attend the summit because of the ceasefire": a noun in a causal or concessive
    adjunct is the background of the verb, not what the verb makes happen."""
    phrase = token.head if token.dep_ == "compound" else token  # "cease" in "the cease-fire"
    if phrase.dep_ != "pobj":
        return False
    prep = phrase.head
    words = {prep.lower_, prep.head.lower_ if prep.dep_ == "pcomp" or prep.head.dep_ == "prep" else ""}
    return bool(words & CIRCUMSTANCE_PREPS)


def is_happening(token: Token) -> bool:
    """Whether a noun like "talks" reports a happening ("talks began", "held talks in Doha") not a topic."""
    verb = governing_verb(token)
    if verb is not token and verb.lemma_.lower() in HAPPENING_VERBS and not is_circumstance(token):
        return True
    if verb is not token and verb.lemma_.lower() == "be" and token.dep_ == "nsubj" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in HAPPENING_VERBS for c in verb.children):
        return True  # "talks are to begin on Monday"
    if is_round_of(token):
        return True
    for child in token.children:
        if child.ent_type_ == "DATE":
            return True
        if child.dep_ == "prep" and any(g.ent_type_ == "DATE" or (g.ent_type_ in PLACE_LABELS and child.lemma_.lower()
                                                                   in SITE_PREPS) for g in child.children):
            return True  # "talks in Doha", "talks on Sunday"; not "talks with North Korea"
    return False


def is_round_of(token: Token) -> bool:
    """"a new round of talks", "the seventh round of negotiations": a round is one sitting, a happening."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() == "round"


def _linked(a: Token, b: Token) -> bool:
    """Whether one trigger governs the other directly or through a preposition ("cancellation of talks")."""
    for x, y in ((a, b), (b, a)):
        if x.head == y or (x.head.dep_ == "prep" and x.head.head == y):
            return True
    return False


def keep_main_triggers(triggers: list[tuple[Token, TriggerRule]]) -> list[tuple[Token, TriggerRule]]:
    """One event per trigger, except: a meeting word governed by another trigger is that trigger's topic
    ("cancelled the talks" is a rejection, not talks), and a sentence reports one assault (a killing
    is the assault's outcome)."""
    kept = []
    for token, rule in triggers:
        if rule.type in ABSORBABLE_TYPES and token.pos_ in ("NOUN", "PROPN") and any(
                other.type != rule.type and _linked(token, t) for t, other in triggers if t is not token):
            continue
        if is_what_stops(token, rule, triggers):
            continue
        kept.append((token, rule))
    assaults = [(t, r) for t, r in kept if r.type == "ASSAULT"]
    if len(assaults) > 1:
        main = next(((t, r) for t, r in assaults if t.lemma_.lower() not in FATALITY_VERBS), assaults[0])
        kept = [(t, r) for t, r in kept
                if r.type != "ASSAULT" or (t, r) == main or is_other_dated_assault(t, main[0])
                or is_coordinated_assault(t, main[0])]
    return kept


def is_coordinated_assault(token: Token, main: Token) -> bool:
    """"launched assaults on Kunduz and carried out two suicide bombings": assault nouns that are objects of
    two coordinated verbs report two happenings."""
    if token.pos_ not in ("NOUN", "PROPN") or main.pos_ not in ("NOUN", "PROPN"):
        return False
    verb, main_verb = governing_verb(token), governing_verb(main)
    if len({verb.i, main_verb.i, token.i, main.i}) < 4:
        return False  # one verb, or a trigger that is its own head
    return (verb.dep_ == "conj" and verb.head.i == main_verb.i) or (
        main_verb.dep_ == "conj" and main_verb.head.i == verb.i)


def is_other_dated_assault(token: Token, main: Token) -> bool:
    """"Monday's attack was the deadliest since an assault in Ghazni in August 2018": a second assault noun
    with its own date, not governed by the main one, is another happening."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in FATALITY_VERBS or _linked(token, main):
        return False
    own_dates = {t.i for t in token.subtree if t.ent_type_ == "DATE"}
    return bool(own_dates) and not own_dates & {t.i for t in main.subtree}


def target_coming_under(token: Token) -> Token | None:
    """"the convoy came under attack", "a monitoring team came under shelling": the subject of "come under" (or
    "be under") is what the assault hit, not who made it."""
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "under":
        verb = token.head.head
    elif token.dep_ == "advcl" and any(c.lower_ == "under" and not list(c.children) for c in token.head.children):
        verb = token.head  # the parser sometimes hangs "came under shelling" as a bare "under" and a clause
    else:
        return None
    if verb.lemma_.lower() not in ("come", "be"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _phrase_before_clause(token: Token) -> Span:
    """A noun phrase up to its first comma or relative clause: "a team from the Organization for Security and
    Cooperation in Europe, whose ..." keeps the coordinated name whole (unlike _span_of)."""
    end = token.i + 1
    for t in token.subtree:
        if t.i > token.i and (t.dep_ in ("relcl", "acl") or t.text == ","):
            break
        end = t.i + 1
    return token.doc[token.left_edge.i:end]


def is_what_stops(token: Token, rule: TriggerRule, triggers: list[tuple[Token, TriggerRule]]) -> bool:
    """"halt fighting", "ceasefire ending the attacks": the fighting named by a ceasefire or withdrawal
    trigger is what stops, not a new assault."""
    return rule.type == "ASSAULT" and token.pos_ in ("NOUN", "PROPN") and any(
        other.type == "RETREAT" and _linked(token, t) for t, other in triggers if t is not token)


def _mention(token: Token, rule: TriggerRule, sentence: Span, mentions: list[ActorMention],
             context: tuple[str, ...], published: str | None, doc_id: str,
             anchor: str | None = None, owners: frozenset[int] = frozenset()) -> EventMention | None:
    negated, hypothetical = is_negated(token), is_hypothetical(token)
    if negated or hypothetical:
        return None
    mode, detail = refine(rule, token)
    planned = is_planned(token, None, published)
    date, precision = date_of(token, sentence, published, tense_of(token, planned), owners)
    if date is None and published is None and anchor is not None:
        tense = tense_of(token, planned)
        past = reports_recent(token, tense) or has_past_cue(token)
        date, precision = recent_report_date(token, anchor, "past" if past else tense)
    actor1, actor2 = actors_of(token, mentions, sentence)
    target = target_coming_under(token)
    if target is not None:
        actor2 = actor_in_span(_phrase_before_clause(target), mentions) or actor2
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


# --- one happening, several reports ---------------------------------------

def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown fits anything; otherwise one date must contain the other (a day may be one off)."""
    if not a or not b:
        return True
    if len(a) == 10 and len(b) == 10:
        from datetime import date

        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    return a.startswith(b) or b.startswith(a)


def places_compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if not a or not b:
        return True
    if a.get("country") != b.get("country"):
        return False
    if not a.get("admin1") or not b.get("admin1"):
        return True
    return a["admin1"] == b["admin1"]


def same_happening(a: dict[str, Any], b: dict[str, Any], strict_mode: bool = False) -> bool:
    """Whether two reports (rows with EventMention fields) describe one happening."""
    if a["type"] != b["type"] or not dates_compatible(a.get("date"), b.get("date")):
        return False
    if strict_mode and a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    if not places_compatible(a.get("location"), b.get("location")):
        return False
    actors_a = {x for x in (a.get("actor1"), a.get("actor2")) if x}
    actors_b = {x for x in (b.get("actor1"), b.get("actor2")) if x}
    if actors_a and actors_b:
        return bool(actors_a & actors_b)
    return True


def _fill(kept: EventMention, other: EventMention) -> EventMention:
    """The kept report, completed with what a later report of the same happening adds."""
    updates: dict[str, Any] = {}
    for name in ("mode", "location", "actor1", "actor2", "count", "fatalities"):
        if getattr(kept, name) is None and getattr(other, name) is not None:
            updates[name] = getattr(other, name)
    if other.date and (not kept.date or (len(other.date) > len(kept.date) and other.date.startswith(kept.date))):
        updates["date"], updates["date_precision"] = other.date, other.date_precision
    return replace(kept, **updates) if updates else kept


def dedupe(mentions: list[EventMention], back_references: list[bool] | None = None,
           additional: list[bool] | None = None) -> list[EventMention]:
    """One mention per happening within a document (the first report, completed by later ones).

    A back reference ("the attack") joins the latest earlier report of its type whatever its actors; an
    additional one ("also levied sanctions", "another attack") is a new happening.
    """
    back_references = back_references or [False] * len(mentions)
    additional = additional or [False] * len(mentions)
    kept: list[EventMention] = []
    for mention, is_back, is_new in zip(mentions, back_references, additional, strict=True):
        if is_new and not is_back:
            kept.append(mention)
            continue
        row = _row(mention)
        same_type = [i for i, existing in enumerate(kept) if existing.type == mention.type]
        # Triggers of one sentence were already told apart by keep_main_triggers.
        target = next((i for i in same_type if kept[i].start != mention.start and not (
            not is_back and (recalls_history(kept[i], mention) or told_apart(kept[i], mention))) and (
            same_happening(_row(kept[i]), row) or same_day_same_parties(kept[i], mention))), None)
        if target is None and is_back and same_type:
            target = same_type[-1]
        if target is None:
            kept.append(mention)
        else:
            kept[target] = _fill(kept[target], mention)
    return kept


def recalls_history(kept: EventMention, other: EventMention) -> bool:
    """"The blast caused damage" and, later, "since the Taliban were toppled in 2001": a report dated only by
    a year is history the article recalls, not the undated news it reported first."""
    return other.date_precision == "year" and kept.date is None


def told_apart(kept: EventMention, other: EventMention) -> bool:
    """Two days one article gives ("said Monday", "called off on Saturday") are two happenings: the one-day
    slack of dates_compatible is for sources that date one happening differently, not for one writer."""
    return kept.date_precision == "day" and other.date_precision == "day" and kept.date != other.date


# Decisions and statements: made wherever their maker is, so a place in their sentence rarely tells two apart
# (unlike attacks, meetings or ceremonies, where one party can do two on one day in two places).
DECISION_TYPES = {"REJECT", "ACCUSE", "REQUEST", "THREATEN", "SANCTION", "CONCEDE"}


def same_day_same_parties(kept: EventMention, other: EventMention) -> bool:
    """"called off the talks" and, later, "scrapped the meeting": one document's two reports of a decision on
    the same day by a shared party are one happening even when they name different places, as a sentence
    often names a place that is not where the decision was taken (the site of the attack that prompted it)."""
    if kept.type not in DECISION_TYPES or kept.mode != other.mode or not kept.date or kept.date != other.date \
            or kept.date_precision != "day":
        return False
    return bool({kept.actor1, kept.actor2} & {other.actor1, other.actor2} - {None})


def _row(mention: EventMention) -> dict[str, Any]:
    return {"type": mention.type, "mode": mention.mode, "date": mention.date, "location": mention.location,
            "actor1": mention.actor1, "actor2": mention.actor2}
