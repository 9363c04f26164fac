"""The bounded fuzz run inside `make test`: every stage of bench/fuzz.py (the generator `make fuzz`
runs a million times) on a few hundred inputs, the whole per-document stage through spaCy on a few
dozen. No crash, no hang, every invariant holds (offsets index the clean text, dates valid or null)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "bench" / "fuzz.py"
_spec = importlib.util.spec_from_file_location("accord_fuzz", FUZZ)
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["accord_fuzz"] = fuzz  # dataclasses look their module up there
_spec.loader.exec_module(fuzz)

BOUNDED = {"time": 600, "numbers": 600, "quote_marks": 600, "readers": 600, "clean": 150, "document": 25}


@pytest.mark.parametrize("stage", list(BOUNDED))
def test_fuzzed_inputs_never_crash_a_stage(stage):
    result = fuzz.run_stage(stage, BOUNDED[stage], seed=1414)
    assert result.inputs == BOUNDED[stage]
    assert result.crashes == []


def test_the_fuzzer_finds_a_crash_when_there_is_one(monkeypatch):
    from accord.extract import time as accord_time

    def fragile(expression, published, tense=None):
        if "ago" in expression:
            raise ValueError("year 0 is out of range")
        return None

    monkeypatch.setattr(accord_time, "resolve", fragile)
    result = fuzz.run_stage("time", 300, seed=1414)
    assert result.crashes and "ValueError: year 0 is out of range" in result.crashes[0]


def test_make_fuzz_runs_a_million_inputs():
    assert sum(fuzz.FULL_RUN.values()) >= 1_000_000
