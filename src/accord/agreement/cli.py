"""`accord agreement load|list|status`: a typer sub-app, registered in accord/cli.py with one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from accord.store import DEFAULT_DB

out = Console()
err = Console(stderr=True)

app = typer.Typer(help="Track a peace agreement's provisions: load one, list them, show their status.",
                  no_args_is_help=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB file that holds the corpus.")


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from e


@app.command()
def load(
    agreement: str = typer.Argument(..., help="A YAML file, or the name of a bundled agreement (see list)."),
    db: str = DbOption,
) -> None:
    """Validate an agreement, store it, and compute its provisions' status from the corpus.

    Example:  accord agreement load us-taliban-2020 --db accord.duckdb
    """
    from accord.agreement.bundled import resolve
    from accord.agreement.monitor import load as load_agreement
    from accord.agreement.report import status_table

    parsed, text, origin = resolve(agreement)
    result = load_agreement(db, parsed, text, origin)
    out.print(f"loaded {escape(parsed.id)} ({len(parsed.provisions)} provisions) from {escape(origin)} "
              f"into {escape(db)}", soft_wrap=True)
    out.print(status_table(result))


@app.command(name="list")
def list_agreements(db: str = DbOption) -> None:
    """The bundled agreements, and those loaded in the store.

    Example:  accord agreement list --db accord.duckdb
    """
    from accord.agreement.bundled import bundled_names, resolve
    from accord.agreement.monitor import loaded
    from accord.store import Store

    out.print("bundled:")
    for name in bundled_names():
        agreement = resolve(name)[0]
        out.print(f"  {name:<18} {agreement.signed}  {len(agreement.provisions):2d} provisions  "
                  f"{escape(agreement.title)}", soft_wrap=True)
    if Path(db).exists():
        with Store(db, read_only=True) as store:
            ids = [a.id for a in loaded(store)]
        out.print(f"loaded in {escape(db)}: {', '.join(ids) if ids else 'none'}", soft_wrap=True)


@app.command()
def status(
    as_of: str = typer.Option(None, "--as-of", help="Status on this day YYYY-MM-DD (default: newest document)."),
    fmt: str = typer.Option("table", "--format", help="table, or json (the provisions export's fields)."),
    agreement_id: str = typer.Option(None, "--agreement", help="Only this loaded agreement."),
    evidence_rows: int = typer.Option(1, "--evidence", help="Evidence rows shown per provision (table)."),
    db: str = DbOption,
) -> None:
    """Each provision's status, deadline, PAM score (0-3) and newest evidence, as of a day.

    Example:  accord agreement status --as-of 2021-05-02 --db accord.duckdb
    """
    from accord.agreement.monitor import loaded, provision_row, status_as_of
    from accord.agreement.report import status_table
    from accord.store import Store

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"--format {fmt!r}: use table or json")
    day = _day(as_of)
    if not Path(db).exists():
        err.print(f"error: no store at {db} (run: accord ingest ... --db {db})", highlight=False, markup=False,
                  soft_wrap=True)
        raise typer.Exit(code=1)
    with Store(db, read_only=True) as store:
        agreements = [a for a in loaded(store) if agreement_id in (None, a.id)]
        if not agreements:
            err.print(f"error: no agreement loaded in {db} (run: accord agreement load us-taliban-2020 --db {db})",
                      highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(code=1)
        results = [status_as_of(store, a, day) for a in agreements]
    if fmt == "json":
        rows = [provision_row(r.agreement, s) for r in results for s in r.statuses]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for result in results:
        out.print(status_table(result, evidence_rows))
