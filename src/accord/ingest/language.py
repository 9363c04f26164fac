"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    sample = text[:5000]
    if len(sample.split()) < 3:
        return None
    code, _score = py3langid.classify(sample)
    return code
