"""Contested figures (placeholder until the claims stage is built)."""

from __future__ import annotations

from typing import Any


def find_contests(claims: list[dict[str, Any]], docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return []
