"""Conditional threats: a party's statement of what it will do to another side if that side acts.

"The spokesman said the truce will be cancelled if the rebels violate it", "we have told them that any
attack on our troops will be met with a swift response": the consequence clause is future and conditional,
so the event extractor drops it as hypothetical; the statement itself is the news, a THREATEN by whoever
states it, dated when stated. Found on the dependency parse: a statement verb whose clausal complement has
a future modal, a condition (an if-clause, or an "any <act>" subject) and a consequence from
data/conditional_threats.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
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
        if verb.i in taken or verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.statement_verbs:
            continue
        for clause in verb.children:
            threat = threat_in(verb, clause, lexicon) if clause.dep_ == "ccomp" else None
            if threat is not None:
                found.append(threat)
                break
    return found


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
        return ConditionalThreat(verb, lexicon.consequences[consequence], party)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and any(c.dep_ == "det" and c.lower_ in lexicon.any_determiners
                                   for c in subject.children):
        owner = next((t for t in subject.subtree if t.dep_ == "poss"), None)
        return ConditionalThreat(verb, lexicon.consequences[consequence], owner)
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
