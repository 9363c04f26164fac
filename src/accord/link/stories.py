"""Story clusters: documents about the same happening share a story id."""

from __future__ import annotations

from typing import Any


def cluster_stories(docs: list[dict[str, Any]], duplicate_of: dict[str, str]) -> dict[str, str]:
    """Each document's story id; a duplicate joins its original's story."""
    story = {d["id"]: d["id"] for d in docs}
    for doc_id, original in duplicate_of.items():
        story[doc_id] = story.get(original, original)
    return story
