"""What the CLI prints: untrusted text made safe for a terminal, and every failure as one line.

Stored text comes from the open web. An article can carry terminal escape sequences (ESC passes
the binary check) that would recolour, retitle or clear an analyst's terminal; `SafeConsole`
removes control, escape and bidirectional-override characters from every string it prints
(rich's own styling is added after, so colours still work).

`one_line_error` turns what a command can meet outside its control (a missing or busy store, a
read-only folder, a full disk, an output path that is a file) into one line for stderr instead of
a traceback; `ACCORD_DEBUG=1` shows the traceback too.
"""

from __future__ import annotations

import os
import re
from typing import Any

import duckdb
from rich.console import Console
from rich.text import Text

from accord.errors import DataFileError, InputError, StoreError
from accord.ingest.validate import printable


class SafeConsole(Console):
    """A rich Console that never prints control or escape characters taken from data."""

    def render_str(self, text: str, **kwargs: Any) -> Text:  # every str rich prints, table cells included
        return super().render_str(printable(text), **kwargs)


EXIT_USAGE = 2  # a problem with the command's inputs or environment, as click uses for bad options


def debug_enabled() -> bool:
    return os.environ.get("ACCORD_DEBUG", "") not in ("", "0")


def one_line_error(error: BaseException) -> str | None:
    """The one-line message for an error a user can fix, or None for a bug (which keeps its traceback
    under ACCORD_DEBUG, else is summarised too)."""
    if isinstance(error, DataFileError | StoreError | InputError):
        return str(error)
    if isinstance(error, duckdb.Error):  # a store opened elsewhere, or a write that failed mid-run (disk full)
        from accord.store import store_error

        named = re.search(r'"([^"]+?)(?:\.wal)?"', str(error))
        return str(store_error(error, named[1] if named else "store"))
    if isinstance(error, FileExistsError):  # mkdir of an output folder that is a file
        return f"{error.filename} exists and is not a folder"
    if isinstance(error, IsADirectoryError | NotADirectoryError | PermissionError):
        return f"{error.strerror}: {error.filename}"
    if isinstance(error, OSError):
        where = f": {error.filename}" if error.filename else ""
        return f"{error.strerror or error}{where}"
    if isinstance(error, MemoryError):
        return "out of memory"
    return None


def describe_unexpected(error: BaseException) -> str:
    first = (str(error).strip().splitlines() or [""])[0][:200]
    return (f"internal error ({type(error).__name__}: {first}); please report it with the command you ran "
            "(ACCORD_DEBUG=1 shows the traceback)")
