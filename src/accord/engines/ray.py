"""Run the per-document stage on a Ray cluster with Ray Data (the optional `accord[ray]` extra).

The same pure function as a local run — one article's text and date in, its extractions out —
runs in `map_batches` on a pool of actors, each of which loads the spaCy pipeline once. Results
travel as JSON strings in Parquet files (written by the workers, read back by the driver), so
the driver never holds more than one file's worth of results, and the store is written by the
driver alone (DuckDB has one writer), one transaction per batch.

Point it at a cluster with `address` ("ray://head:10001", or "auto" inside the cluster) or the
RAY_ADDRESS environment variable; with neither, a local Ray is started on this machine. Every
worker needs accord installed (`pip install accord[ray]`, same version as the driver).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

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
    """A Ray Data actor: the pipeline is loaded once per worker, then batch after batch goes through it."""

    def __init__(self) -> None:
        from accord.nlp import shared_pipeline

        self.nlp = shared_pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from accord.nlp import analyse

        items = list(zip(*(batch[name] for name in FIELDS), strict=True))
        items = [tuple(None if v is None else str(v) for v in item) for item in items]
        return {"doc": [str(i[0]) for i in items],
                "extractions": [to_json(x) for x in analyse(items, nlp=self.nlp)]}


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


def analyse_with_ray(items: Sequence[Item], workers: int = 2, batch_size: int = 16,
                     address: str | None = None) -> Iterator[Extractions]:
    """Extractions of `items`, in input order, computed by `workers` Ray actors."""
    import pyarrow.parquet as pq
    import ray

    if not items:
        return
    connect(address, workers)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    rows = [dict(zip(FIELDS, (*item, *([None] * (len(FIELDS) - len(item)))), strict=True)) for item in items]
    dataset = ray.data.from_items(rows).map_batches(
        Analyser, batch_size=batch_size, concurrency=workers, batch_format="default")
    with tempfile.TemporaryDirectory(prefix="accord-ray-") as folder:
        dataset.write_parquet(folder)
        by_doc: dict[str, str] = {}
        for path in sorted(Path(folder).glob("*.parquet")):
            table = pq.read_table(path)
            by_doc.update(zip(table.column("doc").to_pylist(), table.column("extractions").to_pylist(), strict=True))
    for item in items:
        yield from_json(by_doc[str(item[0])])
