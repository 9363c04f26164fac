"""Who did what to whom: the actors of a trigger (subject/object, possessive or compound modifiers, "by"
phrases, the sentence's other actors as a last resort), the target of "came under attack", a threat's
addressee, and counts and fatalities."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from accord.extract.actors import ActorMention, actor_in_span
from accord.extract.doc_cache import entities, entities_in
from accord.extract.events.locations import SITE_PREPS, names_with_place_nouns, places_taken_for_people
from accord.extract.events.syntax import ADJUNCT_PREPS, governing_verb, span_of
from accord.extract.events.threats import ConditionalThreat
from accord.extract.events.triggers import FATALITY_VERBS
from accord.extract.places import country_with_capital
from accord.models import EventMention

ACTOR1_DEPS = {"nsubj", "agent", "poss", "compound", "amod", "nmod"}


# Reporting verbs whose subject relays a happening it did not do ("Reuters reported the attack").
SOURCE_VERBS = {"report", "say", "tell", "tweet", "write", "note", "confirm", "deny", "describe", "cite", "quote"}


# Verbs whose object is the target when an attack noun is their subject ("the blast hit a checkpoint").
TARGET_VERBS = {"hit", "strike", "target", "kill", "wound", "injure", "destroy", "damage", "level"}


ACTOR2_PREPS = {"with", "on", "against", "between", "to", "at"}


NUMBER_WORDS = {"dozen": 12.0, "a dozen": 12.0, "two dozen": 24.0, "dozens": 24.0, "hundreds": 200.0}


SPEECH_VERBS = {"say", "tell", "tweet", "claim", "announce", "add", "state", "write", "report", "note", "insist",
                "accord", "declare", "confirm", "deny"}


def actors_of(token: Token, mentions: list[ActorMention], sentence: Span) -> tuple[str | None, str | None]:
    places = {p.text for p in [*names_with_place_nouns(sentence), *places_taken_for_people(sentence)]}

    def named(phrase: Token | None) -> str | None:
        if phrase is None:
            return None
        span = span_of(phrase)
        found = _person_heading(span, mentions) or _government_by_capital(phrase, mentions) \
            or actor_in_span(span, mentions)
        return None if found in places else found  # "the town of Lashkar Gah" is where, never who

    actor1 = actor2 = None
    verb = token if token.pos_ in ("VERB", "AUX") else None
    for child in token.children:
        if child.dep_ in ACTOR1_DEPS and actor1 is None and child.i != token.i:
            actor1 = named(child if child.dep_ != "agent" else next(
                (g for g in child.children if g.dep_ == "pobj"), child))
        elif child.dep_ in ("dobj", "nsubjpass", "dative") and actor2 is None:
            actor2 = named(child)
        elif child.dep_ == "prep" and child.lemma_.lower() == "by" and actor1 is None:
            actor1 = named(next((g for g in child.children if g.dep_ == "pobj"), None))
        elif child.dep_ == "prep" and child.lemma_.lower() in ACTOR2_PREPS and actor2 is None:
            actor2 = named(next((g for g in child.children if g.dep_ == "pobj"), None))
        elif child.dep_ == "prep" and child.lower_ == "of" and verb is None and actor2 is None:
            # "a summit of Gulf states", "the killing of a soldier": who the happening is of, not a place
            actor2 = named(next((g for g in child.children if g.dep_ == "pobj"), None))
    guess_from_sentence = True
    if actor1 is None and verb is None:
        head_verb = governing_verb(token)
        if head_verb is not token:
            subject = next((c for c in head_verb.children if c.dep_ in ("nsubj", "agent")), None)
            if _beside_the_clause(token, head_verb) or _reports(head_verb):
                guess_from_sentence = False  # whoever else the sentence names did something else
            elif subject is not None:
                actor1 = named(subject)
    if actor2 is None and verb is None and token.dep_ == "nsubj" and token.head.lemma_.lower() in TARGET_VERBS:
        # "airstrikes hit the residence of X": what the attack noun's verb hits is the target.
        actor2 = named(next((c for c in token.head.children if c.dep_ == "dobj"), None))
    if actor1 is None and verb is not None and token.dep_ in ("conj", "xcomp", "advcl", "pcomp") \
            and not _has_own_subject(verb):
        # "X led lawmakers in demanding ...": a verb after a preposition shares the clause's subject.
        clause = token.head.head if token.dep_ == "pcomp" else token.head
        actor1 = named(next((c for c in clause.children if c.dep_ == "nsubj"), None))
    if actor1 is None and guess_from_sentence:
        doc = sentence.doc
        inside = [m.actor.name for m in mentions if m.start >= sentence.start and m.end <= sentence.end
                  and not _is_speaker(doc[m.end - 1]) and not names_the_site(doc[m.start:m.end])]
        actor1 = next((a for a in inside if a != actor2), None)
    if actor2 == actor1:
        actor2 = None
    return actor1, actor2


def _person_heading(span: Span, mentions: list[ActorMention]) -> str | None:
    """A person the actor table does not know who heads the phrase: "German Foreign Minister X condemned" is X,
    not the nationality before the title (a known actor at the head is `actor_in_span`'s to name)."""
    root = span.root
    if any(m.start <= root.i < m.end for m in mentions):
        return None
    person = next((e for e in entities_in(span) if e.label_ == "PERSON" and e.start <= root.i < e.end), None)
    return person.text if person is not None and len(person) > 1 else None


def _government_by_capital(phrase: Token, mentions: list[ActorMention]) -> str | None:
    """"Athens expelled the ambassador", "Ankara protested": a capital as the doer of a trigger (its subject or
    its "by" phrase) stands for its country's government (news metonymy; the recogniser may call it an ORG).
    A capital the actor table lists ("Moscow") is the table's to name."""
    if phrase.dep_ not in ("nsubj", "pobj") or (phrase.dep_ == "pobj" and phrase.head.lower_ != "by"):
        return None
    if any(m.start <= phrase.i < m.end for m in mentions):
        return None
    entity = next((e for e in entities(phrase.doc) if e.start == phrase.i and e.label_ in ("GPE", "ORG")), None)
    return country_with_capital(entity.text) if entity is not None and len(entity) == 1 else None


def names_the_site(span: Span) -> bool:
    """"signed an agreement with the Taliban in Qatar": a country after "in/at/near" is where, not who."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lemma_.lower() in SITE_PREPS


def _has_own_subject(verb: Token) -> bool:
    """"since it was toppled": a clause with a subject of its own does not share its head clause's doer."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _reports(verb: Token) -> bool:
    """A reporting verb ("Reuters reported the attack"): its subject is a source, not the doer (unlike
    "announced the withdrawal" or "claimed the attack")."""
    return verb.lemma_.lower() in SOURCE_VERBS


def _beside_the_clause(token: Token, verb: Token) -> bool:
    """A nominal trigger in a time or cause adjunct of the clause ("dismissed the talks after the bombing"):
    the clause's subject did something else, so it is not the trigger's actor."""
    if verb.lower_ in ADJUNCT_PREPS:
        return True  # "dismissed the talks following the bombing": a participle used as a preposition
    current = token
    while current.i != verb.i and current.head.i != current.i:
        if current.dep_ in ("prep", "mark", "advmod") and current.text.lower() in ADJUNCT_PREPS:
            return True
        current = current.head
    return False


def _is_speaker(token: Token) -> bool:
    """The subject of "said", "tweeted" … is a source, not a participant."""
    head = token
    while head.dep_ in ("compound", "amod", "poss", "det", "flat") and head.head is not head:
        head = head.head
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS


def number_of(token: Token) -> float | None:
    for child in token.children:
        if child.dep_ == "nummod" or (child.like_num and child.dep_ in ("amod", "quantmod", "nummod")):
            return _as_number(child)
    if token.like_num:
        return _as_number(token)
    return None


def _as_number(token: Token) -> float | None:
    text = token.text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    try:
        return float(text)
    except ValueError:
        pass
    try:
        from text_to_num import text2num

        return float(text2num(text, "en"))
    except (ValueError, ImportError):
        return None


def fatalities_in(sentence: Span) -> float | None:
    for token in sentence:
        if token.lemma_.lower() in FATALITY_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in ("dobj", "nsubjpass", "nsubj") and child.lemma_.lower() not in ("who", "that"):
                    value = number_of(child)
                    if value is not None:
                        return value
    return None


def with_threatened_party(mention: EventMention, threat: ConditionalThreat,
                          mentions: list[ActorMention]) -> EventMention:
    """Who is told ("conveyed to the Taliban that") is the threat's target, and so not its maker; without
    one, the side whose act is the condition ("if the rebels violate it") is."""
    told = actor_in_span(span_of(threat.addressee), mentions) if threat.addressee is not None else None
    if told:
        return replace(mention, actor1=None if mention.actor1 == told else mention.actor1, actor2=told)
    if mention.actor2 is not None or threat.condition is None:
        return mention
    party = actor_in_span(span_of(threat.condition), mentions)
    return replace(mention, actor2=party) if party and party != mention.actor1 else mention


def target_coming_under(token: Token) -> Token | None:
    """"the convoy came under attack", "a monitoring team came under shelling": the subject of "come under" (or
    "be under") is what the assault hit, not who made it."""
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "under":
        verb = token.head.head
    elif token.dep_ == "advcl" and any(c.lower_ == "under" and not list(c.children) for c in token.head.children):
        verb = token.head  # the parser sometimes hangs "came under shelling" as a bare "under" and a clause
    else:
        return None
    if verb.lemma_.lower() not in ("come", "be"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def phrase_before_clause(token: Token) -> Span:
    """A noun phrase up to its first comma or relative clause: "a team from the Organization for Security and
    Cooperation in Europe, whose ..." keeps the coordinated name whole (unlike span_of)."""
    end = token.i + 1
    for t in token.subtree:
        if t.i > token.i and (t.dep_ in ("relcl", "acl") or t.text == ","):
            break
        end = t.i + 1
    return token.doc[token.left_edge.i:end]
