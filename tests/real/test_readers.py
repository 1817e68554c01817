"""What readers and subscribers get besides the pages: a feed per entity, link previews and
schema.org JSON-LD (read back with extruct, a real consumer), search filters, the mentions
timeline and the map of places; built from a scenario of four articles and from the seeds."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import extruct
import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import FAST, PROJECT

SCENARIO = FAST / "scenarios" / "readers"
SEED_PAGE = "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html"
SITE = "https://brief.example.net"


@pytest.fixture(scope="module")
def scenario_site(tmp_path_factory) -> Path:
    """The scenario built twice with a public address: output/ and output2/."""
    from typer.testing import CliRunner

    from briefing.cli import app

    root = tmp_path_factory.mktemp("readers")
    shutil.copytree(SCENARIO, root / "content")
    for output in ("output", "output2"):
        result = CliRunner().invoke(app, ["build", "--content-dir", str(root / "content"), "--output-dir",
                                          str(root / output), "--site-url", SITE])
        assert result.exit_code == 0, result.output
    return root


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_an_entity_named_in_two_articles_or_more_has_its_own_feed(scenario_site):
    feeds = scenario_site / "output" / "feeds" / "entities"
    assert sorted(p.name for p in feeds.iterdir()) == ["alina-romanowski.xml", "irak.xml", "liban.xml"]
    irak = feedparser.parse((feeds / "irak.xml").read_bytes())
    assert irak.bozo == 0 and irak.feed.title == "briefing — Irak"
    assert [e.link.rsplit("/", 1)[1] for e in irak.entries] == ["c-irak.html", "b-irak.html", "a-irak-liban.html"]
    site = {e.link: e.id for e in feedparser.parse((scenario_site / "output" / "feeds" / "rss.xml").read_bytes()).entries}
    assert all(site[e.link] == e.id for e in irak.entries)  # the site feed's guids: read once in a reader
    assert "Talks on the future" in irak.entries[0].summary and "content" not in irak.entries[0]  # the summary only


def test_entity_feeds_are_byte_stable(scenario_site):
    for feed in (scenario_site / "output" / "feeds" / "entities").iterdir():
        assert feed.read_bytes() == (scenario_site / "output2" / "feeds" / "entities" / feed.name).read_bytes()


def test_the_entity_page_links_its_feed_for_autodiscovery_and_one_article_gets_none(scenario_site):
    entities = scenario_site / "output" / "entities"
    (link,) = _soup(entities / "irak.html").select('link[rel="alternate"][href*="feeds/entities/"]')
    assert link["type"] == "application/rss+xml" and link["href"].endswith("/feeds/entities/irak.xml")
    assert not _soup(entities / "bagdad.html").select('link[href*="feeds/entities/"]')


def test_an_article_carries_a_news_article_with_its_entities_for_extruct(scenario_site):
    html = (scenario_site / "output" / "a-irak-liban.html").read_text("utf-8")
    data = extruct.extract(html, base_url=f"{SITE}/a-irak-liban.html", syntaxes=["json-ld", "opengraph"],
                           uniform=True)
    (article,) = [d for d in data["json-ld"] if d["@type"] == "NewsArticle"]
    assert article["headline"] == "Des frappes en Irak et au Liban"
    assert article["datePublished"] == "2024-01-02T08:00:00+01:00" and article["inLanguage"] == "fr"
    assert article["isBasedOn"] == "https://www.example.org/monde/frappes"
    about = {(t["@type"], t["name"]) for t in article["about"]}
    mentions = {(t["@type"], t["name"]) for t in article["mentions"]}
    # the most mentioned (3, 2, then 1: people, organisations and places in that order among equals)
    assert about == {("Place", "Irak"), ("Person", "Alina Romanowski"), ("Organization", "État islamique")}
    assert mentions == {("Place", "Liban")}
    assert next(t for t in article["about"] if t["@type"] == "Organization")["alternateName"] == ["Daech"]
    (og,) = data["opengraph"]
    assert og["og:title"] == "Des frappes en Irak et au Liban" and og["@type"] == "article"  # og:type, as extruct gives it
    assert og["article:published_time"] == "2024-01-02T08:00:00+01:00" and og["article:section"] == "Monde"
    assert og["og:url"] == f"{SITE}/a-irak-liban.html" and og["og:locale"] == "fr_FR"
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"


def test_a_title_that_closes_the_script_stays_in_the_json_ld(scenario_site):
    soup = _soup(scenario_site / "output" / "d-script.html")
    (block,) = soup.select('script[type="application/ld+json"]')
    assert json.loads(block.string)["headline"] == "Un titre qui ferme </script><!-- un bloc & « guillemets »"
    assert not soup.select("body script")  # nothing of the title became markup


def test_an_entity_page_has_link_previews(scenario_site):
    data = extruct.extract((scenario_site / "output" / "entities" / "irak.html").read_text("utf-8"),
                           syntaxes=["opengraph"], uniform=True)
    (og,) = data["opengraph"]
    assert og["og:title"] == "Irak" and og["og:url"] == f"{SITE}/entities/irak.html"


def test_the_seed_article_is_based_on_its_source_and_typed(built_site):
    html = (built_site / "output" / SEED_PAGE).read_text("utf-8")
    (article,) = [d for d in extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
                  if d["@type"] == "NewsArticle"]
    things = {(t["@type"], t["name"]) for t in article["about"] + article["mentions"]}
    assert {("Person", "Alina Romanowski"), ("Organization", "État islamique"), ("Place", "Irak")} <= things


def test_search_can_filter_by_section_language_entity_type_and_entity_and_sort_by_date(scenario_site):
    soup = _soup(scenario_site / "output" / "a-irak-liban.html")
    filters = {}
    for tag in soup.select("[data-pagefind-filter]"):
        filters.setdefault(tag["data-pagefind-filter"], set()).add(tag.get_text(strip=True))
    assert filters == {"Rubrique": {"Monde"}, "Langue": {"fr"}, "Type d’entité": {"Personnes", "Organisations", "Lieux"},
                       "Entités": {"Irak", "Liban", "Alina Romanowski", "État islamique"}}
    assert soup.select_one("time[data-pagefind-sort]")["data-pagefind-sort"] == "date[datetime]"
    search = _soup(scenario_site / "output" / "search.html")
    assert [o["value"] for o in search.select("select#search-sort option")] == ["", "date"]
    index = scenario_site / "output" / "pagefind"
    assert list(index.glob("filter/*.pf_filter"))  # pagefind read them


def test_the_mentions_timeline_counts_weeks_and_marks_the_entity(scenario_site):
    soup = _soup(scenario_site / "output" / "entities" / "liban.html")
    svg = soup.select_one("figure svg#mentions-timeline")
    assert svg["role"] == "img" and svg["data-unit"] == "day"  # 29 days: one bar a day
    ids = svg["aria-labelledby"].split()
    assert [soup.find(id=i).name for i in ids] == ["title", "desc"]
    assert "2 sur 4" in svg.desc.get_text() and "Liban" in svg.desc.get_text()
    assert len(svg.select("g.mark rect")) == 2  # 2 January and 16 January
    assert svg.select_one("path.all")["d"].count("M") == 4  # the site's four days with an article
    assert "script" not in str(svg) and "fill=\"#" not in str(svg)  # no JavaScript; colours from the page


def test_a_long_period_is_drawn_in_weeks_or_months(tmp_path, cli):
    content = tmp_path / "content"
    shutil.copytree(SCENARIO, content)
    old = (content / "b-irak.md").read_text("utf-8").replace("2024-01-09", "2022-06-09").replace("slug: b-irak", "slug: b-old")
    (content / "b-old.md").write_text(old, "utf-8")
    assert cli("build", "--content-dir", content, "--output-dir", tmp_path / "out").exit_code == 0
    svg = _soup(tmp_path / "out" / "entities" / "irak.html").select_one("svg#mentions-timeline")
    assert svg["data-unit"] == "month" and len(svg.select("g.mark rect")) == 2  # June 2022, January 2024


def test_the_places_map_links_every_located_place_and_lists_the_others(scenario_site):
    soup = _soup(scenario_site / "output" / "places" / "index.html")
    circles = soup.select("svg#places-map a > circle[data-entity]")
    assert [c["data-entity"] for c in circles] == ["irak", "liban", "bagdad"]  # most mentioned (largest) first
    assert float(circles[0]["r"]) > float(circles[1]["r"]) >= float(circles[2]["r"])
    assert [c.parent["href"] for c in circles] == ["../entities/irak.html", "../entities/liban.html", "../entities/bagdad.html"]
    lebanon = circles[1]
    assert abs(float(lebanon["cx"]) - 180 - 35.9) < 1.5 and abs(90 - float(lebanon["cy"]) - 33.9) < 1.5
    assert [a.get_text() for a in soup.select("#places-unlocated a")] == ["Moyen-Orient"]
    svg = soup.select_one("svg#places-map")
    assert svg.select_one("title").get_text() and svg.select_one("path.land")["d"].startswith("M")
    assert not soup.select("script") and "tile" not in str(svg)


def test_the_world_outline_is_small_and_says_where_it_comes_from():
    data = json.loads((PROJECT / "plugins" / "briefing" / "data" / "world.json").read_text("utf-8"))
    assert "Natural Earth" in data["source"] and len(data["land"]) < 20_000


def test_an_entity_page_is_a_search_result_only_when_it_gathers_articles(scenario_site):
    """An entity named in one article is found through that article (it holds the name); an
    entity page gathering two or more is a result of its own, found by its name, not by the
    titles it lists (which would repeat each article as a result of every entity page)."""
    output = scenario_site / "output"
    marked, unmarked = [], []
    for page in sorted(p for p in (output / "entities").glob("*.html") if p.name != "index.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        listed = soup.select("ul[data-pagefind-ignore] li")
        (marked if soup.select_one("[data-pagefind-body]") else unmarked).append((page, len(listed)))
    assert marked and unmarked
    assert all(count >= 2 for _page, count in marked) and all(count == 1 for _page, count in unmarked)
    unzipped = [gzip.decompress(path.read_bytes()) for path in (output / "pagefind" / "fragment").iterdir()]
    fragments = [json.loads(data[data.index(b"{"):]) for data in unzipped]  # after pagefind's signature
    urls = {fragment["url"] for fragment in fragments}
    assert {f"/entities/{page.name}" for page, _count in marked} <= urls
    assert not {f"/entities/{page.name}" for page, _count in unmarked} & urls
    irak = next(fragment for fragment in fragments if fragment["url"] == "/entities/irak.html")
    titles = [a.get_text(strip=True) for a in _soup(output / "entities" / "irak.html").select("ul[data-pagefind-ignore] a")]
    assert "Irak" in irak["content"] and len(titles) == 3 and not any(title in irak["content"] for title in titles)
