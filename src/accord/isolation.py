"""Per-document isolation: one article's exception, hang or dead worker never costs the others.

The per-document stage runs a batch through spaCy's `nlp.pipe` (fast: the models work on a
batch at once). When anything in the batch raises or runs over its time budget, every document
of the batch runs again on its own, so only the culprit fails; it comes back as an
`ExtractionFailure` naming the reason, and the caller stores it with a note (api.ingest). A
worker process that dies is handled by the engine that ran it (engines/local.py).

The time budget uses SIGALRM, so it applies in the main thread of a process (the CLI, and each
worker of `--workers`); elsewhere (a thread of a server) documents run without one.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from accord.errors import DataFileError
from accord.models import Extractions

Item = tuple[str | None, ...]  # id, clean text, published[, title[, published_estimate]]

# Time budget: a fixed allowance (loading, a short article on a busy machine) plus seconds per
# 10,000 characters. Every extractor is linear, so a healthy article takes well under a second
# per 10k characters; an article over budget is a pathological input, not a slow machine.
BASE_BUDGET_SECONDS = 20.0
DEFAULT_SECONDS_PER_10K = 5.0


@dataclass(frozen=True)
class TimeBudget:
    seconds_per_10k: float = DEFAULT_SECONDS_PER_10K  # 0 or less: no budget
    base_seconds: float = BASE_BUDGET_SECONDS

    def for_chars(self, chars: int) -> float | None:
        if self.seconds_per_10k <= 0:
            return None
        return self.base_seconds + self.seconds_per_10k * chars / 10_000


@dataclass(frozen=True)
class ExtractionFailure:
    """A document the per-document stage could not process, and why (one line)."""

    doc: str
    reason: str


class DocumentTimeout(Exception):
    pass


Outcome = Extractions | ExtractionFailure
# Failures that are not one document's: every document would fail the same way, so the run stops.
STOPS_THE_RUN = (OSError, DataFileError)


def _can_alarm() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in this block after `seconds` (no limit for None or off the main thread)."""
    if not seconds or not _can_alarm():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise DocumentTimeout(f"over its time budget of {seconds:.0f}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def describe(error: BaseException) -> str:
    """One line for an exception: its type and first line, at most 200 characters."""
    if isinstance(error, DocumentTimeout):
        return str(error)
    first = (str(error).strip().splitlines() or [""])[0][:200]
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def analyse_isolated(items: Sequence[Item], budget: TimeBudget = TimeBudget()) -> list[Outcome]:
    """Extractions (or a failure) for each item, in order, in this process."""
    from accord.nlp import analyse

    if not items:
        return []
    total = sum(budget.for_chars(len(item[1] or "")) or 0 for item in items) or None
    try:
        with time_limit(total):
            return list(analyse(list(items)))
    except STOPS_THE_RUN:
        raise  # the machine's problem (disk full) or a broken lexicon, not a document's: the run stops
    except Exception:  # noqa: BLE001 — some document of the batch failed: find which, alone
        if len(items) == 1:
            return [_alone(items[0], budget)]
    return [_alone(item, budget) for item in items]


def _alone(item: Item, budget: TimeBudget) -> Outcome:
    from accord.nlp import analyse

    try:
        with time_limit(budget.for_chars(len(item[1] or ""))):
            return next(iter(analyse([item])))
    except STOPS_THE_RUN:
        raise
    except Exception as error:  # noqa: BLE001 — recorded, not raised: the other documents go on
        return ExtractionFailure(str(item[0]), describe(error))


def trim_spans(extractions: Extractions, clean_text: str) -> Extractions:
    """Spans end at their last visible character: a sentence's trailing blank lines are not part of a
    claim, quote or event (`end` still indexes the clean text, `text` loses trailing whitespace)."""
    for record in (*extractions.quotes, *extractions.claims, *extractions.events):
        span = clean_text[record.start:record.end]
        visible = len(span.rstrip())
        if 0 < visible < len(span):
            record.end = record.start + visible
        if record.text and record.text != record.text.rstrip():
            record.text = record.text.rstrip()
    return extractions
