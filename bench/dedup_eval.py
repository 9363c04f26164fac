"""Precision and recall of near-duplicate detection and story clustering on the shared corpus.

Dedup: every article of ../shared/corpus gets constructed copies (re-titled,
trimmed to its first 60-80 %, machine-paraphrased with 15 % of sentences dropped,
trimmed and paraphrased, heavily paraphrased with 35 % of sentences dropped);
the real articles are the negatives (many share a topic and a week). A predicted
duplicate pair is right when both documents come from the same article.

Stories: hand-labelled pairs in bench/data/story_pairs.yaml (ids and labels only).

    python bench/dedup_eval.py [--corpus FILE.jsonl] [--labels bench/data/story_pairs.yaml]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from accord.ingest.clean import clean
from accord.link.dedup import find_duplicates
from accord.link.stories import cluster_stories

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
DEFAULT_LABELS = ROOT / "bench" / "data" / "story_pairs.yaml"

# A small thesaurus of news wording: what a rewriting desk or a spinning tool swaps.
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "killed": "slain", "attack": "assault",
    "attacks": "assaults", "officials": "authorities", "official": "representative", "government": "administration",
    "agreement": "accord", "deal": "pact", "talks": "negotiations", "troops": "soldiers", "forces": "troops",
    "president": "leader", "announced": "declared", "began": "started", "begin": "start", "ended": "concluded",
    "end": "conclusion", "war": "conflict", "country": "nation", "capital": "capital city", "people": "individuals",
    "wounded": "injured", "bomb": "explosive", "militants": "fighters", "insurgents": "rebels", "group": "organisation",
    "week": "seven days", "major": "significant", "large": "big", "many": "numerous", "help": "assist",
    "expected": "anticipated", "including": "among them", "however": "but", "also": "additionally",
    "spokesman": "spokesperson", "statement": "declaration", "meeting": "summit", "meet": "convene",
    "peace": "reconciliation", "violence": "bloodshed", "withdrawal": "pullout", "released": "freed",
    "prisoners": "detainees", "claimed": "asserted", "responsibility": "credit", "security": "safety",
    "military": "armed forces", "leaders": "chiefs", "recent": "latest", "months": "months-long period",
}
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_WORD = re.compile(r"\b\w+\b")


def seeded(key: str) -> random.Random:
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))


def swap_synonyms(sentence: str, rng: random.Random, share: float = 0.8) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        replacement = SYNONYMS.get(word.lower())
        if replacement is None or rng.random() > share:
            return word
        return replacement.capitalize() if word[0].isupper() else replacement

    return _WORD.sub(swap, sentence)


def reorder_clauses(sentence: str) -> str:
    """'A, B said.' -> 'B said, A.' for a sentence with one comma and an attribution at the end."""
    head, sep, tail = sentence.rstrip(".").partition(", ")
    if sep and "," not in tail and 1 < len(tail.split()) <= 6 and tail.split()[-1] in {"said", "says", "stated"}:
        return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}."
    return sentence


def paraphrase(text: str, key: str, drop_share: float = 0.15) -> str:
    """A deterministic machine paraphrase: synonym swaps, clause reordering, dropped sentences."""
    rng = seeded(key)
    out = []
    for paragraph in text.split("\n\n"):
        sentences = [s for s in _SENTENCE.split(paragraph) if rng.random() >= drop_share]
        out.append(" ".join(reorder_clauses(swap_synonyms(s, rng)) for s in sentences))
    return "\n\n".join(p for p in out if p)


def trim(text: str, key: str) -> str:
    """The first 60-80 % of the words, cut at a paragraph or sentence end when there is one."""
    share = 0.6 + 0.2 * seeded(key).random()
    words = text.split(" ")
    cut = " ".join(words[: max(1, int(len(words) * share))])
    end = max(cut.rfind("\n\n"), cut.rfind(". "))
    return cut[: end + 1] if end > len(cut) // 2 else cut


def variants(doc: dict[str, Any]) -> list[dict[str, Any]]:
    text, key = doc["clean_text"], doc["id"]
    base = {"language": doc["language"], "published": None, "origin_of": doc["id"]}
    made = {
        "retitled": (f"Update: {doc.get('title') or ''}".strip(), text),
        "trimmed": (doc.get("title"), trim(text, key)),
        "paraphrased": (doc.get("title"), paraphrase(text, key)),
        "trimmed+paraphrased": (doc.get("title"), paraphrase(trim(text, key), key + "/t")),
        "heavy paraphrase": (doc.get("title"), paraphrase(text, key + "/h", drop_share=0.35)),
    }
    return [{**base, "id": f"{key}~{kind}", "kind": kind, "title": title, "clean_text": body}
            for kind, (title, body) in made.items()]


def load_corpus(path: Path) -> list[dict[str, Any]]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cleaned = clean(row["text"], row.get("title"))
            docs.append({"id": row["id"], "title": cleaned.title, "clean_text": cleaned.text,
                         "published": row.get("published") or cleaned.published, "language": "en",
                         "origin_of": row["id"], "kind": "original"})
    return docs


def pr(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def groups_of(assignment: dict[str, str]) -> set[frozenset[str]]:
    members = defaultdict(set)
    for doc_id, group in assignment.items():
        members[group].add(doc_id)
    return {frozenset(m) for m in members.values()}


def same_group_pairs(assignment: dict[str, str]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for group in groups_of(assignment):
        pairs.update(itertools.combinations(sorted(group), 2))
    return pairs


def evaluate_dedup(originals: list[dict[str, Any]]) -> list[tuple[str, float, float, float, int]]:
    docs = originals + [v for doc in originals if len(doc["clean_text"].split()) >= 40 for v in variants(doc)]
    origin = {d["id"]: d["origin_of"] for d in docs}
    kind = {d["id"]: d["kind"] for d in docs}
    duplicate_of = find_duplicates(docs)
    predicted = same_group_pairs({d["id"]: duplicate_of.get(d["id"], d["id"]) for d in docs})
    truth = same_group_pairs(origin)
    rows = []
    tp, fp, fn = len(predicted & truth), len(predicted - truth), len(truth - predicted)
    rows.append(("all pairs", *pr(tp, fp, fn), len(truth)))
    for name in ("retitled", "trimmed", "paraphrased", "trimmed+paraphrased", "heavy paraphrase"):
        wanted = {p for p in truth if kind[p[0]] == "original" and kind[p[1]] == name
                  or kind[p[1]] == "original" and kind[p[0]] == name}
        found = len(wanted & predicted)
        rows.append((f"original ~ {name}", float("nan"), found / len(wanted) if wanted else 1.0, float("nan"),
                     len(wanted)))
    real = [d["id"] for d in originals]
    false_real = sorted(p for p in predicted if p[0] in real and p[1] in real)
    rows.append(("real-article pairs flagged", float("nan"), float("nan"), float("nan"), len(false_real)))
    for pair in false_real:
        print(f"  note: two real articles flagged as duplicates: {pair[0]} {pair[1]}")
    return rows


def evaluate_stories(originals: list[dict[str, Any]], labels_path: Path) -> tuple[float, float, float, int, int]:
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    positives = {tuple(sorted(p)) for ids in labels["groups"].values() for p in itertools.combinations(ids, 2)}
    negatives = {tuple(sorted(p)) for p in labels["different"]}
    story = cluster_stories(originals, find_duplicates(originals))
    same = {p for p in positives | negatives if story.get(p[0]) == story.get(p[1])}
    tp, fp = len(same & positives), len(same & negatives)
    fn = len(positives - same)
    for pair in sorted(positives - same):
        print(f"  missed story pair: {pair[0]} {pair[1]}")
    for pair in sorted(same & negatives):
        print(f"  wrongly joined:    {pair[0]} {pair[1]}")
    return (*pr(tp, fp, fn), len(positives), len(negatives))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    args = parser.parse_args()
    originals = load_corpus(args.corpus)

    print(f"DEDUP on {len(originals)} real articles + 5 constructed copies of each (>= 40 words)")
    print(f"{'':32} {'precision':>9} {'recall':>7} {'F1':>6} {'pairs':>6}")
    for name, p, r, f, n in evaluate_dedup(originals):
        print(f"{name:32} {p:9.3f} {r:7.3f} {f:6.3f} {n:6d}".replace("nan", "  -"))
    print()
    print("STORIES on hand-labelled pairs")
    p, r, f, n_pos, n_neg = evaluate_stories(originals, args.labels)
    print(f"{'':32} {'precision':>9} {'recall':>7} {'F1':>6} {'pos/neg':>8}")
    print(f"{'labelled pairs':32} {p:9.3f} {r:7.3f} {f:6.3f} {n_pos:>4}/{n_neg}")


if __name__ == "__main__":
    main()
