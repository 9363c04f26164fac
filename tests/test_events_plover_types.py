"""Every PLOVER type and its trigger words: sentences written for the test (tests/data/plover_types.yaml) that
must yield an event of the type, and near-misses (another sense of the word, negated, hypothetical) that
must not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "data" / "plover_types.yaml").read_text(encoding="utf-8"))
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _cases(polarity: str) -> list:
    return [pytest.param(kind, case["text"], case.get("undated", False), id=f"{kind}-{case['text'][:40]}")
            for kind, sides in CASES.items() for case in sides.get(polarity) or ()]


def _types(events_of, text: str, undated: bool) -> list[str]:
    events = events_of(text, published=None) if undated else events_of(text)
    return [e.type for e in events]


def test_every_plover_type_has_positive_and_negative_sentences():
    assert set(CASES) == PLOVER_TYPES
    for kind, sides in CASES.items():
        assert len(sides["reports"]) >= 3 and len(sides["near_misses"]) >= 2, kind


@pytest.mark.parametrize("kind, text, undated", _cases("reports"))
def test_report_yields_its_plover_type(events_of, kind, text, undated):
    assert kind in _types(events_of, text, undated)


@pytest.mark.parametrize("kind, text, undated", _cases("near_misses"))
def test_near_miss_does_not_yield_the_type(events_of, kind, text, undated):
    assert kind not in _types(events_of, text, undated)
