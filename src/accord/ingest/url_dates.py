"""An estimated publication date for an article that has none, read from its URL.

News sites file articles under their date: `/2019/09/07/` (a day) or `/news/2020/02/` (a month). The
estimate is kept apart from `published` (which stays null: the article itself does not say when it was
published) and at the precision the URL gives: a month path never becomes a day.

htmldate does the reading: `extract_url_date` for a full year/month/day and its `YM_PATTERN` for a
year and month, the same checks it applies to web pages.
"""

from __future__ import annotations

from datetime import datetime

from htmldate.extractors import YM_PATTERN, extract_url_date
from htmldate.utils import Extractor

# Where an estimate came from, stored beside it (documents.published_estimate_source).
FROM_URL = "url"

# htmldate's own plausibility window: no news URL of this corpus predates it, and a URL cannot be dated
# after the run that reads it.
EARLIEST = datetime(1995, 1, 1)


def _options() -> Extractor:
    return Extractor(extensive=False, max=datetime.now(), min=EARLIEST, original=True, format="%Y-%m-%d")


def date_from_url(url: str | None) -> str | None:
    """"YYYY-MM-DD" when the URL's path names a day, "YYYY-MM" when it names only a month, else None."""
    if not url:
        return None
    options = _options()
    day = extract_url_date(url, options)
    if day is not None:
        return day
    match = YM_PATTERN.search(url)
    if match is None or match.group("year") is None:  # "02-2020" (month first) is not how sites file news
        return None
    year, month = int(match.group("year")), int(match.group("month"))
    if not 1 <= month <= 12:
        return None
    first = datetime(year, month, 1)
    return f"{year:04d}-{month:02d}" if options.min <= first <= options.max else None


def estimate_published(url: str | None) -> tuple[str | None, str | None]:
    """(estimate, source) for an article without a publication date; (None, None) when nothing tells."""
    found = date_from_url(url)
    return (found, FROM_URL) if found else (None, None)
