"""HTML pages to articles with trafilatura: main text, title, date and site name."""

from __future__ import annotations

import trafilatura

from accord.errors import InputError
from accord.models import Article


def article_from_html(html: str, doc_id: str, origin: str) -> Article:
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as err:  # noqa: BLE001 — a page lxml cannot parse must not stop the run
        raise InputError(origin, f"cannot parse the HTML page ({type(err).__name__})") from err
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(origin, "no article text found in the HTML page")
    # trafilatura separates paragraphs with single newlines; accord's paragraphs are blank-line separated.
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Article(
        id=doc_id,
        text="\n\n".join(paragraphs),
        title=extracted.title or None,
        source=extracted.sitename or None,
        url=extracted.url or None,
        published=extracted.date or None,
        origin=origin,
    )
