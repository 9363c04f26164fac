"""Who is speaking: names, titles and the people a document mentions.

A speaker is a person (canonical full name plus the role the text gives) or,
when no person is named, a description or organisation (`name` None, `org` the
words of the text). Within a document a person is known by the fullest name
seen ("Mark Esper" for "Esper" and "Defense Secretary Mark Esper").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from accord.data import read_yaml
from accord.errors import DataFileError
from accord.extract.doc_cache import entities, tokens_with_dep

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "we", "it"}
ORG_LABELS = {"ORG", "NORP", "GPE", "FAC"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# The labels the person-finding walks look at: the tokens with other labels are never read.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_SUBJECTS_AND_OWNERS = _SUBJECTS | {"poss"}
# A speaker label that opens a turn of a transcript ("PRESIDENT BIDEN:", "Q:"); group 1 is the label.
TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]{1,40}|Q):", re.MULTILINE)


@dataclass(frozen=True)
class Lexicon:
    """data/speech_verbs.yaml, the one speech lexicon of the quotes and the claims extractors."""

    speech_verbs: frozenset[str]  # use "quote"
    reported_speech_verbs: frozenset[str]  # use "clause"
    titles: frozenset[str]  # use "name"
    title_cues: frozenset[str]
    figure_verbs: frozenset[str]  # use "figure": the claims extractor's speech verbs
    label_titles: frozenset[str]  # use "label": words the claims extractor drops from transcript labels
    # "a statement published Monday": the day dates the words
    occasions: frozenset[str] = frozenset()
    family_name_particles: tuple[str, ...] = ()  # "al-" of "al-Sayed", dropped on a later mention
    charge_verbs: frozenset[str] = frozenset()  # use "charge": "accused X of Y" reports "X of Y"
    person_nouns: frozenset[str] = frozenset()  # "the resident": an unnamed person a "he" can mean
    organisation_nouns: frozenset[str] = frozenset()  # "the militant group": an organisation named elsewhere
    one_holder_roles: frozenset[str] = frozenset()  # "a spokesman": the one spokesman the article names
    institution_nouns: frozenset[str] = frozenset()  # "Foreign Ministry": never a person's name


SPEECH_LEXICON = "speech_verbs.yaml"
VERB_USES = ("quote", "clause", "figure", "charge")
TITLE_USES = ("name", "label")


@lru_cache(maxsize=4)
def load_lexicon() -> Lexicon:
    data = read_yaml(SPEECH_LEXICON)
    verbs = _uses(data["speech_verbs"], VERB_USES, "speech_verbs")
    titles = _uses(data["titles"], TITLE_USES, "titles")
    return Lexicon(
        speech_verbs=verbs["quote"],
        reported_speech_verbs=verbs["clause"],
        titles=titles["name"],
        title_cues=frozenset(data["title_cues"]),
        figure_verbs=verbs["figure"],
        label_titles=titles["label"],
        occasions=frozenset(data.get("occasions") or ()),
        family_name_particles=tuple(data.get("family_name_particles") or ()),
        charge_verbs=verbs["charge"],
        person_nouns=frozenset(data.get("person_nouns") or ()),
        organisation_nouns=frozenset(data.get("organisation_nouns") or ()),
        one_holder_roles=frozenset(data.get("one_holder_roles") or ()),
        institution_nouns=frozenset(data.get("institution_nouns") or ()),
    )


def _uses(entries: dict[str, list[str]], known: tuple[str, ...], section: str) -> dict[str, frozenset[str]]:
    """`{word: [uses]}` turned round into `{use: words}`; a misspelt use is an error, not a silently lost word."""
    words: dict[str, set[str]] = {use: set() for use in known}
    for word, uses in entries.items():
        for use in uses or []:
            if use not in words:
                raise DataFileError(SPEECH_LEXICON, f"{section}: '{word}' has unknown use '{use}' "
                                                    f"(use {', '.join(known)})")
            words[use].add(str(word))
    return {use: frozenset(found) for use, found in words.items()}


@dataclass(frozen=True)
class Speaker:
    name: str | None  # canonical full name of a person, None when no person is named
    org: str | None  # role, organisation or description as the text gives it


def split_title(name: str, titles: frozenset[str]) -> tuple[str, str | None]:
    """("President Donald Trump") -> ("Donald Trump", "President"): ranks and titles become the role."""
    words = _POSSESSIVE.sub("", name.strip()).split()
    role: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        role.append(words.pop(0))
    return " ".join(words), (" ".join(role) or None)


def family_key(name: str, particles: tuple[str, ...] = ()) -> str:
    """The family name that identifies a person within a document, without a glued particle ("al-")."""
    key = name.split()[-1].lower() if name.split() else ""
    for particle in particles:
        if key.startswith(particle) and len(key) > len(particle):
            return key[len(particle):]
    return key


@dataclass
class PersonMention:
    start: int  # character offset of the mention
    name: str  # canonical name
    role: str | None
    salient: bool  # a subject or a speaker: what a later "he" most likely points back to


class People:
    """The persons one document names, in text order, with their fullest names."""

    def __init__(self, doc: Doc, lexicon: Lexicon):
        self.lexicon = lexicon
        self.mentions: list[PersonMention] = []
        self.unnamed: list[tuple[int, str]] = []  # (offset, description) of unnamed persons who spoke
        self._full: dict[str, str] = {}
        surface = [(ent, *split_title(ent.text, lexicon.titles)) for ent in entities(doc)
                   if ent.label_ == "PERSON" and not group_name(ent)]
        for _, name, _ in surface:
            if _plausible_name(name):
                key = self._key(name)
                if len(name.split()) > len(self._full.get(key, "").split()):
                    self._full[key] = name
        for ent, name, title in surface:
            if _plausible_name(name):
                role = title or role_before(ent, lexicon)
                salient = _is_subject(ent.root)
                self.mentions.append(PersonMention(ent.start_char, self.canonical(name), role, salient))
        self._add_untagged_described_names(doc)
        self._add_subject_mentions(doc)
        self.mentions.sort(key=lambda m: m.start)

    def _add_untagged_described_names(self, doc: Doc) -> None:
        """'Jane Doe, a 40-year-old teacher from the city, said': a two-word name the tagger left unlabelled,
        as a subject described in apposition by a noun for a person (or a nationality), is a person."""
        for token in tokens_with_dep(doc, _SUBJECTS):
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.ent_type_:
                continue
            first = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
            described = any(c.dep_ == "appos" and (c.lower_ in self.lexicon.person_nouns or c.ent_type_ == "NORP")
                            for c in token.children)
            if len(first) != 1 or not described or not (first[0].is_title and token.is_title):
                continue
            name = f"{first[0].text} {token.text}"
            if self._key(name) not in self._full:
                self._full[self._key(name)] = name
                self.mentions.append(PersonMention(first[0].idx, name, None, True))

    def _add_subject_mentions(self, doc: Doc) -> None:
        """Subjects that name a person without a PERSON entity ('Pompeo said', 'the President slammed')."""
        for token in tokens_with_dep(doc, _SUBJECTS_AND_OWNERS):
            if token.dep_ == "poss" and token.ent_type_ != "PERSON" and token.text[:1].isupper():
                # "Trump's announcement", mis-tagged: a mention a pronoun in the same sentence may mean
                owner = self._full.get(self._key(token.text))
                if owner is not None:
                    self.mentions.append(PersonMention(token.idx, owner, self.role_of(owner), False))
                continue
            if token.dep_ not in ("nsubj", "nsubjpass") or token.ent_type_ == "PERSON":
                continue
            known = self.known_person(token) or self._named_in_apposition(token)
            if known is not None:
                self.mentions.append(PersonMention(token.idx, known, self.role_of(known), True))
                continue
            definite = any(c.lower_ == "the" for c in token.children if c.dep_ == "det")
            if definite and token.tag_ in ("NN", "NNP") and token.lower_ in self.lexicon.titles:
                described = self.person_with_role(token.lower_, token.idx)
                if described is not None:
                    self.mentions.append(PersonMention(token.idx, described.name, described.role, True))

    def _named_in_apposition(self, subject: Token) -> str | None:
        """'Ghani's adviser, Omer, said': the subject is the person named beside it, even untagged."""
        for child in subject.children:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                known = self.known_person(child)
                if known is not None:
                    return known
        return None

    def _key(self, name: str) -> str:
        return family_key(name, self.lexicon.family_name_particles)

    def canonical(self, name: str) -> str:
        return self._full.get(self._key(name), name)

    def known_person(self, token: Token) -> str | None:
        """A proper noun (even one the tagger took for an organisation or a common noun) that is a known
        person's family name."""
        if not token.text[:1].isupper() or not (token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.is_title):
            return None
        return self._full.get(self._key(token.text.removesuffix("'s").removesuffix("’s")))

    def role_of(self, name: str) -> str | None:
        for mention in self.mentions:
            if mention.name == name and mention.role:
                return mention.role
        return None

    def last_person_before(self, position: int) -> PersonMention | None:
        candidates = [m for m in self.mentions if m.start < position]
        salient = [m for m in candidates if m.salient]
        pool = salient or candidates
        return pool[-1] if pool else None

    def note_unnamed_speaker(self, position: int, description: str) -> None:
        self.unnamed.append((position, description))
        self.unnamed.sort()

    def last_unnamed_speaker_after(self, start: int, position: int) -> str | None:
        """The description of the last unnamed person who spoke between start and position, if any."""
        found = [d for at, d in self.unnamed if start <= at < position]
        return found[-1] if found else None

    def person_with_role(self, word: str, position: int, qualifiers: tuple[str, ...] = ()) -> PersonMention | None:
        """The last person before position whose role has the word; with qualifiers ("Afghan" of "the
        Afghan president"), the last whose role has them too, if any does."""
        word = word.lower()
        holders = [m for m in reversed([m for m in self.mentions if m.start < position])
                   if m.role and word in m.role.lower().replace(".", "").split()]
        wanted = {q.lower() for q in qualifiers}
        qualified = [m for m in holders if wanted <= set((m.role or "").lower().replace(".", "").split())]
        return (qualified or holders or [None])[0]

    def note_speaker(self, position: int, speaker: Speaker) -> None:
        if speaker.name:
            self.mentions.append(PersonMention(position, speaker.name, speaker.org, True))
            self.mentions.sort(key=lambda m: m.start)


def _is_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("the envoy, Jane Doe, said"); not a name inside an
    object or a title phrase ("met the prime minister, John Roe"), which a later "he" rarely means."""
    if token.dep_ == "appos":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def group_name(ent: Span) -> bool:
    """'the Houthis': a name with an article (or a plural) is a group, not a person."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return ent.root.tag_ == "NNPS" or (before is not None and before.lower_ == "the")


def _plausible_name(name: str) -> bool:
    return bool(name) and name[0].isupper() and not any(c.isdigit() for c in name)


def role_before(ent: Span, lexicon: Lexicon) -> str | None:
    """Title words in front of a name inside its noun phrase ("Defense Secretary" Mark Esper)."""
    words: list[str] = []
    for token in ent.root.lefts:
        if token.i >= ent.start:
            continue
        if token.dep_ in ("compound", "amod", "nmod") or token.pos_ == "PROPN":
            words.append(" ".join(t.text for t in token.subtree))
    return " ".join(words) or None


def noun_phrase(token: Token) -> str:
    """The words of a subject without relative clauses or appositions ('a spokeswoman for the governor')."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "appos", "punct", "acl", "cc", "conj"):
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    start, end = keep[0].i, keep[-1].i + 1
    # A comma ends the description: what follows it ("..., where the attack took place") is narrative.
    return token.doc[start:end].text.split(",")[0].strip()
