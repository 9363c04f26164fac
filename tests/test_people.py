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
        store.con.execute("""INSERT INTO quotes VALUES ('a', 'x', true, 'Esper', NULL, NULL, 0, 1, NULL),
                                                        ('b', 'y', true, 'Mark Esper', NULL, NULL, 0, 1, NULL)""")
        assert link_people(store) == 1
        speakers = {r["speaker"] for r in store.rows("SELECT speaker FROM quotes")}
        assert speakers == {"Mark Esper"}
        assert store.rows("SELECT name, aliases FROM people") == [{"name": "Mark Esper", "aliases": ["Esper"]}]


def test_linking_people_again_keeps_the_aliases_the_documents_give(tmp_path):
    with Store(tmp_path / "p.duckdb") as store:
        store.con.execute("""INSERT INTO quotes (doc, text, direct, speaker) VALUES ('a', 'x', true, 'Esper'),
                                                                               ('b', 'y', true, 'Mark Esper')""")
        link_people(store)
        first = store.rows("SELECT name, aliases FROM people")
        link_people(store)  # every later ingest runs the corpus stage again over the renamed quotes
        assert store.rows("SELECT name, aliases FROM people") == first == [{"name": "Mark Esper", "aliases": ["Esper"]}]
        assert {r["speaker_named"] for r in store.rows("SELECT speaker_named FROM quotes")} == {"Esper", "Mark Esper"}


def test_a_name_no_longer_shortening_anyone_gets_its_own_name_back(tmp_path):
    with Store(tmp_path / "p.duckdb") as store:
        store.con.execute("""INSERT INTO quotes (doc, text, direct, speaker) VALUES ('a', 'x', true, 'Esper'),
                                                                               ('b', 'y', true, 'Mark Esper')""")
        link_people(store)
        store.con.execute("DELETE FROM quotes WHERE doc = 'b'")  # the fuller name's document re-extracted away
        link_people(store)
        assert [r["speaker"] for r in store.rows("SELECT speaker FROM quotes")] == ["Esper"]
