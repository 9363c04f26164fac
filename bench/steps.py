"""One benchmark measurement, run by bench/run.py in a fresh process; prints one JSON line.

    python bench/steps.py bare CORPUS.jsonl
    python bench/steps.py ingest CORPUS.jsonl STORE.duckdb WORKERS
    python bench/steps.py link BIG_STORE.duckdb N SUBSET_STORE.duckdb
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

BATCH_SIZE = 16  # as api.ingest


def _articles(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


def _cleaned(corpus: Path) -> list[str]:
    from accord.ingest.clean import clean

    return [clean(a["text"], title=a.get("title")).text for a in _articles(corpus)]


def bare(corpus: Path) -> dict:
    """(a) the floor: the same spaCy model over the same cleaned texts, nothing of accord's."""
    import spacy

    from accord.nlp import MODEL

    texts = _cleaned(corpus)
    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:2]))  # warm-up, as ingest's model load is outside its timing
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts),
            "words": sum(len(t.split()) for t in texts)}


def ingest(corpus: Path, store: Path, workers: int) -> dict:
    """(b) accord's whole per-document stage into a fresh store: read, clean, parse, extract, store."""
    from accord.api import ingest as accord_ingest
    from accord.ingest.language import detect_language
    from accord.nlp import shared_pipeline

    words = sum(len(t.split()) for t in _cleaned(corpus))
    store.unlink(missing_ok=True)
    # Model loads are outside the timing, as for (a): the language identifier's (about 0.6 s, in this process
    # whatever the workers) and, on one worker, spaCy's; workers load their own.
    detect_language("a sentence that loads the language identifier")
    load_seconds = 0.0
    if workers == 1:
        started = time.perf_counter()
        shared_pipeline()
        load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    report = accord_ingest([corpus], store, n_process=workers, link=False)
    return {"seconds": time.perf_counter() - started, "load_seconds": load_seconds, "articles": report.stored,
            "words": words, "workers": workers}


def link(big: Path, size: int, subset: Path) -> dict:
    """(c) the corpus stage (with the us-taliban-2020 agreement loaded) on the first `size` documents of a store
    (copied to a store of their own)."""
    from accord.api import link_corpus
    from accord.store import EXTRACTION_TABLES, Store

    subset.unlink(missing_ok=True)
    with Store(subset) as store:
        store.con.execute(f"ATTACH '{big}' AS big (READ_ONLY)")
        store.con.execute(f"CREATE TEMP TABLE chosen AS SELECT id FROM big.documents ORDER BY id LIMIT {int(size)}")
        store.con.execute("INSERT INTO documents BY NAME SELECT * FROM big.documents "
                          "WHERE id IN (SELECT id FROM chosen)")
        for table in EXTRACTION_TABLES:
            store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM big.{table} "
                              "WHERE doc IN (SELECT id FROM chosen)")
        store.con.execute("DETACH big")
        _add_agreement(store, "us-taliban-2020")  # the corpus stage includes the provisions' weekly status
        documents = store.count("documents")
        started = time.perf_counter()
        link_corpus(store)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": documents}


def _add_agreement(store, name: str) -> None:
    """Store a bundled agreement without tracking it yet: link_corpus tracks it, inside the timing."""
    from datetime import UTC, datetime

    from accord.agreement.bundled import resolve

    agreement, text, origin = resolve(name)
    store.con.execute("INSERT INTO agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [agreement.id, agreement.title, agreement.signed.isoformat(), agreement.place,
                       agreement.parties, origin, text, datetime.now(UTC).replace(tzinfo=None)])


def main(argv: list[str]) -> None:
    step, *args = argv
    if step == "bare":
        result = bare(Path(args[0]))
    elif step == "ingest":
        result = ingest(Path(args[0]), Path(args[1]), int(args[2]))
    elif step == "link":
        result = link(Path(args[0]), int(args[1]), Path(args[2]))
    else:
        raise SystemExit(f"unknown step {step!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
