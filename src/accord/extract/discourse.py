"""Speakers across sentences: who an unnamed or described speaker is, from the rest of the article.

Run over a document's quotes once they are found: an unnamed source named in the
next sentence, "according to the tweet" after "X tweeted", "the militant group"
as the organisation the article is about, and the unnamed persons a later "he
said" can mean.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from accord.extract.attribution import entity_of, resolve_speaker, speaker_of_verb, strip_article, subject_of
from accord.extract.doc_cache import entities, tokens_tagged
from accord.extract.quote_marks import QuotedSpan, in_spans
from accord.extract.said_on import definite_carrier
from accord.extract.speakers import Lexicon, People, noun_phrase, split_title
from accord.models import Quote

_WORD = re.compile(r"\w+")


def note_unnamed_speakers(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> None:
    """Subjects of speech verbs that describe one person without naming them ("a police officer said")."""
    for token in tokens_tagged(doc, "VERB"):
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.speech_verbs or in_spans(token.idx, spans):
            continue
        subject = subject_of(token)
        if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" or in_spans(subject.idx, spans):
            continue
        if subject.lower_ not in lexicon.person_nouns and subject.lower_ not in lexicon.titles:
            continue
        speaker = resolve_speaker(subject, people, lexicon)
        if speaker is not None and speaker.name is None and speaker.org:
            people.note_unnamed_speaker(subject.idx, speaker.org)


def name_described_organisation(doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> None:
    """'the militant group said': the organisation the article is about, when that is unambiguous.

    It must be the only organisation quoted by name and the one the article names most often.
    """
    mentions = Counter(strip_article(e.text) for e in entities(doc) if e.label_ in ("ORG", "NORP"))
    named = {q.speaker_org for q in quotes if q.speaker is None and q.speaker_org in mentions}
    if len(named) != 1 or not mentions:
        return
    (organisation,) = named
    ranked = mentions.most_common(2)
    if ranked[0][0] != organisation or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return
    for quote in quotes:
        words = (quote.speaker_org or "").lower().split()
        if quote.speaker is None and len(words) <= 3 and words[:1] == ["the"] \
                and words[-1] in lexicon.organisation_nouns:
            quote.speaker_org = organisation


def name_introduced_speakers(doc: Doc, quotes: list[Quote], people: People, lexicon: Lexicon) -> None:
    """'..., a senior commander said.' followed by 'General Jane Doe, who ...': the description was her.

    Only when the next sentence's subject is a person named there for the first time, so
    an unnamed source followed by someone already quoted stays unnamed, and only when the
    person's own role does not contradict the description ("a spokesman for Ghani" is not
    "X, a spokesman for Abdullah").
    """
    for quote in quotes:
        org = (quote.speaker_org or "").lower()
        if quote.speaker or not org.startswith(("a ", "an ")) or org.endswith("s"):
            continue
        sentence = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if sentence is None or sentence.sent.end >= len(doc):
            continue
        following = doc[sentence.sent.end].sent
        subject = subject_of(following.root)
        ent = entity_of(subject) if subject is not None else None
        if ent is None or ent.label_ != "PERSON":
            continue
        name = people.canonical(split_title(ent.text, lexicon.titles)[0])
        if any(m.start < following.start_char for m in people.mentions if m.name == name):
            continue
        roles = [noun_phrase(c) for c in subject.children if c.dep_ == "appos"]
        if any(roles_conflict(quote.speaker_org, role) for role in roles):
            continue
        for same in quotes:
            if same.speaker is None and same.speaker_org == quote.speaker_org:
                same.speaker = name


def name_role_holders(quotes: list[Quote], people: People, lexicon: Lexicon) -> None:
    """'a spokesman for the insurgents said': the one person the article names with that role.

    Roles come from titles before names ("Taliban spokesman Jane Doe") and from the roles of
    named speakers ("Jane Doe, a spokeswoman for ..."); two holders leave the description unnamed.
    """
    holders: dict[str, set[str]] = {}
    roles = [(m.name, m.role) for m in people.mentions] + [(q.speaker, q.speaker_org) for q in quotes if q.speaker]
    for name, role in roles:
        for word in _WORD.findall((role or "").lower()):
            if word in lexicon.one_holder_roles:
                holders.setdefault(word, set()).add(name)
    for quote in quotes:
        words = _WORD.findall((quote.speaker_org or "").lower())
        if quote.speaker or not words or words[0] not in ("a", "an", "the"):
            continue
        role = next((w for w in words if w in lexicon.one_holder_roles), None)
        named = holders.get(role or "", set())
        if len(named) != 1:
            continue
        (name,) = named
        if not any(roles_conflict(quote.speaker_org, held) for person, held in roles if person == name):
            quote.speaker = name


def roles_conflict(description: str | None, role: str | None) -> bool:
    """Same role noun, different named qualifiers: 'a spokesman for Ghani' vs 'a spokesman for Abdullah'."""
    described, held = _WORD.findall(description or ""), _WORD.findall(role or "")
    if not described or not held:
        return False
    nouns = {w.lower() for w in described} & {w.lower() for w in held}
    qualifiers = {w for w in described if w[0].isupper()} - {described[0]}
    return bool(nouns) and bool(qualifiers) and not qualifiers & set(held)


def speaker_of_the_statement_mentioned_before(doc: Doc, quotes: list[Quote], spans: list[QuotedSpan],
                                               people: People, lexicon: Lexicon) -> None:
    """'X tweeted that ...' then '..., according to the tweet.': the tweet is X's.

    Only through a verb of the same word: a noun mention ("in a statement") may be a
    different statement than the one the speaker made (measured: taking it lost a check quote).
    """
    for quote in quotes:
        carrier = definite_carrier(quote.speaker_org)
        if quote.speaker or carrier is None:
            continue
        own = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if own is None:
            continue
        mention = next((t for t in reversed(doc[:own.sent.start]) if t.lemma_.lower() == carrier
                        and not in_spans(t.idx, spans)), None)
        if mention is None or mention.pos_ != "VERB":
            continue
        author = speaker_of_verb(mention, spans, people, lexicon)
        if author is not None and (author.name or author.org) and definite_carrier(author.org) is None:
            quote.speaker, quote.speaker_org = author.name, author.org
