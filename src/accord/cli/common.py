"""The `accord` app itself: the command group, its one-line errors, the options and helpers commands share.

The commands live in cli/ingest.py (writing the store), cli/read.py (reading it) and cli/demo.py."""

from __future__ import annotations

from pathlib import Path

import click
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from typer.core import TyperGroup

from accord.agreement.cli import app as agreement_commands
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
DEMO_DIR = Path(__file__).resolve().parents[3] / "demo"


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


