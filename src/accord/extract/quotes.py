"""accord_quotes: who said what, and when, into `doc._.quotes`.

Direct quotes are the spans inside quotation marks (`quote_marks`); reported
speech is the clause a speech verb governs ("X said that Y": the ccomp of the
verb, or the clause around "according to X"). Each quote is attributed to the
subject of the nearest speech verb outside the quoted words; pronouns and
descriptions ("he", "the spokesman") point back to an earlier person, and a
quote with no attribution of its own continues the previous speaker's words.
`said_on` comes from the DATE entities of the attribution, resolved against
the publication date by the shared time module ("the statement said" takes the
day of the statement mentioned before; an undated article's weekday, the one full
date written in it that falls on that weekday).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from accord.extract.quote_marks import QuotedSpan, find_quoted_spans, paragraphs
from accord.extract.speakers import (
    GROUP_PRONOUNS,
    ORG_LABELS,
    PERSON_PRONOUNS,
    TRANSCRIPT_LABEL,
    Lexicon,
    People,
    Speaker,
    group_name,
    load_lexicon,
    noun_phrase,
    split_title,
)
from accord.extract.time import resolve
from accord.models import Quote

SUBJECTS = ("nsubj", "nsubjpass")
# Heads of a subject that carry someone else's words ("a statement from the Taliban said").
CARRIERS = {"statement", "tweet", "message", "letter", "post", "report", "release", "communique"}
CARRIER_PREPS = {"from", "by", "of", "for"}
# A reported clause more than half in quotation marks is recorded only as its direct quotes; one that
# mostly has the writer's words around a quoted fragment is both (the gold records both: measured 0.3 -> 0.5
# gave tune e2e 0.810 -> 0.822, check 0.885 -> 0.887; 0.0, "fragment only", gave check 0.871).
QUOTED_SHARE_MAX = 0.5
SHORT_QUOTE_WORDS = 4  # shorter quotes need an attribution of their own (else: scare quotes, names)
_WORD = re.compile(r"\w+")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


@dataclass
class Attribution:
    speaker: Speaker | None
    verb: Token | None  # the speech verb (or root verb) the speaker was found through
    own: bool  # found in the quote's own sentence(s), not borrowed from a neighbour


@Language.factory("accord_quotes")
def make_component(nlp: Language, name: str):
    return QuoteExtractor(load_lexicon())


class QuoteExtractor:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon)
        return doc


def extract_quotes(doc: Doc, lexicon: Lexicon) -> list[Quote]:
    people = People(doc, lexicon)
    spans = [s for s in find_quoted_spans(doc.text) if not _is_title(doc.text, s, lexicon)]
    _note_unnamed_speakers(doc, spans, people, lexicon)
    direct = _direct_quotes(doc, spans, people, lexicon)
    reported = [] if is_transcript(doc.text) else _reported_speech(doc, spans, people, lexicon)
    quotes = sorted(direct + reported, key=lambda q: (q.start, not q.direct))
    _name_introduced_speakers(doc, quotes, people, lexicon)
    _date_the_statement_mentioned_before(doc, quotes)
    _speaker_of_the_statement_mentioned_before(doc, quotes, spans, people, lexicon)
    _name_described_organisation(doc, quotes, lexicon)
    return _inherit_said_on(quotes, _statement_days(doc, spans, people, lexicon))


def _note_unnamed_speakers(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> None:
    """Subjects of speech verbs that describe one person without naming them ("a police officer said")."""
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.speech_verbs or _in_spans(token.idx, spans):
            continue
        subject = _subject(token)
        if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN" or _in_spans(subject.idx, spans):
            continue
        if subject.lower_ not in lexicon.person_nouns and subject.lower_ not in lexicon.titles:
            continue
        speaker = resolve_speaker(subject, people, lexicon)
        if speaker is not None and speaker.name is None and speaker.org:
            people.note_unnamed_speaker(subject.idx, speaker.org)


def _name_described_organisation(doc: Doc, quotes: list[Quote], lexicon: Lexicon) -> None:
    """'the militant group said': the organisation the article is about, when that is unambiguous.

    It must be the only organisation quoted by name and the one the article names most often.
    """
    mentions = Counter(_strip_article(e.text) for e in doc.ents if e.label_ in ("ORG", "NORP"))
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


def _name_introduced_speakers(doc: Doc, quotes: list[Quote], people: People, lexicon: Lexicon) -> None:
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
        subject = _subject(following.root)
        ent = _entity_of(subject) if subject is not None else None
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


def roles_conflict(description: str | None, role: str | None) -> bool:
    """Same role noun, different named qualifiers: 'a spokesman for Ghani' vs 'a spokesman for Abdullah'."""
    described, held = _WORD.findall(description or ""), _WORD.findall(role or "")
    if not described or not held:
        return False
    nouns = {w.lower() for w in described} & {w.lower() for w in held}
    qualifiers = {w for w in described if w[0].isupper()} - {described[0]}
    return bool(nouns) and bool(qualifiers) and not qualifiers & set(held)


# --- direct quotes ------------------------------------------------------------


def _direct_quotes(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> list[Quote]:
    quotes: list[Quote] = []
    previous: tuple[QuotedSpan, Speaker | None] | None = None
    paragraph_of = _paragraph_index(doc.text)
    for index, span in enumerate(spans):
        sentences = _sentences_over(doc, span.start, span.end)
        found = _attribute(doc, span, sentences, spans, people, lexicon)
        if found.speaker is None:
            found = _borrowed_speaker(doc, span, spans, index, previous, paragraph_of, people, lexicon)
            if found.speaker is None and _word_count(doc.text[span.start:span.end]) <= SHORT_QUOTE_WORDS:
                continue  # a scare quote or a name, not someone's words
        speaker = found.speaker
        if speaker and speaker.name:
            people.note_speaker(span.start, speaker)
        if found.verb is not None and found.verb.sent not in sentences:
            sentences = [found.verb.sent]  # the attribution is in the paragraph before
        said_on = _said_on(doc, sentences, spans, found.verb, (span.start, span.end), lexicon.occasions)
        quotes.append(_quote(doc, span.start, span.end, True, speaker, said_on))
        previous = (span, speaker)
    return quotes


def _borrowed_speaker(doc: Doc, span: QuotedSpan, spans: list[QuotedSpan], index: int,
                      previous: tuple[QuotedSpan, Speaker | None] | None, paragraph_of: dict[int, int],
                      people: People, lexicon: Lexicon) -> Attribution:
    """A quote without attribution continues the previous speaker, or (a headline) introduces the next."""
    here = paragraph_of.get(span.start)
    if previous is not None:
        prev_span, prev_speaker = previous
        gap = here - paragraph_of.get(prev_span.start, -10) if here is not None else 99
        if gap == 0:
            return Attribution(prev_speaker, None, False)
    if _starts_paragraph(doc.text, span):
        introduced = _introduced_by_previous_paragraph(doc, span, spans, people, lexicon)
        if introduced.speaker is not None:
            return introduced
        if previous is not None and here is not None and here - paragraph_of.get(previous[0].start, -10) == 1:
            return Attribution(previous[1], None, False)
    if _whole_paragraph(doc.text, span) and index + 1 < len(spans):
        following = spans[index + 1]
        sentences = _sentences_over(doc, following.start, following.end)
        return Attribution(_attribute(doc, following, sentences, spans, people, lexicon).speaker, None, False)
    return Attribution(None, None, False)


def _introduced_by_previous_paragraph(doc: Doc, span: QuotedSpan, spans: list[QuotedSpan], people: People,
                                      lexicon: Lexicon) -> Attribution:
    """'X accused Y of meddling.' then a paragraph that is only a quote: X's words."""
    nobody = Attribution(None, None, False)
    line_start = doc.text.rfind("\n", 0, span.start)
    before = doc.text[:line_start].rstrip()
    if not before:
        return nobody
    last = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if last is None:
        return nobody
    root = last.sent.root
    if root.lemma_.lower() not in lexicon.speech_verbs or _in_spans(root.idx, spans):
        return nobody
    return Attribution(_speaker_of_verb(root, spans, people, lexicon), root, False)


def _attribute(doc: Doc, span: QuotedSpan, sentences: list[Span], spans: list[QuotedSpan], people: People,
               lexicon: Lexicon) -> Attribution:
    hiding = [s for s in spans if not (s.start <= span.start and s.end >= span.end) or s == span]
    outside = [t for sent in sentences for t in sent if not _in_spans(t.idx, hiding)]
    verbs = [t for t in outside if t.lemma_.lower() in lexicon.speech_verbs and t.pos_ in ("VERB", "AUX")]
    quote_tokens = [t for sent in sentences for t in sent if span.start <= t.idx < span.end]
    verbs.sort(key=lambda t: (not _governs(t, quote_tokens), _distance(t, span)))
    for verb in verbs:
        speaker = _speaker_of_verb(verb, hiding, people, lexicon)
        if speaker is not None:
            return Attribution(speaker, verb, True)
    according = [t for t in outside if t.lower_ == "according"]
    for token in according:
        speaker = _speaker_of_according(token, people, lexicon)
        if speaker is not None:
            return Attribution(speaker, token, True)
    for sent in sentences:
        root = sent.root
        if _in_spans(root.idx, spans):
            continue
        subject = _subject(root)
        if subject is not None and not _in_spans(subject.idx, spans):
            speaker = resolve_speaker(subject, people, lexicon)
            if speaker is not None:
                return Attribution(speaker, root, True)
    return Attribution(None, None, False)


def _governs(verb: Token, tokens: list[Token]) -> bool:
    return any(verb in t.ancestors for t in tokens[:3])


def _speaker_of_verb(verb: Token, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> Speaker | None:
    head = verb
    for _ in range(4):
        subject = _subject(head)
        if subject is not None and subject.tag_ in ("WP", "WDT") and head.dep_ == "relcl":
            subject = head.head  # "Warren, who said ...": the relative pronoun stands for the noun
        if subject is not None and subject.dep_ == "nsubjpass":
            subject = _agent(head) or subject  # "CNN was told by a source": the source speaks
        if subject is not None and not _in_spans(subject.idx, spans):
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
    if verb.dep_ == "pobj" or verb.dep_ == "pcomp" or parent.lemma_ in ("quote", "prompt", "lead", "cause", "ask"):
        grand = parent if parent.pos_ == "VERB" else parent.head
        for child in grand.children:
            if child.dep_ == "dobj":
                return child
    return None


def _speaker_of_according(token: Token, people: People, lexicon: Lexicon) -> Speaker | None:
    for to in token.children:
        if to.lower_ == "to":
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return resolve_speaker(obj, people, lexicon)
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a dateline "(CNN)" parsed as a second subject), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


# --- speakers -------------------------------------------------------------------


def resolve_speaker(token: Token, people: People, lexicon: Lexicon) -> Speaker | None:
    """The speaker a subject noun stands for: a person, a description or an organisation."""
    lower = token.lower_
    if token.pos_ == "PRON":
        if lower in PERSON_PRONOUNS:
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
    ent = _entity_of(token)
    if ent is not None and ent.label_ == "PERSON" and not group_name(ent):
        name, title = split_title(ent.text, lexicon.titles)
        if name:
            canonical = people.canonical(name)
            role = title or _role_words(token, ent) or people.role_of(canonical)
            return Speaker(canonical, role)
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
        return Speaker(None, _strip_article(ent.text))
    if ent is None and token.pos_ == "PROPN" and token.lower_ not in lexicon.titles:
        # A bare proper noun subject the tagger left unlabelled ("Ghani dismissed ..."): a person's name.
        first = " ".join(t.text for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN")
        name, title = split_title(f"{first} {token.text}", lexicon.titles)
        return Speaker(people.canonical(name), title)
    described = _described_person(token, people)
    if described is not None:
        return described
    return Speaker(None, noun_phrase(token))


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
    mention = people.person_with_role(token.lower_, token.idx)
    return Speaker(mention.name, mention.role) if mention else None


def _entity_of(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _appositive_person(token: Token) -> Span | None:
    for child in token.children:
        if child.dep_ in ("appos", "compound"):
            ent = _entity_of(child)
            if ent is not None and ent.label_ == "PERSON":
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


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


# --- reported speech ---------------------------------------------------------------


def _reported_speech(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> list[Quote]:
    quotes: list[Quote] = []
    for token in doc:
        if _in_spans(token.idx, spans):
            continue
        content = None
        speaker = None
        if token.lemma_.lower() in lexicon.reported_speech_verbs and token.pos_ == "VERB":
            clause = _reported_clause(token)
            if clause is not None:
                content = _clause_span(clause)
            elif token.lemma_.lower() in lexicon.charge_verbs:
                content = _charge_span(token)
            if content is None:
                continue
            speaker = _speaker_of_verb(token, spans, people, lexicon)
        elif token.lower_ == "according":
            content = _around_according(token)
            speaker = _speaker_of_according(token, people, lexicon)
        if content is None or not _is_reported_content(doc, content, spans):
            continue
        start, end = content
        said_on = _said_on(doc, [token.sent], spans, token, (start, end), lexicon.occasions)
        quotes.append(_quote(doc, start, end, False, speaker, said_on))
    return quotes


def _reported_clause(verb: Token) -> Token | None:
    """The ccomp of a speech verb, or a 'that' clause the parser hung a little lower ('said recently that')."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    frontier = [c for c in verb.children if c.dep_ in ("advmod", "prep", "agent", "npadvmod")]
    for _ in range(3):
        next_frontier = []
        for node in frontier:
            for child in node.children:
                if child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                    return child
                next_frontier.append(child)
        frontier = next_frontier
    return None


def _clause_span(clause: Token) -> tuple[int, int] | None:
    if clause.pos_ not in ("VERB", "AUX") or any(t.tag_ in ("WRB", "WP") or t.lower_ in ("whether", "if")
                                                  for t in clause.subtree if t.i < clause.i and t.dep_ != "nsubj"):
        return None  # a small clause ("declared the deal dead") or an indirect question ("asked when ...")
    trailing = [c for c in clause.rights if c.dep_ == "advcl" and c.tag_ == "VBG"]
    cut = min((t.left_edge.i for t in trailing), default=None)  # ", leaving unclear ..." is the writer's gloss
    tokens = [t for t in clause.subtree if cut is None or t.i < cut]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return _trimmed_offsets(tokens)


def _charge_span(verb: Token) -> tuple[int, int] | None:
    """'accused Russia on Thursday of seeking war': the accused and the charge, object to the end of 'of'."""
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if accused is None:
        return None
    # the parser hangs "of" on the verb or on its object
    charge = next((c for c in [*verb.children, *accused.children]
                   if c.dep_ == "prep" and c.lower_ == "of" and c.i > accused.i), None)
    if charge is None or not any(c.dep_ in ("pcomp", "pobj") for c in charge.children):
        return None
    return _trimmed_offsets(list(verb.doc[accused.left_edge.i:charge.right_edge.i + 1]))


def _trimmed_offsets(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a clause without its edge punctuation; None when too short to be a statement."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _around_according(token: Token) -> tuple[int, int] | None:
    """The clause an 'according to X' phrase is attached to, without the phrase itself."""
    sent = token.sent
    phrase = list(token.subtree)
    first, last = phrase[0].i, phrase[-1].i
    if first <= sent.start + 1:  # "According to X, ..."
        tokens = [t for t in sent if t.i > last]
    else:  # "..., according to X." or "..., according to X, because ..."
        tokens = [t for t in sent if t.i < first]
    return _trimmed_offsets(tokens)


def _is_reported_content(doc: Doc, content: tuple[int, int] | None, spans: list[QuotedSpan]) -> bool:
    """A clause, mostly not in quotation marks (those words are recorded as direct quotes)."""
    if content is None:
        return False
    start, end = content
    if "\n" in doc.text[start:end]:
        return False
    quoted = sum(max(0, min(end, s.end) - max(start, s.start)) for s in spans)
    return quoted <= QUOTED_SHARE_MAX * (end - start)


# --- said_on --------------------------------------------------------------------------


def _said_on(doc: Doc, sentences: list[Span], spans: list[QuotedSpan], verb: Token | None,
             exclude: tuple[int, int], occasions: frozenset[str] = frozenset()) -> str | None:
    """The day from a time cue of the attribution (outside the quoted or reported words)."""
    published = doc._.published
    cues = [ent for sent in sentences for ent in sent.ents
            if ent.label_ == "DATE" and not _in_spans(ent.start_char, spans)
            and not exclude[0] <= ent.start_char < exclude[1]]
    if verb is None:
        return None
    # Only a cue that modifies the speech verb dates the words; one inside the reported clause dates its content.
    cues = [ent for ent in cues if _attached_to(ent, verb, occasions)]
    for ent in cues:
        value = resolve(ent.text, published)
        if value is not None and value.precision == "day":
            return value.iso
        if published is None:
            written = _weekday_of_a_written_date(doc, ent)
            if written is not None:
                return written
    return None


def _weekday_of_a_written_date(doc: Doc, cue: Span) -> str | None:
    """Undated article: 'on Saturday' is the one full date written elsewhere in it that falls on a Saturday.

    (An embedded tweet's 'September 7, 2019'.) Two such dates leave the day unknown.
    """
    if not _WEEKDAY.search(cue.text):
        return None
    matches = set()
    for ent in doc.ents:
        if ent.label_ != "DATE" or ent == cue:
            continue
        written = resolve(ent.text, None)
        if written is None or written.precision != "day":
            continue
        on_that_weekday = resolve(cue.text, written.iso)
        if on_that_weekday is not None and on_that_weekday.iso == written.iso:
            matches.add(written.iso)
    return matches.pop() if len(matches) == 1 else None


def _attached_to(ent: Span, verb: Token, occasions: frozenset[str] = frozenset()) -> bool:
    """The cue modifies the speech verb, not a clause under it ("said the attack on Monday ...").

    Two ways in besides plain modifiers: the occasion the words were said at ("in a column
    published Wednesday, X said") and a participle in front of the verb ("Speaking on Sunday,
    X said").
    """
    node = ent.root
    for _ in range(5):
        if node.head is node or node.dep_ in ("ccomp", "relcl"):
            return False
        if node.dep_ == "acl" and node.head.lemma_.lower() not in occasions:
            return False
        if node.dep_ == "advcl" and not (node.head == verb and node.tag_ in ("VBG", "VBN") and node.i < verb.i):
            return False
        node = node.head
        if node == verb:
            return True
    return False


def _speaker_of_the_statement_mentioned_before(doc: Doc, quotes: list[Quote], spans: list[QuotedSpan],
                                               people: People, lexicon: Lexicon) -> None:
    """'X tweeted that ...' then '..., according to the tweet.': the tweet is X's.

    Only through a verb of the same word: a noun mention ("in a statement") may be a
    different statement than the one the speaker made (measured: taking it lost a check quote).
    """
    for quote in quotes:
        carrier = _definite_carrier(quote.speaker_org)
        if quote.speaker or carrier is None:
            continue
        own = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if own is None:
            continue
        mention = next((t for t in reversed(doc[:own.sent.start]) if t.lemma_.lower() == carrier
                        and not _in_spans(t.idx, spans)), None)
        if mention is None or mention.pos_ != "VERB":
            continue
        author = _speaker_of_verb(mention, spans, people, lexicon)
        if author is not None and (author.name or author.org) and _definite_carrier(author.org) is None:
            quote.speaker, quote.speaker_org = author.name, author.org


def _date_the_statement_mentioned_before(doc: Doc, quotes: list[Quote]) -> None:
    """'The statement also said ...': the statement last mentioned before, said when that sentence's words were."""
    for quote in quotes:
        carrier = _definite_carrier(quote.speaker_org)
        if quote.said_on or quote.speaker or carrier is None:
            continue
        own = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if own is None:
            continue
        mention = next((t for t in reversed(doc[:own.sent.start]) if t.lemma_.lower() == carrier), None)
        if mention is None:
            continue
        sentence = mention.sent
        earlier = [q.said_on for q in quotes
                   if q.said_on and q.start < sentence.end_char and q.end > sentence.start_char]
        if earlier:
            quote.said_on = earlier[0]


def _definite_carrier(speaker_org: str | None) -> str | None:
    words = (speaker_org or "").lower().split()
    if len(words) == 2 and words[0] == "the" and words[1] in CARRIERS:
        return words[1]
    return None


@dataclass(frozen=True)
class StatementDay:
    """'On Thursday, the minister said ...' (quoted or not): the day a speaker's statement was made."""

    start: int
    key: tuple[str | None, str | None]
    day: str


def _speaker_key(name: str | None, org: str | None) -> tuple[str | None, str | None]:
    return name, None if name else org


def _statement_days(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> list[StatementDay]:
    """Every speech verb outside quotation marks whose own time cue gives a day, with its speaker."""
    days: list[StatementDay] = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.speech_verbs or _in_spans(token.idx, spans):
            continue
        if not any(ent.label_ == "DATE" for ent in token.sent.ents):
            continue
        day = _said_on(doc, [token.sent], spans, token, (token.idx, token.idx), lexicon.occasions)
        if day is None:
            continue
        speaker = _speaker_of_verb(token, spans, people, lexicon)
        if speaker is not None and (speaker.name or speaker.org):
            days.append(StatementDay(token.idx, _speaker_key(speaker.name, speaker.org), day))
    return days


def _inherit_said_on(quotes: list[Quote], statements: list[StatementDay] = ()) -> list[Quote]:
    """A quote without a time cue continues its speaker's last dated statement, said the same day.

    The statement may be a quote or a sentence that introduces the speaker without quoting
    ("X on Thursday acknowledged the risks." then "..., he said"); a later day replaces it.
    """
    last: dict[tuple[str | None, str | None], str] = {}
    pending = sorted(statements, key=lambda d: d.start)
    for quote in quotes:
        while pending and pending[0].start < quote.start:
            statement = pending.pop(0)
            last[statement.key] = statement.day
        key = _speaker_key(quote.speaker, quote.speaker_org)
        if quote.said_on:
            last[key] = quote.said_on
        elif key in last and (quote.speaker or quote.speaker_org):
            quote.said_on = last[key]
    return quotes


# --- helpers --------------------------------------------------------------------------


def _quote(doc: Doc, start: int, end: int, direct: bool, speaker: Speaker | None, said_on: str | None) -> Quote:
    return Quote(doc=doc._.doc_id, text=doc.text[start:end], direct=direct,
                 speaker=speaker.name if speaker else None, speaker_org=speaker.org if speaker else None,
                 said_on=said_on, start=start, end=end)


def _sentences_over(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.sents if s.start_char < end and s.end_char > start]


def _in_spans(position: int, spans: list[QuotedSpan]) -> bool:
    return any(s.start <= position < s.end for s in spans)


def _distance(token: Token, span: QuotedSpan) -> int:
    if token.idx >= span.end:
        return token.idx - span.end
    return max(0, span.start - token.idx)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _paragraph_index(text: str) -> dict[int, int]:
    """Paragraph number of every character offset that starts a quoted span (lazy: all offsets)."""
    index: dict[int, int] = {}
    for number, (lo, hi) in enumerate(paragraphs(text)):
        for offset in range(lo, hi + 1):
            index[offset] = number
    return index


def _starts_paragraph(text: str, span: QuotedSpan) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    return len(text[line_start:span.start].strip()) <= 1


def _whole_paragraph(text: str, span: QuotedSpan) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    return len(text[line_start:span.start].strip()) <= 1 and len(text[span.end:line_end].strip()) <= 1


def _is_title(text: str, span: QuotedSpan, lexicon: Lexicon) -> bool:
    """Titles and nicknames in quotation marks: a cue word before, or a short Title Case name."""
    before = text[max(0, span.start - 30):span.start - 1].lower()
    words = _WORD.findall(before)
    if words and (words[-1] in lexicon.title_cues or " ".join(words[-2:]) in lexicon.title_cues):
        return True
    quoted = _WORD.findall(text[span.start:span.end])
    if 2 <= len(quoted) <= 6 and all(w[0].isupper() for w in quoted if len(w) > 3) \
            and not re.search(r"[.,!?;:]$", text[span.start:span.end]) and not span.single:
        return True
    return False


def is_transcript(text: str) -> bool:
    """Press-briefing or remarks transcripts ("THE PRESIDENT: ...") are not themselves quotes."""
    return len(TRANSCRIPT_LABEL.findall(text)) >= 3
