"""Who a pronoun stands for, so that "I have ordered", "our troops" or "he was sanctioned" get an actor.

* First person ("I", "we", "us", "our") is the speaker: the person a direct quote is attributed to, the
  labelled speaker of a transcript turn ("PRESIDENT BIDEN: ..."), or the author a statement's title names
  ("Statement by President Joe Biden on ..."). What a speaker says "I" or "we" did, they did in office, for
  the side they act for, so the pronoun stands for that side (`member_of` in data/actors.yaml): "we have
  conveyed to the Taliban" by a US president is the United States.
* A relative pronoun that is the subject of its clause ("the Taliban, which has been fighting ...") is the
  actor the clause hangs from, and so is an "it" or "they" subject further inside that clause ("... since
  it was toppled"): the clause goes on telling of the same group.
* "my predecessor" is whoever held the speaker's office before them (`predecessor` in data/actors.yaml).
* Third person singular ("he", "she") is the person named last before it, within a few sentences.

Other possessives are left alone: "his brother" or "their envoy" is someone else.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from accord.extract.actors import PERSON_TYPES, Actor, ActorLexicon, ActorMention
from accord.extract.doc_cache import entities, text_of, tokens_tagged
from accord.extract.places import resolve_listed_place
from accord.extract.speakers import TRANSCRIPT_LABEL

FIRST_PERSON = {"i", "me", "we", "us", "our", "ours"}
THIRD_PERSON = {"he", "him", "she", "her"}
# A turn of a transcript starts with its speaker's label in capitals: "THE PRESIDENT:", "PRESIDENT BIDEN:".
# Titles of texts in their author's own voice: "Statement by X", "Remarks by X and Y", "Op-ed from X".
AUTHORED_TITLE = re.compile(r"^\s*(?:statement|remarks|readout|address|speech|letter|message|op-ed|testimony|"
                            r"interview)s?\b.*?\b(?:by|of|from|with)\s+(?P<author>.+)", re.IGNORECASE)
# "the Taliban, which ..." and, inside that clause, "since it was toppled": the group the clause is about.
RELATIVE_PRONOUNS = {"which", "who", "that"}
GROUP_PRONOUNS = {"it", "they", "them"}
# How many sentences back a "he" or "she" looks for the person it stands for.
ANTECEDENT_SENTENCES = 3


def pronoun_mentions(doc: Doc, named: list[ActorMention], lexicon: ActorLexicon) -> list[ActorMention]:
    """Mentions for the personal pronouns whose referent is known, to add to the named mentions."""
    author = _title_author(doc, lexicon)
    turns = _turns(doc, lexicon, author)
    quotes = [q for q in (doc._.quotes or []) if q.direct and (q.speaker or q.speaker_org)]
    found = _predecessor_mentions(doc, quotes, turns, author, lexicon)
    people = _people(doc, sorted([*named, *found], key=lambda m: m.start))
    for token in tokens_tagged(doc, "PRON"):
        if token.pos_ != "PRON":
            continue
        word = token.lower_
        actor = None
        if word in RELATIVE_PRONOUNS | GROUP_PRONOUNS:
            actor = relative_antecedent(token, named)
        elif word in FIRST_PERSON and token.text != "US":
            actor = _side(_speaker_at(token, quotes, turns, author, lexicon))
        elif word in THIRD_PERSON and token.dep_ != "poss":
            actor = _antecedent(token, people)
        if actor is not None:
            found.append(ActorMention(token.i, token.i + 1, actor))
    return found


def with_pronouns(doc: Doc, named: list[ActorMention], lexicon: ActorLexicon) -> list[ActorMention]:
    return sorted([*named, *pronoun_mentions(doc, named, lexicon)], key=lambda m: m.start)


def _side(speaker: Actor | None) -> Actor | None:
    if speaker is None or not speaker.member_of:
        return speaker
    return Actor(speaker.member_of, "state agent")


def _title_author(doc: Doc, lexicon: ActorLexicon) -> Actor | None:
    title = doc._.title if doc.has_extension("title") else None
    match = AUTHORED_TITLE.match(title or "")
    return lexicon.first_actor(match.group("author")) if match else None


def _turns(doc: Doc, lexicon: ActorLexicon, author: Actor | None) -> list[tuple[int, Actor | None]]:
    """(offset where a turn starts, its speaker): a label the lexicon does not know ("THE PRESIDENT") is the
    titled author if there is one; a question ("Q:") is a reporter's, nobody's side."""
    turns = []
    for match in TRANSCRIPT_LABEL.finditer(text_of(doc)):
        label = match.group(1).strip()
        speaker = None if label == "Q" else lexicon.known(label) or author
        turns.append((match.start(), speaker))
    return turns


def _speaker_at(token: Token, quotes: list, turns: list[tuple[int, Actor | None]], author: Actor | None,
                lexicon: ActorLexicon) -> Actor | None:
    for quote in quotes:
        if quote.start <= token.idx < quote.end:
            name = quote.speaker or quote.speaker_org
            return lexicon.known(name) or (Actor(name, "person") if quote.speaker else None)
    if turns:
        at = bisect_right([start for start, _ in turns], token.idx) - 1
        return turns[at][1] if at >= 0 else None
    return author


def _people(doc: Doc, named: list[ActorMention]) -> list[tuple[int, Actor]]:
    """Every person named in the document, by token position: the lexicon's, then any other PERSON entity.
    A transcript's speaker label is left out: in that speaker's turn they are "I", never "he"."""
    people = [(m.start, m.actor) for m in named if m.actor.type in PERSON_TYPES and not _is_label(doc, m.end)]
    taken = {i for m in named for i in range(m.start, m.end)}
    people += [(ent.start, Actor(ent.text, "person")) for ent in entities(doc) if ent.label_ == "PERSON"
               and not taken & set(range(ent.start, ent.end)) and not _is_label(doc, ent.end)
               and resolve_listed_place(ent.text) is None]  # the recogniser takes some towns for people
    return sorted(people, key=lambda p: p[0])


def _is_label(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text == ":" and doc[end - 1].text.isupper()


def _antecedent(token: Token, people: list[tuple[int, Actor]]) -> Actor | None:
    doc, sentence = token.doc, token.sent
    window_start = sentence.start
    for _ in range(ANTECEDENT_SENTENCES):
        if window_start == 0:
            break
        window_start = doc[window_start - 1].sent.start
    before = [actor for start, actor in people if window_start <= start < token.i]
    return before[-1] if before else None


def relative_antecedent(token: Token, named: list[ActorMention]) -> Actor | None:
    """The named actor a subject relative clause hangs from, for its relative pronoun or a subject "it" or
    "they" inside it; None elsewhere (in "the deal, which the US says it ...", "it" is the US, not the deal)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return None
    relative = next((c for c in clause.children if c.lower_ in RELATIVE_PRONOUNS), None)
    if relative is None or relative.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if token.lower_ in GROUP_PRONOUNS and token.head is clause:
        return None  # "the deal, which it signed": a second subject of the same verb is someone else
    return next((m.actor for m in named if m.start <= clause.head.i < m.end), None)


def _predecessor_mentions(doc: Doc, quotes: list, turns: list[tuple[int, Actor | None]], author: Actor | None,
                          lexicon: ActorLexicon) -> list[ActorMention]:
    """"my predecessor" in a speaker's own words: the person who held the speaker's office before them."""
    found: list[ActorMention] = []
    if "predecessor" not in text_of(doc).lower():
        return found  # no token can be the word: the walk below would find nothing
    for token in doc:
        if token.lower_ != "predecessor" or not any(c.dep_ == "poss" and c.lower_ == "my" for c in token.children):
            continue
        speaker = _speaker_at(token, quotes, turns, author, lexicon)
        actor = lexicon.predecessor_of(speaker.name) if speaker is not None else None
        if actor is not None:
            found.append(ActorMention(token.i, token.i + 1, actor))
    return found
