"""A large corpus for benchmarks, built by recombining paragraphs of the shared corpus.

Each synthetic article takes 6 to 14 paragraphs drawn from different real articles, so
every one is new to the store (a unique id and content hash), no two are near-duplicates
(two articles share a paragraph rarely and never most of their text), and every one is
fully extracted: the per-document stage does its whole work on each. Dates are drawn
from 2018-2022 so the corpus stage sees a realistic spread of weeks.

    python bench/synth.py --articles 10000 --out /tmp/synth-10k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
MIN_PARAGRAPH_WORDS = 8
FIRST_DAY, DAYS = date(2018, 1, 1), 5 * 365


def paragraphs_by_article(corpus: Path) -> list[list[str]]:
    """The paragraphs (of at least a few words) of every article of `corpus`, article by article."""
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = json.loads(line).get("text") or ""
        paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= MIN_PARAGRAPH_WORDS]
        if paragraphs:
            out.append(paragraphs)
    return out


def synthetic_articles(corpus: Path, count: int, seed: int = 7) -> list[dict]:
    """`count` articles in the input JSONL shape (id, title, source, published, text)."""
    rng = random.Random(seed)
    sources = paragraphs_by_article(corpus)
    articles = []
    for n in range(count):
        picks = rng.sample(range(len(sources)), k=min(len(sources), rng.randint(6, 14)))
        body = [rng.choice(sources[i]) for i in picks]
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        articles.append({
            "id": f"synth-{n:06d}",
            "title": " ".join(body[0].split()[:10]),
            "source": f"Synthetic Wire {n % 17}",
            "published": published.isoformat(),
            "text": "\n\n".join(body),
        })
    return articles


def write_jsonl(articles: list[dict], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write_jsonl(synthetic_articles(args.corpus, args.articles, args.seed), args.out)
    print(f"{args.articles} articles -> {args.out}")


if __name__ == "__main__":
    main()
