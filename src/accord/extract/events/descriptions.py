"""Trigger words that describe a thing rather than report a happening: the site of a blast, a base for
attacks, what an accord provides for, a truce word naming a document or broken, a passive relative clause
describing its noun, an undated relative clause characterising a noun named with "a". Each is a
filter of filters.FILTERS."""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.events.syntax import governing_verb
from accord.extract.events.triggers import TriggerRule

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


def is_characterising_clause(token: Token) -> bool:
    """"two men believed to be part of a group that beheaded hostages": an undated relative clause on a noun
    introduced with "a"/"an" characterises what kind of thing the noun is, it reports no happening of the
    article. A clause on the subject ("a gunman who opened fire ... killed three") is the report itself, and a
    passive one tells what befell the noun ("buried a soldier who was killed in Kandahar")."""
    if token.dep_ != "relcl" or token.pos_ not in ("VERB", "AUX") or any(c.dep_ == "auxpass" for c in token.children):
        return False
    noun = token.head
    if noun.dep_ in ("nsubj", "nsubjpass") or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                     for c in noun.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


# Verbs of death whose present-perfect report with a period is a running count ("have been killed since").
DEATH_VERBS = {"kill", "die"}


def is_running_toll(token: Token) -> bool:
    """"400 civilians have been killed since January", "the third soldier killed this month", "the 12th aid
    worker to be killed": a death told as a count over a period or as a place in a tally is a statistic, not
    one happening the article reports (the happenings that make it up are reported on their own)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in DEATH_VERBS:
        return False
    return is_counted_since(token) or is_ordinal_in_tally(token)


def is_counted_since(verb: Token) -> bool:
    """A present perfect ("have been killed", "has died") counted over a period: a since-phrase or -clause,
    "so far", "in recent weeks", "over the past two months"."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children):
        return False
    return any(is_period_start(c) or is_counting_period(c) for c in verb.children)


def is_period_start(child: Token) -> bool:
    """"since January", "since the truce began", "so far"."""
    if child.dep_ == "prep" and child.lower_ == "since":
        return True
    if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
        return True
    return child.dep_ == "advmod" and child.lower_ == "far" and any(g.lower_ == "so" for g in child.children)


# Units of a counting period ("in recent weeks", "over the past two months").
PERIOD_UNITS = {"day", "week", "month", "year", "decade"}
PERIOD_MODIFIERS = {"recent", "past", "last", "previous"}


def is_counting_period(child: Token) -> bool:
    if child.dep_ != "prep" or child.lower_ not in ("in", "over", "during", "within"):
        return False
    return any(g.dep_ == "pobj" and g.lemma_.lower() in PERIOD_UNITS and g.tag_ == "NNS"
               and any(m.lower_ in PERIOD_MODIFIERS for m in g.children) for g in child.children)


def is_ordinal_in_tally(verb: Token) -> bool:
    """"the fourth killed", "the 16th service member to be killed": the verb describes a noun (or an ordinal)
    that an ordinal ranks in a count."""
    if verb.dep_ not in ("acl", "relcl"):
        return False
    ranked = verb.head
    return is_ordinal(ranked) or any(c.dep_ in ("amod", "nummod") and is_ordinal(c) for c in ranked.children)


def is_ordinal(token: Token) -> bool:
    return token.ent_type_ == "ORDINAL" or token.lower_ in ORDINAL_WORDS or (
        token.lower_[:-2].isdigit() and token.lower_[-2:] in ("st", "nd", "rd", "th"))


ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "latest", "last"}


# Nouns of time that make "N years of fighting" the span of a conflict.
SPAN_UNITS = {"day", "week", "month", "year", "decade", "century"}


def is_span_of_conflict(token: Token) -> bool:
    """"nearly 18 years of fighting", "a decade of war": an assault noun measured by a span of time names the
    length of a conflict, not one happening."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    unit = token.head.head
    return unit.lemma_.lower() in SPAN_UNITS and any(c.dep_ in ("nummod", "amod", "det") for c in unit.children)
