"""`accord report`: one self-contained HTML file (scripts, styles, chart data inlined; opens with no network).

Sections: corpus overview, events timeline, map, top speakers, contested figures, agreement tracker, and the
cited sentences. Every number and status links to an anchor in that last section, which names the sentence's
document id and offsets in the clean text, so a reader checks a figure without the store.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from accord import __version__, queries
from accord.report import charts
from accord.report.outlines import world_outlines
from accord.report.render import environment, sentence_anchor
from accord.report.vega_bundle import vega_bundle

MAX_EVENTS = 2000  # the events listed in full; a bigger store lists the first ones by date and says so
TOP_SPEAKERS = 8


def _events(con: duckdb.DuckDBPyConnection) -> queries.Page:
    page = queries.events(con, limit=queries.MAX_LIMIT)
    found = list(page.rows)
    while len(found) < min(page.total, MAX_EVENTS):
        found += queries.events(con, limit=queries.MAX_LIMIT, offset=len(found)).rows
    return queries.Page(found[:MAX_EVENTS], page.total, MAX_EVENTS, 0)


def _week_of(day: str | None) -> str | None:
    if not day or len(day) < 10:
        return None
    try:
        parsed = datetime.fromisoformat(day[:10]).date()
    except ValueError:
        return None
    return datetime.fromordinal(parsed.toordinal() - parsed.weekday()).date().isoformat()


def _group_events_by_week(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    weeks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        weeks[_week_of(event.get("date")) or "undated"].append(event)
    return list(weeks.items())


def _status_changes(history: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(provision, week) -> the week whose evidence explains that status (the last week it changed)."""
    since: dict[tuple[str, str], str] = {}
    last: dict[str, tuple[Any, str]] = {}
    for row in history:
        prev = last.get(row["provision"])
        changed = prev is None or prev[0] != (row["status"], row["score"])
        week_of_change = row["week"] if changed else prev[1]
        last[row["provision"]] = ((row["status"], row["score"]), week_of_change)
        since[(row["provision"], row["week"])] = week_of_change
    return since


def _agreement(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    provisions = queries.provisions(con)
    history = queries.provision_history(con)
    changes = _status_changes(history)
    weeks = sorted({row["week"] for row in history})
    grid: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in history:
        grid[row["provision"]][row["week"]] = {**row, "explained_by": changes[(row["provision"], row["week"])]}
    explaining = {(provision, week) for (provision, _), week in changes.items()}
    evidence = {(p, w): queries.status_evidence(con, p, w) for (p, w) in sorted(explaining)}
    current = {p["id"]: queries.status_evidence(con, p["id"]) for p in provisions}
    return {"provisions": provisions, "weeks": weeks, "grid": grid, "evidence": evidence, "current": current,
            "has_history": queries.has_table(con, "provision_status")}


def _cited(con: duckdb.DuckDBPyConnection, spans: set[tuple[str, int, int]]) -> list[dict[str, Any]]:
    """The text of every cited sentence, by document then offset, with its document's title and source."""
    ids = sorted({doc for doc, _, _ in spans})
    if not ids:
        return []
    docs = {r["id"]: r for r in queries.rows(
        con, f"SELECT id, title, source, published, clean_text FROM documents WHERE id IN "
             f"({', '.join('?' for _ in ids)})", ids)}
    cited = []
    for doc, start, end in sorted(spans):
        if doc in docs:
            meta = docs[doc]
            cited.append({"doc": doc, "start": start, "end": end, "text": meta["clean_text"][start:end],
                          "title": meta["title"], "source": meta["source"], "published": meta["published"],
                          "anchor": sentence_anchor(doc, start, end)})
    return cited


def _span(doc: str | None, start: int | None, end: int | None) -> tuple[str, int, int] | None:
    return (doc, start, end) if doc and start is not None and end is not None else None


def build_context(con: duckdb.DuckDBPyConnection, title: str) -> dict[str, Any]:
    """Everything the report template shows, read through `accord.queries`."""
    events = _events(con)
    speakers = queries.top_speakers(con, TOP_SPEAKERS)
    contests = queries.contests(con)
    agreement = _agreement(con)
    for quote in speakers:
        quote["href"] = "#" + sentence_anchor(quote["doc"], quote["start"], quote["end"])
    timeline = queries.events_by_week(con)
    for row in timeline:
        row["href"] = f"#week-{row['week']}"
    places = queries.events_by_place(con)
    for place in places:
        place["href"] = f"#ev-{place['first_event']}"
    spans = {s for s in (
        *(_span(e["sentence_doc"], e["start"], e["end"]) for e in events.rows),
        *(_span(q["doc"], q["start"], q["end"]) for q in speakers),
        *(_span(c["doc"], c["start"], c["end"]) for contest in contests for c in contest["claims"]),
        *(_span(i["doc"], i["start"], i["end"]) for items in (*agreement["evidence"].values(),
                                                              *agreement["current"].values()) for i in items),
    ) if s}
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in speakers:
        by_speaker[quote["speaker"]].append(quote)
    return {
        "title": title, "version": __version__, "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "counts": queries.table_counts(con), "summary": queries.corpus_summary(con),
        "by_source": queries.documents_by_source(con), "languages": queries.languages(con),
        "events": events, "event_weeks": _group_events_by_week(events.rows),
        "speakers": dict(sorted(by_speaker.items(), key=lambda kv: -len(kv[1]))), "people": queries.people(con),
        "contests": contests, "agreement": agreement, "cited": _cited(con, spans),
        "specs": {
            "documents": charts.documents_chart(queries.documents_by_week(con)),
            "timeline": charts.timeline_chart(timeline),
            "map": charts.map_chart(places, world_outlines()),
            "speakers": charts.speakers_chart(speakers),
        },
    }


def render_report(db: str | Path, title: str = "accord report") -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        context = build_context(con, title)
    finally:
        con.close()
    return environment().get_template("report.html").render(**context, vega_js=vega_bundle())


def write_report(db: str | Path, out: str | Path, title: str = "accord report") -> Path:
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(db, title), encoding="utf-8")
    return path
