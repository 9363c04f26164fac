"""Reads over a store: the one set of query functions behind the CLI tables, the HTML report and the dashboard.

Every function takes a DuckDB connection (or cursor) and returns plain dicts, so each renderer (rich tables,
Jinja2 pages, the JSON API) shows the same rows. Every row that comes from a sentence carries `doc`, `start`
and `end`: the offsets index the document's stored clean text, so any figure can be traced to its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

MAX_LIMIT = 500  # the cap on one page of any listing, in the API and the pages
DEFAULT_LIMIT = 50
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
TABLES = ("documents", "quotes", "claims", "event_mentions", "events", "contests", "people", "provisions",
          "provision_status")

Con = duckdb.DuckDBPyConnection
Row = dict[str, Any]


@dataclass
class Page:
    """One page of a listing: its rows, how many match in all, and where it starts."""

    rows: list[Row]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def prev_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


def rows(con: Con, sql: str, params: list[Any] | None = None) -> list[Row]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_table(con: Con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [name]).fetchone()[0])


def iso_date(value: str | None) -> str | None:
    """A YYYY-MM-DD string checked, or ValueError: a typo in a date filter must not silently match nothing."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise ValueError(f"'{value}' is not a date in the form YYYY-MM-DD") from e


def clamp(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = DEFAULT_LIMIT if limit is None else limit
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset or 0))


def _page(con: Con, sql: str, params: list[Any], order: str, limit: int | None, offset: int | None) -> Page:
    limit, offset = clamp(limit, offset)
    total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    found = rows(con, f"{sql} ORDER BY {order} LIMIT {limit} OFFSET {offset}", params)
    return Page(found, total, limit, offset)


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


# --- overview -------------------------------------------------------------------------------------------------

def table_counts(con: Con) -> dict[str, int | None]:
    """Rows per table; None for a table this store does not have (a stage not built yet)."""
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] if has_table(con, t) else None
            for t in TABLES}


def documents_by_source(con: Con) -> list[Row]:
    return rows(con, """SELECT coalesce(source, '(unknown)') AS source, count(*) AS docs,
                               min(published) AS first, max(published) AS last, count(duplicate_of) AS duplicates,
                               count(DISTINCT story) AS stories,
                               count(*) FILTER (WHERE language IS NOT NULL AND language <> 'en') AS not_english
                        FROM documents GROUP BY 1 ORDER BY 2 DESC, 1""")


def documents_by_week(con: Con) -> list[Row]:
    """Documents per publication week (the Monday) and source; undated documents are left out."""
    return rows(con, """SELECT strftime(date_trunc('week', try_cast(published AS DATE)), '%Y-%m-%d') AS week,
                               coalesce(source, '(unknown)') AS source, count(*) AS docs
                        FROM documents WHERE try_cast(published AS DATE) IS NOT NULL
                        GROUP BY 1, 2 ORDER BY 1, 2""")


def languages(con: Con) -> list[Row]:
    return rows(con, "SELECT coalesce(language, '?') AS language, count(*) AS docs FROM documents "
                     "GROUP BY 1 ORDER BY 2 DESC")


def corpus_summary(con: Con) -> Row:
    return rows(con, """SELECT count(*) AS documents, count(duplicate_of) AS duplicates,
                               count(DISTINCT story) AS stories, count(published) AS dated,
                               min(published) AS first, max(published) AS last FROM documents""")[0]


# --- documents ------------------------------------------------------------------------------------------------

def documents(con: Con, q: str | None = None, source: str | None = None, since: str | None = None,
              until: str | None = None, story: str | None = None, limit: int | None = None,
              offset: int | None = None) -> Page:
    """Documents newest first; `q` keeps those whose title or text has every word (any case)."""
    clauses, params = [], []
    for word in (q or "").split():
        clauses.append("(title ILIKE ? OR clean_text ILIKE ?)")
        params += [f"%{word}%"] * 2
    if source:
        clauses.append("source = ?")
        params.append(source)
    if story:
        clauses.append("story = ?")
        params.append(story)
    if since := iso_date(since):
        clauses.append("published >= ?")
        params.append(since)
    if until := iso_date(until):
        clauses.append("published <= ?")
        params.append(until + "~")  # '~' sorts after digits: a month "2020-03" is within until 2020-03-31
    sql = f"""SELECT id, title, source, url, published, published_estimate, language, chars, duplicate_of, story,
                     (SELECT count(*) FROM quotes q WHERE q.doc = d.id) AS quotes,
                     (SELECT count(*) FROM claims c WHERE c.doc = d.id) AS claims,
                     (SELECT count(*) FROM event_mentions m WHERE m.doc = d.id) AS event_mentions
              FROM documents d {_where(clauses)}"""
    return _page(con, sql, params, "published DESC NULLS LAST, id", limit, offset)


def sources(con: Con) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT source FROM documents WHERE source IS NOT NULL "
                                      "ORDER BY 1").fetchall()]


def document(con: Con, doc_id: str) -> Row | None:
    """One document with everything extracted from it (quotes, claims, event mentions), in text order."""
    found = rows(con, "SELECT * FROM documents WHERE id = ?", [doc_id])
    if not found:
        return None
    doc = found[0]
    doc["quotes"] = rows(con, 'SELECT * FROM quotes WHERE doc = ? ORDER BY start, "end"', [doc_id])
    doc["claims"] = rows(con, 'SELECT * FROM claims WHERE doc = ? ORDER BY start, "end"', [doc_id])
    doc["event_mentions"] = rows(con, 'SELECT * FROM event_mentions WHERE doc = ? ORDER BY start, "end"', [doc_id])
    return doc


def locate(con: Con, doc_id: str | None, text: str | None) -> tuple[int, int] | None:
    """Offsets of `text` in a document's clean text (for evidence that names a sentence but not where it is)."""
    if not doc_id or not text:
        return None
    found = con.execute("SELECT strpos(clean_text, ?) FROM documents WHERE id = ?", [text, doc_id]).fetchone()
    if not found or not found[0]:
        return None
    start = found[0] - 1  # strpos counts characters from 1, like Python's str offsets once shifted
    return start, start + len(text)


# --- quotes and people ----------------------------------------------------------------------------------------

def _speaker_clause(speaker: str) -> tuple[str, list[str]]:
    """A quote's speaker matches on any part of the canonical name, an alias, or the role, in any case."""
    pattern = f"%{speaker.lower()}%"
    return ("""(lower(q.speaker) LIKE ? OR lower(q.speaker_org) LIKE ? OR q.speaker IN (
                  SELECT name FROM people p WHERE EXISTS (
                    SELECT 1 FROM unnest(p.aliases) AS a(alias) WHERE lower(a.alias) LIKE ?)))""",
            [pattern, pattern, pattern])


def quotes(con: Con, speaker: str | None = None, since: str | None = None, until: str | None = None,
           doc: str | None = None, limit: int | None = None, offset: int | None = None) -> Page:
    """Quotes newest first; the date is the day said, else the day published."""
    clauses, params = [], []
    if speaker:
        clause, values = _speaker_clause(speaker)
        clauses.append(clause)
        params += values
    if since := iso_date(since):
        clauses.append("coalesce(q.said_on, d.published) >= ?")
        params.append(since)
    if until := iso_date(until):
        clauses.append("coalesce(q.said_on, d.published) <= ?")
        params.append(until + "~")
    if doc:
        clauses.append("q.doc = ?")
        params.append(doc)
    sql = f"""SELECT q.doc, q.text, q.direct, q.speaker, q.speaker_org, q.said_on, q.start, q."end",
                     d.source, d.published, d.title, coalesce(q.said_on, d.published) AS day
              FROM quotes q JOIN documents d ON d.id = q.doc {_where(clauses)}"""
    return _page(con, sql, params, "day DESC NULLS LAST, doc, start", limit, offset)


def people(con: Con, q: str | None = None) -> list[Row]:
    """People quoted, most quoted first, with how many quotes and documents."""
    clauses, params = [], []
    if q:
        clauses.append("(p.name ILIKE ? OR list_contains(list_transform(p.aliases, a -> lower(a)), lower(?)))")
        params += [f"%{q}%", q]
    return rows(con, f"""SELECT p.name, p.role, p.aliases, len(p.docs) AS documents,
                                (SELECT count(*) FROM quotes q WHERE q.speaker = p.name) AS quotes
                         FROM people p {_where(clauses)} ORDER BY quotes DESC, p.name""", params)


def person(con: Con, name: str) -> Row | None:
    found = rows(con, "SELECT name, role, aliases, docs FROM people WHERE name = ?", [name])
    if not found:
        return None
    found[0]["quotes"] = rows(con, """SELECT q.doc, q.text, q.direct, q.speaker_org, q.said_on, q.start, q."end",
                                             d.source, d.published, coalesce(q.said_on, d.published) AS day
                                      FROM quotes q JOIN documents d ON d.id = q.doc WHERE q.speaker = ?
                                      ORDER BY day NULLS LAST, q.doc, q.start""", [name])
    return found[0]


def top_speakers(con: Con, n: int = 8) -> list[Row]:
    """The `n` most quoted people and each of their quotes (day, doc, offsets), for a chart over time."""
    names = [r["name"] for r in people(con)[:n] if r["quotes"]]
    if not names:
        return []
    return rows(con, f"""SELECT q.speaker, coalesce(q.said_on, d.published) AS day, q.doc, q.start, q."end",
                                q.text
                         FROM quotes q JOIN documents d ON d.id = q.doc
                         WHERE q.speaker IN ({", ".join("?" for _ in names)})
                         ORDER BY q.speaker, day""", names)


# --- events ---------------------------------------------------------------------------------------------------

def _event_clauses(event_type: str | None, actor: str | None, place: str | None, since: str | None,
                   until: str | None, doc: str | None) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    if event_type:
        if event_type.upper() not in PLOVER_TYPES:
            raise ValueError(f"unknown event type '{event_type}' (choose from {', '.join(PLOVER_TYPES)})")
        clauses.append("e.type = ?")
        params.append(event_type.upper())
    if actor:
        clauses.append("(e.actor1 ILIKE ? OR e.actor2 ILIKE ?)")
        params += [f"%{actor}%"] * 2
    if place:
        clauses.append("(e.location.name ILIKE ? OR e.location.admin1 ILIKE ? OR e.location.country ILIKE ?)")
        params += [f"%{place}%"] * 3
    if since := iso_date(since):
        clauses.append("e.date >= ?")
        params.append(since)
    if until := iso_date(until):
        clauses.append("e.date <= ?")
        params.append(until + "~")
    if doc:
        clauses.append("list_contains(e.docs, ?)")
        params.append(doc)
    return clauses, params


def events(con: Con, event_type: str | None = None, actor: str | None = None, place: str | None = None,
           since: str | None = None, until: str | None = None, doc: str | None = None,
           limit: int | None = None, offset: int | None = None, event_id: str | None = None) -> Page:
    """Merged events, oldest first (undated last), each with the document and offsets of its sentence."""
    clauses, params = _event_clauses(event_type, actor, place, since, until, doc)
    if event_id:
        clauses.append("e.id = ?")
        params.append(event_id)
    # the event's sentence is one of its mentions' sentences: the first document (by id) that has it
    sql = f"""SELECT e.*, f.found.doc AS sentence_doc, f.found.start AS start, f.found."end" AS "end"
              FROM events e LEFT JOIN (
                  SELECT e2.id, arg_min(struct_pack(doc := m.doc, start := m.start, "end" := m."end"),
                                        (m.doc, m.start)) AS found
                  FROM events e2 JOIN event_mentions m ON m.text = e2.text AND list_contains(e2.docs, m.doc)
                  GROUP BY e2.id) f ON f.id = e.id
              {_where(clauses)}"""
    return _page(con, sql, params, "e.date NULLS LAST, e.type, e.id", limit, offset)


def events_by_week(con: Con) -> list[Row]:
    """Events per week (the Monday) and PLOVER type, for the timeline: planned ones are left out, and so is the
    background (events over a year before the first article, "the 9/11 attacks"), which would squeeze the
    corpus's months into a sliver of the axis."""
    return rows(con, """SELECT strftime(date_trunc('week', try_cast(date AS DATE)), '%Y-%m-%d') AS week, type,
                               count(*) AS events
                        FROM events WHERE NOT coalesce(planned, false) AND try_cast(date AS DATE) IS NOT NULL
                          AND try_cast(date AS DATE) >= coalesce(
                              (SELECT min(try_cast(published AS DATE)) FROM documents) - INTERVAL 365 DAY,
                              DATE '0001-01-01')
                        GROUP BY 1, 2 ORDER BY 1, 2""")


def events_by_place(con: Con) -> list[Row]:
    """Places with coordinates and how many events happened there (with one event's sentence to link to)."""
    return rows(con, """SELECT e.location.name AS name, e.location.country AS country,
                               e.location.lat AS lat, e.location.lon AS lon, count(*) AS events,
                               list(DISTINCT e.type ORDER BY e.type) AS types, min(e.id) AS first_event
                        FROM events e WHERE e.location.lat IS NOT NULL AND e.location.lon IS NOT NULL
                        GROUP BY 1, 2, 3, 4 ORDER BY events DESC, name""")


def event_mentions(con: Con, event_id: str) -> list[Row]:
    """Every report of one event: the documents that tell it and their sentences."""
    return rows(con, """SELECT m.doc, d.title, d.source, d.published, m.text, m.start, m."end"
                        FROM events e JOIN event_mentions m ON list_contains(e.docs, m.doc)
                             AND m.type = e.type AND (m.text = e.text OR m.date IS NOT DISTINCT FROM e.date)
                        JOIN documents d ON d.id = m.doc WHERE e.id = ? ORDER BY d.published, m.doc, m.start""",
                [event_id])


# --- claims and contests --------------------------------------------------------------------------------------

def claims(con: Con, doc: str | None = None, measure: str | None = None, claimant: str | None = None,
           limit: int | None = None, offset: int | None = None) -> Page:
    clauses, params = [], []
    for column, value in (("c.doc", doc), ("c.measure", measure), ("c.claimant", claimant)):
        if value:
            clauses.append(f"{column} ILIKE ?" if column != "c.doc" else f"{column} = ?")
            params.append(value if column == "c.doc" else f"%{value}%")
    sql = f"""SELECT c.*, d.source, d.published FROM claims c JOIN documents d ON d.id = c.doc {_where(clauses)}"""
    return _page(con, sql, params, 'd.published NULLS LAST, c.doc, c.start', limit, offset)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def contests(con: Con) -> list[Row]:
    """Contested figures, each claim with its offsets, and low/best/high as UCDP keeps them (best: the median)."""
    found = rows(con, "SELECT * FROM contests ORDER BY period_start, measure")
    offsets = {(r["doc"], r["text"], r["value"]): (r["start"], r["end"], r["qualifier"], r["period_start"],
                                                     r["period_end"], r["measure"])
               for r in rows(con, 'SELECT doc, text, value, start, "end", qualifier, period_start, period_end, '
                                  'measure FROM claims')}
    for contest in found:
        contest["claims"] = sorted((_with_offsets(c, offsets) for c in contest["claims"]), key=lambda c: c["value"])
        values = [c["value"] for c in contest["claims"]]
        contest["low"], contest["best"], contest["high"] = min(values), _median(values), max(values)
    return found


def _with_offsets(claim: Row, offsets: dict) -> Row:
    start, end, qualifier, period_start, period_end, _ = offsets.get(
        (claim["doc"], claim["text"], claim["value"]), (None, None, None, None, None, None))
    return {**claim, "start": start, "end": end, "qualifier": qualifier, "period_start": period_start,
            "period_end": period_end}


# --- the agreement tracker ------------------------------------------------------------------------------------

def provisions(con: Con, as_of: str | None = None) -> list[Row]:
    """Provisions with their status; with `as_of`, the status of the newest tracked week on or before it."""
    as_of = iso_date(as_of)
    if not has_table(con, "provisions"):
        return []
    found = rows(con, "SELECT * FROM provisions ORDER BY id")
    if not has_table(con, "provision_status"):
        return found
    history = {h["provision"]: h for h in rows(
        con, """SELECT provision, arg_max(status, week) AS status, max(week) AS status_as_of,
                       arg_max(score, week) AS score, arg_max(evidence, week) AS evidence
                FROM provision_status WHERE week <= coalesce(?, week) GROUP BY provision""", [as_of])}
    for row in found:
        past = history.get(row["id"])
        if as_of:  # the status then, from the weekly history
            row.update({key: past[key] for key in ("status", "status_as_of", "score", "evidence")} if past else
                       {"status": None, "status_as_of": None, "score": None, "evidence": []})
        elif row.get("score") is None:  # a provisions table without scores: the newest week's
            row["score"] = past["score"] if past else None
    return found


def provision_history(con: Con) -> list[Row]:
    """The tracker's weekly history (provision, week, status, score), empty when the tracker has none."""
    if not has_table(con, "provision_status"):
        return []
    return rows(con, "SELECT provision, week, status, score FROM provision_status ORDER BY provision, week")


def status_evidence(con: Con, provision: str, week: str | None = None) -> list[Row]:
    """The evidence behind one status (one week's, or the current one), each with its document's offsets."""
    if week and has_table(con, "provision_status"):
        found = rows(con, "SELECT evidence FROM provision_status WHERE provision = ? AND week = ?", [provision, week])
    elif has_table(con, "provisions"):
        found = rows(con, "SELECT evidence FROM provisions WHERE id = ?", [provision])
    else:
        found = []
    evidence = (found[0]["evidence"] if found else None) or []
    return [item if item.get("start") is not None else  # the tracker may give offsets; else find the text
            {**item, **dict(zip(("start", "end"), locate(con, item.get("doc"), item.get("text")) or (None, None),
                                strict=True))}
            for item in evidence]
