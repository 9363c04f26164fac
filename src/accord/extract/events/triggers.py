"""Trigger words: the lexicon of data/event_triggers.yaml, matching a token to a rule, refining mode and
detail, and choosing the main triggers of a sentence (a meeting word that is another trigger's topic, one
assault per sentence)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from accord.data import read_yaml
from accord.extract.events.aspect import aspect_lexicon, aspectual_verb_of, noun_keys, process_type
from accord.extract.events.locations import PLACE_LABELS, SITE_PREPS
from accord.extract.events.syntax import governing_verb, governs, linked
from accord.extract.events.threats import ConditionalThreat

FATALITY_VERBS = {"kill", "die"}


# Verbs that make a meeting word a happening: "held talks", "attended the summit"; the verbs of aspect ("talks
# resumed", "began negotiations") are data (data/event_aspect.yaml, `aspect`).
HAPPENING_VERBS = {"hold", "attend", "join", "conduct", "host", "return", "chair", "lead", "take", "break",
                   "schedule", "plan", "set", "go", "declare", "announce", "observe", "implement", "order",
                   "authorize", "witness", "effect", "due"}


# Prepositions of cause and concession: their object is background ("because of the ceasefire").
CIRCUMSTANCE_PREPS = {"because", "despite", "amid", "due", "given"}


# Types whose nominal triggers are only the topic when another trigger governs them.
ABSORBABLE_TYPES = {"CONSULT", "AGREE", "SUPPORT"}


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
    doer: bool = False
    # `by:` who must be the verb's subject: head lemmas ("ministry"), or `country` for a GPE ("Greece protested")
    by_lemmas: frozenset[str] = frozenset()


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
            direct=bool(entry.get("direct")), doer=bool(entry.get("doer")),
            by_lemmas=frozenset(_words(entry.get("by"))),
        )
        rules.setdefault(rule.lemma, []).append(rule)
    return rules


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


def lexicon_entries(token: Token, rules: dict[str, list[TriggerRule]]) -> list[TriggerRule]:
    """The lexicon's rules for a token: by its lemma, its text, or for a capitalised noun the tagger read as a
    proper noun ("Peace Talks"), the singular of its lemma."""
    found = rules.get(token.lemma_.lower()) or rules.get(token.text.lower())
    if found or token.pos_ != "PROPN":
        return found or []
    return next((rules[k] for k in noun_keys(token) if k in rules), [])


def matching_rule(token: Token, rules: dict[str, list[TriggerRule]]) -> TriggerRule | None:
    """The first lexicon rule whose conditions hold for the token, else the rule of a process noun that is the
    subject of an aspectual verb ("talks began", `aspect`)."""
    return lexicon_rule(token, lexicon_entries(token, rules), rules) or process_rule(token)


def process_rule(token: Token) -> TriggerRule | None:
    """"The truce came into force", "talks got under way": a process noun of data/event_aspect.yaml as the
    subject of an aspectual verb is the happening, typed as the file gives it."""
    found = process_type(token)
    if found is None:
        return None
    return TriggerRule(lemma=token.lemma_.lower(), type=found.type, mode=found.mode, detail=found.detail)


def lexicon_rule(token: Token, candidates: list[TriggerRule], rules: dict[str, list[TriggerRule]]
                 ) -> TriggerRule | None:
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
        if rule.doer and not reports_as_doer(token, rule, rules):
            continue
        if rule.by_lemmas and not subject_is(token, rule.by_lemmas):
            continue
        return rule
    return None


def subject_is(verb: Token, heads: frozenset[str]) -> bool:
    """Whether a verb's active subject is one of `heads` by its head word ("the foreign ministry"), or a
    country when `country` is among them ("Greece protested")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return subject.lemma_.lower() in heads or ("country" in heads and subject.ent_type_ == "GPE")


def doer_clause(token: Token) -> Token | None:
    """The verb a noun is the subject of: "protesters burned tyres", "hundreds of protesters gathered"."""
    subject = token
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "nsubj":
        subject = token.head.head
    return subject.head if subject.dep_ == "nsubj" else None


def reports_as_doer(token: Token, rule: TriggerRule, rules: dict[str, list[TriggerRule]]) -> bool:
    """A noun naming who acts ("protesters", "rioters") reports their happening only as the subject of a clause,
    and only when no verb of that clause is a trigger of the same type, which tells it better: "protesters
    blocked the road" is told by "blocked", "police arrested protesters" names whom the arrest hit."""
    verb = doer_clause(token)
    if verb is None:
        return False
    return not any((other := matching_rule(v, rules)) is not None and other.type == rule.type
                   for v in (verb, *verb.conjuncts))


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


def threat_rule(threat: ConditionalThreat) -> TriggerRule:
    """A conditional threat is typed by its statement verb, which no trigger lexicon entry covers."""
    return TriggerRule(lemma=threat.statement.lemma_.lower(), type="THREATEN", mode=threat.mode,
                       detail="conditional threat")


def is_circumstance(token: Token) -> bool:
    """"cancelled plans to attend the summit because of the ceasefire": a noun in a causal or concessive
    adjunct is the background of the verb, not what the verb makes happen."""
    phrase = token.head if token.dep_ == "compound" else token  # "cease" in "the cease-fire"
    if phrase.dep_ != "pobj":
        return False
    prep = phrase.head
    words = {prep.lower_, prep.head.lower_ if prep.dep_ == "pcomp" or prep.head.dep_ == "prep" else ""}
    return bool(words & CIRCUMSTANCE_PREPS)


@lru_cache(maxsize=1)
def all_happening_verbs() -> frozenset[str]:
    return frozenset(HAPPENING_VERBS) | aspect_lexicon().verbs


def is_happening(token: Token) -> bool:
    """Whether a noun like "talks" reports a happening ("talks began", "held talks in Doha") not a topic."""
    verb = governing_verb(token)
    happening_verbs = all_happening_verbs()
    if verb is not token and verb.lemma_.lower() in happening_verbs and not is_circumstance(token):
        return True
    if verb is not token and verb.lemma_.lower() == "be" and token.dep_ == "nsubj" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in happening_verbs for c in verb.children):
        return True  # "talks are to begin on Monday"
    if aspectual_verb_of(token) is not None:
        return True  # "the truce came into force", "talks got under way"
    for child in token.children:
        if child.ent_type_ == "DATE":
            return True
        if child.dep_ == "prep" and any(g.ent_type_ == "DATE" or (g.ent_type_ in PLACE_LABELS and child.lemma_.lower()
                                                                   in SITE_PREPS) for g in child.children):
            return True  # "talks in Doha", "talks on Sunday"; not "talks with North Korea"
    return False


def is_topic_of_other_trigger(token: Token, rule: TriggerRule, triggers: list[tuple[Token, TriggerRule]]) -> bool:
    """A meeting or agreement word governed by another trigger is that trigger's topic ("cancelled the talks"
    is a rejection, not talks); what a meeting is about is its topic ("talks on the withdrawal")."""
    if is_topic_of_meeting(token, triggers):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return rule.type in ABSORBABLE_TYPES and any(
        other.type != rule.type and governs(t, token) for t, other in triggers if t is not token)


# Prepositions that name what a meeting is about: "talks on the withdrawal", "a meeting about prisoner releases".
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}


# Nouns of dispute or concern whose topic is argued over or feared, not done: "a disagreement over the release of
# prisoners", "expressed concern about the prisoner release".
DISPUTE_NOUNS = {"disagreement", "dispute", "row", "debate", "controversy", "quarrel", "argument", "wrangling",
                 "feud", "standoff", "speculation", "question", "concern", "worry", "fear", "doubt",
                 # what an accord is on is its term, still to be done: "the agreement on sending soldiers"
                 "agreement", "deal", "accord", "memorandum", "pact", "treaty", "understanding"}


def is_topic_of_meeting(token: Token, triggers: list[tuple[Token, TriggerRule]]) -> bool:
    """"held talks on the withdrawal of troops", "a disagreement over the release of prisoners", "the agreement
    on sending soldiers": what a meeting, a dispute or an accord is about is discussed, argued or agreed there,
    not done."""
    preposition = token.head
    if token.dep_ not in ("pobj", "pcomp") or preposition.lower_ not in TOPIC_PREPS:
        return False
    about = preposition.head
    return about.lemma_.lower() in DISPUTE_NOUNS or any(
        t.i == about.i and other.type == "CONSULT" and t.pos_ in ("NOUN", "PROPN") for t, other in triggers)


def is_lesser_assault(token: Token, rule: TriggerRule, triggers: list[tuple[Token, TriggerRule]]) -> bool:
    """A sentence reports one assault (a killing is the assault's outcome), unless a second assault word has
    its own date or is the object of a coordinated verb."""
    assaults = [t for t, r in triggers if r.type == "ASSAULT"]
    if rule.type != "ASSAULT" or len(assaults) < 2:
        return False
    main = next((t for t in assaults if t.lemma_.lower() not in FATALITY_VERBS), assaults[0])
    return token.i != main.i and not is_other_dated_assault(token, main) and not is_coordinated_assault(
        token, main) and not is_answered_assault(token, main)


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
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() in FATALITY_VERBS or linked(token, main):
        return False
    own_dates = {t.i for t in token.subtree if t.ent_type_ == "DATE"}
    return bool(own_dates) and not own_dates & {t.i for t in main.subtree}


# Nouns that make what follows "for/to" the act being answered: "in retaliation for an attack".
ANSWER_NOUNS = {"retaliation", "response", "revenge", "reprisal", "answer", "reaction"}


def is_answered_assault(token: Token, main: Token) -> bool:
    """"Jets struck rebel positions in retaliation for an attack on a checkpoint", "shelled the town after a
    raid on its outskirts": the assault a sentence's main one answers, or follows, is a happening of its own."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj" or token.lemma_.lower() in FATALITY_VERBS:
        return False
    preposition = token.head
    if preposition.lower_ in ("after", "following"):
        return True
    return preposition.lower_ in ("for", "to") and preposition.head.lemma_.lower() in ANSWER_NOUNS


def is_what_stops(token: Token, rule: TriggerRule, triggers: list[tuple[Token, TriggerRule]]) -> bool:
    """"halt fighting", "ceasefire ending the attacks": the fighting named by a ceasefire or withdrawal
    trigger is what stops, not a new assault."""
    return rule.type == "ASSAULT" and token.pos_ in ("NOUN", "PROPN") and any(
        other.type == "RETREAT" and linked(token, t) for t, other in triggers if t is not token)
