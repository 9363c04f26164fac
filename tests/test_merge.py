"""Cross-document merge: differently worded reports of one airstrike become one event with both docs."""

from __future__ import annotations

from accord.link.merge import merge_events
from accord.models import as_row
from accord.nlp import make_doc


def _mentions(nlp, doc_id: str, text: str, published: str) -> list[dict]:
    doc = nlp(make_doc(nlp, doc_id, text, published))
    return [as_row(m) for m in doc._.event_mentions]


def test_two_reports_of_one_airstrike_merge_into_one_event(nlp):
    first = _mentions(nlp, "a", "American aircraft bombed Taliban positions in Kandahar on Tuesday.", "2020-03-05")
    second = _mentions(nlp, "b", "A U.S. airstrike hit Taliban fighters in Kandahar province on Tuesday, "
                                 "officials said.", "2020-03-04")
    events = [e for e in merge_events(first + second, {}) if e["type"] == "ASSAULT"]
    assert len(events) == 1
    assert events[0]["docs"] == ["a", "b"]


def test_airstrikes_on_different_days_stay_two_events(nlp):
    first = _mentions(nlp, "a", "A U.S. airstrike hit Taliban fighters in Kandahar on Monday.", "2020-03-06")
    second = _mentions(nlp, "b", "A U.S. airstrike hit Taliban fighters in Kandahar on Thursday.", "2020-03-06")
    events = [e for e in merge_events(first + second, {}) if e["type"] == "ASSAULT"]
    assert len(events) == 2


def test_duplicate_document_joins_its_originals_event(nlp):
    text = "Taliban fighters attacked a checkpoint in Ghazni on Sunday."
    original = _mentions(nlp, "orig", text, "2020-03-02")
    copy = _mentions(nlp, "copy", text, "2020-03-02")
    events = [e for e in merge_events(original + copy, {"copy": "orig"}) if e["type"] == "ASSAULT"]
    assert [e["docs"] for e in events] == [["copy", "orig"]]


def test_event_ids_are_stable_across_runs(nlp):
    rows = _mentions(nlp, "a", "A U.S. airstrike hit Taliban fighters in Kandahar on Monday.", "2020-03-06")
    assert [e["id"] for e in merge_events(rows, {})] == [e["id"] for e in merge_events(list(reversed(rows)), {})]


def test_undated_reports_of_different_documents_stay_apart():
    rows = [
        {"doc": "a", "type": "ASSAULT", "mode": None, "date": None, "location": None, "actor1": "Taliban",
         "actor2": None, "start": 0, "text": "x"},
        {"doc": "b", "type": "ASSAULT", "mode": None, "date": None, "location": None, "actor1": "Taliban",
         "actor2": None, "start": 0, "text": "y"},
    ]
    assert len(merge_events(rows, {})) == 2
