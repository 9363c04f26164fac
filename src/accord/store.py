"""The DuckDB store: one file holds documents, extractions and corpus-level tables.

Each document and its extractions are written in one transaction, so a crash or a
bad input mid-run loses nothing already stored, and a re-run resumes where it
stopped (documents whose content hash and extractor version match are skipped).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.models import Claim, Document, EventMention, Extractions, Quote

DEFAULT_DB = "accord.duckdb"

LOCATION = "STRUCT(name VARCHAR, admin1 VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)"
# One evidence row of a provision's status: the export's kind/doc/text, then which row and where.
EVIDENCE = ('STRUCT(kind VARCHAR, doc VARCHAR, text VARCHAR, id VARCHAR, counts VARCHAR, start INTEGER, '
            '"end" INTEGER, date VARCHAR, seen_on VARCHAR)')
CONTEST_CLAIM = "STRUCT(doc VARCHAR, claimant VARCHAR, value DOUBLE, change_percent DOUBLE, text VARCHAR)"

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    title VARCHAR, source VARCHAR, url VARCHAR,
    published VARCHAR, published_found BOOLEAN,
    language VARCHAR, chars INTEGER,
    duplicate_of VARCHAR, story VARCHAR,
    raw_text VARCHAR, clean_text VARCHAR, content_hash VARCHAR,
    origin VARCHAR, notes VARCHAR[],
    extractor_version VARCHAR, ingested_at TIMESTAMP,
    published_estimate VARCHAR, published_estimate_source VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    doc VARCHAR, text VARCHAR, direct BOOLEAN, speaker VARCHAR, speaker_org VARCHAR,
    said_on VARCHAR, start INTEGER, "end" INTEGER, speaker_named VARCHAR
);
CREATE TABLE IF NOT EXISTS claims (
    doc VARCHAR, value DOUBLE, qualifier VARCHAR, measure VARCHAR, claimant VARCHAR,
    period_start VARCHAR, period_end VARCHAR, change_percent DOUBLE, text VARCHAR,
    start INTEGER, "end" INTEGER
);
CREATE TABLE IF NOT EXISTS event_mentions (
    doc VARCHAR, type VARCHAR, mode VARCHAR, detail VARCHAR, date VARCHAR, date_precision VARCHAR,
    planned BOOLEAN, location {LOCATION}, actor1 VARCHAR, actor2 VARCHAR,
    count DOUBLE, fatalities DOUBLE, text VARCHAR, start INTEGER, "end" INTEGER,
    negated BOOLEAN, hypothetical BOOLEAN
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, type VARCHAR, mode VARCHAR, detail VARCHAR, date VARCHAR, date_precision VARCHAR,
    planned BOOLEAN, location {LOCATION}, actor1 VARCHAR, actor2 VARCHAR,
    count DOUBLE, fatalities DOUBLE, docs VARCHAR[], text VARCHAR
);
CREATE TABLE IF NOT EXISTS contests (
    measure VARCHAR, period_start VARCHAR, period_end VARCHAR,
    claims {CONTEST_CLAIM}[], note VARCHAR
);
CREATE TABLE IF NOT EXISTS people (
    name VARCHAR PRIMARY KEY, role VARCHAR, aliases VARCHAR[], docs VARCHAR[]
);
CREATE TABLE IF NOT EXISTS provisions (
    id VARCHAR, agreement VARCHAR, obligor VARCHAR, obligation VARCHAR, deadline VARCHAR,
    status VARCHAR, status_as_of VARCHAR,
    evidence {EVIDENCE}[]
);
CREATE TABLE IF NOT EXISTS agreements (
    id VARCHAR PRIMARY KEY, title VARCHAR, signed VARCHAR, place VARCHAR, parties VARCHAR[],
    origin VARCHAR, definition VARCHAR, loaded_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS provision_status (
    provision VARCHAR, agreement VARCHAR, week VARCHAR, status VARCHAR, score INTEGER,
    evidence {EVIDENCE}[]
);
"""

# Columns added after a table's first release: a store written by an older accord gains them on opening
# (null until its documents are ingested again or backfilled), so old databases keep working.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("documents", "published_estimate", "VARCHAR"),
    ("documents", "published_estimate_source", "VARCHAR"),
    ("quotes", "speaker_named", "VARCHAR"),
    ("provisions", "beneficiary", "VARCHAR"),
    ("provisions", "kind", "VARCHAR"),
    ("provisions", "binding", "BOOLEAN"),
    ("provisions", "met_on", "VARCHAR"),
    ("provisions", "late_days", "INTEGER"),
    ("provisions", "score", "INTEGER"),
    ("provisions", "note", "VARCHAR"),
    ("provisions", "context", f"{EVIDENCE}[]"),
)

# Columns whose type grew (a struct gained fields) after release: derived tables only, rebuilt on use.
WIDENED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("provisions", "evidence", f"{EVIDENCE}[]"),
)

EXTRACTION_TABLES: dict[str, type] = {"quotes": Quote, "claims": Claim, "event_mentions": EventMention}
# The columns `save_documents` writes (the corpus stage writes duplicate_of and story).
DOCUMENT_COLUMNS = ["id", "title", "source", "url", "published", "published_found", "language", "chars", "raw_text",
                    "clean_text", "content_hash", "origin", "notes", "extractor_version", "ingested_at",
                    "published_estimate", "published_estimate_source"]


def _columns(record_type: type) -> list[str]:
    return [f.name for f in fields(record_type)]


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


# How long a reader waits for a store an ingest is writing (DuckDB lets one process hold a file at a time).
READ_WAIT_SECONDS = 5.0
_LOCK_POLL_SECONDS = 0.2


def _is_lock_conflict(error: duckdb.Error) -> bool:
    return "Could not set lock" in str(error) or "Conflicting lock" in str(error)


def store_error(error: duckdb.Error, path: str) -> StoreError:
    """One line for what went wrong with the store file, without DuckDB's prose."""
    text = " ".join(str(error).split())
    holder = re.search(r"\(PID (\d+)\)", text)
    if _is_lock_conflict(error):
        who = f" (PID {holder[1]})" if holder else ""
        return StoreError(f"the store {path} is being updated by another process{who}; retry when it "
                          "finishes, or give --wait SECONDS")
    if "database does not exist" in text:
        return StoreError(f"no store at {path} (create one with: accord ingest FILES --db {path})")
    if "not a valid DuckDB database" in text:
        return StoreError(f"{path} is not an accord store (not a DuckDB database file)")
    reason = re.sub(r"^[A-Za-z ]+Error: ", "", text)
    if "write" in reason.lower():
        return StoreError(f"the store {path} cannot be written: {reason}")
    return StoreError(f"cannot use the store {path}: {reason}")


def connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection; while another process holds the file, retry for up to `wait` seconds."""
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as error:
            if not _is_lock_conflict(error) or time.monotonic() >= deadline:
                raise store_error(error, path) from None
        time.sleep(_LOCK_POLL_SECONDS)


class Store:
    """A connection to one accord database file.

    Opening raises `StoreError` (one line) for a missing, busy, unreadable or foreign file; a reader
    waits up to `wait` seconds (default `READ_WAIT_SECONDS`) for an ingest to let go of the file.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float | None = None):
        self.path = str(path)
        self._schemas: dict[tuple[str, ...], pa.Schema] = {}
        if wait is None:
            wait = READ_WAIT_SECONDS if read_only else 0.0
        self.con = connect(self.path, read_only, wait)
        if not read_only:
            try:
                self.con.execute(SCHEMA)
                self._add_missing_columns()
            except duckdb.Error as error:
                self.con.close()
                raise store_error(error, self.path) from None

    def _add_missing_columns(self) -> None:
        for table, column, kind in ADDED_COLUMNS:
            self.con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
        for table, column, kind in WIDENED_COLUMNS:
            current = self.con.execute(
                "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                [table, column]).fetchone()
            if current and current[0].replace('"', "") != kind.replace('"', ""):
                self.con.execute(f'ALTER TABLE {table} ALTER "{column}" SET DATA TYPE {kind}')

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def one_thread(self) -> Iterator[None]:
        """DuckDB on one thread inside the block, its default outside.

        For the per-document stage, whose writes are a few rows at a time with nothing to parallelise: with
        DuckDB's worker threads about, the spaCy parse running beside them paid about 3 s more system time
        per 300 articles in page faults (`perf stat`: 239k faults and 3.9 s sys against 171k and 0.8 s),
        13% of the whole ingest. The corpus stage's large queries keep every core."""
        self.con.execute("SET threads TO 1")
        try:
            yield
        finally:
            self.con.execute("RESET threads")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # --- documents -------------------------------------------------------

    def document_state(self, doc_id: str) -> tuple[str, str | None] | None:
        """(content_hash, extractor_version) of a stored document, or None.

        `extractor_version` holds the extractor fingerprint (accord.fingerprint) the document was
        extracted under; a store written before fingerprints holds an older version string, which
        never equals a fingerprint, so its documents are extracted again once."""
        row = self.con.execute(
            "SELECT content_hash, extractor_version FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        return (row[0], row[1]) if row else None

    def document_published(self, doc_id: str) -> str | None:
        row = self.con.execute("SELECT published FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def save_document(self, doc: Document, extractions: Extractions, extractor_version: str | None) -> None:
        """Replace one document and everything extracted from it, atomically."""
        self.save_documents([(doc, extractions, extractor_version)])

    def save_documents(self, saved: list[tuple[Document, Extractions, str | None]]) -> None:
        """Replace a batch of documents and everything extracted from them in one transaction, each table
        written by one statement (a commit or an INSERT per document cost more than the data written). A
        document given twice is written as given last, as one save after the other would leave it."""
        saved = list({doc.id: (doc, extractions, version) for doc, extractions, version in saved}.values())
        with self.transaction():
            # The extraction tables have no index on `doc`: deleting scans them, so only a stored document pays.
            stored = self.con.execute("SELECT id FROM documents WHERE list_contains(?, id)",
                                      [[doc.id for doc, _, _ in saved]]).fetchall()
            for (doc_id,) in sorted(stored):
                self._delete_document(doc_id)
            now = datetime.now(UTC).replace(tzinfo=None)
            self._insert_rows("documents", DOCUMENT_COLUMNS, [
                {"id": doc.id, "title": doc.title, "source": doc.source, "url": doc.url, "published": doc.published,
                 "published_found": doc.published_found, "language": doc.language, "chars": doc.chars,
                 "raw_text": doc.raw_text, "clean_text": doc.clean_text, "content_hash": doc.content_hash,
                 "origin": doc.origin, "notes": doc.notes, "extractor_version": extractor_version,
                 "ingested_at": now, "published_estimate": doc.published_estimate,
                 "published_estimate_source": doc.published_estimate_source}
                for doc, _, extractor_version in saved])
            self._insert_extractions([extractions for _, extractions, _ in saved])

    def replace_extractions(self, extractions: Extractions, extractor_version: str) -> None:
        with self.transaction():
            for table in EXTRACTION_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE doc = ?", [extractions.doc])
            self._insert_extractions([extractions])
            self.con.execute("UPDATE documents SET extractor_version = ? WHERE id = ?",
                             [extractor_version, extractions.doc])

    def _delete_document(self, doc_id: str) -> None:
        for table in EXTRACTION_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def _insert_extractions(self, batch: list[Extractions]) -> None:
        groups = {"quotes": [r for x in batch for r in x.quotes], "claims": [r for x in batch for r in x.claims],
                  "event_mentions": [r for x in batch for r in x.events]}
        for table, records in groups.items():
            if records:
                names = _columns(EXTRACTION_TABLES[table])
                self._insert_rows(table, names, [{n: getattr(r, n) for n in names} for r in records])

    def documents_missing_estimate(self) -> list[tuple[str, str]]:
        """(id, url) of undated documents stored before estimates existed (or whose URL gave none)."""
        return self.con.execute(
            """SELECT id, url FROM documents WHERE published IS NULL AND published_estimate IS NULL
               AND url IS NOT NULL ORDER BY id""").fetchall()

    def set_published_estimates(self, estimates: dict[str, tuple[str, str]]) -> None:
        """Write (published_estimate, source) for each document id; the document is extracted again."""
        if not estimates:
            return
        with self.transaction():
            self.con.executemany(
                """UPDATE documents SET published_estimate = ?, published_estimate_source = ?,
                   extractor_version = NULL WHERE id = ?""",
                [[estimate, source, doc_id] for doc_id, (estimate, source) in estimates.items()],
            )

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM documents ORDER BY id").fetchall()]

    def documents_for_extraction(
            self, extractor_version: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
        """(id, clean_text, published, title, published_estimate) of documents extracted by another version."""
        return self.con.execute(
            """SELECT id, clean_text, published, title, published_estimate FROM documents
               WHERE extractor_version IS DISTINCT FROM ? ORDER BY id""",
            [extractor_version],
        ).fetchall()

    def raw_text(self, doc_id: str) -> str | None:
        row = self.con.execute("SELECT raw_text FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def set_clean_text(self, doc_id: str, clean_text: str) -> None:
        """Replace a document's clean text (cleaned again by a newer cleaner); its extractions follow."""
        self.con.execute("UPDATE documents SET clean_text = ?, chars = ? WHERE id = ?",
                         [clean_text, len(clean_text), doc_id])

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT * FROM documents WHERE id = ?", [doc_id])
        return rows[0] if rows else None

    # --- generic ----------------------------------------------------------

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def replace_table(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Rewrite a corpus-level table (events, contests, people, provisions) in one transaction."""
        with self.transaction():
            self.con.execute(f"DELETE FROM {table}")
            if rows:
                self._insert_rows(table, list(rows[0]), rows)

    def _insert_rows(self, table: str, names: list[str], rows: list[dict[str, Any]]) -> None:
        """One INSERT of an Arrow table typed as the store's columns (executemany runs a statement per row: a
        tenth of the ingest, and a corpus-stage cost that grew faster than the corpus); rows Arrow cannot type
        go row by row."""
        schema = self._arrow_schema(table, names)
        try:
            arrow_rows = pa.Table.from_pylist([{n: row[n] for n in names} for row in rows], schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            placeholders = ", ".join("?" for _ in names)
            self.con.executemany(f"INSERT INTO {table} ({_quoted(names)}) VALUES ({placeholders})",
                                 [[row[n] for n in names] for row in rows])
            return
        self.con.register("accord_rows", arrow_rows)
        try:
            self.con.execute(f"INSERT INTO {table} ({_quoted(names)}) SELECT {_quoted(names)} FROM accord_rows")
        finally:
            self.con.unregister("accord_rows")

    def _arrow_schema(self, table: str, names: list[str]) -> pa.Schema:
        """The Arrow types of some columns, read from the store once per run (a column that is null in every
        row of a batch still gets its type)."""
        key = (table, *names)
        if key not in self._schemas:
            empty = self.con.sql(f"SELECT {_quoted(names)} FROM {table} LIMIT 0")
            self._schemas[key] = empty.to_arrow_table().schema
        return self._schemas[key]

    def set_document_links(self, links: dict[str, tuple[str | None, str | None]]) -> None:
        """Write (duplicate_of, story) for each document id."""
        if not links:  # a run that stored nothing (every input rejected)
            return
        # One joined UPDATE from an Arrow table: an UPDATE per document cost seconds per thousand documents.
        ids, duplicates, stories = zip(*((doc_id, dup, story) for doc_id, (dup, story) in links.items()), strict=True)
        arrow_links = pa.table({"id": pa.array(ids, pa.string()), "duplicate_of": pa.array(duplicates, pa.string()),
                                "story": pa.array(stories, pa.string())})
        self.con.register("accord_links", arrow_links)
        try:
            with self.transaction():
                self.con.execute("UPDATE documents SET duplicate_of = l.duplicate_of, story = l.story "
                                 "FROM accord_links AS l WHERE documents.id = l.id")
        finally:
            self.con.unregister("accord_links")

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def count_query(self, query: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]


def to_json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, default=str)
