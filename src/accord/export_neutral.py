"""CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(...)`, `=cmd|...`). Text in accord's
exports comes from the open web, so such a cell gets a leading `'`: the spreadsheet shows it as text
and a reader can still see the original. Numbers are left alone (a negative change is a number)."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The same rule as SQL over a VARCHAR column, for exports written by DuckDB's COPY.
_SQL_PATTERN = "^[=+@\\t\\r-]"


def neutral_cell(value: Any) -> Any:
    """A CSV cell value that no spreadsheet reads as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutral_sql(column: str) -> str:
    """A SQL expression for a VARCHAR column with `neutral_cell` applied (`column` is a quoted name)."""
    return f"CASE WHEN regexp_matches({column}, '{_SQL_PATTERN}') THEN '''' || {column} ELSE {column} END"
