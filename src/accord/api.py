"""accord as a library: the CLI only parses options and calls these functions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord import __version__
from accord.engines.local import batched
from accord.errors import InputError
from accord.ingest.clean import clean
from accord.ingest.language import detect_language
from accord.ingest.readers import count_jsonl_records, expand_paths, is_jsonl, read_all
from accord.ingest.url_dates import estimate_published
from accord.models import Article, Document, Extractions
from accord.store import Store

# Bump when an extractor changes, so `accord ingest` re-extracts stored documents.
EXTRACTOR_VERSION = f"{__version__}+x5"
# spaCy's `nlp.max_length`: a longer text makes spaCy raise for the whole batch (its parser needs about 1 GB
# per 100,000 characters). No news article comes near it, so a longer one is rejected, not split.
MAX_ARTICLE_CHARS = 1_000_000


@dataclass
class IngestReport:
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    reextracted: int = 0
    not_english: list[str] = field(default_factory=list)
    rejected: list[InputError] = field(default_factory=list)


ProgressHook = Callable[[int], None]


def count_articles(paths: Iterable[Path]) -> int:
    """How many articles the inputs hold (JSONL lines, gzipped or not, counted without parsing), for progress bars."""
    total = 0
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            continue
        total += count_jsonl_records(path) if is_jsonl(path) else 1
    return total


def content_hash(article: Article) -> str:
    payload = json.dumps(
        [article.text, article.title, article.source, article.url, article.published, article.language]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def prepare(article: Article, published: str | None = None, source: str | None = None) -> Document:
    """Clean one article and fill what the input lacks (defaults, then what the text says)."""
    cleaned = clean(article.text, title=article.title)
    if not cleaned.text.strip():
        raise InputError(article.origin, "nothing left after cleaning (boilerplate only)")
    if len(cleaned.text) > MAX_ARTICLE_CHARS:
        raise InputError(article.origin, f"text is {len(cleaned.text):,} characters after cleaning, over the "
                                         f"{MAX_ARTICLE_CHARS:,} limit for one article")
    found_date = article.published is None and published is None and cleaned.published is not None
    known = article.published or published or cleaned.published
    estimate, estimate_source = (None, None) if known else estimate_published(article.url)
    return Document(
        id=article.id,
        raw_text=article.text,
        clean_text=cleaned.text,
        title=article.title or cleaned.title,
        source=article.source or source or cleaned.source,
        url=article.url,
        published=known,
        published_found=found_date,
        language=article.language or detect_language(cleaned.text),
        content_hash=content_hash(article),
        origin=article.origin,
        notes=list(article.notes),
        published_estimate=estimate,
        published_estimate_source=estimate_source,
    )


def _extract(docs: list[Document], n_process: int) -> list[Extractions]:
    from accord.nlp import analyse

    english = [d for d in docs if d.language in (None, "en")]
    items = ((d.id, d.clean_text, d.published, d.title, d.published_estimate) for d in english)
    results = {x.doc: x for x in analyse(items, n_process=n_process)}
    return [results.get(d.id, Extractions(doc=d.id)) for d in docs]


def ingest(
    paths: Iterable[Path],
    db: str | Path,
    published: str | None = None,
    source: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    on_progress: ProgressHook | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> IngestReport:
    """Read, clean, extract and store articles, then rebuild the corpus-level tables."""
    report = IngestReport()
    with Store(db) as store:
        pending = _new_or_changed(read_all(paths), store, published, source, report, on_error, on_progress)
        for batch in batched(pending, batch_size):
            for doc, extractions in zip(batch, _extract(batch, n_process), strict=True):
                store.save_document(doc, extractions, EXTRACTOR_VERSION)
                if doc.language not in (None, "en"):
                    report.not_english.append(doc.id)
            if on_progress:
                on_progress(len(batch))
        backfill_estimates(store)
        report.reextracted = reextract(store, n_process=n_process)
        link_corpus(store)
    return report


def _new_or_changed(results, store, published, source, report, on_error, on_progress) -> Iterator[Document]:
    for item in results:
        try:
            if isinstance(item, InputError):
                raise item
            doc = prepare(item, published=published, source=source)
        except InputError as err:
            report.rejected.append(err)
            if on_error:
                on_error(err)
            if on_progress:
                on_progress(1)
            continue
        state = store.document_state(doc.id)
        if state and state[0] == doc.content_hash:
            report.unchanged += 1
            if on_progress:
                on_progress(1)
            continue
        if state:
            report.updated += 1
        else:
            report.stored += 1
        yield doc


def backfill_estimates(store: Store) -> int:
    """Estimate the date of undated documents a store holds from before estimates existed (their content
    hash is unchanged, so ingest skips them); each one found is extracted again. Returns how many."""
    found = {}
    for doc_id, url in store.documents_missing_estimate():
        estimate, source = estimate_published(url)
        if estimate and source:
            found[doc_id] = (estimate, source)
    store.set_published_estimates(found)
    return len(found)


def reextract(store: Store, n_process: int = 1) -> int:
    """Re-run extraction on documents stored by an older extractor version."""
    from accord.nlp import analyse

    stale = store.documents_for_extraction(EXTRACTOR_VERSION)
    for extractions in analyse(stale, n_process=n_process):
        store.replace_extractions(extractions, EXTRACTOR_VERSION)
    return len(stale)


def link_corpus(store: Store) -> None:
    """The corpus-level stage: duplicates, stories, merged events, contests, people."""
    from accord.link import contests, dedup, merge, people, stories

    docs = store.rows("SELECT id, title, clean_text, published, language FROM documents ORDER BY id")
    duplicate_of = dedup.find_duplicates(docs)
    story_of = stories.cluster_stories(docs, duplicate_of)
    store.set_document_links({d["id"]: (duplicate_of.get(d["id"]), story_of.get(d["id"])) for d in docs})
    store.replace_table("events", merge.merge_events(store.rows("SELECT * FROM event_mentions"), duplicate_of))
    store.replace_table("contests", contests.find_contests(
        store.rows("SELECT * FROM claims"),
        store.rows("SELECT id, published, duplicate_of, clean_text FROM documents")))
    people.link_people(store)
