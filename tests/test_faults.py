"""Faults: `accord ingest` SIGKILLed at random points, again and again, then run to the end, stores every
document exactly once and exports exactly what a clean run exports (ARCHITECTURE.md, "Failure handling").

Each ingest runs in its own process, forked from this one after spaCy is loaded, so the random kills
land in the ingest itself (reading, extraction, the per-document writes, the corpus-level stage) rather
than in starting Python, and twenty of them take seconds, not minutes. One more test kills the real
command line (a fresh interpreter) a few times, to cover the whole process."""

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


def forked_ingest(inputs: Path, db: Path) -> int:
    """The pid of a child process running `api.ingest` (with this process's loaded pipeline)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            from accord import api

            code = 0 if api.ingest([inputs], db, batch_size=4).ok else 1
        finally:
            os._exit(code)
    return pid


def run_to_end(inputs: Path, db: Path) -> float:
    started = time.monotonic()
    _, status = os.waitpid(forked_ingest(inputs, db), 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return time.monotonic() - started


def export(db: Path, out: Path) -> dict[str, bytes]:
    from accord.export import export as run_export

    run_export(db, out, "jsonl")
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def kill_at_random_points(inputs: Path, db: Path, kills: int, longest: float, seed: int) -> int:
    """Start ingests and SIGKILL each after a random time (up to `longest`); returns the kills that hit
    a running ingest (one that finished first is not counted)."""
    rng, hits, attempts = random.Random(seed), 0, 0
    while hits < kills and attempts < kills * 10:  # a miss (the run ended first) costs one short run
        attempts += 1
        pid = forked_ingest(inputs, db)
        if _running_after(pid, rng.uniform(0.0, longest)):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            hits += 1
    return hits


def _running_after(pid: int, seconds: float) -> bool:
    """Wait up to `seconds` for the child; True if it is still running then (and not reaped)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0] != 0:
            return False
        time.sleep(0.02)
    return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    folder.mkdir()
    for path in sorted(DEMO.glob("demo-0[1-8]-*")):
        shutil.copy(path, folder / path.name)
    return folder


def check_same_as_clean(db: Path, clean_db: Path, corpus: Path, tmp_path: Path, kills: int) -> None:
    got, expected = export(db, tmp_path / "killed-out"), export(clean_db, tmp_path / "clean-out")
    assert got.keys() == expected.keys()
    rows = got["documents.jsonl"].splitlines()
    assert len(rows) == len(set(rows)) == len(list(corpus.iterdir()))  # every document exactly once
    for name in expected:
        assert got[name] == expected[name], f"{name} differs from a clean run after {kills} kills"


def test_ingest_killed_at_random_points_loses_and_duplicates_nothing(corpus, tmp_path):
    from accord import api

    # The clean run, in this process: it loads spaCy and every lexicon, so each forked child starts warm.
    clean_db = tmp_path / "clean.duckdb"
    api.ingest([corpus], clean_db, batch_size=4)
    clean_seconds = run_to_end(corpus, tmp_path / "timed.duckdb")
    db = tmp_path / "killed.duckdb"
    kills = kill_at_random_points(corpus, db, KILLS, clean_seconds, seed=14)
    assert kills >= KILLS
    run_to_end(corpus, db)
    check_same_as_clean(db, clean_db, corpus, tmp_path, kills)


def test_the_command_line_killed_mid_run_resumes_cleanly(corpus, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", "from accord.cli import main; main()", "ingest", str(corpus)]

    def run(db: Path, kill_after: float | None) -> None:
        process = subprocess.Popen([*command, "--db", str(db)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        if kill_after is None:
            assert process.wait(timeout=600) == 0
            return
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()

    clean_db = tmp_path / "clean.duckdb"
    started = time.monotonic()
    run(clean_db, None)
    whole = time.monotonic() - started
    db = tmp_path / "killed.duckdb"
    for fraction in (0.7, 0.9):  # late in the run: after Python and spaCy have loaded
        run(db, whole * fraction)
    run(db, None)
    check_same_as_clean(db, clean_db, corpus, tmp_path, 2)
