"""The dashboard over a hand-built store: JSON API filters and pagination, article highlighting, the agreement
pages, and hostile article text rendered as text."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from accord import queries  # noqa: E402
from accord.web.app import create_app  # noqa: E402
from webstore import HOSTILE, TEXT_A, build_store  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("web") / "t.duckdb", with_tracker=True)))


@pytest.fixture(scope="module")
def bare_client(tmp_path_factory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("web") / "bare.duckdb")))


def test_quotes_speaker_matches_any_part_of_the_name_in_any_case(client):
    for speaker in ("envoy", "ANNA", "na Env"):
        found = client.get("/api/quotes", params={"speaker": speaker}).json()
        assert found["total"] == 2 and {r["speaker"] for r in found["rows"]} == {"Anna Envoy"}
    assert client.get("/api/quotes", params={"speaker": "nobody"}).json()["total"] == 0


def test_quotes_since_until_keep_the_days_between(client):
    found = client.get("/api/quotes", params={"since": "2020-03-01", "until": "2020-03-05"}).json()
    assert [r["doc"] for r in found["rows"]] == ["a"]  # said 2020-03-02; b's quote dates from its 2020-03-12 issue


def test_a_malformed_date_is_an_error_not_an_empty_list(client):
    answer = client.get("/api/events", params={"since": "foo"})
    assert answer.status_code == 422 and "foo" in answer.json()["detail"]
    page = client.get("/events", params={"since": "foo"})
    assert page.status_code == 400 and "not a date" in page.text


def test_limit_is_capped_and_offset_pages(client):
    capped = client.get("/api/claims", params={"limit": 100_000}).json()
    assert capped["limit"] == queries.MAX_LIMIT and capped["total"] == 2
    second = client.get("/api/claims", params={"limit": 1, "offset": 1}).json()
    first = client.get("/api/claims", params={"limit": 1, "offset": 0}).json()
    assert len(second["rows"]) == 1 and second["rows"] != first["rows"]


def test_events_filter_by_type_actor_place_and_carry_their_sentence(client):
    rows = client.get("/api/events", params={"type": "consult", "actor": "taliban", "place": "kabul"}).json()["rows"]
    assert len(rows) == 1
    event = rows[0]
    assert TEXT_A[event["start"]:event["end"]] == event["text"] and event["sentence_doc"] == "a"
    assert client.get("/api/events", params={"type": "NOT_A_TYPE"}).status_code == 422


def test_contests_give_low_best_high_and_claim_offsets(client):
    contest = client.get("/api/contests").json()["rows"][0]
    assert (contest["low"], contest["high"]) == (12, 40)
    assert all(claim["start"] is not None for claim in contest["claims"])


def test_provisions_as_of_read_the_weekly_history(client):
    early = client.get("/api/provisions", params={"as_of": "2020-03-03"}).json()["rows"][0]
    late = client.get("/api/provisions", params={"as_of": "2020-04-01"}).json()["rows"][0]
    assert (early["status"], early["score"]) == ("pending", 0) and (late["status"], late["score"]) == ("met", 3)
    now = client.get("/api/provisions").json()["rows"][0]
    assert (now["status"], now["score"]) == ("met", 3)  # the newest week's score, as the table has none


def test_openapi_schema_lists_every_api_path(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/quotes", "/api/events", "/api/claims", "/api/contests",
            "/api/provisions"} <= set(paths)
    assert client.get("/docs").status_code == 200


def test_article_page_highlights_each_quote_at_its_offsets(client):
    html = client.get("/documents/a").text
    assert '<a id="o-' in html
    assert '<mark class="quote" title="quote: Anna Envoy">We will keep every promise,</mark>' in html
    assert "written for the tests" in html  # the document's notes
    raw = client.get("/documents/a", params={"view": "raw"}).text
    assert 'id="raw-text"' in raw and "<mark" not in raw


@pytest.mark.parametrize("path", ["/documents/b", "/documents/b?view=raw", "/documents", "/documents?q=hostile",
                                  "/quotes?speaker=anna", "/contests", "/events"])
def test_hostile_text_and_titles_render_as_text(client, path):
    html = client.get(path).text
    assert "<script>window.__xss" not in html and "<img src=x" not in html
    if path.startswith("/documents"):
        assert "&lt;script&gt;" in html


def test_agreement_page_shows_the_weekly_grid_and_each_status_opens_its_evidence(client):
    html = client.get("/agreement").text
    assert 'id="status-history"' in html and "/agreement/evidence?provision=p1&amp;week=2020-03-09" in html
    evidence = client.get("/agreement/evidence", params={"provision": "p1", "week": "2020-03-09"}).text
    assert "/documents/a#o-0-51" in evidence  # the evidence sentence, located in its document


def test_agreement_page_says_when_the_tracker_has_not_run(bare_client):
    html = bare_client.get("/agreement").text
    assert 'id="agreement-empty"' in html
    assert bare_client.get("/api/provisions").json() == {"total": 0, "limit": 50, "offset": 0, "rows": []}


def test_hostile_payload_is_what_the_fixture_says():
    assert "<script>" in HOSTILE and "onerror" in HOSTILE  # the tests above would pass vacuously otherwise


def test_a_document_id_with_slashes_and_spaces_has_its_page(tmp_path):
    from accord.models import Extractions
    from accord.store import Store
    from webstore import _document

    db = tmp_path / "ids.duckdb"
    with Store(db) as store:
        store.save_document(_document("news/2020/a b", "Some text.", "T", "2020-01-01"),
                            Extractions(doc="news/2020/a b"), "t")
    web = TestClient(create_app(db))
    assert 'href="/documents/news%2F2020%2Fa%20b"' in web.get("/documents").text
    assert web.get("/documents/news%2F2020%2Fa%20b").status_code == 200
    assert web.get("/api/documents/news%2F2020%2Fa%20b").json()["id"] == "news/2020/a b"
