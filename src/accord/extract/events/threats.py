"""Conditional threats: a party's statement of what it will do to another side if that side acts.

"The spokesman said the truce will be cancelled if the rebels violate it", "we have told them that any
attack on our troops will be met with a swift response": the consequence clause is future and conditional,
so the event extractor drops it as hypothetical; the statement itself is the news, a THREATEN by whoever
states it, dated when stated. Found on the dependency parse: a statement verb whose clausal complement has
a future modal, a condition (an if-clause, or an "any <act>" subject) and a consequence from
data/conditional_threats.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from accord.data import read_yaml
from accord.extract.speakers import load_lexicon

FUTURE_MODALS = {"will", "would", "shall", "'ll"}
# Dependencies under the consequence verb that can name the threatened act ("met with a response").
ACT_DEPS = {"dobj", "pobj", "prep", "xcomp", "attr", "conj"}


@dataclass(frozen=True)
class ThreatLexicon:
    statement_verbs: frozenset[str]
    consequences: dict[str, str | None]
    condition_marks: frozenset[str]
    any_determiners: frozenset[str]


@dataclass(frozen=True)
class ConditionalThreat:
    statement: Token  # the verb that states it: its subject makes the threat, its date is the event's
    mode: str | None
    condition: Token | None  # the party whose act is the condition, when the condition names one
    clause: Token  # what is threatened: neither its consequence nor its condition has happened
    addressee: Token | None = None  # who is told: the target, and never the one who threatens


@lru_cache(maxsize=1)
def threat_lexicon() -> ThreatLexicon:
    data = read_yaml("conditional_threats.yaml")
    return ThreatLexicon(
        statement_verbs=load_lexicon().reported_speech_verbs | frozenset(data["statement_verbs"]),
        consequences={str(k): v for k, v in data["consequences"].items()},
        condition_marks=frozenset(data["condition_marks"]),
        any_determiners=frozenset(data["any_determiners"]),
    )


def conditional_threats(sentence: Span, taken: set[int], lexicon: ThreatLexicon | None = None
                        ) -> list[ConditionalThreat]:
    """The conditional threats a sentence states, one per statement verb not already a trigger."""
    lexicon = lexicon or threat_lexicon()
    found = []
    for verb in sentence:
        if verb.i in taken or verb.pos_ != "VERB":
            continue
        for clause in stated_clauses(verb, lexicon):
            threat = threat_in(verb, clause, lexicon)
            if threat is not None:
                found.append(replace(threat, addressee=addressee(verb, clause)))
                break
    return found


def stated_clauses(verb: Token, lexicon: ThreatLexicon) -> list[Token]:
    """What a statement verb states: its clausal complement, or the one after its predicate ("made clear
    that ...", "made it clear that ...")."""
    if verb.lemma_.lower() in lexicon.statement_verbs:
        return [c for c in verb.children if c.dep_ == "ccomp"]
    predicate = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp", "acomp")
                      and f"{verb.lemma_.lower()} {c.lower_}" in lexicon.statement_verbs), None)
    if predicate is None:
        return []
    return [c for c in [*verb.children, *predicate.children] if c.dep_ in ("ccomp", "advcl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def addressee(verb: Token, clause: Token) -> Token | None:
    """Who is told: "conveyed to the Taliban that ...", "made clear to the Taliban that ..." (the phrase may
    hang from the predicate beside the statement verb)."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp") and c is not clause)]
    return next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"), None)


def threat_in(verb: Token, clause: Token, lexicon: ThreatLexicon) -> ConditionalThreat | None:
    """The threat a complement clause states: future, conditional, and with a harmful consequence."""
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in clause.children) \
            or any(c.dep_ == "neg" for c in clause.children):
        return None
    consequence = consequence_of(clause, lexicon)
    if consequence is None:
        return None
    condition = next((c for c in clause.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in lexicon.condition_marks for m in c.children)), None)
    if condition is not None:
        party = next((c for c in condition.children if c.dep_ == "nsubj"), None)
        return ConditionalThreat(verb, lexicon.consequences[consequence], party, clause)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and any(c.dep_ == "det" and c.lower_ in lexicon.any_determiners
                                   for c in subject.children):
        owner = next((t for t in subject.subtree if t.dep_ == "poss"), None)
        return ConditionalThreat(verb, lexicon.consequences[consequence], owner, clause)
    return None


def act_name(token: Token) -> str:
    """A lemma with its particle, as the lexicon lists phrasal verbs ("call off")."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{token.lemma_.lower()} {particle}" if particle else token.lemma_.lower()


def consequence_of(clause: Token, lexicon: ThreatLexicon) -> str | None:
    """The act the clause threatens: its verb, or the act it governs ("will be met with a response")."""
    frontier = [clause]
    while frontier:
        token = frontier.pop(0)
        if act_name(token) in lexicon.consequences:
            return act_name(token)
        children = ACT_DEPS if token is clause else {"pobj", "dobj"}
        frontier.extend(c for c in token.children if c.dep_ in children)
    return None
