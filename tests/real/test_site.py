"""The built site of the seeds, end to end: pages, hooks, links, feeds, determinism."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT

SEED_PAGE = "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html"


@pytest.fixture(scope="module")
def site(built_site):
    """The built seeds, and a second build of the same content beside them (output2)."""
    from typer.testing import CliRunner

    from briefing.cli import app

    result = CliRunner().invoke(app, ["build", "--content-dir", str(built_site / "content"),
                                      "--output-dir", str(built_site / "output2")])
    assert result.exit_code == 0, result.output
    return built_site


def _page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / "output" / name).read_text("utf-8"), "html.parser")


def test_the_seed_page_has_its_sidebar_and_key_figures(site):
    page = _page(site, SEED_PAGE)
    sidebar = page.select_one("aside#entities")
    people = [a.get_text() for a in sidebar.select('a[data-entity-type="person"]')]
    assert "Alina Romanowski" in people
    assert {a["data-entity-type"] for a in sidebar.select("a[data-entity-type]")} == {"person", "organization", "place"}
    figures = page.select_one("aside#key-figures").get_text(" ")
    assert "2 500" in figures and "150" in figures and "soldats" in figures and "attaques" in figures
    assert page.select_one("article.story")["lang"] == "fr"


def test_english_articles_say_so(site):
    page = _page(site, "essequibo-hunter-found-dead-with-gunshot-wounds.html")
    assert page.select_one("article.story")["lang"] == "en"


def test_every_internal_link_resolves(site):
    output = site / "output"
    broken = []
    for html in output.rglob("*.html"):
        if html.parent.name == "pagefind":
            continue
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href], script[src]"):
            ref = tag.get("href") or tag.get("src")
            if re.match(r"^(https?:|mailto:|#)", ref) or "/pagefind/" in ref:
                continue
            here = posixpath.dirname(html.relative_to(output).as_posix())
            resolved = output / posixpath.normpath(posixpath.join(here, unquote(ref.split("#")[0])))
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{html.relative_to(output)} -> {ref}")
    assert not broken


def test_entity_pages_and_index(site):
    index = _page(site, "entities/index.html")
    assert index.select_one('a[data-entity-type="person"]')
    entity = _page(site, "entities/etat-islamique.html")
    assert "Daech" in entity.get_text()
    assert entity.select_one('a[href$="' + SEED_PAGE + '"]')


def test_each_entity_page_lists_the_articles_whose_sidebar_names_it(site):
    """An article's line and an entity's link are rendered once a build and reused on every
    entity page (briefing_once): each page must still show its own articles and companions."""
    output = site / "output"
    named: dict[str, set[str]] = {}  # entity page -> the articles whose sidebar links it
    sidebars: dict[str, set[str]] = {}  # article -> the entity pages its sidebar links
    for html in output.glob("*.html"):
        sidebar = _page(site, html.name).select_one("aside#entities")
        for link in sidebar.select("a[data-entity-type]") if sidebar else []:
            named.setdefault(posixpath.basename(link["href"]), set()).add(html.name)
            sidebars.setdefault(html.name, set()).add(posixpath.basename(link["href"]))
    assert len(named) > 20 and len(sidebars) >= 4
    for slug, articles in named.items():
        page = _page(site, f"entities/{slug}")
        lines = page.select("main ul[data-pagefind-ignore] li a[lang]")
        assert {posixpath.basename(a["href"]) for a in lines} == articles, slug
        assert all(a.get_text() == _page(site, posixpath.basename(a["href"])).h1.get_text().strip() for a in lines)
        companions = {posixpath.basename(a["href"]) for a in page.select("main > ul a[data-entity-type]")}
        assert companions and slug not in companions, slug
        assert companions <= set().union(*(sidebars[article] for article in articles)), slug


def test_feeds_parse_clean_and_carry_entities(site):
    rss = feedparser.parse(str(site / "output" / "feeds" / "rss.xml"))
    atom = feedparser.parse(str(site / "output" / "feeds" / "atom.xml"))
    assert rss.bozo == 0 and atom.bozo == 0
    assert len(rss.entries) == 5
    seed = next(e for e in rss.entries if e.link.endswith(SEED_PAGE))
    assert seed.id == seed.link  # the permalink is the guid
    terms = {t.term for t in seed.tags}
    assert {"Sécurité", "Alina Romanowski", "État islamique"} <= terms
    assert "2 500 soldats" in seed.content[0].value
    category = feedparser.parse(str(site / "output" / "feeds" / "securite.rss.xml"))
    assert category.bozo == 0 and [e.link for e in category.entries] == [seed.link]


def test_every_page_links_its_feeds(site):
    for name in ("index.html", SEED_PAGE, "entities/index.html"):
        links = _page(site, name).select('link[rel="alternate"]')
        assert {link["type"] for link in links} >= {"application/rss+xml", "application/atom+xml"}


def test_two_builds_are_identical(site):
    first, second = site / "output", site / "output2"
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [p for p in files if (first / p).read_bytes() != (second / p).read_bytes()] == []


def test_hostile_text_stays_text_and_feeds_stay_valid(cli, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    title = 'Fusion AT&T <script>alert("x")</script> « guillemets » \x07 ok 🚀 שלום'
    body = ("Le conseil a validé l'opération AT&T <b>gras</b> pour 3 milliards d'euros, selon les "
            "documents consultés par la rédaction ce mardi, « x < y » et " + "z" * 300 + ".\x0b "
            "<img src=x onerror=alert(2)> Le texte hébreu שלום עולם reste lisible.")
    (raw / "hostile.txt").write_text(f"{title}\n\n{title}\n\n{body}\n", "utf-8")
    content, output = tmp_path / "content", tmp_path / "output"
    assert cli("ingest", raw, "--content-dir", content, "--date", "2024-01-01").exit_code == 0
    assert cli("build", "--content-dir", content, "--output-dir", output).exit_code == 0
    for feed in ("rss.xml", "atom.xml"):
        parsed = feedparser.parse(str(output / "feeds" / feed))
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert "AT&T" in parsed.entries[0].title
    (page,) = [p for p in output.glob("*.html") if p.name.startswith("fusion")]
    html = page.read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text() == "Fusion AT&T « guillemets » ok 🚀 שלום"  # markup gone, script content dropped
    assert "alert(" not in html and not soup.select("article script, article img")
    body = soup.select_one("div.body").get_text()
    assert "x < y" in body and "שלום עולם" in body and "z" * 300 in body


def test_an_english_interface_by_setting(cli, built_site, tmp_path):
    settings = tmp_path / "englishconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
                        "BRIEFING_UI_LANG = 'en'\n", "utf-8")
    output = tmp_path / "output"
    assert cli("build", "--content-dir", built_site / "content", "--output-dir", output,
               "--settings", settings).exit_code == 0
    page = BeautifulSoup((output / SEED_PAGE).read_text("utf-8"), "html.parser")
    assert page.select_one("#key-figures h2").get_text() == "Key figures"
    assert page.html["lang"] == "en" and "January 25, 2024" in page.get_text()


def test_an_article_page_with_everything_it_loads_weighs_under_50_kb(site):
    """Site weight before search assets: the page and every stylesheet, script and image it
    loads from the site."""
    output = site / "output"
    for md in (site / "content").glob("*.md"):
        html = output / f"{md.stem}.html"
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        assets = {tag.get("href") or tag.get("src") for tag in soup.select('link[rel="stylesheet"], script[src], img[src]')}
        local = [(html.parent / ref).resolve() for ref in assets if ref and "pagefind" not in ref and "//" not in ref]
        weight = html.stat().st_size + sum(path.stat().st_size for path in local)
        assert local and weight < 50_000, (html.name, weight)


def test_publishing_puts_the_public_address_everywhere_and_a_local_one_is_a_warning(cli, built_site, tmp_path, caplog):
    import logging

    from pelican.log import LimitFilter

    output = tmp_path / "output"
    with caplog.at_level(logging.WARNING):
        assert cli("build", "--content-dir", built_site / "content", "--output-dir", output,
                   "--site-url", "https://brief.example.net/").exit_code == 0
    assert not [r for r in caplog.records if "subscribers cannot open" in r.getMessage()]
    rss = feedparser.parse(str(output / "feeds" / "rss.xml"))
    assert {e.link.split("/")[2] for e in rss.entries} == {"brief.example.net"}
    assert all(e.id.startswith("https://brief.example.net/") for e in rss.entries)
    assert "<loc>http://localhost" not in (output / "sitemap.xml").read_text("utf-8")
    canonical = BeautifulSoup((output / SEED_PAGE).read_text("utf-8"), "html.parser").select_one('link[rel="canonical"]')
    assert canonical["href"] == f"https://brief.example.net/{SEED_PAGE}"
    caplog.clear()
    LimitFilter._raised_messages.clear()  # Pelican's loggers say a warning once per process: this is a new build
    with caplog.at_level(logging.WARNING):  # the development build: one warning, no canonical link
        assert cli("build", "--content-dir", built_site / "content", "--output-dir", tmp_path / "dev").exit_code == 0
    assert len([r for r in caplog.records if "point at http://localhost:8000" in r.getMessage()]) == 1
    assert not BeautifulSoup((tmp_path / "dev" / SEED_PAGE).read_text("utf-8"), "html.parser").select('link[rel="canonical"]')


def test_the_article_names_its_publication_never_a_local_path(site):
    politico = _page(site, "mark-meadows-accused-of-timing-retirement-to-help-elect-wife-s-friend.html")
    link = politico.select_one("p.meta a[rel~=nofollow]")
    assert link.get_text() == "POLITICO" and link["href"].startswith("https://www.politico.com/")
    seed = _page(site, SEED_PAGE).select_one("p.meta").get_text()
    assert "seeds/" not in seed and ".txt" not in seed  # a text dump names no publication: no source shown
