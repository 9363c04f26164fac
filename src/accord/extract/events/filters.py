"""Candidate triggers that report no happening: document content, generic or habitual statements, background
demands, an accord's terms, a truce named in another role, describing passives, traded blame."""

from __future__ import annotations

import re

from spacy.tokens import Token

from accord.extract.events.syntax import governing_verb, past_perfect
from accord.extract.events.triggers import TriggerRule

# Nouns for documents: what they ask for is content, not an act.
DOCUMENT_NOUNS = {"agreement", "deal", "accord", "statement", "declaration", "draft", "text", "resolution", "plan",
                  "document", "treaty", "letter", "report"}


# Modifiers that make a plural attack noun a rate or a trend ("near-daily attacks", "increased airstrikes"),
# which the article states as background, not one happening it reports.
HABITUAL_MODIFIERS = {"daily", "nightly", "weekly", "monthly", "frequent", "regular", "routine", "constant",
                      "incessant", "relentless", "increased", "increasing", "growing", "rising", "mounting"}


# Adverbs that tell a verb as a habit, not one happening.
HABITUAL_ADVERBS = {"often", "repeatedly", "frequently", "regularly", "routinely", "usually", "sometimes"}


def is_document_content(token: Token, rule: TriggerRule) -> bool:
    """"The agreement also proposes a dialogue", "the statement called for a safe zone", "a statement urging
    talks": what a document asks for is its content (a provision), not a request someone made."""
    if rule.type != "REQUEST" or token.pos_ not in ("VERB", "AUX"):
        return False
    clause = token
    for _ in range(3):  # "a statement saying they will cooperate and urging talks"
        if clause.dep_ == "acl" and clause.head.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        if clause.dep_ not in ("conj", "ccomp", "xcomp"):
            break
        clause = clause.head
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children)


def is_generic(token: Token) -> bool:
    """What the article states as a pattern, not a happening: a rate or trend ("near-daily attacks",
    "increased airstrikes"), a habitual present passive ("civilians are killed by roadside bombs") or a
    toll ("the 16th soldier to be killed this year")."""
    if token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in HABITUAL_MODIFIERS for c in token.children):
        return True
    verb = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj":
        verb = governing_verb(token)  # "killed by roadside bombs": the bombs' verb tells how it is told
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if is_habitual(verb):
        return True
    passive = [c for c in verb.children if c.dep_ == "auxpass"]
    if any(a.tag_ in ("VBZ", "VBP") for a in passive) and not any(
            c.dep_ == "aux" for c in verb.children) and not any(t.ent_type_ == "DATE" for t in verb.subtree):
        return True
    # "the 16th soldier to be killed": an ordinal counts victims, the killings are reported elsewhere.
    return bool(passive) and verb.dep_ in ("relcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        _is_ordinal(c) for c in verb.head.children)


def is_habitual(verb: Token) -> bool:
    """"met many times", "have repeatedly attacked", "often clash": a verb told as a habit is a pattern."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True
        if child.lemma_.lower() == "time" and child.tag_ == "NNS" and any(
                g.lower_ in ("many", "several", "numerous", "countless", "multiple") for g in child.children):
            return True
    return False


_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
                      re.IGNORECASE)


def _is_ordinal(token: Token) -> bool:
    # The entity recogniser sometimes takes "the 12th" for a date; the word itself is the cue.
    return token.ent_type_ == "ORDINAL" or bool(_ORDINAL.match(token.text))


def is_background_demand(token: Token, rule: TriggerRule) -> bool:
    """"a cease-fire had been demanded by Washington": a demand in the past perfect is the background of
    what the article reports, a position held before, not a request made now ("had asked on Monday for his
    resignation" has its own day: a happening told in the past perfect)."""
    return rule.type == "REQUEST" and token.pos_ in ("VERB", "AUX") and past_perfect(token) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def is_not_a_happening(token: Token, rule: TriggerRule) -> bool:
    """Trigger words that describe a thing rather than report a happening (see each test)."""
    return is_describing_passive(token, rule) or is_truce_in_other_role(token, rule) or is_content_of_accord(token) \
        or is_launch_purpose(token, rule) or names_a_site(token)


# Nouns that name a place by what happened there: "the site of a blast", "the scene of the attack".
SITE_NOUNS = {"site", "scene", "spot", "location"}


def names_a_site(token: Token) -> bool:
    """"protesters gathered at the site of a blast": the happening only names the place of another one; it is
    reported (when it is) where the article tells it."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ == "of" \
        and token.head.head.lemma_.lower() in SITE_NOUNS


# Places and means named by what they serve for: "a base for attacks", "a safe haven for terrorist attacks".
LAUNCH_NOUNS = {"base", "haven", "sanctuary", "platform", "launchpad", "springboard", "ground", "hub", "staging"}


def is_launch_purpose(token: Token, rule: TriggerRule) -> bool:
    """"used as a base for militant attacks": bare attack nouns after a base or haven name the kind of use,
    not one happening."""
    return rule.type == "ASSAULT" and token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" \
        and token.head.lower_ == "for" and token.head.head.lemma_.lower() in LAUNCH_NOUNS \
        and not any(c.dep_ in ("det", "poss") for c in token.children)


# Nouns that name a text whose terms are what it provides for, not what has happened.
ACCORD_NOUNS = {"agreement", "deal", "accord", "pact", "treaty", "plan", "proposal", "draft", "framework", "roadmap"}


# Verbs of settling an accord: "worked out last week for a drawdown" names what the accord provides for.
ACCORD_VERBS = {"agree", "work", "hammer", "strike", "reach", "negotiate", "sign"}


# Nouns whose infinitive names what is still to be done: "a deadline to withdraw", "a timeline to leave".
PENDING_NOUNS = {"deadline", "timeline", "timetable", "date", "target"}


def is_under_accord_terms(verb: Token) -> bool:
    """"Under the draft accord, troops would be withdrawn": a conditional told under an accord is its term
    ("under the deal, troops withdrew in May" reports what was done; "will withdraw" stays a planned one)."""
    modal = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "could") for c in verb.children)
    return modal and any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ACCORD_NOUNS for g in c.children) for c in verb.children)


def is_accord_or_settling(word: Token) -> bool:
    """An accord noun ("an accord for ...") or a verb settling one ("worked out ... for", "agreed on"); a plan's
    object stays a planned happening ("plans for the visit"), and "working on an evacuation" is work."""
    lemma = word.lemma_.lower()
    if word.pos_ in ("NOUN", "PROPN"):
        return lemma in ACCORD_NOUNS - {"plan"}
    if lemma in ("work", "hammer"):
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in word.children)
    return lemma in ACCORD_VERBS


def is_content_of_accord(token: Token) -> bool:
    """"an accord for a drawdown of troops", "a deal that would see troops withdraw", "an agreement to sign the
    deal", "a deadline to withdraw them": what an accord provides for, or a deadline sets, is a term or a task,
    not a happening."""
    if token.dep_ == "pobj" and token.head.lower_ in ("for", "on") and is_accord_or_settling(token.head.head):
        return True
    if is_under_accord_terms(governing_verb(token)):
        return True
    current = token
    for _ in range(4):
        if current.dep_ in ("relcl", "acl") and current.head.lemma_.lower() in ACCORD_NOUNS and any(
                c.dep_ == "aux" and c.lower_ in ("would", "could") for c in current.children):
            return True  # "a deal that would see foreign troops withdraw"
        # ("plans to attend the summit" is a planned happening, kept as planned.)
        if current.dep_ == "acl" and current.head.lemma_.lower() in (PENDING_NOUNS | ACCORD_NOUNS) - {"plan"} and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "ccomp", "dobj"):
            break
        current = current.head
    return False


# Nouns that a truce word can modify without being declared: "the cease-fire agreement", "truce violations".
TRUCE_HOLDERS = {"agreement", "deal", "accord", "pact", "treaty", "talk", "negotiation", "proposal", "plan",
                 "violation", "breach", "line", "monitor", "mission"}


# Verbs whose subject or object is a truce already in place: breaking it is not declaring one.
TRUCE_BREAKING_VERBS = {"break", "violate", "breach", "flout", "collapse", "shatter", "abandon", "undermine"}


def is_truce_in_other_role(token: Token, rule: TriggerRule) -> bool:
    """"the cease-fire agreement signed in Minsk", "the truce was broken": a truce word that names a document,
    or a truce that is broken or violated, is no new declaration of one."""
    if rule.mode != "ceasefire" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase = token
    while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
        phrase = phrase.head
        if phrase.lemma_.lower() in TRUCE_HOLDERS:
            return True
    return phrase.dep_ in ("nsubj", "nsubjpass", "dobj") and phrase.head.lemma_.lower() in TRUCE_BREAKING_VERBS


def is_describing_passive(token: Token, rule: TriggerRule) -> bool:
    """"a team whose role was agreed upon by all parties", "a plan that was endorsed by NATO": a passive
    relative clause without a time of its own describes its noun with a standing fact, it reports nothing.
    Violence is the exception: "a soldier who was killed in Kabul" tells of a killing."""
    return rule.type != "ASSAULT" and token.dep_ == "relcl" and token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "auxpass" for c in token.children) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def is_mutual_blame(token: Token, rule: TriggerRule) -> bool:
    """"the two sides blame each other", "each accusing the other of violations": blame traded both ways is
    the standing state of a conflict, not one accusation someone made."""
    return rule.type == "ACCUSE" and any(
        c.dep_ in ("dobj", "dative") and c.lower_ in ("other", "another") for c in token.children)
