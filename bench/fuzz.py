"""Fuzz accord's per-document stage: hostile and broken inputs, no crash, no hang, invariants hold.

    python bench/fuzz.py                      # `make fuzz`: >= 1,000,000 inputs over the pure stages,
                                              # a few thousand through spaCy
    python bench/fuzz.py --scale 0.01         # a quick run
    python bench/fuzz.py --stage time --n 50000 --seed 7

Inputs come from a seeded generator (so every crash replays from its seed and index): fragments of
news-like English that the extractors react to (dates, numbers, quotes, datelines, bylines) mixed with
what the open web sends (control and escape characters, lone surrogates, huge numbers, odd Unicode,
broken quote marks, markup), then mutated (bytes flipped, pieces cut, repeated, spliced).

Each stage is a function of one input that must not raise (an `InputError` is an answer, not a crash)
and whose output must hold the stage's invariants; `tests/test_fuzz.py` runs every stage a bounded
number of times inside `make test`. A failure prints the stage, the seed and index, and the input.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from accord.errors import InputError  # noqa: E402

WORDS = ("the envoy said", "Taliban fighters attacked", "a checkpoint in Ghazni", "the ministry", "killed",
         "at least", "more than", "about", "talks", "ceasefire", "agreement", "signed", "withdraw", "troops",
         "he said", "she told reporters", "according to officials", "KABUL (AP) —", "By Jane Doe", "Photo:",
         "on Monday", "last week", "in March", "two years ago", "since 2019", "the first quarter", "tomorrow",
         "next year", "earlier this month", "within 135 days", "a 40-year conflict", "2,020 years ago",
         "10000000000000 days ago", "1e400", "Sept. 31", "February 30, 2021", "0 BC", "9999-12-31",
         "12", "2,500", "a dozen", "three hundred", "40 percent", "-12.5%", "½", "٣", "1,000,000,000,000,000,000",
         "NaN", "inf", "$5 million", "20200229", "2020-02-29T12:00:00", "last Tuesday")
QUOTES = ('"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›", "``", "''")
HOSTILE = ("\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\x00", "\x07", "\x7f", "\ud800", "\udfff", "\u202e",
           "\u2066", "\ufeff", "\u200b", "\r", "\r\n", "\f", "\v", "\u2028", "\u2029", "\t", "=cmd|' /C calc'!A0",
           "+SUM(A1)", "@x", "-1", "<script>alert(1)</script>", "&lt;b&gt;", "javascript:alert(1)", "\\u0000",
           "𝕿𝖆𝖑𝖎𝖇𝖆𝖓", "ﷺ", "Z̴̡̛a̷l̶g̸o̵", "\u0301", "🏳️‍🌈", "\n\n\n", "    ", "—", "…", "")
PUNCT = (".", ",", ";", ":", "!", "?", " ", " ", " ", "\n", "\n\n", "(", ")", "[", "]", "-", "/")


def fragment(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(WORDS)
    if roll < 0.70:
        return rng.choice(QUOTES)
    if roll < 0.85:
        return rng.choice(HOSTILE)
    if roll < 0.93:
        numbers = (rng.randint(-10**6, 10**6), rng.randint(0, 10**30), rng.random() * 10.0**rng.randint(0, 300))
        return str(rng.choice(numbers))
    return "".join(chr(rng.choice((rng.randint(0, 0x7f), rng.randint(0x80, 0x3000), rng.randint(0, 0x10FFFF))))
                   for _ in range(rng.randint(1, 8)))


def text(rng: random.Random, max_parts: int = 40) -> str:
    parts = []
    for _ in range(rng.randint(0, max_parts)):
        parts.append(fragment(rng))
        parts.append(rng.choice(PUNCT))
    return mutate(rng, "".join(parts))


def mutate(rng: random.Random, value: str) -> str:
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        if not value:
            break
        i = rng.randrange(len(value))
        action = rng.randrange(4)
        if action == 0:
            value = value[:i] + value[i + rng.randint(1, 20):]
        elif action == 1:
            value = value[:i] + chr(rng.randint(0, 0x2FFF)) + value[i:]
        elif action == 2:
            value = value[:i] + value[i:i + rng.randint(1, 30)] * rng.randint(2, 6) + value[i:]
        else:
            j = rng.randrange(len(value))
            value = value[:min(i, j)] + value[max(i, j):] + value[min(i, j):max(i, j)]
    return value


def published(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.75:
        day = date.fromordinal(rng.randint(date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal()))
        if rng.random() < 0.6:
            day = date.fromordinal(rng.randint(date(1990, 1, 1).toordinal(), date(2030, 12, 31).toordinal()))
        return day.isoformat() if rng.random() < 0.8 else day.isoformat()[:7]
    return rng.choice(("20200229", "2020-02-29T12:00:00", "2020-13-45", "last Tuesday", "", "0000-00-00",
                       "9999-12-31", "0001-01-01", "2020", "2020-02", "１２３４-05-06", text(rng, 3)))


def raw_bytes(rng: random.Random) -> bytes:
    base = text(rng).encode("utf-8", errors="surrogatepass")
    data = bytearray(base)
    for _ in range(rng.choice((0, 1, 3, 10))):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    if rng.random() < 0.2:
        data = bytearray(text(rng).encode("cp1252", errors="replace"))
    return bytes(data)


def json_line(rng: random.Random) -> bytes:
    row: dict[str, object] = {}
    for key in ("id", "text", "title", "source", "url", "published", "language"):
        roll = rng.random()
        if roll < 0.7:
            row[key] = published(rng) if key == "published" else text(rng, 20 if key == "text" else 3)
        elif roll < 0.8:
            row[key] = rng.choice((None, 0, 1.5, [], {}, True, "", "en", "english", "EN-us"))
    line = json.dumps(row, ensure_ascii=rng.random() < 0.5)
    line = mutate(rng, line) if rng.random() < 0.2 else line
    return line.encode("utf-8", errors="surrogatepass")


# --- stages: each checks its invariants and raises AssertionError when one breaks -----------------


def stage_time(rng: random.Random) -> None:
    from accord.extract.durations import Duration, duration_of
    from accord.extract.time import deadline, resolve

    expression, when = text(rng, 4), published(rng)
    value = resolve(expression, when, rng.choice((None, "past", "future")))
    if value is not None:
        assert value.start <= value.end and value.precision in ("day", "month", "year")
        date.fromisoformat(value.iso if len(value.iso) == 10 else value.iso + "-01" * ((10 - len(value.iso)) // 3))
    length = duration_of(expression)
    if length is not None:
        deadline(when, length)
    deadline(when, Duration(rng.choice((1e300, -1e300, 10**rng.randint(0, 20), rng.random())), "days"))


def stage_numbers(rng: random.Random) -> None:
    from accord.extract.numbers import parse_number, qualifier_before, vague_quantity

    value = text(rng, 3)
    number = parse_number(value)
    assert number is None or isinstance(number, float | int)
    vague_quantity(value)
    qualifier_before(value)


def stage_quote_marks(rng: random.Random) -> None:
    from accord.extract.quote_marks import find_quoted_spans

    value = text(rng)
    for span in find_quoted_spans(value):
        assert 0 <= span.start <= span.end <= len(value), span


def stage_readers(rng: random.Random) -> None:
    from accord.ingest import readers
    from accord.ingest.validate import checked, without_controls

    data = raw_bytes(rng) if rng.random() < 0.5 else json_line(rng)
    try:
        decoded, _notes = readers.decode(data, "fuzz", line_number=1)
    except InputError:
        return
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in decoded)
    try:
        article = checked(readers._article_from_json(json.loads(decoded), "fuzz:1"))
    except (InputError, ValueError, RecursionError):
        return
    for value in (article.id, article.text, article.title or "", article.source or ""):
        assert without_controls(value)[1] == 0, repr(value)
    assert article.url is None or article.url.startswith(("http://", "https://"))


def stage_clean(rng: random.Random) -> None:
    from accord.ingest.clean import clean

    cleaned = clean(text(rng, 60), title=text(rng, 3) if rng.random() < 0.3 else None)
    assert isinstance(cleaned.text, str)


def stage_document(rng: random.Random) -> None:
    """The whole per-document stage through spaCy: prepare (clean, date, language) and extract."""
    from accord.api import prepare
    from accord.ingest.validate import checked
    from accord.models import Article
    from accord.nlp import extractions_of, make_doc, shared_pipeline

    try:
        article = checked(Article(id=f"f{rng.randrange(10**6)}", text=text(rng, 80), title=None,
                                  published=published(rng), origin="fuzz"))
        doc = prepare(article)
    except InputError:
        return
    nlp = shared_pipeline()
    extractions = extractions_of(nlp(make_doc(nlp, doc.id, doc.clean_text, doc.published, doc.title,
                                              doc.published_estimate)))
    check_extractions(extractions, doc.clean_text)


def check_extractions(extractions, clean_text: str) -> None:
    """Offsets index the clean text; dates are valid ISO or null."""
    for record in (*extractions.quotes, *extractions.claims, *extractions.events):
        assert 0 <= record.start <= record.end <= len(clean_text), (record.start, record.end, len(clean_text))
    for value in [q.said_on for q in extractions.quotes] + [e.date for e in extractions.events] + \
            [c.period_start for c in extractions.claims] + [c.period_end for c in extractions.claims]:
        if value is not None:
            assert len(value) in (4, 7, 10) and date.fromisoformat(value + "-01" * ((10 - len(value)) // 3)), value


STAGES: dict[str, Callable[[random.Random], None]] = {
    "time": stage_time, "numbers": stage_numbers, "quote_marks": stage_quote_marks, "readers": stage_readers,
    "clean": stage_clean, "document": stage_document,
}
# `make fuzz`: inputs per stage (>= 1,000,000 over the pure stages; spaCy's stage is ~100x dearer per input)
FULL_RUN = {"time": 300_000, "numbers": 250_000, "quote_marks": 200_000, "readers": 200_000, "clean": 60_000,
            "document": 2_000}
HANG_SECONDS = 10.0


@dataclass
class StageResult:
    stage: str
    inputs: int = 0
    seconds: float = 0.0
    crashes: list[str] = field(default_factory=list)
    slowest: float = 0.0


def run_stage(stage: str, count: int, seed: int) -> StageResult:
    result = StageResult(stage)
    target = STAGES[stage]
    if stage == "document":  # load spaCy and the lexicons first: loading is not an input's time
        from accord.api import prepare
        from accord.models import Article
        from accord.nlp import extractions_of, make_doc, shared_pipeline

        nlp = shared_pipeline()
        warm = prepare(Article(id="warm", text="Taliban fighters attacked a checkpoint in Ghazni on Monday, "
                                               'killing 12 people. "We will respond," the governor said.'))
        extractions_of(nlp(make_doc(nlp, warm.id, warm.clean_text, "2020-03-06")))
    started = time.perf_counter()
    for index in range(count):
        rng = random.Random(f"{seed}:{stage}:{index}")
        began = time.perf_counter()
        try:
            target(rng)
        except Exception as error:  # noqa: BLE001 — a crash is what we are looking for
            detail = traceback.format_exception_only(type(error), error)[-1].strip()
            result.crashes.append(f"{stage} seed={seed} index={index}: {detail}")
        took = time.perf_counter() - began
        result.slowest = max(result.slowest, took)
        if took > HANG_SECONDS:
            result.crashes.append(f"{stage} seed={seed} index={index}: took {took:.1f}s (hang)")
        result.inputs += 1
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", choices=sorted(STAGES), action="append", help="only these stages")
    parser.add_argument("--n", type=int, help="inputs per stage (default: the full run's)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the full run's counts")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    total, crashes = 0, []
    for stage in args.stage or list(STAGES):
        count = args.n if args.n is not None else max(1, int(FULL_RUN[stage] * args.scale))
        result = run_stage(stage, count, args.seed)
        total += result.inputs
        crashes.extend(result.crashes)
        print(f"{stage:12s} {result.inputs:>9,} inputs  {result.seconds:7.1f}s  slowest {result.slowest:.3f}s  "
              f"{len(result.crashes)} crash(es)", flush=True)
        for crash in result.crashes[:10]:
            print("   ", crash, flush=True)
    print(f"total        {total:>9,} inputs, {len(crashes)} crash(es)")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
