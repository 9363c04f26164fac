"""`accord report`: one self-contained HTML file whose every figure links to a cited sentence, hostile text
escaped; and the command-line side of the same reads (`accord show`, `accord events`)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

pytest.importorskip("altair")
from accord.cli import app  # noqa: E402
from accord.report.html import render_report  # noqa: E402
from webstore import HOSTILE, TEXT_A, TEXT_B, build_store  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_store(tmp_path_factory.mktemp("report") / "t.duckdb", with_tracker=True)


@pytest.fixture(scope="module")
def html(db) -> str:
    return render_report(db, title=f"Report {HOSTILE}")


def _specs(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/json" id="spec-[a-z]+">(.*?)</script>', html, flags=re.S)
    return [json.loads(text) for text in found]


def test_report_loads_nothing_from_outside(html):
    assert not re.search(r"<script[^>]+src=", html) and not re.search(r"<link[^>]+href=", html)
    assert not re.search(r"<img[^>]+src=\"?https?:", html)
    specs = _specs(html)
    assert len(specs) == 4
    assert all('"url"' not in json.dumps(spec) for spec in specs)  # every chart holds its data
    assert "window.vegaEmbed" in html  # the drawing code is inlined


def test_every_sentence_link_has_its_sentence_with_doc_and_offsets(html):
    links = set(re.findall(r'href="#(s-[^"]+)"', html))
    anchors = set(re.findall(r'id="(s-[^"]+)"', html))
    assert links and links <= anchors
    start = TEXT_A.index("The ministry said 40")
    assert f'a [{start}:{start + len("The ministry said 40 attacks took place in March.")}]' in html


def test_contest_figures_link_to_the_sentences_they_came_from(html):
    contest = html[html.index('id="contests"'):html.index('id="agreement"')]
    assert re.search(r'<a class="cite" href="#s-a-\d+-\d+"[^>]*>40</a>', contest)
    assert re.search(r'<a class="cite" href="#s-b-\d+-\d+"[^>]*>12</a>', contest)
    assert "low 12 · best 26 · high 40" in contest


def test_agreement_section_has_the_weekly_grid_and_the_evidence_of_each_change(html):
    section = html[html.index('id="agreement"'):html.index('id="sentences"')]
    assert 'href="#evidence-p1-2020-03-09"' in section and 'id="evidence-p1-2020-03-09"' in section


def test_hostile_text_and_titles_are_escaped_in_the_report(html):
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__xss" in html
    for spec in _specs(html):  # chart data cannot close its <script> element either
        assert "</script" not in json.dumps(spec)


def test_an_empty_tracker_says_so(tmp_path):
    html = render_report(build_store(tmp_path / "bare.duckdb"))
    assert "The agreement tracker has no provisions in this store yet." in html


def test_report_command_writes_the_file_and_says_where(db, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "--db", db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and str(out) in result.output.replace("\n", "")


def test_show_prints_offsets_that_index_the_printed_text(db):
    result = CliRunner().invoke(app, ["show", "b", "--db", db], terminal_width=40)
    lines = result.output.splitlines()
    text = lines[lines.index(next(x for x in lines if x.startswith("--- clean text"))) + 1]
    assert text == TEXT_B  # whole, not wrapped at 40 columns
    quote = next(x for x in lines if x.startswith("[") and "Anna Envoy" in x)
    start, end = map(int, re.match(r"\[(\d+):(\d+)\]", quote).groups())
    assert text[start:end] == "the talks would resume"
    assert "note: written for the tests" in lines and "--- event mentions (1) ---" in lines


def test_events_command_filters_and_names_documents_and_sentence(db):
    result = CliRunner().invoke(app, ["events", "--db", db, "--actor", "taliban", "--place", "kabul",
                                      "--since", "2020-03-01", "--until", "2020-03-05"])
    assert result.exit_code == 0, result.output
    start = TEXT_A.index("The envoy met")
    assert f"sentence: a [{start}:{start + 51}] The envoy met the commanders" in result.output
    assert "reported in: a" in result.output and result.output.rstrip().endswith("1 event(s)")
    assert "ASSAULT" not in result.output
    by_doc = CliRunner().invoke(app, ["events", "--db", db, "--doc", "b", "--limit", "1"])
    assert "ASSAULT" in by_doc.output and "CONSULT" not in by_doc.output


@pytest.mark.parametrize("command", [["events"], ["quotes"]])
def test_a_malformed_since_is_an_error(db, command):
    result = CliRunner().invoke(app, [*command, "--db", db, "--since", "foo"])
    assert result.exit_code == 2 and "not a date" in result.output


def test_short_help_and_version():
    from accord import __version__

    assert CliRunner().invoke(app, ["-h"]).exit_code == 0
    assert CliRunner().invoke(app, ["events", "-h"]).output.count("--actor") == 1
    version = CliRunner().invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == f"accord {__version__}"


def test_ingest_names_its_long_steps_for_the_progress_line(tmp_path, monkeypatch):
    from accord import api
    from accord.models import Extractions

    monkeypatch.setattr(api, "_extract", lambda docs, *rest: lambda: [Extractions(doc=d.id) for d in docs])
    (tmp_path / "a.txt").write_text("Talks resume\n\nThe two delegations met on Friday.\n", encoding="utf-8")
    stages: list[str] = []
    api.ingest([tmp_path / "a.txt"], tmp_path / "s.duckdb", on_stage=stages.append)
    assert stages[0] in ("loading the spaCy model (once, about 20 s), then extracting", "extracting")
    assert stages[-1].startswith("linking: duplicates, stories")


def test_quotes_command_reads_the_shared_query_and_prints_markup_as_text(tmp_path):
    from accord.store import Store

    db = build_store(tmp_path / "q.duckdb")
    with Store(db) as store:  # a quote whose words look like rich markup
        store.con.execute("INSERT INTO quotes (doc, text, direct, speaker, speaker_org, said_on, start, \"end\") "
                          "VALUES ('a', '[bold red]not markup[/bold red]', true, 'Anna Envoy', NULL, "
                          "'2020-03-04', 0, 5)")
    result = CliRunner().invoke(app, ["quotes", "--db", db, "--speaker", "ENVOY", "--until", "2020-03-04"],
                                terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "[bold red]not markup[/bold red]" in result.output
    assert "We will keep every promise" in result.output and "talks would resume" not in result.output
