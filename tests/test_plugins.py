"""Plugin tests in the style of pelican-plugins/series: a real ArticlesGenerator over a small
scenario folder in tmp_path (real readers, real signals, no full render)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings

from conftest import PROJECT

WITH_METADATA = """---
title: Deux articles, une entité
date: '2024-02-01T08:00:00+01:00'
category: Monde
lang: fr
slug: avec-metadonnees
entities:
- {name: Alina Romanowski, type: person, mentions: 2, aliases: [Mme Romanowski]}
- {name: Irak, type: place, mentions: 1, aliases: []}
key_figures:
- {value: 2500, display: 2 500, qualifier: null, label: soldats, sentence: Il y a 2 500 soldats en Irak.}
---

Alina Romanowski est en Irak.
"""

HAND_WRITTEN = """---
title: Écrit à la main
date: '2024-02-02T08:00:00+01:00'
category: Monde
lang: fr
slug: ecrit-a-la-main
---

L'ambassadrice Alina Romanowski a rencontré Fouad Hussein à Bagdad. Environ 150 soldats
étaient présents.
"""


def generate(content: Path, output: Path, **overrides) -> ArticlesGenerator:
    """Our settings and plugins, a real ArticlesGenerator over `content`, context generated."""
    from pelican import Pelican

    settings = read_settings(str(PROJECT / "pelicanconf.py"),
                             override={"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
                                       **overrides})
    Pelican(settings)  # loads and registers the plugins, as a build does
    context = settings.copy() | {"generated_content": {}, "static_links": set(), "static_content": {}}
    generator = ArticlesGenerator(context=context, settings=settings, path=str(content),
                                  theme=settings["THEME"], output_path=str(output))
    generator.generate_context()
    return generator


@pytest.fixture
def articles(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(WITH_METADATA, "utf-8")
    (content / "b.md").write_text(HAND_WRITTEN, "utf-8")
    generator = generate(content, tmp_path / "out")
    return generator, {a.slug: a for a in generator.articles}


def test_stored_metadata_becomes_sidebar_data(articles):
    _generator, by_slug = articles
    article = by_slug["avec-metadonnees"]
    assert [e.name for e in article.briefing_entities["person"]] == ["Alina Romanowski"]
    assert article.briefing_entities["person"][0].url == "entities/alina-romanowski/"
    assert [f.display for f in article.briefing_figures] == ["2 500"]
    assert article.briefing_figures[0].counted == "soldats"


def test_a_hand_written_article_is_enriched_at_build_time(articles):
    _generator, by_slug = articles
    article = by_slug["ecrit-a-la-main"]
    people = {e.name for e in article.briefing_entities["person"]}
    assert {"Alina Romanowski", "Fouad Hussein"} <= people
    assert any(f.value == 150 and f.qualifier == "~" for f in article.briefing_figures)


def test_entity_index_and_related_articles(articles):
    generator, by_slug = articles
    pages = generator.context["briefing_entity_pages"]
    romanowski = pages["alina-romanowski"]
    assert [a.slug for a in romanowski.articles] == ["ecrit-a-la-main", "avec-metadonnees"]  # newest first
    assert "Mme Romanowski" in romanowski.aliases
    assert by_slug["avec-metadonnees"].briefing_related == [by_slug["ecrit-a-la-main"]]
    assert generator.context["ui"]["key_figures"] == "Chiffres clés"


def test_related_articles_share_the_most_entities_newest_first(tmp_path: Path):
    """Against the definition, pair by pair: five copies of one article that share one or two
    entities with it, on different days (ties broken by date), and one sharing nothing."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(WITH_METADATA, "utf-8")
    variants = {"deux-anciens": ("2023-01-01", "Alina Romanowski", "Irak"),
                "deux-recents": ("2024-03-01", "Alina Romanowski", "Irak"),
                "un-recent": ("2024-04-01", "Alina Romanowski", "Syrie"),
                "un-ancien": ("2022-05-01", "Alina Romanowski", "Syrie"),
                "aucun": ("2024-05-01", "Autre Personne", "Liban")}
    for slug, (day, person, place) in variants.items():
        text = (WITH_METADATA.replace("slug: avec-metadonnees", f"slug: {slug}").replace("2024-02-01", day)
                .replace("Alina Romanowski, type", f"{person}, type").replace("Irak, type", f"{place}, type"))
        (content / f"{slug}.md").write_text(text, "utf-8")
    generator = generate(content, tmp_path / "out", BRIEFING_RELATED_ARTICLES=10)
    by_slug = {a.slug: a for a in generator.articles}
    assert [a.slug for a in by_slug["avec-metadonnees"].briefing_related] == [
        "deux-recents", "deux-anciens", "un-recent", "un-ancien"]
    for article in generator.articles:  # brute force over every pair
        expected = sorted((o for o in generator.articles if o is not article
                           and article.briefing_entity_slugs & o.briefing_entity_slugs),
                          key=lambda o: (-len(article.briefing_entity_slugs & o.briefing_entity_slugs),
                                         -o.date.timestamp(), o.slug))
        assert article.briefing_related == expected


def test_html_an_editor_types_is_sanitised(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "x.md").write_text(HAND_WRITTEN.replace("slug: ecrit-a-la-main", "slug: hostile") + (
        "\n<script>alert('x')</script><img src=x onerror=\"alert(1)\"> <a href=\"javascript:alert(1)\">lien</a>\n"
        "<iframe src=\"https://evil.example\"></iframe><object data=\"x.swf\"></object>"
        "<a href=\"data:text/html,<script>alert(1)</script>\">data</a> <a href=\"https://ok.example\">ok</a>\n"), "utf-8")
    generator = generate(content, tmp_path / "out")
    html = generator.articles[0].content
    for needle in ("<script", "alert(", "onerror", "javascript:", "<iframe", "<object", "data:text"):
        assert needle not in html
    assert 'href="https://ok.example"' in html


def test_the_header_lists_the_biggest_categories_and_links_to_all(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    for i, category in enumerate(["Monde", "Monde", "Sport", "Culture", "Culture", "Culture"]):
        (content / f"{i}.md").write_text(WITH_METADATA.replace("category: Monde", f"category: {category}")
                                         .replace("slug: avec-metadonnees", f"slug: a{i}"), "utf-8")
    generator = generate(content, tmp_path / "out", BRIEFING_NAV_CATEGORIES=2)
    assert [c.name for c in generator.context["briefing_nav_categories"]] == ["Culture", "Monde"]
    html = generator.get_template("index").render(generator.context | {"articles_page": None, "SITEURL": ""})
    assert '<a href="/categories.html">Toutes les rubriques</a>' in html and "category/sport.html" not in html
