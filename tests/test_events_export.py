"""ACLED-style CSV export and the `accord events` listing, on a store built from test sentences."""

from __future__ import annotations

import csv
import json

import pytest

from accord.export_acled import ACLED_COLUMNS, acled_types, export_acled
from accord.report.events import list_events


@pytest.fixture(scope="module")
def events_db(tmp_path_factory):
    from accord.api import ingest

    folder = tmp_path_factory.mktemp("acled")
    articles = folder / "articles.jsonl"
    rows = [
        {"id": "one", "published": "2020-03-05",
         "text": "A U.S. airstrike hit Taliban fighters in Kandahar on Tuesday, killing 12 militants."},
        {"id": "two", "published": "2020-03-05",
         "text": "Taliban fighters attacked a checkpoint in Ghazni province on Wednesday."},
    ]
    articles.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(folder / "events.duckdb")
    ingest([articles], db)
    return db


def test_plover_modes_map_to_acled_sub_event_types():
    assert acled_types("ASSAULT", "aerial")[2] == "Air/drone strike"
    assert acled_types("ASSAULT", "suicide-attack")[2] == "Suicide bomb"
    assert acled_types("PROTEST", None)[1] == "Protests"
    assert acled_types("CONSULT", None)[1] == "Strategic developments"


def test_acled_csv_has_acled_columns_and_places(events_db, tmp_path):
    path, count = export_acled(events_db, tmp_path)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert count == len(rows) >= 2
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert (strike["admin1"], strike["event_date"], strike["fatalities"]) == ("Kandahar", "2020-03-03", "12")


def test_events_listing_filters_by_type(events_db):
    assert {e["type"] for e in list_events(events_db, "assault")} == {"ASSAULT"}
    with pytest.raises(ValueError):
        list_events(events_db, "NOT_A_TYPE")
