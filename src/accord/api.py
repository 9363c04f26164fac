"""accord as a library: the CLI only parses options and calls these functions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accord.engines.local import Engine, Pending, batched, in_order, open_engine
from accord.errors import DataFileError, ExtractionError, InputError
from accord.fingerprint import extractor_fingerprint
from accord.ingest.clean import clean
from accord.ingest.language import detect_language
from accord.ingest.readers import count_jsonl_records, expand_paths, is_jsonl, read_all
from accord.ingest.url_dates import estimate_published
from accord.isolation import ExtractionFailure, TimeBudget, trim_spans
from accord.models import Article, Document, Extractions
from accord.store import Store

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
    # stored, but the per-document stage failed on them (exception, time budget, dead worker): no extractions
    failed: list[ExtractionError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what changed that the summary line does not say

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.failed


DUPLICATE_POLICIES = ("error", "skip", "replace")


ProgressHook = Callable[[int], None]
StageHook = Callable[[str], None]  # told what a long step is doing ("loading the spaCy model"), for progress lines


def _announce_extraction(n_process: int, on_stage: StageHook | None, engine: str = "local") -> None:
    """Say that extraction starts, and that it first loads the spaCy model when this process has not yet (about
    20 s in which no bar moves); the label holds until the first batch is stored."""
    from accord.nlp import shared_pipeline

    if not on_stage:
        return
    if engine == "ray":
        on_stage(f"sending batches to Ray ({n_process} workers, each loading the spaCy model), then extracting")
    elif n_process > 1:
        on_stage(f"starting {n_process} processes, each loading the spaCy model, then extracting")
    elif shared_pipeline.cache_info().currsize == 0:
        on_stage("loading the spaCy model (once, about 20 s), then extracting")
    else:
        on_stage("extracting")


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
    """Clean one article and fill what the input lacks (defaults, then what the text says); any failure
    is an `InputError` naming the article, never an exception that stops the run."""
    try:
        return _prepare(article, published, source)
    except (InputError, OSError, DataFileError):
        raise  # a full disk or a broken lexicon is not the article's fault: the run stops with one line
    except Exception as error:  # noqa: BLE001 — one article's bug must not cost the others
        from accord.isolation import describe

        raise InputError(article.origin, f"cannot prepare the article ({describe(error)})") from error


def _prepare(article: Article, published: str | None, source: str | None) -> Document:
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


def _extract(docs: list[Document], engine: Engine) -> Pending:
    """Submit a batch to the engine; the pending result gives one outcome per document, in order (a
    document not in English gets no extractions)."""
    english = [d for d in docs if d.language in (None, "en")]
    pending = engine.submit([(d.id, d.clean_text, d.published, d.title, d.published_estimate) for d in english])

    def outcomes() -> list[Extractions | ExtractionFailure]:
        results = {x.doc: x for x in pending()}
        return [results.get(d.id, Extractions(doc=d.id)) for d in docs]
    return outcomes


def _to_store(doc: Document, outcome: Extractions | ExtractionFailure, report: IngestReport,
              on_error: Callable[[InputError], None] | None) -> tuple[Document, Extractions, str | None]:
    """What to save of one document: its extractions, or for a failed one none, with a note, left to be
    extracted again by the next run (its extractor version is unset)."""
    if isinstance(outcome, ExtractionFailure):
        error = ExtractionError(doc.origin, f"extraction failed ({outcome.reason}); stored without extractions",
                                doc_id=doc.id)
        report.failed.append(error)
        if on_error:
            on_error(error)
        doc.notes.append(f"error: extraction failed ({outcome.reason})")
        return doc, Extractions(doc=doc.id), None
    return doc, trim_spans(outcome, doc.clean_text), extractor_fingerprint()


def ingest(
    paths: Iterable[Path],
    db: str | Path,
    published: str | None = None,
    source: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    on_progress: ProgressHook | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_stage: StageHook | None = None,
    on_duplicate: str = "error",
    budget: TimeBudget = TimeBudget(),
    wait: float = 0.0,
    engine: str = "local",
    address: str | None = None,
    link: bool = True,
) -> IngestReport:
    """Read, clean, extract and store articles, then rebuild the corpus-level tables.

    `on_stage` hears which long step runs (model load, extraction, linking), for a progress line.
    `on_duplicate` says what a second article with an id already read in this run does: "error"
    (rejected), "skip" (the first stays) or "replace" (the later one is stored). `budget` is the
    per-document time budget; `wait` how long to wait for a store another process is writing.
    `engine` runs the per-document stage in this machine's processes ("local", `n_process` of them)
    or on Ray ("ray", at `address` or RAY_ADDRESS, else a local Ray). `link=False` leaves the
    corpus-level tables as they were (a benchmark times the two stages apart)."""
    if on_duplicate not in DUPLICATE_POLICIES:
        raise ValueError(f"on_duplicate must be one of {', '.join(DUPLICATE_POLICIES)}, not {on_duplicate!r}")
    report = IngestReport()
    runner = open_engine(engine, n_process, budget, address)
    if engine == "ray":
        batch_size = max(batch_size, runner.batch_size)
    try:
        with Store(db, wait=wait) as store:
            checks = _RunChecks(store, published, source, report, on_error, on_progress, on_duplicate)
            _announce_extraction(n_process, on_stage, engine)
            with store.one_thread():
                _extract_and_store(store, paths, runner, batch_size, checks, on_stage)
            if link:
                if on_stage:
                    on_stage("linking: duplicates, stories, events across documents, contests, people")
                link_corpus(store)
    finally:
        runner.close()
    return report


def _extract_and_store(store: Store, paths: Iterable[Path], runner: Engine, batch_size: int, checks: _RunChecks,
                       on_stage: StageHook | None) -> None:
    """The per-document stage of `ingest`: each new or changed article extracted and stored, batch by batch,
    then those stored by an older extractor extracted again."""
    report, on_error = checks.report, checks.on_error
    batches = batched(checks.new_or_changed(read_all(paths)), batch_size)
    for number, (batch, outcomes) in enumerate(in_order(batches, lambda b: _extract(b, runner), runner.lookahead)):
        store.save_documents([_to_store(doc, outcome, report, on_error)
                              for doc, outcome in zip(batch, outcomes, strict=True)])
        report.not_english += [doc.id for doc in batch if doc.language not in (None, "en")]
        if checks.on_progress:
            checks.on_progress(len(batch))
        if number == 0 and on_stage:
            on_stage("extracting")  # the model is loaded: the bar moves from here on
    backfill_estimates(store)
    report.reextracted += reextract(store, on_stage=on_stage, report=report, on_error=on_error,
                                    skip={error.doc_id for error in report.failed}, engine=runner)


@dataclass
class _RunChecks:
    """Which read articles go on to extraction: not rejected, not unchanged, not a duplicate of this run."""

    store: Store
    published: str | None
    source: str | None
    report: IngestReport
    on_error: Callable[[InputError], None] | None
    on_progress: ProgressHook | None
    on_duplicate: str
    seen: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (origin, content hash) this run

    def new_or_changed(self, results: Iterable[Article | InputError]) -> Iterator[Document]:
        for item in results:
            try:
                if isinstance(item, InputError):
                    raise item
                doc = prepare(item, published=self.published, source=self.source)
                replacing = self._duplicate_of_this_run(doc)
            except InputError as err:
                self._reject(err)
                continue
            if replacing is None:
                self._done()  # skipped, or the same article again
                continue
            self.seen[doc.id] = (doc.origin, doc.content_hash)
            state = self.store.document_state(doc.id)
            same = bool(state) and state[0] == doc.content_hash and not self._published_changed(doc)
            if same and state[1] == extractor_fingerprint():
                self.report.unchanged += 1
                self._done()
                continue
            if same:  # same article, other extractor: cleaned and extracted again
                self.report.reextracted += 1
            elif state or replacing:
                self.report.updated += 1
            else:
                self.report.stored += 1
            yield doc

    def _duplicate_of_this_run(self, doc: Document) -> bool | None:
        """False for an id new to this run, True for a duplicate that replaces the first, None for one
        to pass over (skipped, or identical to the first); raises `InputError` for a rejected one."""
        if doc.id not in self.seen:
            return False
        first, first_hash = self.seen[doc.id]
        if first_hash == doc.content_hash:
            return None
        if self.on_duplicate == "error":
            raise InputError(doc.origin, f"duplicate id {doc.id!r}, first read from {first}; not stored "
                                         "(--on-duplicate=replace or skip to choose)")
        verb = "replaced the one" if self.on_duplicate == "replace" else "skipped; kept the one"
        self.report.notices.append(f"{doc.origin}: duplicate id {doc.id!r} {verb} from {first}")
        return True if self.on_duplicate == "replace" else None

    def _published_changed(self, doc: Document) -> bool:
        """True when `--published` gives an unchanged article another date than the stored one (noted)."""
        if self.published is None:
            return False
        stored = self.store.document_published(doc.id)
        if stored == doc.published:
            return False
        self.report.notices.append(f"{doc.id}: published changed from {stored} to {doc.published}; extracted again")
        return True

    def _reject(self, err: InputError) -> None:
        self.report.rejected.append(err)
        if self.on_error:
            self.on_error(err)
        self._done()

    def _done(self) -> None:
        if self.on_progress:
            self.on_progress(1)


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


def reextract(store: Store, n_process: int = 1, on_stage: StageHook | None = None,
              budget: TimeBudget = TimeBudget(), report: IngestReport | None = None,
              on_error: Callable[[InputError], None] | None = None, skip: set[str] | None = None,
              engine: Engine | None = None) -> int:
    """Clean and extract again the documents stored under another extractor fingerprint (an older
    accord, other data files or extractor code, or an extraction that failed in an earlier run; `skip`
    those that failed in this one), also those the current input does not hold. A document that fails
    again keeps what it had and is reported."""
    fingerprint = extractor_fingerprint()
    stale = [_cleaned_again(store, row) for row in store.documents_for_extraction(fingerprint)
             if row[0] not in (skip or set())]
    if stale and on_stage:
        on_stage(f"re-extracting {len(stale)} documents stored by an older extractor")
    texts = {row[0]: row[1] for row in stale}
    runner = engine or open_engine("local", n_process, budget)
    try:
        _store_reextracted(store, runner, stale, texts, fingerprint, report, on_error)
    finally:
        if engine is None:
            runner.close()
    return len(stale)


def _store_reextracted(store: Store, runner: Engine, stale: list[tuple], texts: dict[str, str], fingerprint: str,
                       report: IngestReport | None, on_error: Callable[[InputError], None] | None) -> None:
    for _, outcomes in in_order(batched(stale, 64), runner.submit, runner.lookahead):
        for outcome in outcomes:
            if isinstance(outcome, ExtractionFailure):
                error = ExtractionError(outcome.doc, f"extraction failed again ({outcome.reason})", doc_id=outcome.doc)
                if report is not None:
                    report.failed.append(error)
                if on_error:
                    on_error(error)
                continue
            store.replace_extractions(trim_spans(outcome, texts[outcome.doc]), fingerprint)


def _cleaned_again(store: Store, row: tuple) -> tuple:
    """The row with its clean text made again from the stored raw text (the cleaner may have changed)."""
    doc_id, clean_text, *rest = row
    raw = store.raw_text(doc_id)
    fresh = clean(raw, title=rest[1]).text if raw else ""
    if not fresh.strip() or fresh == clean_text:
        return row
    store.set_clean_text(doc_id, fresh)
    return (doc_id, fresh, *rest)


def refresh_agreements(store: Store) -> None:
    from accord.agreement.monitor import refresh

    refresh(store)


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
    refresh_agreements(store)  # provisions follow the corpus: a loaded agreement is re-tracked after each ingest
