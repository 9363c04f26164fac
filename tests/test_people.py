"""The people table: one canonical name per person across the corpus."""

from __future__ import annotations

from accord.link.people import build_people, canonical_names, link_people
from accord.store import Store


def row(doc, speaker, org=None):
    return {"doc": doc, "speaker": speaker, "speaker_org": org}


def test_short_name_joins_the_fullest_name_seen():
    assert canonical_names(["Esper", "Mark Esper"]) == {"Esper": "Mark Esper", "Mark Esper": "Mark Esper"}


def test_different_people_sharing_a_family_name_stay_apart():
    mapping = canonical_names(["Ashraf Ghani", "Abdul Ghani", "Ghani"])
    assert mapping["Ashraf Ghani"] == "Ashraf Ghani"
    assert mapping["Abdul Ghani"] == "Abdul Ghani"
    assert mapping["Ghani"] == "Ghani"  # ambiguous: not merged into either


def test_people_rows_carry_aliases_role_and_documents():
    rows, renames = build_people([row("a", "Esper", "Defense Secretary"), row("b", "Mark Esper", "Defense Secretary"),
                                  row("b", None, "Taliban")])
    assert rows == [{"name": "Mark Esper", "role": "Defense Secretary", "aliases": ["Esper"], "docs": ["a", "b"]}]
    assert renames == {"Esper": "Mark Esper"}


def test_link_people_renames_quote_speakers_in_the_store(tmp_path):
    with Store(tmp_path / "p.duckdb") as store:
        store.con.execute("""INSERT INTO quotes VALUES ('a', 'x', true, 'Esper', NULL, NULL, 0, 1),
                                                        ('b', 'y', true, 'Mark Esper', NULL, NULL, 0, 1)""")
        assert link_people(store) == 1
        speakers = {r["speaker"] for r in store.rows("SELECT speaker FROM quotes")}
        assert speakers == {"Mark Esper"}
        assert store.rows("SELECT name, aliases FROM people") == [{"name": "Mark Esper", "aliases": ["Esper"]}]
