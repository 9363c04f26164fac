"""Cleaning: raw article text to the clean text every extractor reads.

Keeps paragraphs (separated by one blank line), normalises quotation marks,
dashes and whitespace, and drops what copies of news found online carry around
the article. `clean_text` is deterministic, so cleaning can be re-run and inspected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_QUOTE_MAP = str.maketrans(
    {"«": "“", "»": "”", "„": "“", "‟": "“", "〝": "“", "〞": "”", "＂": '"', "‚": "‘", "‛": "‘"}
)
_DASH_MAP = str.maketrans({"‒": "–", "―": "—", "−": "-", "\u00ad": None})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


@dataclass
class Cleaned:
    text: str
    title: str | None
    published: str | None


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text).translate(_QUOTE_MAP).translate(_DASH_MAP)
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1), text)
    return text


def paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text)
    out = []
    for block in blocks:
        line = _SPACES.sub(" ", " ".join(part.strip() for part in block.split("\n"))).strip()
        if line:
            out.append(line)
    return out


def clean(raw: str, title: str | None = None) -> Cleaned:
    kept = paragraphs(normalise(raw))
    return Cleaned(text="\n\n".join(kept), title=title, published=None)
