"""Commands that write the store or score it: ingest, export, eval."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from accord import api
from accord.cli.common import DEFAULT_GOLD, DbOption, _iso_date, _progress, app, err, out
from accord.errors import ExtractionError
from accord.isolation import BASE_BUDGET_SECONDS, DEFAULT_SECONDS_PER_10K, TimeBudget


def _run_ingest(
    paths: list[Path], db: str, published: str | None, source: str | None, workers: int, **options: object
) -> api.IngestReport:
    with _progress() as progress:
        total = api.count_articles(paths) if err.is_terminal else None
        task = progress.add_task("ingest", total=total, rate="-", stage="reading")

        def advance(n: int) -> None:
            progress.advance(task, n)
            elapsed = progress.tasks[0].elapsed or 0
            if elapsed:
                progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:.1f}")

        def rejected(error: Exception) -> None:
            # one line whatever the width, and a "[" in a file name is not markup
            label = "failed" if isinstance(error, ExtractionError) else "rejected"
            err.print(f"[red]{label}[/red] {escape(str(error))}", highlight=False, soft_wrap=True)

        def stage(text: str) -> None:  # the model load and the linking take long and move no bar
            progress.update(task, stage=text)

        return api.ingest(paths, db, published=published, source=source, n_process=workers,
                          on_progress=advance, on_error=rejected, on_stage=stage, **options)


def _print_ingest_report(report: api.IngestReport, db: str) -> None:
    # One line each whatever the terminal width (scripts grep them), and a "[" in a path is not markup.
    out.print(
        f"{report.stored} stored, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.reextracted} re-extracted, {len(report.rejected)} rejected"
        f"{f', {len(report.failed)} failed' if report.failed else ''} -> {escape(db)}",
        soft_wrap=True,
    )
    for notice in report.notices:
        out.print(f"note: {escape(notice)}", soft_wrap=True, highlight=False)
    if report.not_english:
        ids = escape(", ".join(report.not_english))
        out.print(f"not English (stored, flagged, not extracted): {ids}", soft_wrap=True)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders: .txt .md .html .htm .jsonl .jsonl.gz"),
    db: str = DbOption,
    published: str = typer.Option(
        None, help="Publication date YYYY-MM-DD for inputs that lack one.", callback=_iso_date
    ),
    source: str = typer.Option(None, help="Source name for inputs that lack one."),
    workers: int = typer.Option(None, min=1, help="Processes for the NLP stage (default: every core, or one "
                                "for an input of a few dozen articles, where loading the model in each costs more)."),
    on_duplicate: str = typer.Option("error", "--on-duplicate", help="A second article with an id already read "
                                     "in this run: error (rejected), skip (keep the first) or replace."),
    wait: float = typer.Option(0.0, "--wait", min=0, help="Seconds to wait while another process holds the store."),
    time_budget: float = typer.Option(DEFAULT_SECONDS_PER_10K, "--time-budget", min=0,
                                      help="Seconds per 10,000 characters one article may take (plus "
                                      f"{BASE_BUDGET_SECONDS:.0f}s); over it, it is stored without "
                                      "extractions and reported. 0: no limit."),
    engine: str = typer.Option("local", "--engine", help="Where the NLP stage runs: local (this machine's "
                               "processes) or ray (Ray Data; pip install 'accord[ray]')."),
    address: str = typer.Option(None, "--address", help="With --engine ray: the cluster, e.g. ray://head:10001 "
                                "(default: RAY_ADDRESS, else a local Ray on --workers CPUs)."),
) -> None:
    """Read, clean, extract and store articles; re-running skips what is already stored.

    One bad article never stops the run: it is reported on one line, the rest is stored, exit code 1.

    Example:  accord ingest ../shared/corpus/articles.jsonl --db accord.duckdb
    """
    if on_duplicate not in api.DUPLICATE_POLICIES:
        raise typer.BadParameter(f"use one of {', '.join(api.DUPLICATE_POLICIES)}", param_hint="--on-duplicate")
    if engine not in ("local", "ray"):
        raise typer.BadParameter("use local or ray", param_hint="--engine")
    if engine == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            raise typer.BadParameter("Ray is not installed: pip install 'accord[ray]'", param_hint="--engine")
    if workers is None:
        from accord.engines.local import default_workers

        workers = default_workers(api.count_articles(paths))
    report = _run_ingest(paths, db, published, source, workers, on_duplicate=on_duplicate, wait=wait,
                         budget=TimeBudget(seconds_per_10k=time_budget), engine=engine, address=address)
    _print_ingest_report(report, db)
    if not report.ok:
        raise typer.Exit(code=1)


@app.command()
def export(
    db: str = DbOption,
    out_dir: Path = typer.Option(Path("out"), "--out", help="Folder to write the tables to."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet, or acled-csv (events only)."),
) -> None:
    """Write every table of the export contract (documents, quotes, claims, events, contests, provisions).

    Example:  accord export --db accord.duckdb --out out/ --format jsonl
    """
    from accord.export import export as run_export

    if fmt == "acled-csv":
        from accord.export_acled import export_acled

        def undated(count: int) -> None:
            err.print(f"note: {count} undated event(s) left out (an ACLED row needs a date)")

        path, rows = export_acled(db, out_dir, on_undated=undated)
        out.print(f"{rows:6d}  {path}")
        return

    def notice(table: str, stage: str) -> None:
        err.print(f"note: {table} is empty: {stage} has produced no rows yet")

    try:
        tables = run_export(db, out_dir, fmt, on_empty=notice)
    except ValueError as e:
        err.print(f"error: {e}")
        raise typer.Exit(code=2) from e
    for table in tables:
        out.print(f"{table.rows:6d}  {table.path}")


@app.command(name="eval")
def evaluate_command(
    db: str = DbOption,
    gold: Path = typer.Option(DEFAULT_GOLD, help="Folder of gold JSON files (GOLD.md format)."),
    export_dir: Path = typer.Option(None, "--export", help="Score an export folder instead of the store."),
    per_doc: bool = typer.Option(True, help="Also print a row per document."),
    json_out: Path = typer.Option(None, "--json", help="Write the overall scores as JSON here."),
    split: str = typer.Option("all", "--split", help="Score only one half of the gold: tune, check or all "
                              "(a fixed hash of the document id decides the half)."),
    write_baseline: Path = typer.Option(None, "--write-baseline", help="Pin these scores (every half) in a "
                                        "baseline file, e.g. tests/eval_baseline.json, that the gate test reads."),
) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per table.

    Tune rules on `--split tune`; a rule stays only if `--split check` does not drop. With `all`
    (the default) both halves are printed side by side.

    Example:  accord ingest ../shared/corpus/articles.jsonl --db eval.duckdb && accord eval --db eval.duckdb
    """
    from accord.report.scores import print_scores, run_eval

    if not gold.is_dir():
        err.print(f"error: gold folder {gold} not found (use --gold DIR)")
        raise typer.Exit(code=2)
    if split not in ("tune", "check", "all"):
        err.print(f"error: --split {split!r}: use tune, check or all")
        raise typer.Exit(code=2)
    result = run_eval(gold, db=None if export_dir else db, export_dir=export_dir, split=split)
    print_scores(out, result, per_doc=per_doc, json_path=json_out)
    if write_baseline is not None:
        import json

        from accord.evaluate import baseline_payload

        if split != "all":
            err.print("error: --write-baseline needs --split all (the baseline pins both halves)")
            raise typer.Exit(code=2)
        write_baseline.write_text(json.dumps(baseline_payload(result, gold), indent=1) + "\n", encoding="utf-8")
        out.print(f"baseline written to {write_baseline}")


