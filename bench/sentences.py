"""The sentence bench: PLOVER types found in single sentences, each coded with one type.

Reads a tab-separated file (type, published day or "-", text; see bench/data/plover_sentences.tsv),
runs every sentence as its own document (no title, no context; "-" means no publication date, the
way coded sentence sets come) and prints:

- type recall: share of sentences with at least one mention of the coded type;
- precision: share of produced mentions that carry the coded type;
- no event: share of sentences with no mention at all;

then a per-type table and, with --misses, every sentence whose type was not found.

    python bench/sentences.py [--file F.tsv] [--misses] [--undated]
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from accord.nlp import build_pipeline, make_doc

ROOT = Path(__file__).resolve().parent
DEFAULT_FILE = ROOT / "data" / "plover_sentences.tsv"


@dataclass(frozen=True)
class CodedSentence:
    type: str
    published: str | None
    text: str


@dataclass(frozen=True)
class Result:
    sentence: CodedSentence
    found: tuple[str, ...]


def read_sentences(path: Path) -> list[CodedSentence]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, published, text = line.split("\t", 2)
        rows.append(CodedSentence(kind.strip(), None if published.strip() == "-" else published.strip(), text.strip()))
    return rows


def run(sentences: list[CodedSentence], undated: bool) -> list[Result]:
    nlp = build_pipeline(["accord_events"])
    results = []
    for number, coded in enumerate(sentences):
        published = None if undated else coded.published
        doc = nlp(make_doc(nlp, f"s{number}", coded.text, published))
        results.append(Result(coded, tuple(m.type for m in doc._.event_mentions)))
    return results


def summary(results: list[Result]) -> dict[str, float]:
    found = sum(r.sentence.type in r.found for r in results)
    produced = sum(len(r.found) for r in results)
    right = sum(sum(t == r.sentence.type for t in r.found) for r in results)
    return {"sentences": len(results), "type_recall": found / len(results) if results else 0.0,
            "precision": right / produced if produced else 0.0,
            "no_event": sum(not r.found for r in results) / len(results) if results else 0.0,
            "mentions": produced}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--misses", action="store_true", help="print sentences whose type was not found")
    parser.add_argument("--undated", action="store_true", help="read every sentence with no publication date")
    args = parser.parse_args()
    results = run(read_sentences(args.file), args.undated)
    overall = summary(results)
    print(f"sentences {overall['sentences']}  type recall {overall['type_recall']:.3f}  "
          f"precision {overall['precision']:.3f} ({overall['mentions']} mentions)  no event {overall['no_event']:.3f}")
    undated = [r for r in results if r.sentence.published is None]
    if undated and not args.undated:
        part = summary(undated)
        print(f"  of which undated {part['sentences']}: type recall {part['type_recall']:.3f}  "
              f"precision {part['precision']:.3f}  no event {part['no_event']:.3f}")
    kinds = Counter(r.sentence.type for r in results)
    print(f"{'type':<10} {'n':>3} {'recall':>7} {'prec':>6}")
    for kind in sorted(kinds):
        part = summary([r for r in results if r.sentence.type == kind])
        produced_as = [t for r in results for t in r.found if t == kind]
        wrong = sum(1 for r in results for t in r.found if t == kind and r.sentence.type != kind)
        precision = 1 - wrong / len(produced_as) if produced_as else 0.0
        print(f"{kind:<10} {kinds[kind]:>3} {part['type_recall']:>7.2f} {precision:>6.2f}")
    if args.misses:
        for r in results:
            if r.sentence.type not in r.found:
                print(f"MISS {r.sentence.type:<9} got {','.join(r.found) or '-':<16} {r.sentence.text}")


if __name__ == "__main__":
    main()
