"""Each status decision on small evidence sets written here; conditions, the not-binding rule, scores."""

import datetime as dt

from accord.agreement.evidence import Evidence
from accord.agreement.schema import parse_agreement
from accord.agreement.tracker import decide, history, implementation_percent, track, weeks

D = dt.date
AGREEMENT = parse_agreement("""\
id: valley
title: Valley accord
signed: 2020-02-29
parties: [Side A, Side B]
provisions:
  - {id: withdraw, obligor: Side A, obligation: Leave the valley., deadline: 14 months after signing,
     depends_on: [guarantee]}
  - {id: release, obligor: Side A, obligation: Free 500 detainees., deadline: 2020-03-10, target: 500}
  - {id: guarantee, obligor: Side B, obligation: Host no armed group., kind: condition}
  - {id: calm, obligor: Side B, obligation: Keep violence down., kind: refrain, binding: false}
  - {id: ceasefire-talks, obligor: Side B, obligation: Discuss a ceasefire., kind: aspiration}
""", "valley.yaml")
DEADLINE = D(2021, 4, 29)


def row(counts, seen, happened=None, *, n=0, dated=False, planned=False, fraction=None, kind="event"):
    return Evidence(f"{kind}:doc{n}:{n}", kind, counts, f"doc{n}", f"sentence {n}", 10 * n, 10 * n + 9, seen,
                    happened or seen, fraction=fraction, dated=dated, planned=planned)


def withdraw(rows, as_of):
    return decide(AGREEMENT.provision("withdraw"), "valley", DEADLINE, AGREEMENT.signed, rows, as_of)


def test_nothing_reported_before_the_deadline_is_not_due():
    status = withdraw([], D(2020, 5, 6))
    assert (status.status, status.score, status.evidence) == ("not_due", 0, ())


def test_a_plan_for_a_day_before_the_deadline_is_context_not_a_decision():
    status = withdraw([row("not_yet", D(2020, 3, 1), D(2021, 4, 1), planned=True)], D(2020, 5, 6))
    assert status.status == "not_due" and len(status.context) == 1


def test_silence_after_the_deadline_is_pending_not_breached():
    status = withdraw([], D(2021, 5, 2))
    assert status.status == "pending" and "no report of completion" in status.note


def test_a_plan_for_a_day_after_the_deadline_is_a_breach_of_it():
    plan = row("not_yet", D(2021, 4, 14), D(2021, 5, 1), planned=True)
    status = withdraw([plan], D(2021, 5, 2))
    assert status.status == "breached"
    assert status.evidence == (plan,)
    assert "planned for 2021-05-01 (reported 2021-04-14)" in status.note


def test_a_report_after_the_deadline_that_it_is_still_to_come_is_a_breach():
    status = withdraw([row("not_yet", D(2021, 6, 1))], D(2021, 6, 2))
    assert status.status == "breached" and "still reported as to come on 2021-06-01" in status.note


def test_a_reported_completion_is_met_with_its_day_and_lateness():
    plan = row("not_yet", D(2021, 4, 14), D(2021, 5, 1), n=1, planned=True)
    done = row("met", D(2021, 8, 31), D(2021, 8, 30), n=2, dated=True)
    status = withdraw([plan, done], D(2021, 9, 1))
    assert (status.status, status.score, status.met_on, status.late_days) == ("met", 3, D(2021, 8, 30), 123)
    assert status.evidence == (done,)


def test_an_undated_completion_is_late_only_when_a_report_shows_it():
    done = row("met", D(2021, 8, 31), n=2)
    assert withdraw([done], D(2021, 9, 1)).late_days is None  # "it is over" says nothing of when
    plan = row("not_yet", D(2021, 4, 14), D(2021, 5, 1), n=1, planned=True)
    assert withdraw([plan, done], D(2021, 9, 1)).late_days == (D(2021, 8, 31) - DEADLINE).days


def test_a_completion_on_time_has_no_late_days():
    status = withdraw([row("met", D(2021, 3, 2), D(2021, 3, 1), dated=True)], D(2021, 9, 1))
    assert (status.met_on, status.late_days) == (D(2021, 3, 1), None)


def test_evidence_reported_after_the_day_asked_about_is_not_used():
    status = withdraw([row("met", D(2021, 8, 31))], D(2021, 5, 2))
    assert status.status == "pending" and status.evidence == ()


def test_a_newer_report_that_it_is_not_done_makes_a_completion_unclear():
    done, denial = row("met", D(2021, 6, 1), n=1), row("not_yet", D(2021, 6, 20), n=2)
    status = withdraw([done, denial], D(2021, 7, 1))
    assert status.status == "unclear"
    assert status.evidence == (denial, done)  # newest first


def test_a_plan_retold_after_a_completion_does_not_undo_it():
    done = row("met", D(2021, 8, 30), n=1)
    retold = row("not_yet", D(2021, 8, 31), D(2021, 8, 31), n=2, planned=True)
    assert withdraw([done, retold], D(2021, 9, 1)).status == "met"


def test_an_older_denial_is_superseded_by_a_later_completion():
    denial, done = row("not_yet", D(2021, 6, 1), n=1), row("met", D(2021, 8, 30), n=2)
    assert withdraw([denial, done], D(2021, 9, 1)).status == "met"


def test_a_count_below_the_target_is_partly_met_scored_by_how_far_it_goes():
    release = AGREEMENT.provision("release")
    most = decide(release, "valley", D(2020, 3, 10), AGREEMENT.signed,
                  [row("partial", D(2020, 6, 30), fraction=0.7, kind="claim")], D(2020, 7, 1))
    assert (most.status, most.score) == ("partly_met", 2)
    assert "the deadline 2020-03-10 passed" in most.note
    few = decide(release, "valley", D(2020, 3, 10), AGREEMENT.signed,
                 [row("partial", D(2020, 6, 30), fraction=0.1, kind="claim")], D(2020, 7, 1))
    assert (few.status, few.score) == ("partly_met", 1)


def test_a_reported_violation_by_the_obligor_is_a_breach():
    guarantee = AGREEMENT.provision("guarantee")
    status = decide(guarantee, "valley", None, AGREEMENT.signed, [row("violation", D(2020, 8, 1))], D(2020, 9, 1))
    assert status.status == "breached" and status.score == 0


def test_an_ongoing_obligation_reported_kept_is_met_and_silent_is_pending():
    guarantee = AGREEMENT.provision("guarantee")
    kept = decide(guarantee, "valley", None, AGREEMENT.signed, [row("met", D(2020, 8, 1))], D(2020, 9, 1))
    silent = decide(guarantee, "valley", None, AGREEMENT.signed, [], D(2020, 9, 1))
    assert (kept.status, silent.status) == ("met", "pending")


def test_a_violation_then_reports_of_compliance_is_unclear():
    guarantee = AGREEMENT.provision("guarantee")
    rows = [row("violation", D(2020, 8, 1), n=1), row("met", D(2020, 9, 1), n=2)]
    assert decide(guarantee, "valley", None, AGREEMENT.signed, rows, D(2020, 9, 2)).status == "unclear"


def test_violence_against_what_the_text_does_not_bind_is_context_never_a_breach():
    calm = AGREEMENT.provision("calm")
    attacks = [row("violation", D(2020, 3, 5), n=1), row("violation", D(2020, 3, 20), n=2)]
    status = decide(calm, "valley", None, AGREEMENT.signed, attacks, D(2020, 5, 6))
    assert status.status == "pending"
    assert status.evidence == ()
    assert set(status.context) == set(attacks)
    assert status.note.startswith("not binding") and "2 reported violation(s) shown as context" in status.note


def test_an_aspiration_is_never_breached_by_its_silence():
    talks = AGREEMENT.provision("ceasefire-talks")
    status = decide(talks, "valley", D(2020, 3, 10), AGREEMENT.signed, [], D(2021, 1, 1))
    assert status.status == "pending"


def test_a_breached_condition_is_named_in_the_note_of_what_depends_on_it():
    statuses = {s.provision: s for s in track(AGREEMENT, {"guarantee": [row("violation", D(2020, 8, 1))]},
                                              D(2020, 9, 1))}
    assert "its condition 'guarantee' is breached" in statuses["withdraw"].note
    assert "condition" not in statuses["release"].note


def test_every_decided_status_names_its_evidence():
    evidence = {"withdraw": [row("met", D(2021, 8, 30), n=1)], "release": [row("not_yet", D(2020, 4, 1), n=2)],
                "guarantee": [row("violation", D(2020, 8, 1), n=3)]}
    for status in track(AGREEMENT, evidence, D(2021, 9, 1)):
        if status.status in ("met", "partly_met", "breached", "unclear"):
            assert status.evidence, status.provision


def test_implementation_counts_binding_provisions_only():
    statuses = track(AGREEMENT, {"withdraw": [row("met", D(2021, 8, 30))],
                                 "calm": [row("met", D(2020, 4, 1), n=2)]}, D(2021, 9, 1))
    # withdraw 3 of 3; release and guarantee 0; calm (not binding) and the aspiration not counted
    assert implementation_percent(AGREEMENT, statuses) == round(100 * 3 / 9, 1)


def test_weeks_run_monday_to_monday_from_the_signing():
    assert weeks(D(2020, 2, 29), D(2020, 3, 10)) == [D(2020, 2, 24), D(2020, 3, 2), D(2020, 3, 9)]


def test_the_weekly_history_changes_when_the_evidence_does():
    evidence = {"release": [row("not_yet", D(2020, 3, 20), n=1), row("partial", D(2020, 4, 8), fraction=0.5, n=2)]}
    by_week = {monday: {s.provision: s for s in statuses}["release"]
               for monday, statuses in history(AGREEMENT, evidence, D(2020, 4, 20))}
    assert by_week[D(2020, 3, 2)].status == "not_due"      # deadline 10 March ahead
    assert by_week[D(2020, 3, 9)].status == "pending"      # due, nothing reported yet
    assert by_week[D(2020, 3, 16)].status == "breached"    # reported still to come after the deadline
    assert by_week[D(2020, 4, 6)].status == "partly_met"   # half released
    assert by_week[D(2020, 4, 20)].as_of == D(2020, 4, 20)  # the last week stops at the newest document


def test_a_later_dated_report_does_not_move_an_earlier_completion():
    first = row("met", D(2021, 8, 31), n=1)  # "the war has ended", no day of its own
    retold = row("met", D(2022, 8, 1), D(2022, 7, 25), n=2, dated=True)  # a year on, a misread day
    status = withdraw([first, retold], D(2022, 9, 1))
    assert status.met_on == D(2021, 8, 31)
