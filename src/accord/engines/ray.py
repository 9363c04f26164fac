"""Run the per-document stage on a Ray cluster with Ray Data (the optional `accord[ray]` extra).

The same pure function as a local run — one article's text and date in, its extractions out —
runs in `map_batches` on a pool of actors, each of which loads the spaCy pipeline once. Results
travel as JSON strings in Arrow tables through Ray's object store (so no disk has to be shared
between the workers and the driver), and the store is written by the driver alone (DuckDB has one
writer); the driver sends the input in jobs of `RayEngine.batch_size` documents, so it holds one
job's results at a time.

Point it at a cluster with `address` ("ray://head:10001", or "auto" inside the cluster) or the
RAY_ADDRESS environment variable; with neither, a local Ray is started on this machine. Every
worker needs accord installed (`pip install accord[ray]`, same version as the driver).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from accord.isolation import ExtractionFailure, Outcome, TimeBudget
from accord.models import Claim, EventMention, Extractions, Quote

Item = tuple[str | None, ...]  # id, clean text, published[, title[, published_estimate]]
FIELDS = ("id", "text", "published", "title", "published_estimate")


def to_json(extractions: Extractions) -> str:
    return json.dumps(asdict(extractions), ensure_ascii=False)


def from_json(payload: str) -> Extractions:
    data = json.loads(payload)
    return Extractions(doc=data["doc"], quotes=[Quote(**q) for q in data["quotes"]],
                       claims=[Claim(**c) for c in data["claims"]],
                       events=[EventMention(**e) for e in data["events"]])


class Analyser:
    """A Ray Data actor: the pipeline is loaded once per worker, then batch after batch goes through it,
    isolated as in a local run (a document that fails comes back as its failure, not as an exception)."""

    def __init__(self, budget: TimeBudget) -> None:
        from accord.nlp import shared_pipeline

        shared_pipeline()
        self.budget = budget

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from accord.isolation import analyse_isolated

        items = list(zip(*(batch[name] for name in FIELDS), strict=True))
        items = [tuple(None if v is None else str(v) for v in item) for item in items]
        outcomes = analyse_isolated(items, self.budget)
        return {"doc": [str(i[0]) for i in items],
                "extractions": [to_json(o) if isinstance(o, Extractions) else "" for o in outcomes],
                "failure": [o.reason if isinstance(o, ExtractionFailure) else "" for o in outcomes]}


def connect(address: str | None = None, workers: int | None = None) -> None:
    """Join the cluster at `address` (or RAY_ADDRESS), or start a local Ray with `workers` CPUs."""
    import os

    import ray

    if ray.is_initialized():
        return
    if address or os.environ.get("RAY_ADDRESS"):
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)


def _quiet(ray_module: Any) -> None:
    import logging

    context = ray_module.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    logging.getLogger("ray").setLevel(logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def analyse_with_ray(items: Sequence[Item], workers: int = 2, batch_size: int = 16, address: str | None = None,
                     budget: TimeBudget = TimeBudget()) -> list[Outcome]:
    """Outcomes of `items`, in input order, computed by `workers` Ray actors (one call of the driver:
    a dataset of these items, mapped in batches, streamed back as Arrow tables)."""
    import ray

    if not items:
        return []
    connect(address, workers)
    _quiet(ray)
    rows = [dict(zip(FIELDS, (*item, *([None] * (len(FIELDS) - len(item)))), strict=True)) for item in items]
    dataset = ray.data.from_items(rows).map_batches(
        Analyser, fn_constructor_args=(budget,), batch_size=batch_size, concurrency=workers, batch_format="default")
    found: dict[str, Outcome] = {}
    # The results come back through Ray's object store as Arrow tables. Written as Parquet to a folder here,
    # they would reach this machine only from workers that share its disk: Ray Data writes each block on the
    # node that computed it.
    for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
        columns = table.to_pydict()
        for doc, payload, failure in zip(columns["doc"], columns["extractions"], columns["failure"], strict=True):
            found[doc] = from_json(payload) if payload else ExtractionFailure(doc, failure)
    return [found.get(str(item[0])) or ExtractionFailure(str(item[0]), "no result came back from Ray")
            for item in items]


class RayEngine:
    """`accord ingest --engine ray`: batches go to Ray Data; the driver stores the results (one writer)."""

    lookahead = 0
    batch_size = 512  # documents per Ray job: large enough that starting a job is a small share of it

    def __init__(self, workers: int = 2, address: str | None = None, budget: TimeBudget = TimeBudget()):
        self.workers, self.address, self.budget = workers, address, budget

    def submit(self, items: Sequence[Item]) -> Any:
        items = list(items)
        return lambda: analyse_with_ray(items, self.workers, address=self.address, budget=self.budget)

    def close(self) -> None:
        pass
