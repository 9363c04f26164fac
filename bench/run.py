"""`make bench`: speed and memory of the per-document stage, as medians and ratios.

The machines are shared and noisy, so absolute seconds mean little: the figures
to compare across commits are the ratios (accord's components over bare spaCy,
cleaning over parsing) and words per second as a median of several repeats.

    python bench/run.py [--corpus FILE.jsonl] [--repeats 3] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

from accord.ingest.clean import clean
from accord.nlp import EXTRACTORS, build_pipeline, make_doc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
DEMO_FEED = ROOT / "demo" / "feed.jsonl"


def load_texts(path: Path, limit: int | None) -> list[tuple[str, str, str | None]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["id"], r["text"], r.get("published")) for r in rows[:limit]]


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run_pipeline(nlp, items) -> None:
    docs = (make_doc(nlp, i, text, published) for i, text, published in items)
    for _ in nlp.pipe(docs, batch_size=16):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else DEMO_FEED)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    raw = load_texts(args.corpus, args.limit)
    cleaned = [(i, clean(text).text, published) for i, text, published in raw]
    words = sum(len(text.split()) for _, text, _ in cleaned)
    bare, full = build_pipeline(extractors=()), build_pipeline(EXTRACTORS)
    run_pipeline(full, cleaned[:2])  # warm-up: lazy loads of lexicons and gazetteers

    clean_s = [timed(lambda: [clean(text) for _, text, _ in raw]) for _ in range(args.repeats)]
    bare_s = [timed(lambda: run_pipeline(bare, cleaned)) for _ in range(args.repeats)]
    full_s = [timed(lambda: run_pipeline(full, cleaned)) for _ in range(args.repeats)]
    median_clean, median_bare, median_full = (statistics.median(s) for s in (clean_s, bare_s, full_s))

    report = {
        "corpus": str(args.corpus),
        "documents": len(raw),
        "words": words,
        "repeats": args.repeats,
        "words_per_s_full_pipeline": round(words / median_full),
        "words_per_s_bare_spacy": round(words / median_bare),
        "ratio_full_over_bare_spacy": round(median_full / median_bare, 3),
        "ratio_clean_over_full": round(median_clean / median_full, 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    for key, value in report.items():
        print(f"{key:30s} {value}")


if __name__ == "__main__":
    main()
