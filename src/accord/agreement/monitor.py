"""The tracker over a store: load an agreement, gather its evidence, write its status tables.

`load` keeps the agreement's YAML in the store (table `agreements`) so later runs need no file;
`refresh` rewrites `provisions` (status as of the newest document) and `provision_status` (one row
per provision per week); `status_as_of` computes statuses for any day without writing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from accord.agreement.evidence import Evidence, provision_evidence
from accord.agreement.schema import Agreement, parse_agreement
from accord.agreement.tracker import ProvisionStatus, history, implementation_percent, track
from accord.store import Store


@dataclass
class AgreementStatus:
    agreement: Agreement
    as_of: dt.date
    statuses: list[ProvisionStatus]
    percent: float


def load(db: str | Path, agreement: Agreement, definition: str, origin: str) -> AgreementStatus:
    """Store the agreement (replacing one with the same id) and compute its tables."""
    with Store(db) as store:
        with store.transaction():
            store.con.execute("DELETE FROM agreements WHERE id = ?", [agreement.id])
            store.con.execute(
                "INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [agreement.id, agreement.title, agreement.signed.isoformat(), agreement.place,
                 agreement.parties, origin, definition, datetime.now(UTC).replace(tzinfo=None)])
        return refresh(store)[agreement.id]


def loaded(store: Store) -> list[Agreement]:
    if not _has_table(store, "agreements"):
        return []
    rows = store.rows("SELECT id, origin, definition FROM agreements ORDER BY id")
    return [parse_agreement(r["definition"], r["origin"]) for r in rows]


def _has_table(store: Store, name: str) -> bool:
    return bool(store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])


def newest_document_day(store: Store) -> dt.date | None:
    """The newest publication (or estimated) day in the store: the tracker's 'today'."""
    row = store.con.execute(
        "SELECT max(coalesce(published, published_estimate)) FROM documents").fetchone()
    if not row or not row[0]:
        return None
    from accord.agreement.evidence import _day

    return _day(row[0], end_of_period=True)


def gather(store: Store, agreement: Agreement) -> dict[str, list[Evidence]]:
    return {p.id: provision_evidence(store, p, agreement.signed, agreement.scope) for p in agreement.provisions}


def status_as_of(store: Store, agreement: Agreement, as_of: dt.date | None) -> AgreementStatus:
    day = as_of or newest_document_day(store) or dt.date.today()
    statuses = track(agreement, gather(store, agreement), day)
    return AgreementStatus(agreement, day, statuses, implementation_percent(agreement, statuses))


def refresh(store: Store) -> dict[str, AgreementStatus]:
    """Recompute every loaded agreement's `provisions` and `provision_status` rows (after an ingest, too)."""
    agreements = loaded(store)
    if not agreements:
        return {}  # nothing loaded: the ingest pays nothing
    newest = newest_document_day(store)
    results: dict[str, AgreementStatus] = {}
    provision_rows: list[dict[str, Any]] = []
    week_rows: list[dict[str, Any]] = []
    for agreement in agreements:
        evidence = gather(store, agreement)
        day = newest if newest and newest >= agreement.signed else agreement.signed
        statuses = track(agreement, evidence, day)
        results[agreement.id] = AgreementStatus(agreement, day, statuses,
                                                implementation_percent(agreement, statuses))
        provision_rows += [provision_row(agreement, s) for s in statuses]
        for monday, week in history(agreement, evidence, day):
            week_rows += [{"provision": s.provision, "agreement": s.agreement, "week": monday.isoformat(),
                           "status": s.status, "score": s.score,
                           "evidence": [e.as_export() for e in s.evidence]} for s in week]
    store.replace_table("provisions", provision_rows)
    store.replace_table("provision_status", week_rows)
    return results


def provision_row(agreement: Agreement, status: ProvisionStatus) -> dict[str, Any]:
    """One row of `provisions` (and of provisions.jsonl): the contract's fields, then ours."""
    provision = agreement.provision(status.provision)
    return {
        "id": provision.id, "agreement": agreement.id, "obligor": provision.obligor,
        "obligation": provision.obligation, "deadline": status.deadline.isoformat() if status.deadline else None,
        "status": status.status, "status_as_of": status.as_of.isoformat(),
        "evidence": [e.as_export() for e in status.evidence],
        "beneficiary": provision.beneficiary, "kind": provision.kind, "binding": provision.binding,
        "met_on": status.met_on.isoformat() if status.met_on else None, "late_days": status.late_days,
        "score": status.score, "note": status.note, "context": [e.as_export() for e in status.context],
    }
