"""Commands that read the store: events, stats, show, explain, contests, quotes, report, serve."""

from __future__ import annotations

from pathlib import Path

import click
import typer
from rich.markup import escape

from accord.cli.common import DbOption, _iso_date, app, err, out


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
    report each (the sentence shown is at \\[start:end] in the first; `accord show DOC` prints it).

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


