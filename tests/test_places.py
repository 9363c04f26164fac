"""Place names resolve to the right admin1, country and coordinates; people and organisations do not."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.extract.places import BARE_DROPS, _bare, fold, resolve_place
from accord.link.claim_scope import _known_place, _may_be_in_place, places_named

# Every Afghan province, with spellings the press uses, and the admin1 it must resolve to.
PROVINCE_SPELLINGS = {
    "Badakhshan": ["Badakhshan", "Badakhshan province"],
    "Badghis": ["Badghis"],
    "Baghlan": ["Baghlan", "Baghlan Province"],
    "Balkh": ["Balkh"],
    "Bamyan": ["Bamyan", "Bamiyan"],
    "Daykundi": ["Daykundi", "Daikundi"],
    "Farah": ["Farah"],
    "Faryab": ["Faryab", "Faryab province"],
    "Ghazni": ["Ghazni", "Ghazni Province"],
    "Ghor": ["Ghor", "Ghowr"],
    "Helmand": ["Helmand", "Hilmand", "southern Helmand province"],
    "Herat": ["Herat", "Hirat"],
    "Jowzjan": ["Jowzjan", "Jawzjan", "Jauzjan"],
    "Kabul": ["Kabul", "Kabul province"],
    "Kandahar": ["Kandahar", "Qandahar"],
    "Kapisa": ["Kapisa"],
    "Khost": ["Khost", "Khowst"],
    "Kunar": ["Kunar", "Konar"],
    "Kunduz": ["Kunduz", "Kondoz", "the northern Kunduz province"],
    "Laghman": ["Laghman"],
    "Logar": ["Logar"],
    "Nangarhar": ["Nangarhar", "eastern Nangarhar province"],
    "Nimroz": ["Nimroz", "Nimruz"],
    "Nuristan": ["Nuristan", "Nooristan"],
    "Paktia": ["Paktia", "Paktiya"],
    "Paktika": ["Paktika"],
    "Panjshir": ["Panjshir", "Panjsher"],
    "Parwan": ["Parwan", "Parvan"],
    "Samangan": ["Samangan"],
    "Sar-e Pol": ["Sar-e Pol", "Sar-i-Pul", "Sari Pul"],
    "Takhar": ["Takhar"],
    "Uruzgan": ["Uruzgan", "Oruzgan", "Urozgan"],
    "Wardak": ["Wardak", "Maidan Wardak"],
    "Zabul": ["Zabul", "Zabol"],
}


def test_all_34_provinces_are_listed():
    assert len(PROVINCE_SPELLINGS) == 34


@pytest.mark.parametrize(("admin1", "spelling"),
                         [(a, s) for a, spellings in PROVINCE_SPELLINGS.items() for s in spellings])
def test_every_afghan_province_spelling_resolves_to_its_admin1(admin1, spelling):
    location = resolve_place(spelling, ("Afghanistan",))
    assert location is not None, spelling
    assert location["admin1"] == admin1
    assert location["country"] == "Afghanistan"


def test_province_has_coordinates_inside_afghanistan():
    location = resolve_place("Kandahar")
    assert 29 < location["lat"] < 39 and 60 < location["lon"] < 75


def test_city_with_country_qualifier_resolves_to_that_country():
    location = resolve_place("Geneva, Switzerland")
    assert location["country"] == "Switzerland"
    assert location["admin1"] == "Geneva"
    assert 46 < location["lat"] < 47


def test_notable_place_from_data_file():
    location = resolve_place("Doha")
    assert location["country"] == "Qatar" and location["lat"] is not None


def test_afghan_city_gets_its_province_as_admin1():
    assert resolve_place("Jalalabad", ("Afghanistan",))["admin1"] == "Nangarhar"


def test_country_name_resolves_without_a_point():
    location = resolve_place("Pakistan")
    assert location["country"] == "Pakistan" and location["lat"] is None


def test_organisation_that_looks_like_a_place_is_not_geocoded():
    assert resolve_place("Wilson Center") is None


def test_unknown_word_is_not_a_place():
    assert resolve_place("Zzyzzxville Qwerty") is None


def test_fold_removes_diacritics_and_hyphens():
    assert fold("Sar-e Pōl") == "sar e pol"


def test_a_direction_and_a_country_is_a_region_of_that_country():
    location = resolve_place("eastern Ukraine")
    assert location["name"] == "eastern Ukraine"
    assert location["country"] == "Ukraine"
    assert location["admin1"] is None


def test_a_capital_named_by_its_country_or_demonym_is_that_capital_city():
    from accord.extract.places import capital_of

    assert capital_of("Qatar")["name"] == "Doha"
    assert capital_of("Afghan")["name"] == "Kabul"
    assert capital_of("Ruritanian") is None


def test_a_small_namesake_in_a_context_country_does_not_take_a_world_citys_name():
    assert resolve_place("Paris", ("United States",))["country"] == "France"
    assert resolve_place("Moscow", ("United States",))["country"] == "Russian Federation"
    assert resolve_place("Washington", ("United States",))["admin1"] == "Washington, D.C."


def test_odessa_is_the_ukrainian_port():
    assert resolve_place("Odessa", ("United States",))["country"] == "Ukraine"


def test_a_dateline_spelling_of_an_air_base_is_the_base():
    assert resolve_place("Bagram Air Field")["name"] == "Bagram"


# Words for names the gazetteer may or may not resolve: listed places, large cities, the words it drops, words
# that are no place, and spellings with diacritics, hyphens and apostrophes.
NAME_WORDS = ["The", "Northern", "North-Eastern", "South", "Central", "Province", "Provincial", "Capital", "Of",
              "District", "City", "Kabul", "Kunduz", "Sar-e", "Pōl", "Pol", "Sari", "Pul", "Maidan", "Wardak",
              "United", "States", "Kingdom", "New", "York", "Delhi", "São", "Paulo", "Kyiv", "Kyiv's", "Odesa",
              "Taliban", "Monday", "President", "Ghani", "He", "U.S", "Afghanistan", "Yemen", "Sanaa", "Gaza",
              "Mazar-i-Sharif", "Paris", "Ukraine", "Donetsk", "Ministry", "Defence"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3))
def test_a_name_the_gazetteer_resolves_passes_the_word_prefilter(words):
    """places_named skips the n-grams with a word no known place has; it must never skip one that resolves."""
    name = " ".join(words)
    if _known_place(name) is not None:
        assert all(_may_be_in_place(word) for word in words), name


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=4))
def test_bare_drops_only_words_listed_as_droppable(words):
    folded = set(fold(" ".join(words)).split())
    bare = set(_bare(" ".join(words)).split())
    assert bare <= folded
    assert folded - bare <= BARE_DROPS


def test_the_prefilter_keeps_places_and_skips_other_words():
    assert all(_may_be_in_place(word) for word in ["Kabul", "Kunduz", "United", "States", "Sar-e", "Pōl", "The"])
    assert not any(_may_be_in_place(word) for word in ["Taliban", "Monday", "Ghani", "He"])
    named = places_named("Fighting in Kunduz and Sar-e Pōl province went on, the Taliban said.")
    assert sorted(p.name for p in named) == ["Kunduz", "Sar-e Pol"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAME_WORDS), st.sampled_from(["in", "at", "and", ",", "troops", "near the",
                                                                     "said", "attacked", "."])), max_size=16))
def test_places_named_is_the_same_with_and_without_the_prefilter(words):
    text = " ".join(words)
    with patch("accord.link.claim_scope._may_be_in_place", lambda token: True):
        exhaustive = places_named(text, every=True)
    assert places_named(text, every=True) == exhaustive
