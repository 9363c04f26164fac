"""accord_events: who did what to whom, where and when, typed in PLOVER.

A trigger word from `data/event_triggers.yaml` (a verb like "attacked" or a noun
like "airstrike") opens a candidate event; the dependency parse around it gives
the actors (subject and object, or possessive/compound modifiers of a noun), the
place (a place name governed by a preposition) and the date (a DATE entity near
the trigger, resolved by `accord.extract.time`). Candidates that are negated ("no
strikes"), hypothetical ("if the Taliban attack") or only requested/threatened are
dropped; future and scheduled ones are kept with `planned=True`. Reports of the
same happening within one document are folded into one mention.

When a happening was, in this order (the first that gives a date wins):

1. an explicit date in the trigger's phrase or clause ("on Monday", "in March 2019"), or one a when- or
   after-clause lends it (`timing.explicit_date_of`); a date inside a since/until phrase bounds a period and
   dates nothing else;
2. a distance from another happening ("hours later", "two days later", "three days after the signing"):
   that happening's day moved by the distance (`sequence`), when it has a day;
3. the narrative time: a past report continues the day the sentences just before it give
   (`timing.context_day`);
4. the tense default: a simple-past or present-perfect report is known to the publication month
   (`timing.recent_report_date`); anything else stays undated. Never silently the publication day.

Named days ("9/11") are data (data/named_events.yaml) and keep their own year. Periods ("from June 3 to
July 20") are known only to their month or year (`timing.as_point`): the store has no end date yet.

One module per concern:

* `triggers`   the lexicon, matching a token to a rule, the main triggers of a sentence
* `aspect`     process nouns as the subject of an aspectual verb ("talks began", data/event_aspect.yaml)
* `factuality` negated, hypothetical, planned
* `filters`    candidates that report no happening (document content, generic, ...)
* `arguments`  actors, targets, counts and fatalities
* `locations`  the place of a happening
* `timing`     the date of a happening
* `sequence`   dates counted from another happening ("three days after the signing")
* `dedupe`     back references and the in-document fold (`same_happening` is shared with link/merge.py)
* `named`      happenings named by their day (data/named_events.yaml)
* `threats`    conditional threats ("will respond if ...")
* `component`  the spaCy component `accord_events` and `extract_events`
"""

from accord.extract.events.component import EventExtractor, extract_events, is_quoted_term, make_component
from accord.extract.events.dedupe import dates_compatible, dedupe, places_compatible, same_happening
from accord.extract.events.triggers import TriggerRule, read_trigger_rules

__all__ = [
    "EventExtractor", "TriggerRule", "dates_compatible", "dedupe", "extract_events", "is_quoted_term",
    "make_component", "places_compatible", "read_trigger_rules", "same_happening",
]
