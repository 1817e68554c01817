"""The record, read from metadata in one place: what check reports and what the plugin reads."""

from __future__ import annotations

from conftest import PROJECT

from briefing.contentfile import read_front_matter
from briefing.record import Entity, KeyFigure, metadata_problems, read_entities, read_key_figures


def test_every_demo_file_is_a_record_with_figure_phrases():
    for path in sorted((PROJECT / "content").glob("*.md")):
        meta, _body = read_front_matter(path.read_text("utf-8"), str(path))
        assert metadata_problems(meta) == [], path
        figures, _ = read_key_figures(meta["key_figures"])
        assert len(figures) <= 8, path  # the box is a compact list
        for f in figures:  # a short phrase that says what it counts, never the unit twice
            assert f.phrase and len(f.phrase.split()) <= 12, (path, f)
            assert not (f.label in f.display and f.phrase.split()[-1:] == [f.label]), (path, f)


def test_the_seed_stores_what_the_box_shows():
    path = PROJECT / "content" / "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.md"
    meta, _body = read_front_matter(path.read_text("utf-8"), str(path))
    shown = [(f.qualifier, f.display, f.phrase) for f in read_key_figures(meta["key_figures"])[0]][:3]
    assert shown == [(None, "2 500", "soldats en Irak"), ("~", "150", "attaques contre les troupes américaines"),
                     (">", "Des centaines", "de soldats d'autres pays")]
    assert all("sources" not in f["label"] for f in meta["key_figures"])  # attribution counts are not news


def test_bad_items_are_named_and_the_good_ones_kept():
    entities, problems = read_entities([
        {"name": "Irak", "type": "place"}, {"type": "person"}, {"name": "Pluton", "type": "planet"},
        {"name": "X", "type": "person", "mentions": "beaucoup"}, "Daech",
        {"name": "État islamique", "type": "organization", "aliases": "ISIS"}])
    assert entities == [Entity("Irak", "place")]
    assert problems == ["entity 2: no name",
                        "entity 3 (Pluton): type 'planet' is not one of person, organization, place",
                        "entity 4 (X): mentions 'beaucoup' is not a number", "entity 5: no name",
                        "entity 6 (État islamique): aliases must be a list ([...]), not 'ISIS'"]
    figures, problems = read_key_figures([{"value": True}, {"value": 3, "display": "3", "qualifier": "≈"}])
    assert figures == [] and problems == ["key figure 1: value must be a number",
                                          "key figure 2 (3): qualifier '≈' is not one of ~ > < or null"]
    assert read_entities("Irak") == ([], ["'entities' must be a list"])


def test_a_figure_from_a_file_older_than_phrase_shows_its_label():
    figures, problems = read_key_figures([{"value": 2500, "display": "2 500", "label": "soldats", "sentence": "…"},
                                          {"value": 12.5, "display": "12,5 %", "label": "%", "phrase": None}])
    assert problems == []
    assert figures == [KeyFigure(2500, "2 500", "soldats", "…", None, "soldats"),
                       KeyFigure(12.5, "12,5 %", "%", "", None, "")]  # a percent shows no word after its sign


def test_the_required_fields_and_the_date():
    assert metadata_problems({"title": "t", "date": "hier"}) == [
        ("date", "date 'hier' is not a date (2024-01-25 or 2024-01-25T09:30+01:00)")]
    assert [key for key, _ in metadata_problems({})] == ["title", "date"]  # Pelican makes the slug
    assert metadata_problems({"title": "t", "date": "1970-01-01T01:00:00+01:00"})[0][1].endswith("not a publication date")


def test_one_referent_one_slug():
    assert Entity("Islamic State", "organization").slug == Entity("État islamique", "organization").slug == "etat-islamique"
