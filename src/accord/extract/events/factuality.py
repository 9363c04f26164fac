"""Whether a candidate happened: negated, hypothetical (conditions, threats, wishes, modals,
standing positions, past-told plans), or planned (kept with `planned=True`)."""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.events.syntax import governing_verb, past_perfect, path_up
from accord.extract.time import parse_month, parse_published

# Words on the path above a trigger that make it not (yet) a fact.
HYPOTHETICAL_HEADS = {"threaten", "warn", "vow", "demand", "urge", "ask", "want", "seek", "try", "hope", "push",
                      "aim", "prevent", "avoid", "refuse", "deny", "fear", "call", "propose", "allow", "harbor",
                      "risk", "could", "might", "may", "should", "verge", "brink", "refrain",
                      "way", "stage", "ready", "willing", "able", "capable"}


PLANNED_HEADS = {"plan", "schedule", "set", "expect", "poise", "due", "prepare", "intend", "begin", "will"}


PLANNED_MODIFIERS = {"planned", "scheduled", "upcoming", "proposed", "future", "expected"}


CONDITION_MARKS = {"if", "unless", "whether"}


# "a potential meeting", "possible strikes": named as something that may happen.
POSSIBILITY_MODIFIERS = {"potential", "possible", "hypothetical", "prospective"}


# Adverbs that make a verb a stance held over time ("have long demanded").
STANCE_ADVERBS = {"long", "still", "consistently", "always"}


# Verbs of permission: "was not authorized to discuss" withholds the permission, so nothing happened.
PERMISSION_HEADS = {"authorize", "authorise", "permit", "allow", "empower", "entitle", "clear"}


# Words whose complement did not happen: "failed to agree", "unable to meet", "their failure to reach a deal".
FAILURE_HEADS = {"fail", "unable", "failure", "inability"}


def is_negated(token: Token) -> bool:
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in PERMISSION_HEADS \
            and any(c.dep_ == "neg" for c in token.head.children):
        return True
    if token.dep_ in ("xcomp", "acl") and token.head.lemma_.lower() in FAILURE_HEADS:
        return True
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lemma_.lower() == "no") for c in token.children):
        return True
    noun = noun_it_completes(token)
    if noun is not None and is_negated(noun):
        return True
    verb = governing_verb(token)
    if verb is not token and token.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        return any(c.dep_ == "neg" for c in verb.children)
    if token.dep_ == "acl" and token.head.dep_ in ("attr", "dobj", "nsubj"):
        # "there had not been a soldier killed": the negation sits on the verb of the noun it describes.
        return any(c.dep_ == "neg" for c in token.head.head.children)
    return token.head.lemma_.lower() == "without" or token.head.head.lemma_.lower() == "without"


def noun_it_completes(token: Token) -> Token | None:
    """The noun whose content the trigger is: "plans" in "plans to deploy", "intention" in "intention of
    withdrawing"; denying the noun ("no plans to deploy") denies the happening."""
    if token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(c.dep_ == "aux" for c in token.children):
        return token.head
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
        return token.head.head
    return None


def has_possibility_modifier(token: Token) -> bool:
    """"a potential meeting", "possible strikes": named as something that may happen."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in POSSIBILITY_MODIFIERS for c in token.children)


def clause_steps(token: Token) -> list[tuple[Token, Token]]:
    """(lower, upper) steps up from a trigger to the head of its clause: the reach of a condition, a wish or a
    plan that governs it (a separate clause or the root ends the walk, after its own step)."""
    path = path_up(token)
    steps = []
    for lower, upper in zip(path, path[1:], strict=False):
        steps.append((lower, upper))
        if lower.dep_ in ("advcl", "ccomp", "relcl") or upper.dep_ == "ROOT":
            break
    return steps


# Marks of a time clause whose present tense refers to the future: "until the release takes place".
FUTURE_TIME_MARKS = {"until", "till", "once", "before"}


def is_conditional(token: Token) -> bool:
    """"if the rebels attack", "unless talks resume", "will not talk until the prisoner release takes place":
    inside a condition, or a time clause in the present that waits for something still to come."""
    return any(any(c.dep_ == "mark" and (c.lemma_.lower() in CONDITION_MARKS or (
        c.lower_ in FUTURE_TIME_MARKS and lower.tag_ in ("VBZ", "VBP"))) for c in lower.children)
        or is_open_question(lower) for lower, _ in clause_steps(token))


def is_open_question(clause: Token) -> bool:
    """"It was not specified when the cease-fire would begin", "nobody knows how talks will proceed", "to address
    how to implement a cease-fire": a wh-clause complement with a modal or an infinitive asks about what is
    still to come (a time clause takes no "will" or "would", so the
    parser's advcl here is the question too)."""
    return clause.dep_ in ("ccomp", "csubj", "csubjpass", "advcl", "xcomp") and any(
        c.dep_ == "advmod" and c.tag_ == "WRB" for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ in ("would", "will", "could", "might", "'ll", "to") for c in clause.children)


def is_wished_or_threatened(token: Token) -> bool:
    """"vowed to attack", "called for talks", "ready to withdraw": the object of a threat, demand, wish or
    ability, not (yet) a fact."""
    return any(lower.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "relcl", "acl")
               and upper.lemma_.lower() in HYPOTHETICAL_HEADS for lower, upper in clause_steps(token))


def is_plan_told_in_past(token: Token) -> bool:
    """"were going to meet", "had planned a meeting": a plan told in the past, news for what did not happen."""
    return any(is_past_plan(lower, upper) and (lower.i == token.i or (lower.i == token.head.i and token.dep_ in (
        "dobj", "nsubj", "nsubjpass"))) for lower, upper in clause_steps(token))


def is_modal_possibility(token: Token) -> bool:
    """"could attack", "may have led to a withdrawal": a modal of possibility on the trigger or its verb
    (a concession, "may be leaving, but ...", is a fact)."""
    # The modal may sit on the verb a nominal trigger hangs from.
    return any(c.dep_ == "aux" and c.lemma_.lower() in ("could", "might", "may", "should", "can")
               for c in {*token.children, *governing_verb(token).children}) and not is_concession(token)


def is_counterfactual(token: Token) -> bool:
    """"the blast would have killed hundreds", "it would have been toxic for him to meet Ghani": a modal with
    "have" tells what did not happen (a report of what someone "will have done" is a plan, not this)."""
    heads = {token, governing_verb(token), *(upper for _, upper in clause_steps(token))}
    return any(is_modal_perfect(verb) for verb in heads)


def is_modal_perfect(verb: Token) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return any(a.lower_ in ("would", "could", "might", "should") for a in auxiliaries) and any(
        a.lemma_.lower() == "have" and a.tag_ == "VB" for a in auxiliaries)


def is_concession(verb: Token) -> bool:
    """"our troops may be leaving, but our support is not ending": "may be doing" or "may have done" answered
    by "but" concedes a fact to set another against it ("may attack, but" stays a possibility)."""
    aspect = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    if not ((verb.tag_ == "VBG" and "be" in aspect) or (verb.tag_ == "VBN" and "have" in aspect)):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "may" for c in verb.children) and any(
        c.dep_ == "cc" and c.lower_ == "but" for c in verb.children) and any(c.dep_ == "conj" for c in verb.children)


def is_past_plan(planned: Token, head: Token) -> bool:
    """"were going to meet", "were to travel", "had planned a meeting": a plan told in the past, which news
    uses for what did not happen (the happening is the cancellation, reported on its own)."""
    lemma = head.lemma_.lower()
    if planned.dep_ not in ("xcomp", "dobj"):
        return False
    if lemma == "go" and head.tag_ == "VBG":
        return any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children)
    if lemma == "be" and head.tag_ == "VBD":
        return planned.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in planned.children)
    return lemma in ("plan", "intend", "schedule") and past_perfect(head)


def is_standing_position(token: Token) -> bool:
    """"has so far refused to talk", "have long demanded", "still rejects": a stance held over time, which
    the article states as background, not a happening it reports ("how long" asks about one)."""
    verb = governing_verb(token)
    for child in {*token.children, *verb.children}:
        if child.dep_ != "advmod" or any(g.lower_ == "how" for g in child.children):
            continue
        if child.lower_ in STANCE_ADVERBS or (child.lower_ == "far" and any(g.lower_ == "so" for g in child.children)):
            return True
    # "has rejected any talks": refusing a whole kind of thing is a position, not one refusal.
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "any" for g in c.children) for c in token.children)


def is_planned(token: Token, date_iso: str | None, published: str | None) -> bool:
    anchor = parse_published(published)
    if date_iso and anchor and len(date_iso) == 10 and date_iso > anchor.isoformat():
        return True
    if is_after_reference_month(date_iso, published):
        return True
    verb = governing_verb(token)
    for current in {token, verb}:
        for child in current.children:
            lemma = child.lemma_.lower()
            if child.dep_ in ("aux", "auxpass") and lemma in ("will", "shall", "would"):
                return not past_perfect(current)
            if child.dep_ in ("amod", "compound") and child.text.lower() in PLANNED_MODIFIERS:
                return True
    for upper in path_up(token)[1:4]:
        if upper.lemma_.lower() in PLANNED_HEADS and upper.tag_ in ("VBZ", "VBP", "VBN", "JJ", "MD", "NNS") \
                and not past_perfect(upper) and not has_begun(upper):
            return True
        if upper.lemma_.lower() in PLANNED_HEADS and is_present_progressive(upper):
            return True  # "is preparing to open talks", "are planning to withdraw"
        if upper.lemma_.lower() == "be" and any(c.dep_ == "xcomp" for c in upper.children) \
                and upper.tag_ in ("VBZ", "VBP"):
            return True
    return False


def has_begun(verb: Token) -> bool:
    """"the withdrawal has already begun": a beginning in the perfect is under way, not planned ("has planned a
    meeting" still plans one)."""
    return verb.lemma_.lower() == "begin" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                                  for c in verb.children)


def is_after_reference_month(date_iso: str | None, reference: str | None) -> bool:
    """In an article known only to its month ("2020-02"), a day or month after that month is still ahead."""
    if not date_iso or len(date_iso) < 7 or parse_month(reference) is None:
        return False
    return date_iso[:7] > (reference or "")


def is_present_progressive(verb: Token) -> bool:
    """"is preparing", "are planning": a progressive verb with a present-tense "be"."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" and c.tag_ in ("VBZ", "VBP")
                                      for c in verb.children)
