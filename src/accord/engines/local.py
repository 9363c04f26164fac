"""Engines that run the per-document stage: in this process, or on a pool of local processes.

An engine takes a batch of items (doc id, clean text, published[, title[, published_estimate]])
and hands back a *pending* result: a function that returns one outcome per item, in order
(`Extractions`, or an `ExtractionFailure` naming why that document failed). `in_order` keeps
a few batches in flight, so the workers parse the next batch while this process stores the
last one; the pool is made once per run, so each worker loads the spaCy pipeline once (a
pool per batch cost every batch a model load and made `--workers 2` no faster than one).

spaCy's own `n_process` ships Docs between processes with msgpack, which cannot carry accord's
dataclasses back; so each worker here runs the whole stage and returns plain `Extractions`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Protocol, TypeVar

from accord.isolation import ExtractionFailure, Outcome, TimeBudget, analyse_isolated

Item = tuple[str | None, ...]
Pending = Callable[[], list[Outcome]]
T = TypeVar("T")
B = TypeVar("B")


class Engine(Protocol):
    lookahead: int  # batches submitted ahead of the one being stored

    def submit(self, items: Sequence[Item]) -> Pending: ...

    def close(self) -> None: ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), without reading ahead."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(batches: Iterable[B], submit: Callable[[B], Pending], lookahead: int) -> Iterator[tuple[B, list[Outcome]]]:
    """(batch, outcomes) for each batch, in input order, with up to `lookahead` later batches already
    submitted: the memory held is a few batches, whatever the length of the input."""
    pending: deque[tuple[B, Pending]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) > lookahead:
            done, result = pending.popleft()
            yield done, result()
    while pending:
        done, result = pending.popleft()
        yield done, result()


class InProcess:
    """The stage in this process; each batch runs when its result is asked for."""

    lookahead = 0

    def __init__(self, budget: TimeBudget = TimeBudget()):
        self.budget = budget

    def submit(self, items: Sequence[Item]) -> Pending:
        items = list(items)
        return lambda: analyse_isolated(items, self.budget)

    def close(self) -> None:
        pass


def _warm_worker() -> None:
    from accord.nlp import shared_pipeline

    shared_pipeline()


def _worker_chunk(chunk: list[Item], budget: TimeBudget) -> list[Outcome]:
    return analyse_isolated(chunk, budget)


class ProcessPool:
    """The stage on `workers` processes that live for the whole run, each with the pipeline loaded once.

    A worker that dies (killed, out of memory, a crash in native code) fails only the document that
    killed it: the chunks that were running when the pool broke run again one document per fresh
    process, and a new pool takes the next batches."""

    def __init__(self, workers: int, budget: TimeBudget = TimeBudget(), chunk_size: int = 4):
        self.workers, self.budget, self.chunk_size = workers, budget, chunk_size
        self.lookahead = 2
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, initializer=_warm_worker)

    def submit(self, items: Sequence[Item]) -> Pending:
        chunks = [list(items[i:i + self.chunk_size]) for i in range(0, len(items), self.chunk_size)]
        futures = [self._submit_chunk(chunk) for chunk in chunks]
        return lambda: [o for chunk, future in zip(chunks, futures, strict=True) for o in self._result(chunk, future)]

    def _submit_chunk(self, chunk: list[Item]) -> Future | None:
        try:
            return self._pool.submit(_worker_chunk, chunk, self.budget)
        except BrokenProcessPool:
            self._restart()
            return None

    def _result(self, chunk: list[Item], future: Future | None) -> list[Outcome]:
        try:
            if future is not None:
                return future.result()
        except BrokenProcessPool:
            self._restart()
        return [_in_own_process(item, self.budget) for item in chunk]

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _in_own_process(item: Item, budget: TimeBudget) -> Outcome:
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_worker_chunk, [item], budget).result()[0]
    except BrokenProcessPool:
        return ExtractionFailure(str(item[0]), "the worker process died while extracting it")


# Each worker loads the spaCy pipeline (a few seconds): below this many articles per extra worker, one
# process finishes first.
ARTICLES_PER_EXTRA_WORKER = 50


def default_workers(articles: int | None, cores: int | None = None) -> int:
    """`--workers` when not given: every core for a large input, one process for a small one."""
    import os

    cores = cores or os.cpu_count() or 1
    if articles is None:
        return cores
    return max(1, min(cores, articles // ARTICLES_PER_EXTRA_WORKER + 1))


def open_engine(kind: str = "local", workers: int = 1, budget: TimeBudget = TimeBudget(),
                address: str | None = None) -> Engine:
    """The engine for `accord ingest --engine KIND --workers N` (Ray: see engines/ray.py)."""
    if kind == "ray":
        from accord.engines.ray import RayEngine

        return RayEngine(workers=workers, address=address, budget=budget)
    if kind != "local":
        raise ValueError(f"unknown engine {kind!r} (local or ray)")
    return ProcessPool(workers, budget) if workers > 1 else InProcess(budget)


def analyse_parallel(items: Iterable[Item], workers: int, chunk_size: int = 8) -> Iterator[Outcome]:
    """Extractions (or failures) in input order, computed by `workers` processes."""
    engine = ProcessPool(workers, chunk_size=chunk_size)
    try:
        for _, outcomes in in_order(batched(items, 32), engine.submit, engine.lookahead):
            yield from outcomes
    finally:
        engine.close()
