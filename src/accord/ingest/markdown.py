"""Markdown inputs (.md) to plain text: the words stay, the markup (`# `, `*`, `_`, links, images) goes.

Parsed with markdown-it-py (CommonMark), so `snake_case` and `2 * 3` are left alone. Each block becomes a
paragraph (blank-line separated, as accord's cleaner expects) and soft line breaks stay line breaks, so the
cleaner still sees a byline or a date on its own line. Offsets are not affected: they index the clean text,
which is made from this text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

_WORDS = ("text", "code_inline")  # inline tokens that carry words; images, inline HTML and markup carry none
_BREAKS = ("softbreak", "hardbreak")
_CODE_BLOCKS = ("fence", "code_block")


def markdown_to_text(markdown: str) -> str:
    blocks = [_block_text(token) for token in MarkdownIt("commonmark").parse(markdown)]
    return "\n\n".join(block for block in blocks if block)


def _block_text(token: Token) -> str:
    if token.type in _CODE_BLOCKS:
        return token.content.strip()
    if token.type != "inline":
        return ""  # openers and closers of paragraphs, headings, quotes, lists; rules; HTML blocks
    parts = [child.content if child.type in _WORDS else "\n" if child.type in _BREAKS else ""
             for child in token.children or []]
    return "".join(parts).strip()
