"""The parse around a trigger: clause heads, governing verbs, which trigger owns an argument."""

from __future__ import annotations

from spacy.tokens import Span, Token

# Prepositions that set a happening beside the clause's own action, as its time or cause.
ADJUNCT_PREPS = {"after", "before", "following", "since", "despite", "amid", "during", "because", "until", "ahead",
                 "prompting"}


def governing_verb(token: Token) -> Token:
    """The verb a nominal trigger hangs from ("carried out an attack" -> carried), else the token itself."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return token


def path_up(token: Token) -> list[Token]:
    path, current = [token], token
    while current.head is not current and len(path) < 8:
        current = current.head
        path.append(current)
    return path


def past_perfect(token: Token) -> bool:
    return any(c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in token.children)


def span_of(token: Token) -> Span:
    sub = list(token.subtree)
    # A relative clause or apposition can name other actors; keep the phrase up to its head.
    end = token.i + 1
    for t in sub:
        if t.i > token.i and t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj"):
            break
        end = t.i + 1
    return token.doc[sub[0].i:end]


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


def in_subtree(span: Span, token: Token) -> bool:
    return token.left_edge.i <= span.start and span.end <= token.right_edge.i + 1


def clause_of(token: Token) -> Token:
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


def is_have(token: Token) -> bool:
    """The auxiliary "have", contracted too: the tagger lemmatises "'ve" but not "’ve" with a curly apostrophe."""
    return token.lemma_.lower() == "have" or token.lower_.replace("’", "'") == "'ve"


def governs(head: Token, dependent: Token) -> bool:
    """Whether `dependent` hangs from `head` directly or through a preposition: "cancelled the talks",
    "cancellation of talks" (but "a meeting on prisoner releases" is governed by nothing of "releases")."""
    return dependent.head == head or (dependent.head.dep_ == "prep" and dependent.head.head == head)


def linked(a: Token, b: Token) -> bool:
    """Whether one trigger governs the other directly or through a preposition ("cancellation of talks")."""
    for x, y in ((a, b), (b, a)):
        if x.head == y or (x.head.dep_ == "prep" and x.head.head == y):
            return True
    return False
