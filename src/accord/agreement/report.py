"""The status table: one row per provision with its status, deadline, score and newest evidence."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from accord.agreement.monitor import AgreementStatus

STYLE = {"met": "green", "partly_met": "yellow", "breached": "red", "unclear": "magenta",
         "pending": "cyan", "not_due": "dim"}
SNIPPET = 110


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def status_table(result: AgreementStatus, evidence_rows: int = 1) -> Table:
    agreement = result.agreement
    table = Table(title=f"{agreement.title} — as of {result.as_of.isoformat()} — implementation "
                        f"{result.percent:.0f}%", title_justify="left", show_lines=True)
    table.add_column("provision", overflow="fold", max_width=26)
    table.add_column("status", max_width=14)
    table.add_column("deadline", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("why", ratio=2, overflow="fold")
    table.add_column("top evidence (newest first)", ratio=3, overflow="fold")
    for status in result.statuses:
        provision = agreement.provision(status.provision)
        label = Text(status.status, style=STYLE.get(status.status, ""))
        if status.met_on:
            label.append(f"\n{status.met_on.isoformat()}")
            if status.late_days:
                label.append(f"\n{status.late_days} d late")
        name = Text(provision.id)
        if not provision.binding:
            name.append("\n(not binding)", style="dim")
        rows = list(status.evidence[:evidence_rows]) or list(status.context[:evidence_rows])
        evidence = Text()
        for row in rows:
            prefix = "" if status.evidence else "context: "
            evidence.append(f"{prefix}{row.kind} {row.doc} [{row.start}:{row.end}] {row.happened_on.isoformat()}",
                            style="bold")
            evidence.append(f" ({row.counts})\n{_snippet(row.text)}\n")
        table.add_row(name, label, status.deadline.isoformat() if status.deadline else "-",
                      str(status.score), Text(status.note), evidence)
    return table
