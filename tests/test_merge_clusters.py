"""Cross-document merge: clusters must be sound (no chaining) and merged fields a consensus of the reports."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.link import merge
from accord.link.merge import merge_events
from accord.models import as_row
from accord.nlp import make_doc

KANDAHAR = {"name": "Kandahar", "admin1": "Kandahar", "country": "Afghanistan", "lat": None, "lon": None}
SPIN_BOLDAK = {"name": "Spin Boldak", "admin1": "Kandahar", "country": "Afghanistan", "lat": None, "lon": None}
AFGHANISTAN = {"name": "Afghanistan", "admin1": None, "country": "Afghanistan", "lat": None, "lon": None}


def _report(doc: str, date: str | None, **fields: Any) -> dict[str, Any]:
    row = {"doc": doc, "type": "ASSAULT", "mode": None, "detail": None, "date": date,
           "date_precision": {10: "day", 7: "month", 4: "year"}.get(len(date or ""), None), "planned": False,
           "location": None, "actor1": "Taliban", "actor2": None, "count": None, "fatalities": None,
           "start": 0, "text": f"report in {doc}"}
    row.update(fields)
    return row


def _docs(events: list[dict[str, Any]]) -> list[list[str]]:
    return sorted(e["docs"] for e in events)


def test_reports_a_day_apart_do_not_chain_across_three_days():
    rows = [_report("a", "2020-03-07"), _report("b", "2020-03-08"), _report("c", "2020-03-09")]
    assert _docs(merge_events(rows, {})) == [["a", "b"], ["c"]]


def test_sentences_of_three_days_do_not_chain(nlp):
    def mentions(doc_id: str, text: str) -> list[dict]:
        return [as_row(m) for m in nlp(make_doc(nlp, doc_id, text, "2020-03-12"))._.event_mentions]
    rows = (mentions("a", "Taliban fighters attacked a checkpoint in Ghazni on March 7.")
            + mentions("b", "Taliban insurgents attacked a police post in Ghazni on March 8.")
            + mentions("c", "Taliban fighters attacked a checkpoint in Ghazni on March 9."))
    events = [e for e in merge_events(rows, {}) if e["type"] == "ASSAULT"]
    assert not any({"a", "c"} <= set(e["docs"]) for e in events)
    assert sum(len(e["docs"]) for e in events) == 3


def test_two_reports_of_one_document_never_share_an_event():
    # The extractor kept them apart in their own document; a third report fitting both must not glue them.
    rows = [_report("a", "2020-03-07", location=KANDAHAR), _report("a", "2020-03-08", start=50, location=KANDAHAR),
            _report("b", "2020-03-07", location=KANDAHAR)]
    assert _docs(merge_events(rows, {})) == [["a"], ["a", "b"]]


def test_a_month_and_one_actor_alone_do_not_join_reports():
    rows = [_report("a", "2020-03"), _report("b", "2020-03")]
    assert len(merge_events(rows, {})) == 2


def test_reports_of_one_province_in_the_same_month_join():
    rows = [_report("a", "2020-03", location=KANDAHAR), _report("b", "2020-03-08", location=SPIN_BOLDAK)]
    assert _docs(merge_events(rows, {})) == [["a", "b"]]


def test_a_vague_report_completes_a_happening_that_two_documents_pin_down():
    rows = [_report("a", "2020-03-07", location=KANDAHAR), _report("b", "2020-03-07", location=KANDAHAR),
            _report("c", "2020-03", location=AFGHANISTAN)]
    assert _docs(merge_events(rows, {})) == [["a", "b", "c"]]


def test_a_vague_report_stays_apart_when_two_happenings_fit_it_equally():
    rows = [_report("a", "2020-03-07", location=KANDAHAR), _report("b", "2020-03-07", location=KANDAHAR),
            _report("c", "2020-03-20", location=KANDAHAR), _report("d", "2020-03-20", location=KANDAHAR),
            _report("e", "2020-03", location=AFGHANISTAN)]
    assert ["e"] in _docs(merge_events(rows, {}))


def test_a_vague_report_stays_apart_from_a_single_report_of_another_kind():
    rows = [_report("a", "2020-03-07", location=KANDAHAR, mode="aerial"), _report("b", "2020-03")]
    assert len(merge_events(rows, {})) == 2


def test_a_leader_and_his_state_count_as_one_party():
    rows = [_report("a", "2020-03-07", actor1="Donald Trump", type="REJECT"),
            _report("b", "2020-03-07", actor1="United States", type="REJECT")]
    assert _docs(merge_events(rows, {})) == [["a", "b"]]


def test_merged_fields_are_the_consensus_of_the_reports():
    rows = [_report("a", "2020-03", location=AFGHANISTAN, actor1="United States", actor2="Taliban", text="vague"),
            _report("b", "2020-03-08", location=KANDAHAR, actor1="Taliban", actor2=None, text="b says"),
            _report("c", "2020-03-08", location=SPIN_BOLDAK, actor1="Taliban", actor2="United States", text="c says"),
            _report("d", "2020-03-07", location=SPIN_BOLDAK, actor1="Taliban", actor2=None, text="d says")]
    [event] = merge_events(rows, {})
    assert (event["date"], event["date_precision"]) == ("2020-03-08", "day")  # the most frequent day
    assert event["location"]["name"] == "Spin Boldak"  # the most specific place, the most frequent among those
    assert (event["actor1"], event["actor2"]) == ("Taliban", "United States")
    assert event["text"] == "c says"  # the report that agrees with all of it
    assert event["docs"] == ["a", "b", "c", "d"]


def test_a_happening_any_report_says_took_place_is_not_planned():
    rows = [_report("a", "2020-03-07", location=KANDAHAR, planned=True),
            _report("b", "2020-03-07", location=KANDAHAR, planned=False)]
    [event] = merge_events(rows, {})
    assert event["planned"] is False


def test_one_documents_two_tellings_join_when_another_source_pins_them_down():
    # Same month and province, different actors: the extractor kept them apart; a report naming both joins them.
    rows = [_report("a", "2020-03", location=KANDAHAR, actor1="Taliban"),
            _report("a", "2020-03", start=50, location=KANDAHAR, actor1="United States"),
            _report("b", "2020-03-08", location=SPIN_BOLDAK, actor1="Taliban", actor2="United States")]
    assert _docs(merge_events(rows, {})) == [["a", "b"]]



def test_an_undated_report_is_not_anchored_to_another_by_its_day():
    from accord.link.merge import _anchored

    assert not _anchored({"doc": "a", "date": None}, {"doc": "b", "date": "2020-03-01"}, {})
    assert _anchored({"doc": "a", "date": "2020-03-01"}, {"doc": "b", "date": "2020-03-01"}, {})


DATES = [None, "2020", "2020-03", "2020-04", "2020-03-07", "2020-03-08", "2020-03-09", "2020-04-01"]
PLACES = [None, KANDAHAR, SPIN_BOLDAK, AFGHANISTAN]
ACTORS = [None, "Taliban", "United States", "Afghanistan", "Donald Trump"]
report_strategy = st.builds(
    lambda doc, date, place, actor1, actor2, mode, kind, start: _report(
        doc, date, location=place, actor1=actor1, actor2=actor2, mode=mode, type=kind, start=start),
    st.sampled_from("abcdef"), st.sampled_from(DATES), st.sampled_from(PLACES), st.sampled_from(ACTORS),
    st.sampled_from(ACTORS), st.sampled_from([None, "firearms", "explosives"]),
    st.sampled_from(["ASSAULT", "COERCE"]), st.integers(0, 3))


@settings(max_examples=300, deadline=None)
@given(st.lists(report_strategy, max_size=14), st.sampled_from([{}, {"b": "a"}, {"c": "a", "d": "b"}]))
def test_the_block_indexes_only_skip_clusters_a_report_cannot_join(rows, duplicate_of):
    """The merge tests a report only against the clusters whose first date fits its own and whose members could
    join it (same original document, or a party and a date precision in common): the events must be those of
    testing every cluster of the block."""
    def every_cluster(block, date, wanted):
        return sorted(c for seeded in block.by_seed_date.values() for c in seeded)

    indexed = merge_events([dict(r) for r in rows], duplicate_of)
    with patch.object(merge._Block, "candidates", every_cluster):
        exhaustive = merge_events([dict(r) for r in rows], duplicate_of)
    assert indexed == exhaustive
