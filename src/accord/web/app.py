"""`accord serve`: a read-only dashboard over one store (FastAPI, server-rendered Jinja2 pages, a JSON API).

The pages and the API read through `accord.queries`, like the CLI and the report. The store is opened
read-only once; each request takes its own cursor. Templates autoescape: article text and titles are
untrusted and always render as text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from accord import __version__, queries
from accord.report import charts
from accord.report.outlines import world_outlines
from accord.report.render import environment, offsets_anchor, segments
from accord.report.vega_bundle import vega_bundle
from accord.web.api import cursor
from accord.web.api import router as api_router

TEMPLATES = Path(__file__).parent / "templates"
NAV = (("/", "Overview"), ("/documents", "Documents"), ("/people", "People"), ("/events", "Events"),
       ("/contests", "Contests"), ("/agreement", "Agreement"), ("/docs", "API"))


def create_app(db: str | Path) -> FastAPI:
    app = FastAPI(title="accord", version=__version__, description="Read-only views of an accord store. "
                  "Every row that comes from a sentence has `doc`, `start`, `end` (offsets in the clean text).")
    app.state.con = duckdb.connect(str(db), read_only=True)
    app.state.db = str(db)
    app.state.charts = {}  # chart specs over the whole store: it is opened read-only, so they never change
    app.state.env = environment(TEMPLATES)
    app.state.env.globals.update(nav=NAV, version=__version__, db_name=Path(db).name, link=_link,
                                 query_string=_query_string)
    app.include_router(api_router)
    _add_pages(app)
    return app


def _link(doc: str | None, start: int | None = None, end: int | None = None) -> str:
    """The article page of a document, scrolled to a span when offsets are given."""
    from urllib.parse import quote

    base = f"/documents/{quote(doc or '', safe='')}"
    return f"{base}#{offsets_anchor(start, end)}" if start is not None and end is not None else base


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return "?" + urlencode(merged) if merged else ""


def _chart(request: Request, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A whole-store chart spec, built on first use (Altair takes ~100 ms a chart) and kept for the app's life."""
    cache = request.app.state.charts
    if name not in cache:
        cache[name] = build()
    return cache[name]


def _render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.env.get_template(template).render(
        request_path=request.url.path, params=defaultdict(str, request.query_params), **context)
    return HTMLResponse(html, status_code=status_code)


def _guarded(request: Request, template: str, read, **context: Any) -> HTMLResponse:
    """Render a page whose read may fail on a malformed filter: the page says why (400), it does not show 0 rows."""
    try:
        found = read()
    except ValueError as e:
        return _render(request, template, status_code=400, error=str(e), **context, **_empty_of(template))
    return _render(request, template, error=None, **context, **found)


def _empty_of(template: str) -> dict[str, Any]:
    empty = queries.Page([], 0, queries.DEFAULT_LIMIT, 0)
    return {"documents.html": {"page": empty, "sources": []}, "quotes.html": {"page": empty},
            "events.html": {"page": empty, "timeline": None, "map": None, "types": queries.PLOVER_TYPES}}.get(
        template, {})


def _add_pages(app: FastAPI) -> None:  # noqa: C901 - one small handler per page
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, con=Depends(cursor)) -> HTMLResponse:
        return _render(request, "overview.html", counts=queries.table_counts(con),
                       summary=queries.corpus_summary(con), by_source=queries.documents_by_source(con),
                       languages=queries.languages(con),
                       documents_spec=_chart(request, "documents",
                                             lambda: charts.documents_chart(queries.documents_by_week(con))))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents(request: Request, con=Depends(cursor), q: str | None = None, source: str | None = None,
                  since: str | None = None, until: str | None = None, story: str | None = None,
                  offset: int = 0) -> HTMLResponse:
        return _guarded(request, "documents.html", lambda: {
            "page": queries.documents(con, q, source, since, until, story, offset=offset),
            "sources": queries.sources(con)})

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, doc_id: str, con=Depends(cursor), view: str = "clean") -> HTMLResponse:
        doc = queries.document(con, doc_id)
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
        marks = ([{"kind": "quote", "start": q["start"], "end": q["end"],
                   "label": f"quote: {q['speaker'] or '(unnamed)'}"} for q in doc["quotes"]]
                 + [{"kind": "claim", "start": c["start"], "end": c["end"],
                     "label": f"claim: {c['value']:g} {c['measure'] or ''}"} for c in doc["claims"]]
                 + [{"kind": "event", "start": m["start"], "end": m["end"],
                     "label": f"event: {m['type']} {m['detail'] or ''}"} for m in doc["event_mentions"]])
        return _render(request, "document.html", doc=doc, view="raw" if view == "raw" else "clean",
                       pieces=segments(doc["clean_text"] or "", marks))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes(request: Request, con=Depends(cursor), speaker: str | None = None, since: str | None = None,
               until: str | None = None, offset: int = 0) -> HTMLResponse:
        return _guarded(request, "quotes.html", lambda: {
            "page": queries.quotes(con, speaker, since, until, offset=offset)})

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people(request: Request, con=Depends(cursor), q: str | None = None) -> HTMLResponse:
        return _render(request, "people.html", people=queries.people(con, q))

    @app.get("/people/{name}", response_class=HTMLResponse, include_in_schema=False)
    def person(request: Request, name: str, con=Depends(cursor)) -> HTMLResponse:
        found = queries.person(con, name)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no person {name!r}")
        for quote in found["quotes"]:
            quote["speaker"], quote["href"] = name, _link(quote["doc"], quote["start"], quote["end"])
        return _render(request, "person.html", person=found, spec=charts.speakers_chart(found["quotes"]))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(request: Request, con=Depends(cursor), type: str | None = None, actor: str | None = None,  # noqa: A002
               place: str | None = None, since: str | None = None, until: str | None = None,
               doc: str | None = None, offset: int = 0) -> HTMLResponse:
        def read() -> dict[str, Any]:
            page = queries.events(con, type, actor, place, since, until, doc, offset=offset)
            return {"page": page, "timeline": _chart(request, "timeline", lambda: _timeline(con)),
                    "map": _chart(request, "map", lambda: _map(con)), "types": queries.PLOVER_TYPES}
        return _guarded(request, "events.html", read)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event(request: Request, event_id: str, con=Depends(cursor)) -> HTMLResponse:
        found = queries.events(con, event_id=event_id).rows
        if not found:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
        return _render(request, "event.html", event=found[0], mentions=queries.event_mentions(con, event_id))

    @app.get("/contests", response_class=HTMLResponse, include_in_schema=False)
    def contests(request: Request, con=Depends(cursor)) -> HTMLResponse:
        return _render(request, "contests.html", contests=queries.contests(con))

    @app.get("/agreement", response_class=HTMLResponse, include_in_schema=False)
    def agreement(request: Request, con=Depends(cursor), as_of: str | None = None) -> HTMLResponse:
        return _guarded(request, "agreement.html", lambda: _agreement(con, as_of))

    @app.get("/agreement/evidence", response_class=HTMLResponse, include_in_schema=False)
    def evidence(request: Request, provision: str, week: str | None = None, con=Depends(cursor)) -> HTMLResponse:
        return _render(request, "evidence.html", provision=provision, week=week,
                       items=queries.status_evidence(con, provision, week))

    @app.get("/static/world.json", include_in_schema=False)
    def world() -> Response:
        return Response(json.dumps(world_outlines()), media_type="application/json",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/vega.js", include_in_schema=False)
    def vega() -> Response:
        return Response(vega_bundle(), media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})


def _timeline(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    timeline = queries.events_by_week(con)
    for row in timeline:  # a bar opens that type's events of that week
        sunday = (date.fromisoformat(row["week"]) + timedelta(days=6)).isoformat()
        row["href"] = "/events" + _query_string({"type": row["type"], "since": row["week"], "until": sunday})
    return charts.timeline_chart(timeline)


def _map(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    places = queries.events_by_place(con)
    for place in places:  # a circle opens the events at that place
        place["href"] = "/events" + _query_string({"place": place["name"]})
    return charts.map_chart(places, "/static/world.json")


def _agreement(con: duckdb.DuckDBPyConnection, as_of: str | None) -> dict[str, Any]:
    history = queries.provision_history(con)
    grid: dict[str, dict[str, dict[str, Any]]] = {}
    for row in history:
        grid.setdefault(row["provision"], {})[row["week"]] = row
    return {"provisions": queries.provisions(con, as_of), "weeks": sorted({r["week"] for r in history}),
            "grid": grid, "has_history": queries.has_table(con, "provision_status"), "as_of": as_of}
