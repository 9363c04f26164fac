"""`accord ingest --engine ray`: the same per-document function on a local Ray gives the same store.

Ray is the optional `accord[ray]` extra that `make test` installs; the test starts a local Ray on two
CPUs (as `ray.init(num_cpus=2)`), ingests the demo corpus and the shared corpus through Ray Data and
compares every export file with a run in this process, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.api import ingest
from accord.export import export

ROOT = Path(__file__).resolve().parents[1]
DEMO = sorted(p for p in (ROOT / "demo").iterdir() if p.is_file() and p.name != "README.md")
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def _exported(db: Path, out: Path) -> dict[str, bytes]:
    export(db, out, "jsonl")
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray", reason="the accord[ray] extra is not installed")
    from accord.engines.ray import connect

    connect(workers=2)
    yield ray
    ray.shutdown()


@pytest.mark.parametrize("corpus", ["demo", "shared"])
def test_a_ray_run_exports_exactly_what_a_local_run_exports(tmp_path, local_ray, corpus):
    inputs = DEMO if corpus == "demo" else [CORPUS]
    if not all(p.exists() for p in inputs):
        pytest.skip("../shared/corpus is not beside the repo")
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    local = ingest(inputs, local_db)
    on_ray = ingest(inputs, ray_db, engine="ray", n_process=2)
    assert on_ray.stored == local.stored > 0
    assert on_ray.failed == [] and on_ray.rejected == local.rejected == []
    assert _exported(ray_db, tmp_path / "ray-out") == _exported(local_db, tmp_path / "local-out")

