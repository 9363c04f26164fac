"""The dashboard and the report as a person uses them, in a real browser (Playwright driving Debian's chromium).

`accord serve` runs on a free loopback port over the demo store (built once with accord.api from demo/);
screenshots go to the test output folder (ACCORD_SCREENSHOTS=DIR keeps them somewhere else).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
from webstore import build_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (make test installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-c", "import sys; from accord.cli import app; sys.argv[0] = 'accord'; app()",
               "serve", "--db", db, "--port", str(port)]
    import accord  # the server runs the accord these tests import, wherever it is installed from

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(Path(accord.__file__).parents[1]),
                                                                   os.environ.get("PYTHONPATH")) if p)}
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"accord serve did not start: {server.stdout.read().decode()}") from None
            time.sleep(0.2)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    from accord.api import ingest

    db = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    inputs = sorted(p for p in (ROOT / "demo").iterdir() if p.is_file() and p.name != "README.md")
    ingest(inputs, db)
    from accord.agreement.bundled import resolve
    from accord.agreement.monitor import load

    load(db, *resolve("us-taliban-2020"))  # as `accord demo` does: the tracker runs over the demo corpus
    return db


@pytest.fixture(scope="session")
def dashboard(demo_db) -> Iterator[str]:
    yield from _serve(demo_db)


@pytest.fixture(scope="session")
def hostile_dashboard(tmp_path_factory) -> Iterator[str]:
    yield from _serve(build_store(tmp_path_factory.mktemp("hostile") / "h.duckdb", with_tracker=True))


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ["ACCORD_SCREENSHOTS"]) if os.environ.get("ACCORD_SCREENSHOTS") else \
        tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, errors  # no script on any page may fail


def _charts_drawn(page) -> list[str]:
    page.wait_for_function("() => [...document.querySelectorAll('[data-spec]')].every(e => e.dataset.rendered)")
    return page.eval_on_selector_all("[data-spec]", "els => els.map(e => e.dataset.rendered)")


def test_overview_opens_with_its_chart(page, dashboard, screenshots):
    page.goto(dashboard + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert _charts_drawn(page) == ["svg"]
    page.screenshot(path=screenshots / "overview.png", full_page=True)


def test_search_a_speaker_and_see_their_quotes(page, dashboard, screenshots):
    page.goto(dashboard + "/people")
    page.fill("#speaker-search", "esper")
    page.click("text=Show their quotes")
    rows = page.locator("tr.quote-row")
    rows.first.wait_for()
    assert rows.count() > 0
    assert all("Mark Esper" in text for text in rows.all_inner_texts())
    page.screenshot(path=screenshots / "quotes-esper.png", full_page=True)


def test_open_an_article_and_see_its_quotes_highlighted(page, dashboard, screenshots):
    page.goto(dashboard + "/documents?q=violence")
    page.locator("table a[href^='/documents/']").first.click()
    marks = page.locator("#clean-text mark.quote")
    marks.first.wait_for()
    assert marks.count() > 0 and marks.first.is_visible()
    background = marks.first.evaluate("e => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor")
    assert "rgba(0, 0, 0, 0)" not in background or "gradient" in background  # really painted
    page.screenshot(path=screenshots / "article.png", full_page=True)
    page.click("#toggle-text")
    page.locator("#raw-text").wait_for()
    assert page.locator("#raw-text mark").count() == 0


def test_filter_events_by_type(page, dashboard, screenshots):
    page.goto(dashboard + "/events")
    page.select_option("#event-type", "ASSAULT")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?type=ASSAULT**")
    rows = page.locator("tr.event-row")
    assert rows.count() > 0
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.type)")) == {"ASSAULT"}
    assert _charts_drawn(page) == ["svg", "svg"]  # timeline and map
    page.screenshot(path=screenshots / "events-assault.png", full_page=True)


def test_agreement_page_and_one_status_evidence(page, dashboard, screenshots):
    page.goto(dashboard + "/agreement")
    assert page.locator("a.status").count() > 0  # the demo store tracks the 2020 agreement
    decided = page.locator("a.status-met, a.status-breached, a.status-partly_met")
    assert decided.count() > 0  # a decided status never stands without evidence: open one
    decided.first.click()
    page.locator("#evidence").wait_for()
    assert page.locator("#evidence a.offsets").count() > 0
    page.screenshot(path=screenshots / "agreement.png", full_page=True)


def test_agreement_status_opens_its_evidence_sentence(page, hostile_dashboard, screenshots):
    page.goto(hostile_dashboard + "/agreement")
    page.screenshot(path=screenshots / "agreement-tracker.png", full_page=True)
    page.locator("#status-history a.status").last.click()
    page.locator("#evidence").wait_for()
    page.screenshot(path=screenshots / "evidence.png", full_page=True)
    page.locator("#evidence a.offsets").first.click()
    target = page.locator(":target")
    assert page.url.endswith("#o-0-51") and target.count() == 1


def test_hostile_article_runs_no_script_in_the_dashboard(page, hostile_dashboard, screenshots):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/documents/b", "/documents/b?view=raw", "/documents", "/quotes", "/events"):
        page.goto(hostile_dashboard + path)
        assert page.evaluate("() => window.__xss") is None, path
    page.goto(hostile_dashboard + "/documents/b")
    assert "<script>window.__xss" in page.locator("#clean-text").inner_text()  # shown as text, where a reader sees it
    assert "<img src=x" in page.locator("h1").inner_text()
    page.screenshot(path=screenshots / "hostile-article.png", full_page=True)
    assert not dialogs


def _open_offline(page, path: Path) -> list[str]:
    blocked: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_files)
    page.goto(path.as_uri())
    return blocked


def test_report_renders_its_charts_offline(page, demo_db, tmp_path, screenshots):
    from accord.report.html import write_report

    report = write_report(demo_db, tmp_path / "report.html")
    blocked = _open_offline(page, report)
    assert _charts_drawn(page) == ["svg"] * 4
    for chart in ("documents", "timeline", "map", "speakers"):
        marks = page.locator(f"#chart-{chart} svg g.mark-rect path, #chart-{chart} svg g.mark-symbol path, "
                             f"#chart-{chart} svg g.mark-shape path")
        assert marks.count() > 0, chart
    assert blocked == []  # it asked for nothing outside the file
    page.screenshot(path=screenshots / "report.png", full_page=True)
    page.locator("#map").screenshot(path=screenshots / "report-map.png")


def test_report_of_a_hostile_store_runs_no_script(page, tmp_path):
    from accord.report.html import write_report

    report = write_report(build_store(tmp_path / "h.duckdb", with_tracker=True), tmp_path / "h.html",
                          title="<img src=x onerror=\"window.__xss='title'\">")
    _open_offline(page, report)
    _charts_drawn(page)
    assert page.evaluate("() => window.__xss") is None
    assert "<img src=x" in page.locator("h1").inner_text()
    page.locator("#agreement .grid a.status").last.click()  # a status opens the evidence that explains it
    assert page.locator("details#evidence-p1-2020-03-09").get_attribute("open") is not None
