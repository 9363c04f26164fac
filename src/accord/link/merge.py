"""Cross-document event merge (placeholder: one event per mention until built)."""

from __future__ import annotations

from typing import Any


def merge_events(mentions: list[dict[str, Any]], duplicate_of: dict[str, str]) -> list[dict[str, Any]]:
    return []
