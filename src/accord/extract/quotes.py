"""accord_quotes: who said what, and when, into `doc._.quotes`.

Direct quotes are the spans inside quotation marks (`quote_marks`); reported
speech is the clause a speech verb governs ("X said that Y": the ccomp of the
verb, or the clause around "according to X"). Each quote is attributed to the
subject of the nearest speech verb outside the quoted words; pronouns and
descriptions ("he", "the spokesman") point back to an earlier person, and a
quote with no attribution of its own continues the previous speaker's words.
Who a verb's subject is: `attribution`; `said_on`: `said_on`; speakers that
only the rest of the article identifies: `discourse`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from accord.extract.attribution import resolve_speaker, speaker_of_according, speaker_of_verb, subject_of
from accord.extract.discourse import (
    name_described_organisation,
    name_introduced_speakers,
    name_role_holders,
    note_unnamed_speakers,
    speaker_of_the_statement_mentioned_before,
)
from accord.extract.doc_cache import sentences, text_of
from accord.extract.quote_marks import QuotedSpan, find_quoted_spans, in_spans, paragraphs
from accord.extract.said_on import (
    date_quotes_after_a_dated_occasion,
    date_the_statement_mentioned_before,
    day_of_attribution,
    inherit_said_on,
    statement_days,
)
from accord.extract.speakers import TRANSCRIPT_LABEL, Lexicon, People, Speaker, load_lexicon
from accord.models import Quote

# A reported clause more than half in quotation marks is recorded only as its direct quotes; one that
# mostly has the writer's words around a quoted fragment is both (the gold records both: measured 0.3 -> 0.5
# gave tune e2e 0.810 -> 0.822, check 0.885 -> 0.887; 0.0, "fragment only", gave check 0.871).
QUOTED_SHARE_MAX = 0.5
SHORT_QUOTE_WORDS = 4  # shorter quotes need an attribution of their own (else: scare quotes, names)
_WORD = re.compile(r"\w+")


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
    spans = [s for s in find_quoted_spans(text_of(doc)) if not _is_title(text_of(doc), s, lexicon)]
    note_unnamed_speakers(doc, spans, people, lexicon)
    direct = _direct_quotes(doc, spans, people, lexicon)
    reported = [] if is_transcript(text_of(doc)) else _reported_speech(doc, spans, people, lexicon)
    quotes = sorted(direct + reported, key=lambda q: (q.start, not q.direct))
    name_introduced_speakers(doc, quotes, people, lexicon)
    name_role_holders(quotes, people, lexicon)
    date_the_statement_mentioned_before(doc, quotes)
    date_quotes_after_a_dated_occasion(doc, quotes, spans, lexicon.occasions)
    speaker_of_the_statement_mentioned_before(doc, quotes, spans, people, lexicon)
    name_described_organisation(doc, quotes, lexicon)
    return inherit_said_on(quotes, statement_days(doc, spans, people, lexicon))



# --- direct quotes ------------------------------------------------------------


def _direct_quotes(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> list[Quote]:
    quotes: list[Quote] = []
    previous: tuple[QuotedSpan, Speaker | None] | None = None
    paragraph_of = _paragraph_index(text_of(doc))
    for index, span in enumerate(spans):
        sentences = _sentences_over(doc, span.start, span.end)
        found = _attribute(doc, span, sentences, spans, people, lexicon)
        if found.speaker is None:
            found = _borrowed_speaker(doc, span, spans, index, previous, paragraph_of, people, lexicon)
            if found.speaker is None and _word_count(text_of(doc)[span.start:span.end]) <= SHORT_QUOTE_WORDS:
                continue  # a scare quote or a name, not someone's words
        speaker = found.speaker
        if speaker and speaker.name:
            people.note_speaker(span.start, speaker)
        if found.verb is not None and found.verb.sent not in sentences:
            sentences = [found.verb.sent]  # the attribution is in the paragraph before
        said_on = day_of_attribution(doc, sentences, spans, found.verb, (span.start, span.end), lexicon.occasions)
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
    if _starts_paragraph(text_of(doc), span):
        introduced = _introduced_by_previous_paragraph(doc, span, spans, people, lexicon)
        if introduced.speaker is not None:
            return introduced
        if previous is not None and here is not None and here - paragraph_of.get(previous[0].start, -10) == 1:
            return Attribution(previous[1], None, False)
    if _whole_paragraph(text_of(doc), span) and index + 1 < len(spans):
        following = spans[index + 1]
        sentences = _sentences_over(doc, following.start, following.end)
        return Attribution(_attribute(doc, following, sentences, spans, people, lexicon).speaker, None, False)
    return Attribution(None, None, False)


def _introduced_by_previous_paragraph(doc: Doc, span: QuotedSpan, spans: list[QuotedSpan], people: People,
                                      lexicon: Lexicon) -> Attribution:
    """'X accused Y of meddling.' then a paragraph that is only a quote: X's words."""
    nobody = Attribution(None, None, False)
    line_start = text_of(doc).rfind("\n", 0, span.start)
    before = text_of(doc)[:line_start].rstrip()
    if not before:
        return nobody
    last = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if last is None:
        return nobody
    root = last.sent.root
    if root.lemma_.lower() not in lexicon.speech_verbs or in_spans(root.idx, spans):
        return nobody
    return Attribution(speaker_of_verb(root, spans, people, lexicon), root, False)


def _attribute(doc: Doc, span: QuotedSpan, sentences: list[Span], spans: list[QuotedSpan], people: People,
               lexicon: Lexicon) -> Attribution:
    hiding = [s for s in spans if not (s.start <= span.start and s.end >= span.end) or s == span]
    outside = [t for sent in sentences for t in sent if not in_spans(t.idx, hiding)]
    verbs = [t for t in outside if t.lemma_.lower() in lexicon.speech_verbs and t.pos_ in ("VERB", "AUX")]
    quote_tokens = [t for sent in sentences for t in sent if span.start <= t.idx < span.end]
    verbs.sort(key=lambda t: (not _governs(t, quote_tokens), _distance(t, span)))
    for verb in verbs:
        speaker, verb = _reporter_or_speaker(span, verb, verbs, hiding, people, lexicon)
        if speaker is not None:
            return Attribution(speaker, verb, True)
    according = [t for t in outside if t.lower_ == "according"]
    for token in according:
        speaker = speaker_of_according(token, people, lexicon)
        if speaker is not None:
            return Attribution(speaker, token, True)
    for sent in sentences:
        root = sent.root
        if in_spans(root.idx, spans):
            continue
        subject = subject_of(root)
        if subject is not None and not in_spans(subject.idx, spans):
            speaker = resolve_speaker(subject, people, lexicon)
            if speaker is not None:
                return Attribution(speaker, root, True)
    return Attribution(None, None, False)


def _speaker_between(span: QuotedSpan, verb: Token, people: People, lexicon: Lexicon) -> Speaker | None:
    """'"...," a council member, Jane Doe, said.': the parser left "said" without a subject and hung
    the words between the closing mark and the verb on the quote; they are the speaker."""
    if subject_of(verb) is not None or verb.idx < span.end:
        return None
    between = [t for t in verb.doc[:verb.i] if t.idx >= span.end and not t.is_punct and not t.is_space]
    if not between or len(between) > 12 or between[0].idx > span.end + 3:
        return None
    names = [t for t in between if t.ent_type_ == "PERSON"]
    if names:
        return resolve_speaker(names[-1], people, lexicon)
    nouns = [t for t in between if t.pos_ in ("NOUN", "PROPN") and not (between[0].i <= t.head.i < verb.i
                                                                         and t.head.pos_ in ("NOUN", "PROPN"))]
    return resolve_speaker(nouns[0], people, lexicon) if nouns else None


def _reporter_or_speaker(span: QuotedSpan, verb: Token, verbs: list[Token], spans: list[QuotedSpan],
                         people: People, lexicon: Lexicon) -> tuple[Speaker | None, Token]:
    """The reporter of a quote inside a reported clause, unless only the inner speaker is a named person
    ("X's office said he told Y the move “...”": his words, relayed by an office)."""
    outer = _reporting_verb(verb, verbs)
    speaker = speaker_of_verb(outer, spans, people, lexicon) or _speaker_between(span, outer, people, lexicon)
    if outer is not verb and (speaker is None or speaker.name is None) and subject_of(verb) is not None:
        inner = speaker_of_verb(verb, spans, people, lexicon)
        if inner is not None and inner.name:
            return inner, verb
    return speaker, outer


def _reporting_verb(verb: Token, speech_verbs: list[Token]) -> Token:
    """'X said Y told Z that "..."': words reported inside X's reported clause are X's to the reader."""
    node = verb
    for _ in range(6):
        if node.head is node:
            break
        inside_clause = node.dep_ == "ccomp"
        node = node.head
        if inside_clause and node in speech_verbs:
            return node
    return verb


def _governs(verb: Token, tokens: list[Token]) -> bool:
    return any(verb in t.ancestors for t in tokens[:3])



# --- reported speech ---------------------------------------------------------------


def _reported_speech(doc: Doc, spans: list[QuotedSpan], people: People, lexicon: Lexicon) -> list[Quote]:
    quotes: list[Quote] = []
    for token in doc:
        speech_verb = token.pos_ == "VERB" and token.lemma_.lower() in lexicon.reported_speech_verbs
        # The lexical test first: most tokens are neither a speech verb nor "according", and it is the cheaper one.
        if not (speech_verb or token.lower_ == "according") or in_spans(token.idx, spans):
            continue
        content = None
        speaker = None
        # "a source informed on the matter": a participle modifying a noun reports nothing
        if speech_verb and not _noun_modifying_participle(token):
            clause = _reported_clause(token)
            if clause is not None:
                content = _clause_span(clause)
            elif token.lemma_.lower() in lexicon.charge_verbs:
                content = _charge_span(token)
            else:
                content = _fronted_clause_span(token)
            if content is None:
                continue
            speaker = speaker_of_verb(token, spans, people, lexicon)
        elif token.lower_ == "according":
            content = _around_according(token)
            speaker = speaker_of_according(token, people, lexicon)
        if content is None or not _is_reported_content(doc, content, spans):
            continue
        start, end = content
        said_on = day_of_attribution(doc, [token.sent], spans, token, (start, end), lexicon.occasions)
        quotes.append(_quote(doc, start, end, False, speaker, said_on))
    return quotes


def _noun_modifying_participle(verb: Token) -> bool:
    """'a source informed on the matter': a bare participle (no subject, no auxiliary) modifying a noun."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


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


def _fronted_clause_span(verb: Token) -> tuple[int, int] | None:
    """'Troops left the town overnight, a spokesman said': the clause before the attribution.

    The parser often makes the attribution a conjunct of that clause instead of its governor;
    the attribution follows a comma and has a subject of its own (not "..., and officials said").
    """
    head = verb.head
    if verb.dep_ not in ("conj", "parataxis") or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(verb)
    if subject is None:
        return None
    edge = min(subject.left_edge.i, verb.i)
    if edge < 1 or verb.doc[edge - 1].text not in (",", "—", "–"):
        return None
    sent = verb.sent
    return _trimmed_offsets([t for t in sent if t.i < edge - 1])


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
    if "\n" in text_of(doc)[start:end]:
        return False
    quoted = sum(max(0, min(end, s.end) - max(start, s.start)) for s in spans)
    return quoted <= QUOTED_SHARE_MAX * (end - start)



# --- helpers --------------------------------------------------------------------------


def _quote(doc: Doc, start: int, end: int, direct: bool, speaker: Speaker | None, said_on: str | None) -> Quote:
    return Quote(doc=doc._.doc_id, text=text_of(doc)[start:end], direct=direct,
                 speaker=speaker.name if speaker else None, speaker_org=speaker.org if speaker else None,
                 said_on=said_on, start=start, end=end)


def _sentences_over(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in sentences(doc) if s.start_char < end and s.end_char > start]


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
