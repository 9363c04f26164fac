"""The dashboard's JSON API: the export tables (EXPORTS.md field names), filtered and paginated.

Every listing answers {"total", "limit", "offset", "rows"}; `limit` is capped at `queries.MAX_LIMIT` (a bigger
one is cut to it, not refused) and a malformed date is a 422 that says which parameter and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request

from accord import queries

router = APIRouter(prefix="/api", tags=["api"])

Limit = Query(queries.DEFAULT_LIMIT, ge=1, description=f"Rows per page (at most {queries.MAX_LIMIT}).")
Offset = Query(0, ge=0, description="Rows to skip.")
Since = Query(None, description="YYYY-MM-DD, inclusive.")
Until = Query(None, description="YYYY-MM-DD, inclusive.")


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One cursor per request on the app's read-only connection (cursors are safe across threads)."""
    con = request.app.state.con.cursor()
    try:
        yield con
    finally:
        con.close()


def run(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except ValueError as e:  # a bad date or event type: say so, do not answer an empty list
        raise HTTPException(status_code=422, detail=str(e)) from e


def _page(page: queries.Page) -> dict[str, Any]:
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "rows": page.rows}


def _list(found: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    limit, offset = queries.clamp(limit, offset)
    return {"total": len(found), "limit": limit, "offset": offset, "rows": found[offset:offset + limit]}


@router.get("/documents")
def api_documents(con=Depends(cursor), q: str | None = None, source: str | None = None, since: str | None = Since,
                  until: str | None = Until, story: str | None = None, limit: int = Limit,
                  offset: int = Offset) -> dict[str, Any]:
    """Documents (metadata and extraction counts, no text), newest first; `q`: every word in title or text."""
    return _page(run(lambda: queries.documents(con, q, source, since, until, story, limit, offset)))


@router.get("/documents/{doc_id:path}")
def api_document(doc_id: str, con=Depends(cursor)) -> dict[str, Any]:
    """One document with its clean and raw text, quotes, claims and event mentions (offsets in the clean text)."""
    doc = queries.document(con, doc_id)
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    return doc


@router.get("/quotes")
def api_quotes(con=Depends(cursor), speaker: str | None = Query(None, description="Any part of the name, any case."),
               since: str | None = Since, until: str | None = Until, doc: str | None = None,
               limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Quotes, newest first, with speaker, day said (else published) and offsets."""
    return _page(run(lambda: queries.quotes(con, speaker, since, until, doc, limit, offset)))


@router.get("/events")
def api_events(con=Depends(cursor), type: str | None = Query(None, description="PLOVER type."),  # noqa: A002
               actor: str | None = None, place: str | None = None, since: str | None = Since,
               until: str | None = Until, doc: str | None = None, limit: int = Limit,
               offset: int = Offset) -> dict[str, Any]:
    """Merged events, oldest first, each with the document and offsets of its sentence."""
    return _page(run(lambda: queries.events(con, type, actor, place, since, until, doc, limit, offset)))


@router.get("/claims")
def api_claims(con=Depends(cursor), doc: str | None = None, measure: str | None = None, claimant: str | None = None,
               limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Claims (numbers and who asserts them) with offsets of their sentence."""
    return _page(run(lambda: queries.claims(con, doc, measure, claimant, limit, offset)))


@router.get("/contests")
def api_contests(con=Depends(cursor), limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Contested figures, claims side by side with offsets; low/best/high as UCDP keeps them."""
    return _list(queries.contests(con), limit, offset)


@router.get("/provisions")
def api_provisions(con=Depends(cursor), as_of: str | None = Query(None, description="YYYY-MM-DD: the status then."),
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Provisions of the agreement with their status (empty until the agreement tracker has run)."""
    return _list(run(lambda: queries.provisions(con, as_of)), limit, offset)
