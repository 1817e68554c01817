"""Word tables made from installed packages are kept between runs (briefing/tables.py): the
table read back is the table made, a damaged file is made again, and the cache can be off."""

from __future__ import annotations

import json

from briefing.enrich import gazetteer


def fresh():
    for table in (gazetteer.given_names, gazetteer.place_names, gazetteer.territory_names):
        table.cache_clear()


def test_a_table_is_made_once_then_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    fresh()
    made = gazetteer.given_names()
    (kept,) = tmp_path.glob("given-names-*.json")
    assert "anders" in made and set(json.loads(kept.read_text("utf-8"))) == made
    kept.write_text(json.dumps(["only-this-name"]), "utf-8")  # what is read is what is used
    fresh()
    assert gazetteer.given_names() == {"only-this-name"}
    kept.write_text("[not json", "utf-8")
    fresh()
    assert gazetteer.given_names() == made and set(json.loads(kept.read_text("utf-8"))) == made
    fresh()


def test_places_read_back_type_the_same_names(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    fresh()
    made = gazetteer.place_names()
    fresh()
    assert gazetteer.place_names() == made and gazetteer.is_place("Téhéran") and not gazetteer.is_place("Alibaba")
    assert {path.name.split("-")[0] for path in tmp_path.iterdir()} == {"places", "territories"}
    fresh()


def test_an_empty_cache_setting_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh()
    assert gazetteer.is_territory("Tchéquie")
    assert not any(tmp_path.iterdir())
    fresh()
