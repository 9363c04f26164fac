"""Run the per-document stage on several local processes.

spaCy's own `n_process` ships Docs between processes with msgpack, which cannot
carry accord's dataclasses back; so each worker here runs the whole stage
(pipeline loaded once per worker) and returns plain `Extractions`, which pickle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from accord.models import Extractions

Item = tuple[str | None, ...]  # id, text, published[, title[, published_estimate]]
T = TypeVar("T")


def _analyse_chunk(chunk: list[Item]) -> list[Extractions]:
    from accord.nlp import analyse

    return list(analyse(chunk, n_process=1))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), without reading ahead."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyse_parallel(items: Iterable[Item], workers: int, chunk_size: int = 8) -> Iterator[Extractions]:
    """Extractions in input order, computed by `workers` processes."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_analyse_chunk, batched(items, chunk_size)):
            yield from results
