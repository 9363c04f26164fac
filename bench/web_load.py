"""Page load times of the dashboard and the report (median of 5), in Debian's chromium through Playwright.

    python bench/web_load.py --db demo.duckdb [--db all.duckdb ...]

For each store it starts `accord serve` on a free loopback port and loads each page five times in one browser
tab (the browser cache warm, as a reader's would be after the first page): `html` is the server's answer to a
plain GET, `load` the browser's load event, `drawn` until every chart is drawn. Then it writes the store's
report and opens it from disk. Timings on a shared machine vary; compare medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_web_browser import _serve  # noqa: E402 - the tests' way to start accord serve on a free port


def _pages(db: str) -> list[str]:
    import duckdb

    con = duckdb.connect(db, read_only=True)
    busiest = con.execute("SELECT doc FROM quotes GROUP BY doc ORDER BY count(*) DESC LIMIT 1").fetchone()
    speaker = con.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 "
                          "ORDER BY count(*) DESC LIMIT 1").fetchone()
    con.close()
    doc = urllib.parse.quote(busiest[0] if busiest else "none", safe="")
    return ["/", "/documents", "/documents?q=ceasefire", f"/documents/{doc}", f"/documents/{doc}?view=raw",
            "/people", "/quotes?speaker=" + urllib.parse.quote((speaker[0] if speaker else "x").split()[-1]),
            "/events", "/events?type=ASSAULT", "/contests", "/agreement", "/api/events?limit=500",
            "/api/quotes?limit=500"]


def _drawn(page) -> None:
    page.wait_for_function("() => [...document.querySelectorAll('[data-spec]')].every(e => e.dataset.rendered)")


def _median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.0f}"


def measure(db: str, browser, repeats: int = 5) -> None:
    print(f"\n{db}")
    print(f"{'page':40} {'html ms':>8} {'load ms':>8} {'drawn ms':>8} {'KiB':>6}")
    for url in _serve(db):
        page = browser.new_page()
        for path in _pages(db):
            html, load, drawn, size = [], [], [], 0
            for _ in range(repeats):
                started = time.perf_counter()
                size = len(urllib.request.urlopen(url + path).read())
                html.append(time.perf_counter() - started)
                started = time.perf_counter()
                page.goto(url + path, wait_until="load")
                load.append(time.perf_counter() - started)
                _drawn(page)
                drawn.append(time.perf_counter() - started)
            print(f"{path[:40]:40} {_median_ms(html)} {_median_ms(load)} {_median_ms(drawn)} {size / 1024:6.0f}")
        page.close()
    from accord.report.html import write_report

    with tempfile.TemporaryDirectory() as folder:
        builds, opens = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            report = write_report(db, Path(folder) / "report.html")
            builds.append(time.perf_counter() - started)
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            started = time.perf_counter()
            page.goto(report.as_uri())
            _drawn(page)
            opens.append(time.perf_counter() - started)
            page.close()
        print(f"report: build {_median_ms(builds)} ms, open offline to charts drawn {_median_ms(opens)} ms, "
              f"{report.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", action="append", required=True, help="A store (repeat for several).")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = next(p for p in map(shutil.which, ("chromium", "chromium-browser")) if p)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        for db in args.db:
            measure(db, browser, args.repeats)
        browser.close()


if __name__ == "__main__":
    main()
