"""Evidence rows for a provision: the store's event mentions, claims and quotes that its rules match.

Matching is SQL over the store (one query per rule); Python only turns the rows' dates into the two
days the tracker needs:

* `seen_on`: when the report became known (the article's publication date, else its estimated date at
  the end of the estimated month, else the day the happening itself is dated). A row is only
  evidence as of a date on or after it.
* `happened_on`: when the happening took place (an event's own day, else the end of its month or year
  when that ended before the report, a quote's said_on, a claim's period end), never after `seen_on`.

Duplicates of other documents (`documents.duplicate_of`) are skipped: one report told twice is one
report. Negated and hypothetical event mentions are skipped; a planned event mention counts as
`not_yet` (the thing is still to come), whatever its rule says it would count as once done.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from accord.agreement.schema import ClaimRule, EventRule, Provision, QuoteRule
from accord.store import Store


@dataclass(frozen=True)
class Evidence:
    """One row of the store that says something about a provision."""

    id: str                 # "event:<doc>:<start>:<type>", "claim:<doc>:<start>:<value>", "quote:<doc>:<start>"
    kind: str               # event | claim | quote
    counts: str             # met | partial | violation | not_yet | context
    doc: str
    text: str               # the sentence (events, claims) or the quoted words (quotes)
    start: int
    end: int
    seen_on: dt.date
    happened_on: dt.date
    value: float | None = None      # a claim's number
    fraction: float | None = None   # how far a claim goes towards its target (1.0 = reached)
    dated: bool = False             # happened_on is the happening's own day, not just the report's
    planned: bool = False           # a planned event: can show a deadline will be missed, never undo a completion

    def as_export(self) -> dict[str, Any]:
        """The export's evidence object: the contract's kind/doc/text, then where and when."""
        return {"kind": self.kind, "doc": self.doc, "text": self.text, "id": self.id, "counts": self.counts,
                "start": self.start, "end": self.end, "date": self.happened_on.isoformat(),
                "seen_on": self.seen_on.isoformat()}


def _day(value: str | None, *, end_of_period: bool) -> dt.date | None:
    """'2020-03-05' -> that day; '2020-03' / '2020' -> the period's first or last day; else None."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(value)
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            day = calendar.monthrange(year, month)[1] if end_of_period else 1
            return dt.date(year, month, day)
        return dt.date(year, 12, 31) if end_of_period else dt.date(year, 1, 1)
    except ValueError:
        return None


# The documents' dates come with every row: the report's known day and its estimate.
_DOC_COLUMNS = "d.published AS published, d.published_estimate AS estimate"
# An original (not a copy) about the agreement's conflict: the scope matches its title or lead.
_ORIGINAL = ("d.duplicate_of IS NULL AND (? = '' OR "
             "regexp_matches(coalesce(d.title, '') || ' ' || left(coalesce(d.clean_text, ''), 1500), ?, 'i'))")
# A sentence matches any of a rule's `words` (no words: no condition) and none of its `unless`.
_WORDS = "(? = '' OR regexp_matches({col}, ?, 'i')) AND (? = '' OR NOT regexp_matches({col}, ?, 'i'))"


def _either(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _word_params(words: list[str], unless: list[str]) -> list[str]:
    return [_either(words), _either(words), _either(unless), _either(unless)]


def _seen_on(row: dict[str, Any], own_date: dt.date | None) -> dt.date | None:
    return (_day(row["published"], end_of_period=True) or _day(row["estimate"], end_of_period=True)
            or own_date)


def event_evidence(store: Store, rule: EventRule, scope: str = "", since: dt.date | None = None) -> list[Evidence]:
    sql = f"""
        SELECT m.doc, m.type, m.text, m.start, m."end", m.date, m.date_precision, m.planned, {_DOC_COLUMNS}
        FROM event_mentions m JOIN documents d ON d.id = m.doc
        WHERE {_ORIGINAL} AND NOT coalesce(m.negated, false) AND NOT coalesce(m.hypothetical, false)
          AND (len(?::VARCHAR[]) = 0 OR m.type IN (SELECT unnest(?::VARCHAR[])))
          AND (len(?::VARCHAR[]) = 0 OR m.mode IN (SELECT unnest(?::VARCHAR[])))
          AND (len(?::VARCHAR[]) = 0 OR m.actor1 IN (SELECT unnest(?::VARCHAR[])))
          AND (len(?::VARCHAR[]) = 0 OR m.actor2 IN (SELECT unnest(?::VARCHAR[])))
          AND (len(?::VARCHAR[]) = 0 OR m.location IS NULL OR m.location.country IN (SELECT unnest(?::VARCHAR[]))
               OR m.location.name IN (SELECT unnest(?::VARCHAR[])))
          AND (? IS NULL OR coalesce(m.planned, false) = ?)
          AND {_WORDS.format(col="m.text")}
        ORDER BY m.doc, m.start"""
    params = [scope, scope, rule.types, rule.types, rule.modes, rule.modes, rule.actors, rule.actors,
              rule.targets, rule.targets,
              rule.places, rule.places, rule.places, rule.planned, rule.planned,
              *_word_params(rule.words, rule.unless)]
    found = []
    for row in store.rows(sql, params):
        planned = bool(row["planned"])
        # Only a day-precise date dates the happening: a month is often the report's own month, guessed.
        own = _day(row["date"], end_of_period=True) if row["date_precision"] == "day" else None
        seen = _seen_on(row, None if planned else own)
        if seen is None:
            continue
        happened = min(own, seen) if own and not planned else seen
        period_end = _day(row["date"], end_of_period=True)
        if own is None and not planned and period_end and period_end < seen:
            # A month or year that ended before the report ("talks started last year") is no guess: the
            # happening was done by its end, which bounds it better than the report's day.
            happened = period_end
        told = _day(row["date"], end_of_period=True)
        if not planned and since and told and told < since:
            continue  # an explicit earlier month or year ("talks restarted in December"): before the signing
        if planned:
            happened = _day(row["date"], end_of_period=True) or seen
        counts = "not_yet" if planned and rule.counts in ("met", "partial") else rule.counts
        if planned and counts in ("violation", "context"):
            continue  # a threatened violation is not one
        dated = row["date_precision"] == "day" and not planned
        found.append(Evidence(f"event:{row['doc']}:{row['start']}:{row['type']}", "event", counts, row["doc"],
                              row["text"], row["start"], row["end"], seen, happened, dated=dated, planned=planned))
    return found


def claim_evidence(store: Store, rule: ClaimRule, provision_target: float | None,
                   scope: str = "") -> list[Evidence]:
    sql = f"""
        SELECT c.doc, c.text, c.start, c."end", c.value, c.period_end, {_DOC_COLUMNS}
        FROM claims c JOIN documents d ON d.id = c.doc
        WHERE {_ORIGINAL} AND c.measure IS NOT NULL
          AND regexp_matches(c.measure, ?, 'i') AND {_WORDS.format(col="c.text")}
        ORDER BY c.doc, c.start"""
    target = rule.target if rule.target is not None else provision_target
    found = []
    for row in store.rows(sql, [scope, scope, _either(rule.measures), *_word_params(rule.words, rule.unless)]):
        seen = _seen_on(row, None)
        if seen is None:
            continue
        period_end = _day(row["period_end"], end_of_period=True)
        happened = min(period_end, seen) if period_end else seen
        fraction = _progress(row["value"], target, rule)
        counts = rule.counts if fraction is None or fraction >= 1 else "partial"
        if counts == "partial" and fraction is not None and fraction <= 0:
            continue  # no progress at all is not part of the obligation
        found.append(Evidence(f"claim:{row['doc']}:{row['start']}:{row['value']:g}", "claim", counts, row["doc"],
                              row["text"], row["start"], row["end"], seen, happened, row["value"], fraction,
                              dated=bool(row["period_end"]) and len(row["period_end"]) == 10))
    return found


def _progress(value: float, target: float | None, rule: ClaimRule) -> float | None:
    """Share of the way to the target: 4,000 of 5,000 released is 0.8; down to 8,600 from 13,000 is 1.0."""
    if not target:  # no target, or `target: 0`: any count counts as the rule says
        return None
    if rule.direction == "at_least":
        return min(value / target, 1.0)
    if value <= target:
        return 1.0
    if rule.baseline is None or rule.baseline <= target:
        return 0.0
    return max(0.0, (rule.baseline - value) / (rule.baseline - target))


def quote_evidence(store: Store, rule: QuoteRule, scope: str = "") -> list[Evidence]:
    pattern = _either(rule.phrases)
    sql = f"""
        SELECT q.doc, q.text, q.start, q."end", q.said_on, {_DOC_COLUMNS}
        FROM quotes q JOIN documents d ON d.id = q.doc
        WHERE {_ORIGINAL} AND regexp_matches(q.text, ?, 'i')
        ORDER BY q.doc, q.start"""
    found = []
    for row in store.rows(sql, [scope, scope, pattern]):
        said = _day(row["said_on"], end_of_period=True)
        seen = _seen_on(row, said)
        if seen is None:
            continue
        happened = min(said, seen) if said else seen
        found.append(Evidence(f"quote:{row['doc']}:{row['start']}", "quote", rule.counts, row["doc"], row["text"],
                              row["start"], row["end"], seen, happened, dated=bool(said) and len(row["said_on"]) == 10))
    return found


def provision_evidence(store: Store, provision: Provision, since: dt.date,
                       scope: list[str] | None = None) -> list[Evidence]:
    """Every row matching the provision's rules in documents within `scope`, reported on or after `since`
    (the signing), newest first. A row matched by two rules keeps the first rule's reading.
    """
    rules, about = provision.evidence, _either(scope or [])
    rows: list[Evidence] = []
    for event_rule in rules.events:
        rows += event_evidence(store, event_rule, about, since)
    for claim_rule in rules.claims:
        rows += claim_evidence(store, claim_rule, provision.target, about)
    for quote_rule in rules.quotes:
        rows += quote_evidence(store, quote_rule, about)
    unique: dict[str, Evidence] = {}
    for row in rows:
        if row.seen_on >= since and row.happened_on >= since or row.counts == "not_yet" and row.seen_on >= since:
            unique.setdefault(row.id, row)
    return newest_first(unique.values())


def newest_first(rows: Any) -> list[Evidence]:
    return sorted(rows, key=lambda r: (r.happened_on, r.seen_on, r.id), reverse=True)

