"""Who a speech verb's subject is: a person, a description or an organisation.

The subject of "said" (or the agent of "was told by", the object of "quoted X as
saying", the noun of "according to X") resolved to a `Speaker`: pronouns and
descriptions ("he", "the spokesman") point back to a person the document named,
carriers ("a statement from the Taliban") to whoever issued them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from accord.extract.doc_cache import entities
from accord.extract.quote_marks import QuotedSpan, in_spans
from accord.extract.speakers import (
    GROUP_PRONOUNS,
    ORG_LABELS,
    PERSON_PRONOUNS,
    Lexicon,
    People,
    Speaker,
    group_name,
    noun_phrase,
    split_title,
)

SUBJECTS = ("nsubj", "nsubjpass")
# Heads of a subject that carry someone else's words ("a statement from the Taliban said").
CARRIERS = {"statement", "tweet", "message", "letter", "post", "report", "release", "communique"}
CARRIER_PREPS = {"from", "by", "of", "for"}


def speaker_of_verb(verb: Token, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> Speaker | None:
    head = verb
    for _ in range(4):
        subject = subject_of(head)
        if subject is not None and subject.tag_ in ("WP", "WDT") and head.dep_ == "relcl":
            subject = head.head  # "Warren, who said ...": the relative pronoun stands for the noun
        if subject is not None and subject.dep_ == "nsubjpass":
            subject = _agent(head) or subject  # "CNN was told by a source": the source speaks
        if subject is not None and not in_spans(subject.idx, spans):
            return resolve_speaker(subject, people, lexicon)
        controller = _object_controller(head)
        if controller is not None:
            return resolve_speaker(controller, people, lexicon)
        if _verb_parsed_as_modifier_of_root_noun(head):
            return resolve_speaker(head.head, people, lexicon)
        if head.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and head.head is not head:
            head = head.head
            continue
        break
    return None


def _verb_parsed_as_modifier_of_root_noun(verb: Token) -> bool:
    """'The mayor, Anna Berg, acknowledged on Thursday the cost': a finite verb the parser hung under the
    sentence's subject as a modifier (the noun became the root); the noun is its subject."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return False
    # "the man accused of the killing" is a real modifier: a passive participle without an object
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _object_controller(verb: Token) -> Token | None:
    """'quoted X as saying', 'prompting X to declare': the object of the governing verb speaks."""
    parent = verb.head
    if parent is verb or verb.dep_ not in ("xcomp", "advcl", "pcomp", "pobj", "ccomp"):
        return None
    # "by saying", "after saying": the subject of the governing verb speaks, not its object
    under_as = verb.dep_ in ("pobj", "pcomp") and parent.lower_ == "as"
    if under_as or parent.lemma_ in ("quote", "prompt", "lead", "cause", "ask"):
        grand = parent if parent.pos_ == "VERB" else parent.head
        for child in grand.children:
            if child.dep_ == "dobj":
                return child
    return None


def speaker_of_according(token: Token, people: People, lexicon: Lexicon) -> Speaker | None:
    for to in token.children:
        if to.lower_ == "to":
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return resolve_speaker(obj, people, lexicon)
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; of two (a dateline "(CNN)" parsed as a second subject), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def resolve_speaker(token: Token, people: People, lexicon: Lexicon) -> Speaker | None:
    """The speaker a subject noun stands for: a person, a description or an organisation."""
    lower = token.lower_
    if token.pos_ == "PRON":
        if lower in PERSON_PRONOUNS:
            same_sentence = _person_earlier_in_a_subordinate_clause(token, people)
            if same_sentence is not None:
                return same_sentence
            mention = people.last_person_before(token.idx)
            since = mention.start + 1 if mention and mention.salient else 0
            unnamed = people.last_unnamed_speaker_after(since, token.idx)
            if unnamed is not None:  # "A resident said ... . 'We fled,' he said": the resident, not a name before
                return Speaker(None, unnamed)
            return Speaker(mention.name, mention.role) if mention else None
        if lower in GROUP_PRONOUNS or lower == "i":
            return None
        return None
    if lower in CARRIERS:
        carried = _carried_speaker(token, people, lexicon)
        if carried is not None:
            return carried
    ent = entity_of(token)
    if ent is not None and ent.label_ == "PERSON" and not group_name(ent):
        name, title = split_title(ent.text, lexicon.titles)
        if name:
            canonical = people.canonical(name)
            role = title or _role_words(token, ent) or people.role_of(canonical)
            return Speaker(canonical, role)
    after_title = _name_after_a_role_word(token, lexicon)
    if after_title is not None and (ent is None or ent.label_ != "PERSON"):
        name, role = after_title
        return Speaker(people.canonical(name), role)
    known = people.known_person(token)
    if known is not None:
        return Speaker(known, _role_words(token, ent) if ent is not None else people.role_of(known))
    appositive = _appositive_person(token)
    if appositive is not None:
        name, _ = split_title(appositive.text, lexicon.titles)
        return Speaker(people.canonical(name), noun_phrase(token))
    named_beside = next((people.known_person(c) for c in token.children
                         if c.dep_ == "appos" and people.known_person(c)), None)
    if named_beside is not None:  # "Ghani's adviser, Omer, said": a known family name in apposition
        return Speaker(named_beside, noun_phrase(token))
    titled = _titled_name(token, lexicon)
    if titled is not None:
        return Speaker(people.canonical(titled), noun_phrase(token).removesuffix(titled).strip() or None)
    role = next((c for c in token.children if c.dep_ == "appos" and c.lower_ in lexicon.titles), None)
    if role is not None and token.pos_ == "PROPN" and (ent is None or ent.label_ != "GPE"):
        # "Sediq Sediqqui, spokesman for the president": a role in apposition makes the name a person's
        name, _ = split_title(ent.text if ent is not None else token.text, lexicon.titles)
        return Speaker(people.canonical(name), noun_phrase(role))
    if ent is not None and ent.label_ in ORG_LABELS:
        return Speaker(None, strip_article(ent.text))
    if ent is None and token.pos_ == "PROPN" and token.lower_ not in lexicon.titles \
            and token.lower_ not in lexicon.institution_nouns and not token.text.isupper():
        # A bare proper noun subject the tagger left unlabelled ("Ghani dismissed ..."): a person's name
        # (not an institution, "Foreign Ministry", nor an acronym, "IS").
        first = " ".join(t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN")
        name, title = split_title(f"{first} {token.text}", lexicon.titles)
        return Speaker(people.canonical(name), title)
    described = _described_person(token, people)
    if described is not None:
        return described
    return Speaker(None, noun_phrase(token))


def _person_earlier_in_a_subordinate_clause(pronoun: Token, people: People) -> Speaker | None:
    """'after X's announcement, although he also threatened ...': a pronoun in a subordinate clause
    means the person named earlier in its own sentence (a main-clause "he said" keeps the discourse)."""
    if pronoun.head.dep_ not in ("advcl", "relcl", "ccomp", "conj") or pronoun.head == pronoun.sent.root:
        return None
    sentence = pronoun.sent
    inside = [m for m in people.mentions if sentence.start_char <= m.start < pronoun.idx]
    return Speaker(inside[-1].name, inside[-1].role) if inside else None


def _name_after_a_role_word(token: Token, lexicon: Lexicon) -> tuple[str, str] | None:
    """'State Department spokeswoman Jane Doe': capitalised words right after a role word are a person's
    name, whatever label the tagger gave them; the words up to the role word are the role."""
    if token.pos_ != "PROPN" or not token.is_title or token.lower_ in lexicon.institution_nouns:
        return None
    lefts = [t for t in token.lefts if t.dep_ == "compound"]
    roles = [i for i, t in enumerate(lefts) if t.lower_ in lexicon.titles or t.lower_ in lexicon.person_nouns]
    if not roles:
        return None
    given = lefts[roles[-1] + 1:]
    if len(given) > 2 or not all(t.pos_ == "PROPN" and t.is_title for t in given) \
            or lefts[roles[-1]].pos_ != "NOUN":
        return None
    name = " ".join(t.text for t in [*given, token])
    role = token.doc[lefts[0].left_edge.i:lefts[roles[-1]].i + 1].text
    return name, role


def _titled_name(token: Token, lexicon: Lexicon) -> str | None:
    """'Former US Ambassador to the United Nations Nikki Haley': a title phrase that ends in a two-word name."""
    if token.lower_ not in lexicon.titles:
        return None
    last = max(token.subtree, key=lambda t: t.i)
    before = token.doc[last.i - 1] if last.i > 0 else None
    if last.i <= token.i or before is None or last.pos_ != "PROPN" or before.pos_ != "PROPN":
        return None
    if before.lower_ in lexicon.titles or not (last.is_title and before.is_title):
        return None
    if last.ent_type_ == "PERSON" or last.ent_iob_ == "B" or last.ent_type_ in ("", "ORG"):
        return f"{before.text} {last.text}"
    return None


def _carried_speaker(token: Token, people: People, lexicon: Lexicon) -> Speaker | None:
    for child in token.children:
        if child.dep_ == "poss":
            return resolve_speaker(child, people, lexicon)
        if child.dep_ == "prep" and child.lower_ in CARRIER_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return resolve_speaker(obj, people, lexicon)
    return None


def _described_person(token: Token, people: People) -> Speaker | None:
    """'the secretary', 'the President': the last person the text gave that role."""
    definite = any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det")
    if not definite or token.tag_ in ("NNS", "NNPS"):
        return None
    qualifiers = tuple(c.text for c in token.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper())
    mention = people.person_with_role(token.lower_, token.idx, qualifiers)
    return Speaker(mention.name, mention.role) if mention else None


def entity_of(token: Token) -> Span | None:
    for ent in entities(token.doc):
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _appositive_person(token: Token) -> Span | None:
    for child in token.children:
        if child.dep_ in ("appos", "compound"):
            ent = entity_of(child)
            if ent is not None and ent.label_ == "PERSON":
                return ent
    return _name_closing_the_phrase(token)


def _name_closing_the_phrase(token: Token) -> Span | None:
    """'one of the wounded, Jane Doe, said': the parser hangs the name on the last noun of the phrase
    ("wounded"), but a name set off at the end of a subject names the subject."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            named = entity_of(obj)
            if named is not None and named.label_ == "PERSON" and named.start > prep.i + 2 \
                    and token.doc[named.start - 1].text == ",":
                return named  # "of the wounded, Jane Doe": parsed as one noun phrase
            appos = next((c for c in obj.children if c.dep_ == "appos"), None)
            ent = entity_of(appos) if appos is not None else None
            if ent is not None and ent.label_ == "PERSON" and ent.end == appos.i + 1 \
                    and obj.i < appos.i and token.doc[appos.left_edge.i - 1].text == ",":
                return ent
    return None


def _role_words(token: Token, ent: Span) -> str | None:
    words = [t for t in token.subtree if t.i < ent.start and t.dep_ not in ("det", "punct", "poss", "case")]
    if words:
        return token.doc[words[0].i:ent.start].text.strip(" ,") or None
    for child in token.children:
        if child.dep_ == "appos":
            return noun_phrase(child)
    return None


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
