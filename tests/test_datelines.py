"""Datelines ("KABUL, Afghanistan (AP) —") are split from the lead and give its default place.
Sentences are written for the tests."""

from __future__ import annotations

import pytest

from accord.extract.datelines import find_dateline
from accord.nlp import make_doc


@pytest.mark.parametrize("text, place", [
    ("KABUL, Afghanistan (AP) — Gunmen attacked a checkpoint on Monday.", "Kabul"),
    ("Doha, Qatar - Negotiators met on Monday.", "Doha"),
    ("WASHINGTON/ISLAMABAD (Reuters) - Officials met on Monday.", "Washington"),
    ("KANDAHAR — Gunmen attacked a checkpoint on Monday.", "Kandahar"),
    ("A photo caption.\n\nHERAT, Afghanistan (AP) — Gunmen attacked a checkpoint.", "Herat"),
])
def test_a_leading_dateline_is_found_with_its_place(text, place):
    dateline = find_dateline(text)
    assert dateline is not None and dateline.location is not None and dateline.location["name"] == place
    assert text[dateline.end:].split()[0] in ("Gunmen", "Negotiators", "Officials")


@pytest.mark.parametrize("text", [
    "FILE - In this photo, soldiers wait on a tarmac.",
    "The Syrian Army — whose commander is a general — moved north.",
    "Kabul - a city of five million - was quiet on Monday.",
    "Gunmen attacked a checkpoint in Kabul on Monday.",
])
def test_text_that_only_looks_like_a_dateline_is_not_one(text):
    found = find_dateline(text)
    assert found is None or found.location is None


def test_an_agency_tag_alone_is_split_without_a_place():
    dateline = find_dateline("(CNN) Gunmen attacked a checkpoint on Monday.")
    assert dateline is not None and dateline.location is None and dateline.end == 6


@pytest.fixture(scope="module")
def run(nlp):
    return lambda text: nlp(make_doc(nlp, "t", text, "2020-03-06"))


def test_the_dateline_place_is_not_the_leads_actor(run):
    doc = run("Doha, Qatar - Taliban representatives have signed an agreement with the United States.")
    assert [s.text.strip() for s in doc.sents][0] == "Doha, Qatar -"
    signing = next(e for e in doc._.event_mentions if e.type == "SUPPORT")
    assert signing.actor1 == "Taliban"


def test_the_dateline_place_is_where_a_lead_without_a_place_happened(run):
    doc = run("KANDAHAR, Afghanistan (AP) — Taliban gunmen attacked a police checkpoint on Thursday, officials said.")
    assault = next(e for e in doc._.event_mentions if e.type == "ASSAULT")
    assert assault.location is not None and assault.location["name"] == "Kandahar"


def test_a_place_the_lead_names_wins_over_the_dateline(run):
    doc = run("KABUL, Afghanistan (AP) — Taliban gunmen attacked a police checkpoint in Helmand province on Thursday.")
    assault = next(e for e in doc._.event_mentions if e.type == "ASSAULT")
    assert assault.location is not None and assault.location["name"] == "Helmand"
