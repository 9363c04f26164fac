"""Printing `accord eval` results."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from accord.evaluate import (
    DocScores,
    EvalResult,
    evaluate,
    load_gold,
    predictions_from_db,
    predictions_from_export,
    select_split,
    split_of,
    split_summaries,
    summary,
)

# The headline figures of each half, side by side: a rule that lifts `tune` but not `check` overfits.
HEADLINE = (("quotes end-to-end F1", "quotes_end_to_end_f1"), ("speaker accuracy", "speaker_acc"),
            ("said_on accuracy", "said_on_acc"), ("claims F1", "claims_f1"), ("claimant accuracy", "claimant_acc"),
            ("events F1", "events_f1"), ("events P", "events_p"), ("events R", "events_r"),
            ("planned accuracy", "planned_acc"))


def run_eval(gold_dir: Path, db: str | None = None, export_dir: Path | None = None,
             split: str = "all") -> EvalResult:
    gold = select_split(load_gold(gold_dir), split)
    if export_dir is not None:
        predictions = predictions_from_export(export_dir)
        known = None
    else:
        from accord.store import Store

        predictions = predictions_from_db(db)
        with Store(db, read_only=True) as store:
            known = set(store.document_ids())
    return evaluate(gold, predictions, known)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _overall_table(scores: DocScores) -> Table:
    s = summary(scores)
    table = Table(title="accord eval — overall")
    for column in ("table", "P", "R", "F1", "tp/pred/gold", "accuracy"):
        table.add_column(column, justify="left" if column == "table" else "right")
    rows = [
        ("quotes (direct)", "quotes_direct", ""),
        ("quotes (all)", "quotes_all", f"speaker {_fmt(s['speaker_acc'])} (n={s['speaker_n']}), "
                                         f"said_on {_fmt(s['said_on_acc'])} (n={s['said_on_n']})"),
        ("quotes end-to-end", "quotes_end_to_end", ""),
        ("claims", "claims", f"claimant {_fmt(s['claimant_acc'])} (n={s['claimant_n']}), "
                             f"dates/durations as claims {s['dates_as_claims']}"),
        ("events", "events", f"planned {_fmt(s['planned_acc'])} (n={s['planned_n']})"),
    ]
    for label, key, extra in rows:
        table.add_row(label, _fmt(s[f"{key}_p"]), _fmt(s[f"{key}_r"]), _fmt(s[f"{key}_f1"]),
                      f"{s[f'{key}_tp']}/{s[f'{key}_pred']}/{s[f'{key}_gold']}", extra)
    return table


def _per_doc_table(result: EvalResult) -> Table:
    table = Table(title="accord eval — per document (F1)")
    for column in ("doc", "quotes", "speaker", "claims", "claimant", "events"):
        table.add_column(column, justify="left" if column == "doc" else "right")
    table.add_column("split")
    for doc, scores in sorted(result.per_doc.items()):
        s = summary(scores)
        table.add_row(doc, _fmt(s["quotes_all_f1"]), _fmt(s["speaker_acc"]), _fmt(s["claims_f1"]),
                      _fmt(s["claimant_acc"]), _fmt(s["events_f1"]), split_of(doc))
    return table


def _split_table(result: EvalResult) -> Table:
    by_split = split_summaries(result)
    docs = {name: sum(1 for doc in result.per_doc if split_of(doc) == name) for name in ("tune", "check")}
    table = Table(title="accord eval — by split (tune on `tune`, keep a rule only if `check` does not drop)")
    table.add_column("figure")
    for name in ("tune", "check", "all"):
        table.add_column(f"{name} ({docs.get(name, len(result.per_doc))} docs)", justify="right")
    for label, key in HEADLINE:
        table.add_row(label, *(_fmt(by_split[name][key]) for name in ("tune", "check", "all")))
    return table


def print_scores(console: Console, result: EvalResult, per_doc: bool = True, json_path: Path | None = None) -> None:
    if result.missing_docs:
        console.print(f"warning: {len(result.missing_docs)} gold documents are not in the store: "
                      + ", ".join(result.missing_docs))
    if per_doc:
        console.print(_per_doc_table(result))
    console.print(_overall_table(result.overall))
    if {split_of(doc) for doc in result.per_doc} == {"tune", "check"}:
        console.print(_split_table(result))
    if json_path is not None:
        payload = {"overall": summary(result.overall), "splits": split_summaries(result),
                   "per_doc": {doc: summary(s) for doc, s in result.per_doc.items()}}
        json_path.write_text(json.dumps(payload, indent=1), encoding="utf-8")
