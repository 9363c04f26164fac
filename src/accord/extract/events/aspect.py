"""Aspect: a process noun as the subject of a verb that says the process began, went on or ended is the
happening itself ("talks began in Doha", "Peace Negotiations began on 12 September", "a dialogue was
launched", "the ceasefire took effect at midnight"), not a topic ("talks about talks are unlikely", "the
start of the talks was delayed"). The verbs and the nouns, with their PLOVER types, are data
(data/event_aspect.yaml); the verb's modal, tense and date stay the happening's, read by the factuality
and timing rules as for any nominal trigger."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from accord.data import read_yaml

SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class ProcessType:
    type: str
    mode: str | None
    detail: str


@dataclass(frozen=True)
class AspectLexicon:
    verbs: frozenset[str]
    phrases: dict[str, frozenset[str]]  # verb lemma -> words one of which must hang from it
    nouns: dict[str, ProcessType]


@lru_cache(maxsize=1)
def aspect_lexicon() -> AspectLexicon:
    data = read_yaml("event_aspect.yaml")
    return AspectLexicon(
        verbs=frozenset(str(v).lower() for v in data["aspectual_verbs"]),
        # YAML 1.1 reads a bare off as a boolean; the file quotes it, and str() keeps any slip readable.
        phrases={str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in data["aspectual_phrases"].items()},
        nouns={str(k).lower(): ProcessType(v[0], v[1], str(v[2])) for k, v in data["process_nouns"].items()},
    )


def singular_forms(word: str) -> tuple[str, ...]:
    """The singulars an English plural may have ("negotiations" -> "negotiation", "clashes" -> "clash",
    "militias" -> "militia"); spaCy leaves a capitalised common noun tagged PROPN unlemmatised."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-1], word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        return (word[:-1],)
    return ()


def noun_keys(token: Token) -> tuple[str, ...]:
    """The lexicon keys of a noun: its lower-cased lemma, and for a capitalised common noun the spaCy tagger
    read as a proper noun ("Peace Negotiations"), the singulars of that lemma."""
    lemma = token.lemma_.lower()
    return (lemma, *singular_forms(lemma)) if token.pos_ == "PROPN" else (lemma,)


def is_aspectual(verb: Token, lexicon: AspectLexicon) -> bool:
    """"began", "was launched", "came into force", "got under way": a verb saying a process began, went on or
    ended."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.verbs:
        return True
    words = lexicon.phrases.get(lemma)
    if not words:
        return False
    return any(c.lower_ in words or (c.dep_ == "prep" and any(g.lower_ in words for g in c.children))
               for c in verb.children if c.dep_ in ("prt", "dobj", "prep", "advmod", "acomp", "attr"))


def aspectual_verb_of(noun: Token, lexicon: AspectLexicon | None = None) -> Token | None:
    """The aspectual verb a noun is the subject of: "talks began", "talks and consultations resumed", "the talks
    are expected to begin" (the verb may be the complement of the subject's own verb)."""
    lexicon = lexicon or aspect_lexicon()
    subject = noun.head if noun.dep_ == "conj" and noun.head.dep_ in SUBJECT_DEPS else noun
    if subject.dep_ not in SUBJECT_DEPS or subject.head.i == subject.i:
        return None
    verb = subject.head
    return next((v for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))
                 if v.pos_ in ("VERB", "AUX") and is_aspectual(v, lexicon)), None)


def process_type(noun: Token, lexicon: AspectLexicon | None = None) -> ProcessType | None:
    """The PLOVER type of a process noun that is the subject of an aspectual verb, else None."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in (*SUBJECT_DEPS, "conj"):
        return None
    lexicon = lexicon or aspect_lexicon()
    found = next((lexicon.nouns[k] for k in noun_keys(noun) if k in lexicon.nouns), None)
    if found is None or aspectual_verb_of(noun, lexicon) is None:
        return None
    return found
