"""`accord show DOC`: one document as plain lines (metadata, notes, text, then its extractions with offsets).

Plain lines, never wrapped or marked up: the text is printed exactly as stored, so `[start:end]` of a quote
indexes the printed clean text (after the header block) as it indexes the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from accord import queries

META = ("id", "title", "source", "published", "published_estimate", "language", "url", "duplicate_of", "story",
        "origin")


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _quote(q: dict[str, Any]) -> str:
    who = q["speaker"] or "(unnamed)"
    if q["speaker_org"]:
        who += f" ({_one_line(q['speaker_org'])})"
    words = f'"{_one_line(q["text"])}"' if q["direct"] else _one_line(q["text"])
    return f"[{q['start']}:{q['end']}] {who}, {q['said_on'] or 'day unknown'}: {words}"


def _claim(c: dict[str, Any]) -> str:
    figure = " ".join(p for p in (c["qualifier"], f"{c['value']:g}", c["measure"]) if p)
    period = f" {c['period_start']}..{c['period_end']}" if c["period_start"] else ""
    return f"[{c['start']}:{c['end']}] {figure}{period}, per {c['claimant'] or '(the article)'}"


def _event(m: dict[str, Any]) -> str:
    actors = " -> ".join(a for a in (m["actor1"], m["actor2"]) if a)
    place = (m["location"] or {}).get("name") or ""
    parts = [m["type"] + (f"/{m['mode']}" if m["mode"] else ""), m["detail"] or "", m["date"] or "undated",
             "planned" if m["planned"] else "", actors, place]
    return f"[{m['start']}:{m['end']}] " + " | ".join(p for p in parts if p)


def document_lines(db: str | Path, doc_id: str, raw: bool = False) -> list[str] | None:
    """The lines `accord show` prints, or None when the store has no such document."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        doc = queries.document(con, doc_id)
    finally:
        con.close()
    if doc is None:
        return None
    lines = [f"{key}: {doc[key]}" for key in META if doc.get(key) is not None]
    lines += [f"note: {note}" for note in doc.get("notes") or []]
    lines.append("--- raw text (as it came in; offsets do not apply) ---" if raw else
                 "--- clean text (offsets below count characters from its first one) ---")
    lines.append(doc["raw_text"] if raw else doc["clean_text"])
    for title, items, show in (("quotes", doc["quotes"], _quote), ("claims", doc["claims"], _claim),
                               ("event mentions", doc["event_mentions"], _event)):
        lines.append(f"--- {title} ({len(items)}) ---")
        lines += [show(item) for item in items]
    return lines
