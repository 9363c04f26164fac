"""The bundled US-Taliban agreement tracked over the demo corpus (demo/, written for accord)."""

import datetime as dt
from pathlib import Path

import pytest

from accord.agreement.bundled import resolve
from accord.agreement.monitor import load, status_as_of
from accord.api import ingest
from accord.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("agreement-demo") / "demo.duckdb")
    ingest(sorted(p for p in DEMO.iterdir() if p.is_file() and p.name != "README.md"), db)
    agreement, text, origin = resolve("us-taliban-2020")
    load(db, agreement, text, origin)
    return db


def _as_of(db: str, day: str) -> dict:
    with Store(db, read_only=True) as store:
        result = status_as_of(store, resolve("us-taliban-2020")[0], dt.date.fromisoformat(day))
    return {s.provision: s for s in result.statuses}


def test_in_may_2020_the_talks_had_missed_their_date_and_the_withdrawal_was_not_due(demo_db):
    may = _as_of(demo_db, "2020-05-06")
    assert may["start-negotiations"].status == "breached"
    assert may["reduce-to-8600"].status == "not_due" and may["withdraw-all-forces"].status == "not_due"


def test_by_september_2021_the_withdrawal_was_complete_and_late(demo_db):
    september = _as_of(demo_db, "2021-09-01")
    withdraw = september["withdraw-all-forces"]
    assert withdraw.status == "met" and withdraw.late_days and withdraw.late_days > 100
    assert september["reduce-to-8600"].status == "met"
    assert september["start-negotiations"].status == "met"


def test_violence_is_never_a_breach_of_the_agreement(demo_db):
    with Store(demo_db, read_only=True) as store:
        weeks = store.rows("SELECT status, evidence FROM provision_status WHERE provision = 'reduce-violence'")
        decided = store.rows("""SELECT provision, week FROM provision_status
                                WHERE status IN ('met', 'partly_met', 'breached', 'unclear') AND len(evidence) = 0""")
    assert weeks and {w["status"] for w in weeks} <= {"pending", "met", "partly_met"}
    assert decided == []  # a decided status never stands without evidence
