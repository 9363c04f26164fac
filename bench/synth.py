"""A large corpus for benchmarks, built by recombining paragraphs of the shared corpus.

Each synthetic article takes 6 to 14 paragraphs (of at most 80 words) drawn from different
real articles, so every one is new to the store (a unique id and content hash), no two are
near-duplicates (no two share more than one paragraph, counting a paragraph's copies in
other articles as the same paragraph), and every one is fully extracted: the per-document
stage does its whole work on each, and the corpus stage finds no copies to set aside. Dates are drawn
from 2018-2022 so the corpus stage sees a realistic spread of weeks.

    python bench/synth.py --articles 10000 --out /tmp/synth-10k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
MIN_PARAGRAPH_WORDS = 8
MAX_PARAGRAPH_WORDS = 80
_SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")
FIRST_DAY, DAYS = date(2018, 1, 1), 5 * 365


def paragraphs_by_article(corpus: Path) -> list[list[str]]:
    """The paragraphs (of at least a few words) of every article of `corpus`, article by article."""
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text = json.loads(line).get("text") or ""
        paragraphs = [chunk for p in text.split("\n") for chunk in _short_paragraphs(p.strip())
                      if len(chunk.split()) >= MIN_PARAGRAPH_WORDS]
        if paragraphs:
            out.append(paragraphs)
    return out


def _short_paragraphs(paragraph: str) -> list[str]:
    """A paragraph of at most MAX_PARAGRAPH_WORDS, or its sentences regrouped into such paragraphs: some
    sources have no line breaks, and one shared 300-word "paragraph" would make two articles copies."""
    if len(paragraph.split()) <= MAX_PARAGRAPH_WORDS:
        return [paragraph]
    chunks: list[list[str]] = [[]]
    for sentence in _SENTENCE_END.split(paragraph):
        if chunks[-1] and len(" ".join(chunks[-1] + [sentence]).split()) > MAX_PARAGRAPH_WORDS:
            chunks.append([])
        chunks[-1].append(sentence)
    return [" ".join(chunk) for chunk in chunks]


def synthetic_articles(corpus: Path, count: int, seed: int = 7) -> list[dict]:
    """`count` articles in the input JSONL shape (id, title, source, published, text).

    No two articles share more than one paragraph (each pair of paragraphs appears together in at most one
    article): drawn freely, a tenth of 3,000 articles shared half their text with another, and accord rightly
    set them aside as copies, so the corpus stage was measured on fewer articles than it was given."""
    rng = random.Random(seed)
    sources = paragraphs_by_article(corpus)
    family = paragraph_families(sources)
    used_together: set[tuple[int, int]] = set()  # pairs of paragraph families that one article already holds
    articles = []
    for n in range(count):
        wanted = min(len(sources), rng.randint(6, 14))
        chosen: list[tuple[int, int]] = []  # (article, paragraph) of the shared corpus
        for i in rng.sample(range(len(sources)), k=len(sources)):  # articles in random order, until enough
            if len(chosen) == wanted:
                break
            for _ in range(20):  # another paragraph of the same article when this one clashes with a chosen one
                j = rng.randrange(len(sources[i]))
                if all(family[i][j] != family[a][b] and _pair(family[i][j], family[a][b]) not in used_together
                       for a, b in chosen):
                    chosen.append((i, j))
                    break
        families = [family[i][j] for i, j in chosen]
        used_together.update(_pair(a, b) for k, a in enumerate(families) for b in families[k + 1:])
        body = [sources[i][j] for i, j in chosen]
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        articles.append({
            "id": f"synth-{n:06d}",
            "title": " ".join(body[0].split()[:10]),
            "source": f"Synthetic Wire {n % 17}",
            "published": published.isoformat(),
            "text": "\n\n".join(body),
        })
    return articles


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def paragraph_families(sources: list[list[str]]) -> list[list[int]]:
    """A family id for every paragraph: the shared corpus carries copies of some stories, so one paragraph
    can come from two articles; paragraphs whose word 3-grams mostly (half of the shorter) agree are one
    family."""
    flat = [(i, j) for i, paragraphs in enumerate(sources) for j in range(len(paragraphs))]
    grams = [_shingles(sources[i][j]) for i, j in flat]
    parent = list(range(len(flat)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    holders: dict[str, list[int]] = defaultdict(list)
    for k, shingles in enumerate(grams):
        for gram in shingles:
            holders[gram].append(k)
    for k, shingles in enumerate(grams):
        shared = Counter(other for gram in shingles for other in holders[gram] if other != k)
        for other, n in shared.items():
            if n >= 0.5 * min(len(shingles), len(grams[other])):
                parent[root(k)] = root(other)
    families: list[list[int]] = [[] for _ in sources]
    for k, (i, _) in enumerate(flat):
        families[i].append(root(k))
    return families


def _shingles(paragraph: str) -> set[str]:
    tokens = re.findall(r"[a-z0-9]+", paragraph.lower())
    return {" ".join(tokens[k:k + 3]) for k in range(max(1, len(tokens) - 2))}


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
