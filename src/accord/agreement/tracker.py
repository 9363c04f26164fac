"""A provision's status on a given day, decided from its evidence rows: pure functions, no store.

Statuses (../shared/spec/EXPORTS.md):

    not_due     the deadline is ahead and nothing decisive is reported
    pending     due or ongoing, nothing decisive reported
    met         completion reported (a non-planned event, a claim reaching the target, "has been done")
    partly_met  part of it reported (a count below the target, a partial step)
    breached    a violation by the obligor reported, or the deadline passed while the latest reports
                (dated after the deadline) still describe the thing as to come
    unclear     evidence both ways: the newest report contradicts the completion reported before it

A decided status (met, partly_met, breached, unclear) always names its evidence rows, newest first; a
deadline that passed with no report at all is `pending`, not `breached`, because silence in the
corpus is not evidence. A provision the text does not bind (`binding: false`) is never breached: its
violations are listed as context. Scores follow the Peace Accords Matrix (0 not begun, 1 minimal,
2 intermediate, 3 full).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from accord.agreement.evidence import Evidence, newest_first
from accord.agreement.schema import Agreement, Provision

DECIDED = ("met", "partly_met", "breached", "unclear")
SHOWN_EVIDENCE = 8  # rows kept per status (newest first); the history keeps the same


@dataclass(frozen=True)
class ProvisionStatus:
    provision: str
    agreement: str
    status: str
    score: int
    as_of: dt.date
    deadline: dt.date | None
    met_on: dt.date | None
    late_days: int | None
    note: str
    evidence: tuple[Evidence, ...]   # the rows that decided it, newest first
    context: tuple[Evidence, ...] = ()  # related rows that decided nothing (plans, non-binding violence)


def visible(rows: Iterable[Evidence], as_of: dt.date) -> list[Evidence]:
    """Rows known on `as_of`: reported by then, and (unless a plan) happened by then."""
    return [r for r in rows if r.seen_on <= as_of and (r.counts == "not_yet" or r.happened_on <= as_of)]


def _of(rows: Sequence[Evidence], *counts: str) -> list[Evidence]:
    return [r for r in rows if r.counts in counts]


def _newest_seen(rows: Sequence[Evidence]) -> dt.date:
    return max(r.seen_on for r in rows)


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else "-"


def score_of(status: str, rows: Sequence[Evidence]) -> int:
    """Peace Accords Matrix score: 3 met; 2 or 1 for part done (by the best fraction); 0 not begun."""
    if status == "met":
        return 3
    done = _of(rows, "met", "partial")
    if not done:
        return 0
    if status == "partly_met":
        fractions = [r.fraction for r in done if r.fraction is not None]
        return 2 if not fractions or max(fractions) >= 1 / 3 else 1
    return 1  # unclear or breached after some steps: minimal


def decide(provision: Provision, agreement_id: str, deadline: dt.date | None, starts: dt.date,
           rows: Sequence[Evidence], as_of: dt.date) -> ProvisionStatus:
    """The status of one provision on `as_of` from its evidence rows (any order; future rows are ignored)."""
    known = newest_first(visible(rows, as_of))
    if provision.kind == "refrain" or provision.kind == "condition" and deadline is None:
        status, note, deciding = _ongoing(known, as_of, starts)
    else:
        status, note, deciding = _once(known, as_of, deadline, bindable=provision.kind != "aspiration")
    decided_by = set(deciding)  # a set: the weekly history asks this of every row, every week
    context = [r for r in known if r not in decided_by]
    if not provision.binding:
        status, note, deciding, context = _not_binding(status, note, deciding, context)
    met_on = late_days = None
    if status == "met":
        met_on, late_days = _completion(_of(deciding, "met"), deadline, known)
        late = f", {late_days} days after the deadline {_d(deadline)}" if late_days else ""
        note = f"{note}; done by {_d(met_on)}{late}"
    deciding = newest_first(deciding)
    return ProvisionStatus(provision.id, agreement_id, status, score_of(status, deciding), as_of, deadline,
                           met_on, late_days, note, tuple(deciding[:SHOWN_EVIDENCE]),
                           tuple(newest_first(context)[:SHOWN_EVIDENCE]))


def _completion(met: Sequence[Evidence], deadline: dt.date | None,
                known: Sequence[Evidence]) -> tuple[dt.date, int | None]:
    """The day it was done, and the days late when the evidence establishes lateness.

    `met_on` is the completion's own day where a row dates it, else the latest day it can have
    happened (the report's day, or the end of the period the report names). Lateness is counted from a
    dated completion after the deadline, or when a report after the deadline (or a plan for a day after
    it) shows it was still to come: then `met_on` bounds it.
    """
    # Every report bounds the completion (it cannot come after the report that tells it): the earliest
    # bound wins, so a dated row that is later than an earlier report (a date misread) cannot move it.
    first = min(met, key=lambda r: (r.happened_on, not r.dated))
    met_on = first.happened_on
    if deadline is None or met_on <= deadline:
        return met_on, None
    if first.dated or _missed(known, deadline):
        return met_on, (met_on - deadline).days
    return met_on, None


def _missed(rows: Sequence[Evidence], deadline: dt.date) -> list[Evidence]:
    """Reports that it was still to come at the deadline: told on or after it, or planned for a day after it."""
    return [r for r in rows if r.counts == "not_yet" and (r.happened_on > deadline if r.planned
                                                           else r.seen_on >= deadline)]


def _once(known: list[Evidence], as_of: dt.date, deadline: dt.date | None,
          bindable: bool) -> tuple[str, str, list[Evidence]]:
    """A one-off obligation (withdraw, release, begin talks) with or without a deadline."""
    met, partial = _of(known, "met"), _of(known, "partial")
    violations, plans = _of(known, "violation"), _of(known, "not_yet")
    # A plan told after a completion is often the plan retold ("we set the date of the 31st"): only an
    # explicit report that it is not done (a violation, "not yet", "not out yet") contradicts a completion.
    contrary = violations + [r for r in plans if not r.planned]
    if met:
        newer_contrary = [r for r in contrary if r.seen_on > _newest_seen(met)]
        if newer_contrary:
            return "unclear", (f"completion reported ({_d(_newest_seen(met))}), but a newer report "
                               f"({_d(_newest_seen(newer_contrary))}) says it is not done"), met + newer_contrary
        settled = [r for r in met if not contrary or r.seen_on >= _newest_seen(contrary)] or met
        return "met", f"completion first reported {_d(min(r.seen_on for r in settled))}", settled
    if partial:
        newer_violations = [r for r in violations if r.seen_on > _newest_seen(partial)]
        if newer_violations:
            return "unclear", "partial steps reported, then a violation", partial + newer_violations
        late = f"; the deadline {_d(deadline)} passed" if deadline and as_of > deadline else ""
        return "partly_met", f"part of it reported{late}", partial
    if violations and bindable:
        return "breached", f"a violation reported on {_d(violations[0].happened_on)}", violations
    if deadline and as_of > deadline and bindable:
        missed = _missed(plans, deadline)
        if missed:
            newest = missed[0]
            when = (f"planned for {_d(newest.happened_on)} (reported {_d(newest.seen_on)})" if newest.planned
                    else f"still reported as to come on {_d(newest.seen_on)}")
            return "breached", f"due {_d(deadline)}; {when}", missed
        return "pending", f"due {_d(deadline)}; no report of completion", []
    if deadline and as_of <= deadline:
        return "not_due", f"due {_d(deadline)}", []
    return "pending", "no deadline; nothing decisive reported", []


def _ongoing(known: list[Evidence], as_of: dt.date, starts: dt.date) -> tuple[str, str, list[Evidence]]:
    """An obligation that runs from `starts` (refrain from attacks, keep a guarantee)."""
    if as_of < starts:
        return "not_due", f"runs from {_d(starts)}", []
    kept, violations = _of(known, "met"), _of(known, "violation")
    if violations and kept and _newest_seen(kept) > _newest_seen(violations):
        return "unclear", "a violation reported, then reports that it is kept", violations + kept
    if violations:
        return "breached", f"a violation reported on {_d(violations[0].happened_on)}", violations
    if kept:
        return "met", f"reported kept ({_d(kept[0].happened_on)}); no violation reported", kept
    return "pending", f"in force since {_d(starts)}; nothing decisive reported", []


def _not_binding(status: str, note: str, deciding: list[Evidence],
                 context: list[Evidence]) -> tuple[str, str, list[Evidence], list[Evidence]]:
    """The text does not require it: violations are context, never a breach."""
    violations = _of(deciding, "violation")
    if status in ("breached", "unclear") and violations:
        kept = [r for r in deciding if r.counts != "violation"]
        context = violations + context
        status = "partly_met" if _of(kept, "partial") else "met" if _of(kept, "met") else "pending"
        note = "nothing decisive reported" if status == "pending" else note
        deciding = kept
    return status, (f"not binding (expected, not required by the text); {note}; "
                    f"{len(_of(context, 'violation'))} reported violation(s) shown as context"), deciding, context


def track(agreement: Agreement, evidence: dict[str, list[Evidence]], as_of: dt.date) -> list[ProvisionStatus]:
    """Every provision's status on `as_of`, with a note when a provision it depends on is breached."""
    deadlines = agreement.deadlines()
    statuses = {}
    for provision in agreement.provisions:
        starts = _starts(agreement, provision)
        statuses[provision.id] = decide(provision, agreement.id, deadlines[provision.id], starts,
                                        evidence.get(provision.id, []), as_of)
    return [_with_conditions(agreement.provision(pid), status, statuses) for pid, status in statuses.items()]


def _starts(agreement: Agreement, provision: Provision) -> dt.date:
    from accord.agreement.deadlines import resolve_one

    return resolve_one(agreement.signed, provision.starts) or agreement.signed


def _with_conditions(provision: Provision, status: ProvisionStatus,
                     statuses: dict[str, ProvisionStatus]) -> ProvisionStatus:
    notes = [f"its condition '{dep}' is {statuses[dep].status}" for dep in provision.depends_on
             if statuses[dep].status in ("breached", "unclear")]
    if not notes:
        return status
    return replace(status, note=f"{status.note}; {'; '.join(notes)}")


def implementation_percent(agreement: Agreement, statuses: Sequence[ProvisionStatus]) -> float:
    """The Matrix's implementation level: scores of binding, non-aspiration provisions over their maximum."""
    counted = [s for s in statuses
               if agreement.provision(s.provision).binding and agreement.provision(s.provision).kind != "aspiration"]
    if not counted:
        return 0.0
    return round(100 * sum(s.score for s in counted) / (3 * len(counted)), 1)


def weeks(first: dt.date, last: dt.date) -> list[dt.date]:
    """The Mondays of every week from the one holding `first` to the one holding `last`."""
    monday = first - dt.timedelta(days=first.weekday())
    out = []
    while monday <= last:
        out.append(monday)
        monday += dt.timedelta(weeks=1)
    return out


def history(agreement: Agreement, evidence: dict[str, list[Evidence]],
            newest: dt.date) -> list[tuple[dt.date, list[ProvisionStatus]]]:
    """Each week's statuses (as of the week's Sunday, or `newest` in the last week), from the signing on."""
    return [(monday, track(agreement, evidence, min(monday + dt.timedelta(days=6), newest)))
            for monday in weeks(agreement.signed, newest)]
