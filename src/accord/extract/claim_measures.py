"""What a count counts: "people killed", "Taliban attacks", "US troops withdrawn".

The counted noun with its modifiers and what happened to it (data/claims.yaml `outcome_verbs`),
the subject of a change the number ends ("its strikes had fallen 30% to 212"), the noun of a tally
("the number of soldiers killed ... to 60"), and whose count it is: a named possessor, the side the
claimant speaks for ("its", "their", "our"), the doer of a counted act ("carried out 76 attacks").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.extract.claim_lexicon import claim_lexicon
from accord.extract.numbers import lexicon

TOTAL_NOUNS = {"number", "toll", "total", "tally", "count", "figure", "level"}


def _counted_noun(span: Span) -> Token | None:
    last = span[-1]
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    following = span.doc[span.end:span.end + 1]
    if following and following[0].lower_ == "of":
        objects = [c for c in following[0].children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
    return None


def measure_of(span: Span | None, owner: str | None = None) -> str | None:
    """A short noun phrase: the counted noun with its modifiers, plus what happened to it ("people killed").

    A possessive names whose count it is: "the Taliban's attacks" and, when the claimant speaks for a known
    side (`owner`), "its attacks" in "the Taliban said its attacks had fallen" are both "Taliban attacks".
    """
    noun = _counted_noun(span) if span is not None else None
    if noun is None and span is not None and span.root.dep_ in ("dobj", "attr") and \
            span.root.head.lemma_.lower() in lexicon().lower_bound_verbs | {"reach", "hit", "stand", "rise", "climb"}:
        noun = next((c for c in span.root.head.children if c.dep_ == "nsubj"), None)  # "the toll exceeded 100"
    if noun is None and span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "to":
        # "bringing the number of troops killed to 16", "raised the number of soldiers killed since May to 60"
        noun = next((found for ancestor in list(span.root.head.ancestors)[:6]
                     for found in [_number_of(ancestor)] if found is not None), None)
    if noun is None and span is not None:
        noun = _changed_count(span.root)  # "its strikes had fallen 30% to 212"
    outcome = _outcome(noun if noun is not None else (span.root if span is not None else None)) or \
        _predicate_outcome(span) or _outcome_after(noun)
    if noun is None:
        return f"people {outcome}" if outcome else None
    modifiers = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and not t.like_num]
    inside = range(span.start, span.end) if span is not None else range(0)
    words = [t.text for t in modifiers if t.i not in inside] + [noun.text]
    possessor = _possessor(noun, owner) or _doer(noun, owner)
    if possessor and possessor.lower() not in (w.lower() for w in words):
        words.insert(0, possessor)
    phrase = " ".join(words)
    return f"{phrase} {outcome}" if outcome and outcome not in words else phrase  # not "displaced people displaced"


_POSSESSIVE_PRONOUNS = {"its", "their", "our"}
def _possessor(noun: Token, owner: str | None) -> str | None:
    """Whose count it is: a named possessor ("the Taliban's"), or the claimant's side for its/their/our."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in _POSSESSIVE_PRONOUNS:
            return owner
        if child.pos_ == "PROPN":
            return " ".join(t.text for t in child.subtree if t.dep_ not in ("case", "det", "punct"))
    return None


def _doer(noun: Token, owner: str | None) -> str | None:
    """"the Taliban carried out 76 attacks", "it launched 12 raids": the named doer of a counted act."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in claim_lexicon().doer_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("it", "they", "we"):
        return owner
    if subject.pos_ == "PROPN":
        return " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN" and t.i <= subject.i)
    named = [c for c in subject.lefts if c.pos_ == "PROPN" and c.dep_ in ("compound", "amod")]
    return " ".join(t.text for t in named) or None


def _changed_count(number: Token) -> Token | None:
    """"attacks fell 30% to 212", "rose from 40 to 75": the subject of the change verb the number ends at."""
    if number.dep_ != "pobj" or number.head.lower_ not in ("to", "from"):
        return None
    verb = number.head.head
    for _ in range(3):  # "from 300 to 450": "to" may hang from the first number or its "from"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    changes = claim_lexicon().change_up | claim_lexicon().change_down
    if verb.lower_ not in changes and verb.lemma_.lower() not in changes:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in TOTAL_NOUNS:
        of = next((c for c in subject.children if c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return counted or subject
    return subject


def _outcome_after(noun: Token | None) -> str | None:
    """"the number of troops killed this month": a participle right after the counted noun, however attached."""
    if noun is None or noun.i + 1 >= len(noun.doc):
        return None
    following = noun.doc[noun.i + 1]
    return claim_lexicon().outcome_verbs.get(following.lemma_.lower()) if following.tag_ == "VBN" else None


def _number_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in ("number", "toll", "total", "tally", "count"):
            for prep in child.children:
                if prep.lower_ == "of":
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _predicate_outcome(span: Span | None) -> str | None:
    """"claimed 190 were dead": the outcome stated right after a bare number."""
    if span is None or span.end >= len(span.doc) or span.doc[span.end].lemma_ != "be":
        return None
    outcomes = claim_lexicon().outcome_verbs
    for child in span.doc[span.end].children:
        if child.dep_ in ("acomp", "attr") and (child.lemma_.lower() in outcomes or child.lower_ == "dead"):
            return outcomes.get(child.lemma_.lower(), child.lower_)
    return None


def _outcome(token: Token | None) -> str | None:
    outcomes = claim_lexicon().outcome_verbs
    if token is None:
        return None
    for candidate in (token, token.head, token.head.head):
        if candidate.pos_ in ("VERB", "ADJ") and candidate.lemma_.lower() in outcomes:
            return outcomes[candidate.lemma_.lower()]
        if candidate.lower_ in ("dead", "killed", "wounded", "injured"):
            return candidate.lower_
        if token.dep_ in ("nsubj", "nsubjpass") and candidate is token.head:
            # "190 were dead": the outcome is the complement of the number's own clause
            complements = [c for c in candidate.children if c.dep_ in ("acomp", "attr", "oprd")]
            if complements and complements[0].lemma_.lower() in outcomes | {"dead": "dead"}.keys():
                return outcomes.get(complements[0].lemma_.lower(), complements[0].lower_)
    for child in token.children:
        if child.dep_ in ("acl", "relcl", "amod") and child.lemma_.lower() in outcomes:
            return outcomes[child.lemma_.lower()]
    return None
