"""The `accord` command line: parses options, calls the library, prints tables."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from typer.core import TyperGroup

from accord import api
from accord.agreement.cli import app as agreement_commands
from accord.errors import ExtractionError
from accord.isolation import BASE_BUDGET_SECONDS, DEFAULT_SECONDS_PER_10K, TimeBudget
from accord.store import DEFAULT_DB
from accord.terminal import EXIT_USAGE, SafeConsole, debug_enabled, describe_unexpected, one_line_error

out = SafeConsole()
err = SafeConsole(stderr=True)


class _Commands(TyperGroup):
    """Every command: what goes wrong outside accord's control (a malformed data file, a missing, busy or
    read-only store, a full disk, an output path that is a file) ends the run with one line, not a
    traceback (terminal.one_line_error); ACCORD_DEBUG=1 keeps the traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, click.exceptions.Exit, click.ClickException):
            raise  # usage errors and exits: typer prints them
        except Exception as error:
            if debug_enabled():
                raise
            message = one_line_error(error) or describe_unexpected(error)
            err.print(f"error: {message}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(code=EXIT_USAGE) from error


app = typer.Typer(
    cls=_Commands,
    help="accord: turn news articles into a source-attributed record of a conflict and its peace agreement.\n\n"
    "Start with:  accord ingest articles.jsonl  then  accord export --out out/",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.add_typer(agreement_commands, name="agreement")


def _print_version(value: bool) -> None:
    if value:
        from accord import __version__

        out.print(f"accord {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", help="Print the version and exit.",
                                       callback=_print_version, is_eager=True)) -> None:
    """accord: turn news articles into a source-attributed record of a conflict and its peace agreement.

    Start with:  accord ingest articles.jsonl  then  accord export --out out/
    """

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB file that holds the corpus.")
DEFAULT_GOLD = Path("../shared/corpus/gold")
DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


def _iso_date(value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from e


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.fields[stage]}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn(),
        console=err, disable=not err.is_terminal, transient=True,
    )


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


@app.command()
def events(
    db: str = DbOption,
    event_type: str = typer.Option(None, "--type", help="Only this PLOVER type, e.g. ASSAULT."),
    actor: str = typer.Option(None, "--actor", help="Actor1 or actor2 contains this (any case), e.g. Taliban."),
    place: str = typer.Option(None, "--place", help="Place name, province or country contains this, e.g. Kabul."),
    since: str = typer.Option(None, "--since", help="Only events on or after YYYY-MM-DD.", callback=_iso_date),
    until: str = typer.Option(None, "--until", help="Only events on or before YYYY-MM-DD.", callback=_iso_date),
    doc: str = typer.Option(None, "--doc", help="Only events this document reports."),
    limit: int = typer.Option(None, "--limit", min=1, help="Show at most this many."),
) -> None:
    """List the merged events: id, date, PLOVER type and mode, actors, place, fatalities, and the documents that
    report each (the sentence shown is at [start:end] in the first; `accord show DOC` prints it).

    Example:  accord events --db accord.duckdb --type ASSAULT --place Kabul --since 2020-03-01
    """
    from accord.ingest.validate import printable
    from accord.report.events import event_lines, list_events

    try:
        rows = list_events(db, event_type, actor, place, since, until, doc)
    except ValueError as e:
        err.print(f"error: {e}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(code=2) from e
    for line in event_lines(rows[:limit] if limit else rows, total=len(rows)):
        click.echo(printable(line))  # unwrapped: ids and offsets stay whole in a pipe; no escapes from data


@app.command()
def stats(db: str = DbOption) -> None:
    """Counts of what the store holds, by table and by source.

    Example:  accord stats --db accord.duckdb
    """
    from accord.report.summary import stats_tables

    for table in stats_tables(db):
        out.print(table)


@app.command()
def show(
    doc_id: str = typer.Argument(..., help="Document id."),
    db: str = DbOption,
    raw: bool = typer.Option(False, "--raw", help="Print the text as it came in (offsets do not apply to it)."),
    clean: bool = typer.Option(False, "--clean", help="Print the cleaned text (the default)."),
) -> None:
    """Print one stored document: its metadata and notes, its text, then its quotes, claims and event mentions,
    each with [start:end] offsets into the clean text printed above. Lines are never wrapped, so a pipe or a
    file holds the text exactly as stored.

    Example:  accord show demo-01-kabul-declaration --db demo.duckdb | less
    """
    from accord.ingest.validate import printable
    from accord.report.document import document_lines

    lines = document_lines(db, doc_id, raw=raw and not clean)
    if lines is None:
        err.print(f"error: no document '{doc_id}' in {db}", highlight=False, markup=False)
        raise typer.Exit(code=1)
    for line in lines:
        # plain writes: rich would wrap at the terminal width and break the offsets; no escape sequences from data
        click.echo(printable(line))


@app.command()
def explain(
    doc_id: str = typer.Argument(..., help="Document id."),
    db: str = DbOption,
) -> None:
    """Why is this (not) an event? Every candidate trigger of one stored document, with its sentence and
    either the event it became or the filter that dropped it.

    Example:  accord explain demo-01
    """
    from accord.extract.events.explain import explain_stored, explanation_lines
    from accord.store import Store

    with Store(db, read_only=True) as store:
        doc = store.document(doc_id)
    if doc is None:
        err.print(f"error: no document '{doc_id}' in {db}")
        raise typer.Exit(code=1)
    for line in explanation_lines(explain_stored(doc)):
        out.print(line, highlight=False, markup=False, soft_wrap=True)


@app.command()
def contests(db: str = DbOption) -> None:
    """Contested figures: claims that count the same thing over the same span but disagree, side by side.

    Example:  accord contests --db accord.duckdb
    """
    from accord.report.contests import contest_tables, load_contests

    rows = load_contests(db)
    if not rows:
        out.print("no contested figures found")
        return
    for table in contest_tables(rows):
        out.print(table)
        out.print()
    out.print(f"{len(rows)} contested figure(s)")


@app.command()
def report(
    db: str = DbOption,
    out_file: Path = typer.Option(Path("report.html"), "--out", help="The HTML file to write."),
    title: str = typer.Option("accord report", "--title", help="Title at the top of the report."),
) -> None:
    """Write one self-contained HTML report (opens offline): corpus, events timeline and map, top speakers,
    contested figures, agreement tracker; every figure links to the sentence it came from.

    Example:  accord report --db accord.duckdb --out report.html
    """
    from accord.report.html import write_report

    path = write_report(db, out_file, title=title)
    out.print(f"report written to {escape(str(path.resolve()))}", soft_wrap=True, highlight=False)


@app.command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback: only this machine)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve a read-only dashboard of the store: documents, people, events, contests, agreement, a JSON API
    (/api/...) and its schema at /docs.

    Example:  accord serve --db accord.duckdb --port 8000
    """
    import uvicorn

    from accord.web.app import create_app

    if not Path(db).exists():
        err.print(f"error: no store at {db} (run accord ingest first)", highlight=False, markup=False)
        raise typer.Exit(code=1)
    out.print(f"accord dashboard on http://{host}:{port}/  (Ctrl-C stops it)", soft_wrap=True, highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


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


@app.command()
def quotes(
    speaker: str = typer.Option(None, "--speaker", help="Name, alias or organisation (substring, any case)."),
    since: str = typer.Option(None, "--since", help="Only quotes said (or published) on or after YYYY-MM-DD.",
                              callback=_iso_date),
    until: str = typer.Option(None, "--until", help="Only quotes said (or published) on or before YYYY-MM-DD.",
                              callback=_iso_date),
    limit: int = typer.Option(None, "--limit", min=0, help="Show at most this many."),
    db: str = DbOption,
) -> None:
    """Who said what, when: quotes with speaker, date and source (reported speech in italics).

    Example:  accord quotes --speaker Pompeo --since 2020-02-01 --db accord.duckdb
    """
    from accord.report.quotes import find_quotes, quotes_table

    out.print(quotes_table(find_quotes(db, speaker=speaker, since=since, until=until, limit=limit)))


@app.command()
def demo(
    db: str = typer.Option("demo.duckdb", "--db", help="Store for the demo run (rebuilt each time)."),
    out_dir: Path = typer.Option(Path("demo-out"), "--out", help="Where the demo exports go."),
    report_file: Path = typer.Option(Path("demo-report.html"), "--report", help="Where the demo's HTML report goes."),
) -> None:
    """Run accord end to end on the embedded demo corpus (demo/): ingest, export, summary, HTML report.

    Example:  accord demo
    """
    from accord.report.contests import contest_tables, load_contests
    from accord.report.events import events_table, list_events
    from accord.report.quotes import find_quotes, quotes_table
    from accord.report.summary import stats_tables

    Path(db).unlink(missing_ok=True)
    inputs = sorted(p for p in DEMO_DIR.iterdir() if p.is_file() and p.name != "README.md")
    report = _run_ingest(inputs, db, None, None, 1)
    _print_ingest_report(report, db)
    tracked = _load_demo_agreement(db)
    _export_quietly(db, out_dir)
    for table in stats_tables(db):
        out.print(table)
    out.print(quotes_table(find_quotes(db, speaker="Esper", limit=4), width=100))
    for table in contest_tables(load_contests(db)):
        out.print(table)
    multi_source = [e for e in list_events(db) if len(e["docs"] or []) > 1]
    out.print(events_table(multi_source[:8]))
    out.print(tracked)
    # one command a line: each fits 80 columns and can be copied whole
    out.print("Explore further:")
    for command in ("quotes", "events", "contests"):
        out.print(f"  accord {command} --db {escape(db)}", soft_wrap=True)
    from accord.report.html import write_report

    path = write_report(db, report_file, title="accord demo report")
    out.print(f"Report: {escape(str(path.resolve()))}", soft_wrap=True, highlight=False)
    out.print(f"Dashboard:  accord serve --db {escape(db)}", soft_wrap=True, highlight=False)


def _load_demo_agreement(db: str) -> Table:
    """Track the 2020 US-Taliban agreement over the demo corpus; its status table, printed last."""
    from accord.agreement.bundled import resolve
    from accord.agreement.monitor import load
    from accord.agreement.report import status_table

    agreement, text, origin = resolve("us-taliban-2020")
    return status_table(load(db, agreement, text, origin))


def _export_quietly(db: str, out_dir: Path) -> None:
    from accord.export import export as run_export

    tables = run_export(db, out_dir, "jsonl")
    out.print("exported " + ", ".join(f"{t.name} ({t.rows})" for t in tables) + f" to {escape(str(out_dir))}/",
              soft_wrap=True)


def main() -> None:  # pragma: no cover
    sys.exit(app())
