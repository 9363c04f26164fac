"""`accord eval`: score extraction against gold annotations (../shared/spec/GOLD.md).

Quotes match on word-overlap F1 >= 0.6, claims on value and qualifier family,
events on type + date (to the gold precision, a day may be one off) + place
(also to the gold precision: a gold country accepts a place inside it) or actor
(names compared as written and after the actor table's canonicalization).
Scores are given per table, overall and per document, so a regression can be
traced to the article that caused it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

QUOTE_MATCH_F1 = 0.6
_WORD = re.compile(r"[a-z0-9]+")

QUALIFIER_FAMILIES = {
    "lower": {"more than", "over", "at least", "upwards of", "in excess of", "above", "greater than"},
    "approx": {"about", "around", "nearly", "almost", "approximately", "some", "roughly", "close to",
               "an estimated", "estimated", "more or less", "around about"},
    "upper": {"up to", "less than", "fewer than", "under", "at most", "no more than", "below"},
    "plural": {"dozens of", "hundreds of", "thousands of", "tens of thousands of", "hundreds of thousands of",
               "millions of", "scores of", "dozens", "hundreds", "thousands"},
}


def qualifier_family(qualifier: str | None) -> str:
    if not qualifier:
        return "exact"
    q = qualifier.strip().lower()
    for family, members in QUALIFIER_FAMILIES.items():
        if q in members:
            return family
    return q


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def overlap_f1(a: str, b: str) -> float:
    wa, wb = Counter(words(a)), Counter(words(b))
    common = sum((wa & wb).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(wb.values()), common / sum(wa.values())
    return 2 * precision * recall / (precision + recall)


def family_name(name: str | None) -> str | None:
    tokens = words(name)
    return tokens[-1] if tokens else None


def _norm(text: str | None) -> str:
    return " ".join(t for t in words(text) if t != "the")


def same_party(gold: str | None, predicted: str | None) -> bool:
    """Claimants and actors agree: same words, one inside the other, or same family name."""
    g, p = _norm(gold), _norm(predicted)
    if not g or not p:
        return g == p
    return g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} " or family_name(g) == family_name(p)


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        self.right += other.right
        self.total += other.total


@dataclass
class DocScores:
    quotes_direct: Score = field(default_factory=Score)
    quotes_all: Score = field(default_factory=Score)
    quotes_end_to_end: Score = field(default_factory=Score)
    speaker: Ratio = field(default_factory=Ratio)
    said_on: Ratio = field(default_factory=Ratio)
    claims: Score = field(default_factory=Score)
    claimant: Ratio = field(default_factory=Ratio)
    dates_as_claims: int = 0
    events: Score = field(default_factory=Score)
    planned: Ratio = field(default_factory=Ratio)

    def add(self, other: DocScores) -> None:
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, int):
                setattr(self, name, mine + theirs)
            else:
                mine.add(theirs)


def greedy_match(golds: list[dict], preds: list[dict], similarity: Callable[[dict, dict], float],
                 minimum: float) -> list[tuple[dict, dict]]:
    """One-to-one pairs, most similar first."""
    candidates = sorted(
        ((similarity(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)),
        key=lambda c: -c[0],
    )
    used_g, used_p, pairs = set(), set(), []
    for score, gi, pi in candidates:
        if score < minimum or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((golds[gi], preds[pi]))
    return pairs


def _quote_similarity(g: dict, p: dict) -> float:
    return overlap_f1(g["text"], p["text"])


def score_quotes(gold: list[dict], pred: list[dict], scores: DocScores) -> None:
    direct_gold = [q for q in gold if q.get("direct", True)]
    direct_pred = [q for q in pred if q.get("direct", True)]
    scores.quotes_direct = Score(len(greedy_match(direct_gold, direct_pred, _quote_similarity, QUOTE_MATCH_F1)),
                                 len(direct_pred), len(direct_gold))
    pairs = greedy_match(gold, pred, _quote_similarity, QUOTE_MATCH_F1)
    scores.quotes_all = Score(len(pairs), len(pred), len(gold))
    right_speaker = 0
    for g, p in pairs:
        ok = family_name(g.get("speaker")) == family_name(p.get("speaker"))
        right_speaker += ok
        scores.speaker.add(Ratio(int(ok), 1))
        if g.get("said_on"):
            scores.said_on.add(Ratio(int(g["said_on"] == p.get("said_on")), 1))
    scores.quotes_end_to_end = Score(right_speaker, len(pred), len(gold))


def _claim_similarity(g: dict, p: dict) -> float:
    if float(g["value"]) != float(p["value"] or 0) or qualifier_family(g.get("qualifier")) != qualifier_family(
            p.get("qualifier")):
        return 0.0
    return 1.0 + overlap_f1(g.get("text", ""), p.get("text", ""))


def score_claims(gold: list[dict], durations: list[dict], pred: list[dict], scores: DocScores) -> None:
    pairs = greedy_match(gold, pred, _claim_similarity, 1.0)
    scores.claims = Score(len(pairs), len(pred), len(gold))
    for g, p in pairs:
        if g.get("claimant"):
            scores.claimant.add(Ratio(int(same_party(g["claimant"], p.get("claimant"))), 1))
    matched = {id(p) for _, p in pairs}
    for p in pred:
        if id(p) in matched:
            continue
        same_sentence_duration = any(
            float(d["value"]) == float(p["value"] or 0) and overlap_f1(d["text"], p.get("text", "")) > 0.8
            for d in durations)
        looks_like_year = float(p["value"] or 0).is_integer() and 1900 <= float(p["value"] or 0) <= 2100
        scores.dates_as_claims += int(same_sentence_duration or looks_like_year)


def dates_agree(gold: str | None, predicted: str | None) -> bool:
    """A predicted date agrees to the gold's precision (a day may be one off); a gold null date (the
    text gives none) is not scored, so any prediction agrees with it (GOLD.md)."""
    if not gold:
        return True
    if not predicted:
        return False
    if len(gold) == 10:
        try:
            g, p = date.fromisoformat(gold), date.fromisoformat(predicted[:10])
        except ValueError:
            return False
        return abs(g - p) <= timedelta(days=1)
    return predicted.startswith(gold)


def _place_names(location: Any) -> list[str]:
    """The names a predicted place answers to: itself, its province and, as with dates, the coarser
    precision of its country (gold "Afghanistan" agrees with a predicted "Kabul, Afghanistan")."""
    if isinstance(location, dict):
        return [v for k, v in location.items() if k in ("name", "admin1", "country") and v]
    return [location] if location else []


Canonical = Callable[[str], str]


def _as_written(name: str) -> str:
    return name


def actor_canonicalizer() -> Canonical:
    """Actor names as the actor table (data/actors.yaml) canonicalizes them.

    Annotators sometimes write an alias ("Afghan security forces", "Trump
    administration") or a person the table credits to their side ("Zalmay
    Khalilzad" → United States, as the events issue asks); names are compared
    after both sides go through the same table, so the alias, not the actor, is
    what differs.
    """
    import spacy

    from accord.extract.actors import ActorLexicon

    return ActorLexicon(spacy.blank("en")).canonical


def actors_agree(gold: str, predicted: str, canonical: Canonical = _as_written) -> bool:
    return same_party(gold, predicted) or same_party(canonical(gold), canonical(predicted))


def gold_types(g: dict) -> set[str]:
    """The gold type and the `type_alternatives` the codebook also allows for that event (GOLD.md)."""
    return {g["type"], *(g.get("type_alternatives") or [])}


def _event_similarity(g: dict, p: dict, canonical: Canonical = _as_written) -> float:
    if p.get("type") not in gold_types(g) or not dates_agree(g.get("date"), p.get("date")):
        return 0.0
    place = bool(g.get("location")) and any(_norm(g["location"]) == _norm(n) for n in _place_names(p.get("location")))
    gold_actors = [a for a in (g.get("actor1"), g.get("actor2")) if a]
    pred_actors = [a for a in (p.get("actor1"), p.get("actor2")) if a]
    actor = any(actors_agree(a, b, canonical) for a in gold_actors for b in pred_actors)
    if not (place or actor):
        return 0.0
    return 1.0 + overlap_f1(g.get("text", ""), p.get("text", ""))


def score_events(gold: list[dict], pred: list[dict], scores: DocScores, canonical: Canonical = _as_written) -> None:
    pairs = greedy_match(gold, pred, lambda g, p: _event_similarity(g, p, canonical), 1.0)
    scores.events = Score(len(pairs), len(pred), len(gold))
    for g, p in pairs:
        scores.planned.add(Ratio(int(bool(g.get("planned")) == bool(p.get("planned"))), 1))


@dataclass
class Predictions:
    """Extractions grouped by document id."""

    quotes: dict[str, list[dict]]
    claims: dict[str, list[dict]]
    events: dict[str, list[dict]]


def _group(rows: Iterable[dict], key: str = "doc") -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def _events_by_doc(events: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for event in events:
        for doc in event.get("docs") or []:
            grouped.setdefault(doc, []).append(event)
    return grouped


def predictions_from_db(db: str | Path) -> Predictions:
    from accord.store import Store

    with Store(db, read_only=True) as store:
        return Predictions(
            quotes=_group(store.rows("SELECT * FROM quotes")),
            claims=_group(store.rows("SELECT * FROM claims")),
            events=_events_by_doc(store.rows("SELECT * FROM events")),
        )


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predictions_from_export(folder: str | Path) -> Predictions:
    folder = Path(folder)
    return Predictions(
        quotes=_group(_read_jsonl(folder / "quotes.jsonl")),
        claims=_group(_read_jsonl(folder / "claims.jsonl")),
        events=_events_by_doc(_read_jsonl(folder / "events.jsonl")),
    )


def load_gold(folder: str | Path) -> list[dict]:
    files = sorted(Path(folder).glob("*.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


SPLITS = ("tune", "check")


def split_of(doc_id: str) -> str:
    """The half of the gold a document belongs to: a fixed hash of its id, so the halves never move
    when files are added. Rules are tuned on `tune`; `check` says whether they carry over."""
    return SPLITS[int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2]


def select_split(gold_docs: list[dict], split: str) -> list[dict]:
    if split == "all":
        return gold_docs
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (tune, check or all)")
    return [g for g in gold_docs if split_of(g["doc"]) == split]


def gold_fingerprint(folder: str | Path) -> str:
    """A hash of the gold files' names and bytes: a baseline measured on other gold is stale."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob("*.json")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass
class EvalResult:
    per_doc: dict[str, DocScores]
    overall: DocScores
    missing_docs: list[str]


def split_summaries(result: EvalResult) -> dict[str, dict[str, float | int | None]]:
    """Overall figures for all gold documents and for each half (`tune`, `check`)."""
    out = {"all": summary(result.overall)}
    for split in SPLITS:
        scores = DocScores()
        for doc, doc_scores in result.per_doc.items():
            if split_of(doc) == split:
                scores.add(doc_scores)
        out[split] = summary(scores)
    return out


def evaluate(gold_docs: list[dict], predictions: Predictions, known_docs: set[str] | None = None) -> EvalResult:
    per_doc: dict[str, DocScores] = {}
    overall = DocScores()
    missing = []
    canonical = actor_canonicalizer()
    for gold in gold_docs:
        doc = gold["doc"]
        if known_docs is not None and doc not in known_docs:
            missing.append(doc)
        scores = DocScores()
        score_quotes(gold.get("quotes", []), predictions.quotes.get(doc, []), scores)
        score_claims(gold.get("claims", []), gold.get("durations", []), predictions.claims.get(doc, []), scores)
        score_events(gold.get("events", []), predictions.events.get(doc, []), scores, canonical)
        per_doc[doc] = scores
        overall.add(scores)
    return EvalResult(per_doc, overall, missing)


def summary(scores: DocScores) -> dict[str, float | int | None]:
    """Flat figures for tables, JSON output and regression tests."""
    out: dict[str, float | int | None] = {}
    for name in ("quotes_direct", "quotes_all", "quotes_end_to_end", "claims", "events"):
        s: Score = getattr(scores, name)
        out.update({f"{name}_p": s.precision, f"{name}_r": s.recall, f"{name}_f1": s.f1,
                    f"{name}_tp": s.tp, f"{name}_pred": s.predicted, f"{name}_gold": s.gold})
    for name in ("speaker", "said_on", "claimant", "planned"):
        r: Ratio = getattr(scores, name)
        out[f"{name}_acc"] = r.value
        out[f"{name}_n"] = r.total
    out["dates_as_claims"] = scores.dates_as_claims
    return out


# The figures pinned in the baseline file that the gate test compares with (tests/eval_baseline.json).
GATED = ("quotes_direct_f1", "quotes_all_f1", "quotes_end_to_end_f1", "speaker_acc", "said_on_acc",
         "claims_f1", "claimant_acc", "events_f1", "planned_acc")


def baseline_payload(result: EvalResult, gold_dir: str | Path) -> dict[str, Any]:
    """What `accord eval --write-baseline` pins: the gated figures of each half, rounded, with the gold's
    fingerprint so that a baseline measured on other gold files is recognised as stale."""
    by_split = split_summaries(result)
    return {
        "gold_fingerprint": gold_fingerprint(gold_dir),
        "gold_documents": len(result.per_doc),
        "scores": {split: {key: None if figures[key] is None else round(figures[key], 4) for key in GATED}
                   for split, figures in by_split.items()},
    }
