"""Who asserts a number: a quote's speaker, the subject of the speech verb whose content holds
it, "according to X", the agent of "figures provided by X", a transcript turn's speaker.

Descriptions of an organisation ("the insurgents", "the armed group") are resolved to the
group the article is about (`accord.extract.group_descriptions`). Everything whole-document
comes from a `DocIndex`, so the work per number is bounded by its sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Span, Token

from accord.data import read_yaml
from accord.extract.doc_index import DocIndex
from accord.extract.group_descriptions import DocumentGroups

_PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "it": "ORG", "they": "GROUP"}
_RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}


class ClaimantLexicon(Protocol):
    speech_verbs: frozenset[str]
    source_verbs: frozenset[str]
    source_nouns: frozenset[str]
    speaker_titles: frozenset[str]


class SentenceClaimants:
    """The claimants a sentence offers to all its numbers, each worked out at most once."""

    def __init__(self, sentence: Span, index: DocIndex, groups: DocumentGroups | None, lexicon: ClaimantLexicon):
        self.sentence = sentence
        self.index = index
        self.groups = groups
        self.speech_verbs = lexicon.speech_verbs
        self.source_verbs = lexicon.source_verbs
        self.source_nouns = lexicon.source_nouns
        self.label_titles = lexicon.speaker_titles
        self._sentence_level: tuple[str | None] | None = None
        self._main_verbs: list[Token] | None = None
        self._said_before: tuple[int, str] | None = None  # the last speech verb that held a number, and its subject

    def claimant_of(self, start: int, end: int) -> str | None:
        """Who asserts the number at characters start..end; a described group ("the insurgents") resolved."""
        claimant = self._claimant(start, end)
        return self.groups.resolve(claimant, self.sentence.start) if self.groups is not None else claimant

    def _claimant(self, start: int, end: int) -> str | None:
        quote = self.index.quote_around(start, end)
        if quote is not None and (quote.speaker or quote.direct or not _is_description(quote.speaker_org)):
            return without_article(quote.speaker or quote.speaker_org or "")
        own = self._from_sentence(start, end)
        # Reported speech whose speaker is only described: the sentence's own reading may name it ("according to
        # the volunteer organisation White Helmets" -> White Helmets).
        return own or (without_article(quote.speaker_org or "") if quote is not None else None)

    def _from_sentence(self, start: int, end: int) -> str | None:
        span = self.sentence.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        verb = self._governing_speech_verb(span.root)
        if verb is not None:
            name = self._subject_name(verb)
            self._said_before = (verb.i, name) if name else self._said_before
            return name
        if self._said_before is not None and span.start > self._said_before[0]:
            # "officials saying four were killed and 11 others wounded": what follows a speech verb's content in
            # its sentence is still that content, however the parser attached it
            return self._said_before[1]
        if self._sentence_level is None:
            self._sentence_level = (self._according_to() or self._source_agent(),)
        if self._sentence_level[0]:
            return self._sentence_level[0]
        return self._main_speech_verb_subject(span) or self._transcript_speaker() or self._factbox_source()

    # --- the speech verb ---------------------------------------------------------

    def _governing_speech_verb(self, token: Token) -> Token | None:
        """The speech verb whose content (complement or object) holds the token, if any."""
        child = token
        for ancestor in token.ancestors:
            if ancestor.i < self.sentence.start or ancestor.i >= self.sentence.end:
                return None
            if ancestor.lemma_.lower() in self.speech_verbs and _acts_as_verb(ancestor):
                if child.dep_ == "advcl":
                    return None  # "Although three were killed, officials warned ...": a circumstance, not the content
                return ancestor if subject_of(ancestor) is not None else None
            child = ancestor
        return None

    def _main_speech_verb_subject(self, span: Span) -> str | None:
        """The subject of the sentence's main speech verb ("..., the ministry said"), unless the number is in
        that verb's own clause (then it is not the verb's content)."""
        if self._main_verbs is None:
            self._main_verbs = [t for t in self.sentence if t.lemma_.lower() in self.speech_verbs
                                and t.dep_ in ("ROOT", "parataxis")]
        ancestors = {t.i for t in span.root.ancestors}
        for token in self._main_verbs:
            if token.i not in ancestors:
                name = self._subject_name(token)
                if name:
                    return name
        return None

    def _subject_name(self, verb: Token) -> str | None:
        subject = subject_of(verb)
        return self.name_of(subject) if subject is not None else None

    # --- named sources -----------------------------------------------------------

    def _according_to(self) -> str | None:
        doc = self.sentence.doc
        for token in self.sentence:
            if token.lower_ == "according" and token.i + 1 < self.sentence.end and doc[token.i + 1].lower_ == "to":
                objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
                if objects:
                    return self.name_of(objects[0])
        return None

    def _source_agent(self) -> str | None:
        """"figures provided by officials": the agent of a verb that hands over information."""
        for token in self.sentence:
            if token.dep_ == "agent" and token.head.lemma_.lower() in self.source_verbs:
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    return self.name_of(objects[0])
        return None

    def _transcript_speaker(self) -> str | None:
        """In a transcript ("PRESIDENT GHANI: ..."), the speaker of the turn the sentence belongs to."""
        start = self.sentence.start_char
        label = self.index.transcript_label_before(min(self.sentence.end_char, start + 60))
        if label is None or label == "Q":  # a reporter's question asserts nothing
            return None
        words = [w for w in label.split() if w.lower().rstrip(".") not in self.label_titles]
        return " ".join(w.capitalize() for w in words) or None

    def _factbox_source(self) -> str | None:
        """A line that is only figures ("4,317 deaths since April") takes the source line of its box."""
        first = next((t for t in self.sentence if not t.is_space and not t.is_punct), None)
        listed = first is not None and first.like_num  # "4,317 deaths since April, ... 9,921 people wounded"
        if (self.sentence.root.pos_ in ("VERB", "AUX") and not listed) or not self._is_own_line():
            return None
        return factbox_source_after(self.index.text, self.sentence.start_char + len(self.sentence.text.rstrip()))

    def _is_own_line(self) -> bool:
        text = self.index.text
        start = self.sentence.start_char
        end = start + len(self.sentence.text.rstrip())
        line_start = text.rfind("\n", max(0, start - 200), start) + 1
        line_end = text.find("\n", end, end + 200)
        return not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else end].strip() \
            and (line_start > 0 or start == 0) and line_end >= 0

    # --- names -------------------------------------------------------------------

    def name_of(self, token: Token) -> str | None:
        """A clean name for a noun phrase: its person or organisation entity, else the phrase without articles."""
        doc = token.doc
        lower = token.lower_
        if lower in _PRONOUNS:
            return self._antecedent(token, _PRONOUNS[lower])
        names = []
        for member in [token, *token.conjuncts]:
            phrase_start = member.left_edge.i
            entities = [e for e in self.index.entities_within(phrase_start, member.i + 1)
                        if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
            persons = [e for e in entities if e.label_ == "PERSON"]
            if persons:
                names.append(persons[-1].text)
                continue
            named = appositive_name(member, self.index) or self._source_of(member)
            if named:
                names.append(named)
                continue
            phrase = doc[phrase_start:member.i + 1]
            words = [t for t in phrase if _names_the_head(t, member)]
            text = without_article(" ".join(t.text for t in words if t.i <= member.i)).replace(" 's", "'s")
            if text:
                names.append(text)
        return " and ".join(names) if names else None

    def _plural_subject_before(self, pronoun: Token) -> str | None:
        """"Activists blamed the army for a raid, which they said killed 15": "they" is the plural subject named
        last before it, in its sentence or the one before."""
        doc = pronoun.doc
        first = doc[self.sentence.start - 1].sent.start if self.sentence.start > 0 else 0
        for token in reversed(doc[first:pronoun.i]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS") and \
                    token.lower_ not in _PRONOUNS:
                return self.name_of(token)
        return None

    def _source_of(self, noun: Token) -> str | None:
        """"figures contained in a UN press release", "the ministry's report": who a document speaks for."""
        if noun.lower_ not in self.source_nouns and noun.lemma_.lower() not in self.source_nouns:
            return None
        entities = [e for e in self.index.entities_within(noun.left_edge.i, noun.right_edge.i + 1)
                    if e.label_ in ("ORG", "PERSON", "NORP", "GPE")]
        return without_article(entities[0].text) if entities else None

    def _antecedent(self, pronoun: Token, label: str | None) -> str | None:
        """The closest earlier person (he/she), organisation (it) or group (they): pronoun resolution at its
        simplest; "they" is a group only (an organisation or a people), never a single person."""
        if label is None:
            return None
        if label == "GROUP":
            return self._plural_subject_before(pronoun)
        for entity in self.index.entities_before(pronoun.i):
            if entity.label_ == label or (label == "ORG" and entity.label_ in ("ORG", "NORP", "GPE")):
                return entity.text
        return None


# A box of figures is short lines; its source line is among the next few, before any prose.
FACTBOX_LINES = 5
FACTBOX_LINE_CHARS = 120


@lru_cache(maxsize=1)
def _source_line() -> re.Pattern[str]:
    raw = read_yaml("claims.yaml")["factbox_sources"]
    labels = "|".join(re.escape(w) for w in raw["labels"])
    nouns = "|".join(re.escape(w) for w in raw["nouns"])
    return re.compile(rf"^\s*(?:(?i:{labels})\s*:\s*(?P<labelled>[^\n]+?)\s*$"
                      rf"|(?P<named>(?:[A-Z][\w.&'’\-]*\s+){{0,4}}?[A-Z][\w.&'’\-]*)\s+(?:{nouns})\b[^\n]*$)")


def factbox_source_after(text: str, position: int) -> str | None:
    """The source named by a short line among the next few short lines after a position, if any."""
    at = position
    for _ in range(FACTBOX_LINES):
        start = text.find("\n", at, at + FACTBOX_LINE_CHARS + 1)
        if start < 0:
            return None
        while start < len(text) and text[start] == "\n":
            start += 1
        end = text.find("\n", start, start + FACTBOX_LINE_CHARS + 1)
        if end < 0:
            end = min(len(text), start + FACTBOX_LINE_CHARS + 1)
            if end - start > FACTBOX_LINE_CHARS:
                return None
        line = text[start:end]
        found = _source_line().match(line)
        if found:
            return without_article(found["labelled"] or found["named"])
        at = end
    return None


def _is_description(name: str | None) -> bool:
    """"the volunteer organisation", "officials": words without a proper name in them."""
    return bool(name) and not any(word[:1].isupper() for word in without_article(name or "").split())


def _acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that heads the sentence with a subject ("the figures record
    that ...")."""
    return token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)


MAX_TREE_DEPTH = 64  # a bound on any walk up a parse tree
_OUTSIDE_A_NAME = ("det", "punct", "cc", "prep", "pobj", "appos", "relcl", "acl")


def _names_the_head(token: Token, head: Token) -> bool:
    """A word of the head's own name: not an article, a clause or a phrase hanging from it, nor a possessive
    pronoun ("its spokesman"); a possessor noun stays ("the governor's office")."""
    for _ in range(MAX_TREE_DEPTH):
        if token.i == head.i:
            return True
        if token.dep_ in _OUTSIDE_A_NAME or token.tag_ == "PRP$" or token.head.i == token.i:
            return False
        token = token.head
    return False


def appositive_name(head: Token, index: DocIndex) -> str | None:
    """"the volunteer organisation White Helmets": a common noun named by the proper name beside it."""
    if head.pos_ == "PROPN":
        return None
    for child in head.children:
        if child.dep_ in ("appos", "compound") and child.i > head.i or child.dep_ == "appos":
            entities = [e for e in index.entities_within(child.left_edge.i, child.right_edge.i + 1)
                        if e.label_ in ("ORG", "PERSON", "NORP") and e.start <= child.i < e.end]
            if entities:
                return without_article(entities[0].text)
    return None


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "a village, which they said was hit": the relative pronoun is what was said, "they" said it
    for child in sorted(subjects, key=lambda c: c.lower_ in _RELATIVE_PRONOUNS):
        return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)
    if verb.dep_ == "acl" or verb.dep_ == "relcl":
        return verb.head
    return None


def without_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
