"""The `accord` command line: parses options, calls the library, prints tables.

`app` (cli/common.py) is the command group; importing the command modules registers their commands on it.
"""

from __future__ import annotations

import sys

from accord.cli import demo, ingest, read  # noqa: F401  (registers the commands)
from accord.cli.common import app

__all__ = ["app", "main"]


def main() -> None:  # pragma: no cover
    sys.exit(app())
