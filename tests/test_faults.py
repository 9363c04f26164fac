"""Faults: `accord ingest` SIGKILLed at random points, again and again, then run to the end, stores every
document exactly once and exports exactly what a clean run exports (ARCHITECTURE.md, "Failure handling").

A small corpus (eight demo articles) keeps this to about a minute: most of a run is starting Python and
loading spaCy, so kills are drawn from the later part of a clean run's duration, where reading,
extraction, the per-document writes and the corpus-level stage happen."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
KILLS = 20
MAX_ATTEMPTS = 60


def start_ingest(inputs: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-c", "from accord.cli import main; main()", "ingest", str(inputs),
                             "--db", str(db)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_to_end(inputs: Path, db: Path) -> float:
    started = time.monotonic()
    process = start_ingest(inputs, db)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr.decode()[-2000:]
    return time.monotonic() - started


def export(db: Path, out: Path) -> dict[str, bytes]:
    from accord.export import export as run_export

    run_export(db, out, "jsonl")
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    folder.mkdir()
    for path in sorted(DEMO.glob("demo-0[1-8]-*")):
        shutil.copy(path, folder / path.name)
    return folder


def test_ingest_killed_at_random_points_loses_and_duplicates_nothing(corpus, tmp_path):
    clean_db = tmp_path / "clean.duckdb"
    clean_seconds = run_to_end(corpus, clean_db)
    expected = export(clean_db, tmp_path / "clean-out")

    db = tmp_path / "killed.duckdb"
    rng = random.Random(14)
    kills, attempts = 0, 0
    while kills < KILLS and attempts < MAX_ATTEMPTS:
        attempts += 1
        process = start_ingest(corpus, db)
        time.sleep(rng.uniform(0.35, 1.0) * clean_seconds)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
    assert kills >= KILLS, f"only {kills} of {attempts} runs were still running when killed"

    run_to_end(corpus, db)
    got = export(db, tmp_path / "killed-out")
    assert got.keys() == expected.keys()
    ids = [line for line in got["documents.jsonl"].splitlines()]
    assert len(ids) == len(set(ids)) == len(list(corpus.iterdir()))
    for name in expected:
        assert got[name] == expected[name], f"{name} differs from a clean run after {kills} kills"
