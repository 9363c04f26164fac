"""accord_quotes against textacy's direct_quotations, on the same gold articles, scored the same way.

Both run on the same cleaned text and the same spaCy model; both are scored by
`accord.evaluate` (word-overlap matching, speaker by family name). textacy only
finds direct quotes with a speaker and cue, so its figures for reported speech
and `said_on` are structurally zero; the direct-quote rows are the fair comparison.

    python bench/compare_textacy.py [--gold ../shared/corpus/gold] [--corpus ../shared/corpus/articles.jsonl]

textacy is a development extra (pip install -e '.[dev]'), not a runtime dependency.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from accord.evaluate import Predictions, evaluate, load_gold, summary
from accord.ingest.clean import clean
from accord.nlp import build_pipeline, make_doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
METRICS = ("quotes_direct_f1", "quotes_all_p", "quotes_all_r", "quotes_all_f1", "speaker_acc", "said_on_acc",
           "quotes_end_to_end_f1")


def gold_articles(corpus: Path, wanted: set[str]) -> list[dict]:
    rows = (json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    return [row for row in rows if row["id"] in wanted]


def textacy_quotes(doc) -> list[dict]:
    from textacy.extract.triples import direct_quotations

    found = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy refuses documents with unbalanced quotation marks
        return []
    for triple in triples:
        speaker = " ".join(t.text for t in triple.speaker) or None
        content = doc[triple.content[0].i:triple.content[-1].i + 1]
        found.append({"doc": doc._.doc_id, "text": content.text.strip("\"“”' "), "direct": True,
                      "speaker": speaker, "said_on": None})
    return found


def accord_quotes(doc) -> list[dict]:
    return [{"doc": q.doc, "text": q.text, "direct": q.direct, "speaker": q.speaker, "said_on": q.said_on}
            for q in doc._.quotes]


def compare(gold_dir: Path, corpus: Path) -> dict[str, dict[str, float | None]]:
    gold = load_gold(gold_dir)
    articles = gold_articles(corpus, {g["doc"] for g in gold})
    nlp = build_pipeline(extractors=("accord_quotes",))
    ours: dict[str, list[dict]] = {}
    theirs: dict[str, list[dict]] = {}
    for article in articles:
        text = clean(article["text"], title=article.get("title")).text
        doc = nlp(make_doc(nlp, article["id"], text, article.get("published")))
        ours[article["id"]] = accord_quotes(doc)
        theirs[article["id"]] = textacy_quotes(doc)
        if not theirs[article["id"]] and ours[article["id"]]:
            print(f"textacy found no quotes in {article['id']} (unbalanced marks make it bail out, or none matched)")
    scored = {}
    for name, quotes in (("accord", ours), ("textacy", theirs)):
        result = evaluate(gold, Predictions(quotes=quotes, claims={}, events={}))
        figures = summary(result.overall)
        scored[name] = {m: figures[m] for m in METRICS}
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--corpus", type=Path, default=SHARED / "articles.jsonl")
    args = parser.parse_args()
    scored = compare(args.gold, args.corpus)
    print(f"{'metric':24s}" + "".join(f"{name:>10s}" for name in scored))
    for metric in METRICS:
        cells = "".join("         -" if s[metric] is None else f"{s[metric]:10.3f}" for s in scored.values())
        print(f"{metric:24s}{cells}")


if __name__ == "__main__":
    main()
