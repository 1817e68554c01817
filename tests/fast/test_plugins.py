"""The plugin in the style of pelican-plugins/series: a real ArticlesGenerator over a scenario
folder (tests/fast/scenarios/<name>/), real readers and signals, no full render, no NLP."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator
from pelican.log import LimitFilter
from pelican.settings import read_settings

from conftest import PROJECT

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


def generate(scenario: str, output: Path, settings_file: Path = PROJECT / "pelicanconf.py",
             **overrides) -> ArticlesGenerator:
    """The site's settings and plugin, a real ArticlesGenerator over a scenario folder, its
    context generated and the signals that follow every generator's context sent."""
    content = SCENARIOS / scenario
    LimitFilter._raised_messages.clear()  # Pelican logs a warning once per process; each test is a build
    settings = read_settings(str(settings_file), override={"PATH": str(content), "OUTPUT_PATH": str(output),
                                                           "CACHE_CONTENT": False, **overrides})
    Pelican(settings)  # loads and registers the plugin, as a build does
    context = settings.copy() | {"generated_content": {}, "static_links": set(), "static_content": {}}
    generator = ArticlesGenerator(context=context, settings=settings, path=str(content),
                                  theme=settings["THEME"], output_path=str(output))
    generator.generate_context()
    signals.all_generators_finalized.send([generator])
    return generator


def by_slug(generator: ArticlesGenerator) -> dict:
    return {a.slug: a for a in generator.articles}


def test_stored_metadata_becomes_sidebar_data(tmp_path: Path):
    article = by_slug(generate("two_articles", tmp_path))["avec-metadonnees"]
    assert [e.name for e in article.briefing_entities["person"]] == ["Alina Romanowski"]
    assert article.briefing_entities["person"][0].url == "entities/alina-romanowski.html"
    assert [f.display for f in article.briefing_figures] == ["2 500"]
    assert article.briefing_figures[0].phrase == "soldats"  # a file older than `phrase`: its label


def test_a_hand_written_article_is_named_in_one_warning_and_the_build_runs_no_nlp(tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING):
        article = by_slug(generate("two_articles", tmp_path))["ecrit-a-la-main"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "b.md" in r.getMessage()]
    assert len(warnings) == 1 and "has no entities: run `briefing ingest" in warnings[0]
    assert article.briefing_entities == {"person": [], "organization": [], "place": []}
    assert article.briefing_figures == []


def test_entity_index_and_related_articles(tmp_path: Path):
    generator = generate("two_articles", tmp_path)
    articles = by_slug(generator)
    romanowski = generator.context["briefing_entity_pages"]["alina-romanowski"]
    assert [a.slug for a in romanowski.articles] == ["avec-metadonnees"]
    assert romanowski.aliases == ["Mme Romanowski"]
    assert articles["avec-metadonnees"].briefing_related == []  # the other article names nobody
    assert generator.context["ui"]["key_figures"] == "Chiffres clés"


def test_related_articles_share_the_most_entities_newest_first(tmp_path: Path):
    """Against the definition, pair by pair: five articles that share one or two entities with
    the first, on different days (ties broken by date), and one sharing nothing."""
    generator = generate("related", tmp_path, BRIEFING_RELATED_ARTICLES=10)
    articles = by_slug(generator)
    assert [a.slug for a in articles["avec-metadonnees"].briefing_related] == [
        "deux-recents", "deux-anciens", "un-recent", "un-ancien"]
    for article in generator.articles:  # brute force over every pair
        expected = sorted((o for o in generator.articles if o is not article
                           and article.briefing_entity_slugs & o.briefing_entity_slugs),
                          key=lambda o: (-len(article.briefing_entity_slugs & o.briefing_entity_slugs),
                                         -o.date.timestamp(), o.slug))
        assert article.briefing_related == expected
    romanowski = generator.context["briefing_entity_pages"]["alina-romanowski"]
    assert [a.slug for a in romanowski.articles] == [
        "un-recent", "deux-recents", "avec-metadonnees", "deux-anciens", "un-ancien"]  # newest first
    assert [(page.slug, count) for page, count in romanowski.companions] == [("irak", 3), ("syrie", 2)]


def test_html_an_editor_types_is_sanitised(tmp_path: Path):
    html = generate("hostile_html", tmp_path).articles[0].content
    for needle in ("<script", "alert(", "onerror", "javascript:", "<iframe", "<object", "data:text"):
        assert needle not in html
    assert 'href="https://ok.example"' in html


def test_the_header_lists_the_biggest_categories_and_links_to_all(tmp_path: Path):
    generator = generate("categories", tmp_path, BRIEFING_NAV_CATEGORIES=2)
    assert [c.name for c in generator.context["briefing_nav_categories"]] == ["Culture", "Monde"]
    html = generator.get_template("index").render(generator.context | {"articles_page": None, "SITEURL": ""})
    assert '<a href="/categories.html">Toutes les rubriques</a>' in html and "category/sport.html" not in html


def test_feed_and_entity_paths_come_from_settings(tmp_path: Path):
    generator = generate("two_articles", tmp_path, BRIEFING_FEED_RSS="flux/tout.xml",
                         BRIEFING_ENTITY_URL="qui/{slug}.html", BRIEFING_ENTITIES_URL="qui/")
    article = by_slug(generator)["avec-metadonnees"]
    html = generator.get_template("article").render(generator.context | {"article": article, "SITEURL": ""})
    assert 'href="/flux/tout.xml"' in html and "feeds/rss.xml" not in html
    assert 'href="/qui/alina-romanowski.html"' in html and 'href="/qui/"' in html


def test_unknown_settings_and_wrong_types_are_warnings_not_crashes(tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING):
        generator = generate("categories", tmp_path, BRIEFING_RELATED_ARTICLE=5, BRIEFING_SIDEBAR_FIGURES="6",
                             BRIEFING_NAV_CATEGORIES=None, BRIEFING_ENTITY_URL=None)
    messages = [r.getMessage() for r in caplog.records]
    assert any("unknown setting BRIEFING_RELATED_ARTICLE " in m for m in messages)
    assert any("BRIEFING_SIDEBAR_FIGURES should be a int, not '6': using 6" in m for m in messages)
    assert any("BRIEFING_NAV_CATEGORIES should be a int, not None: using 8" in m for m in messages)
    assert generator.settings["BRIEFING_SIDEBAR_FIGURES"] == 6
    assert len(generator.context["briefing_nav_categories"]) == 3  # the defaults did their job
    assert generator.articles[0].briefing_entities["person"][0].url == "entities/alina-romanowski.html"


def test_a_flag_takes_a_bool_and_a_count_does_not(tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING):
        generator = generate("categories", tmp_path, BRIEFING_ENTITY_FEED_FULL=True, BRIEFING_SEARCH_ENTITY_MIN=True)
    messages = [r.getMessage() for r in caplog.records]
    assert generator.settings["BRIEFING_ENTITY_FEED_FULL"] is True
    assert not any("BRIEFING_ENTITY_FEED_FULL" in m for m in messages)
    assert any("BRIEFING_SEARCH_ENTITY_MIN should be a int, not True: using 2" in m for m in messages)


def test_a_plain_pelican_site_gets_what_the_theme_needs(tmp_path: Path):
    """`PLUGINS = ["briefing"]` and the theme, nothing else: the plugin turns on autoescape for
    its theme, installs its filters and picks the interface's language from DEFAULT_LANG."""
    import briefing

    plain = tmp_path / "pelicanconf.py"
    plain.write_text(f'SITENAME = "plain"\nTIMEZONE = "UTC"\nPLUGINS = ["briefing"]\n'
                     f'THEME = {briefing.theme_path()!r}\n', "utf-8")
    generator = generate("two_articles", tmp_path / "out", settings_file=plain)
    assert generator.env.autoescape is True
    assert {"long_date", "iso"} <= set(generator.env.filters)
    assert generator.context["ui"]["key_figures"] == "Key figures"  # Pelican's DEFAULT_LANG is en
    article = by_slug(generator)["avec-metadonnees"]
    assert [e.name for e in article.briefing_entities["place"]] == ["Irak"]


def test_the_theme_is_compiled_once_then_loaded_by_every_generator_and_build(tmp_path: Path, monkeypatch):
    """Pelican gives each generator a Jinja environment of its own, in every build: with
    briefing's theme they share a bytecode cache kept with briefing's tables (else, tables
    turned off, in the site's cache folder), so a later environment loads each template instead
    of compiling it, and renders the same page."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "tables"))
    first = generate("two_articles", tmp_path / "one", CACHE_PATH=str(tmp_path / "cache"))
    assert Path(first.env.bytecode_cache.directory) == tmp_path / "tables" / "templates"
    context = first.context | {"article": by_slug(first)["avec-metadonnees"], "SITEURL": ""}
    page = first.get_template("article").render(context)
    assert len(list((tmp_path / "tables" / "templates").iterdir())) >= 3  # article.html, base.html, macros
    second = generate("two_articles", tmp_path / "two", CACHE_PATH=str(tmp_path / "cache"))
    compiled, compile_ = [], second.env.compile
    monkeypatch.setattr(second.env, "compile", lambda *args, **kwargs: compiled.append(args[1]) or compile_(*args, **kwargs))
    context = second.context | {"article": by_slug(second)["avec-metadonnees"], "SITEURL": ""}
    assert second.get_template("article").render(context) == page and compiled == []
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "")
    third = generate("two_articles", tmp_path / "three", CACHE_PATH=str(tmp_path / "cache"))
    assert Path(third.env.bytecode_cache.directory) == tmp_path / "cache" / "templates"


def test_lists_sort_as_a_reader_of_the_language_expects(tmp_path: Path):
    """É with E: "Économie" before "Santé", "Élisabeth Borne" between "Culture"-free names."""
    generator = generate("accents", tmp_path)
    assert [c.name for c in generator.context["briefing_nav_categories"]] == ["Culture", "Économie", "Santé"]
    people = [p.name for p in generator.context["briefing_entities_by_type"]["person"]]
    assert people == ["Élisabeth Borne", "Emmanuel Macron", "Fabien Roussel"]


def test_one_referent_one_page_site_wide(tmp_path: Path):
    """"Trump", "Mr. Trump", "President Trump", "Donald J. Trump": one page; a bare surname two
    people of the site share ("Meadows") joins neither."""
    generator = generate("identity", tmp_path)
    pages = generator.context["briefing_entity_pages"]
    assert sorted(pages) == ["ben-sasse", "debbie-meadows", "donald-trump", "mark-meadows", "meadows"]
    assert [a.slug for a in pages["donald-trump"].articles] == ["c", "b", "a"]
    assert {"Trump", "Mr. Trump", "President Trump", "Donald J. Trump"} <= set(pages["donald-trump"].aliases)
    assert [a.slug for a in pages["ben-sasse"].articles] == ["b", "a"]
    article = by_slug(generator)["b"]  # its sidebar names the site's referent, with its own mentions
    assert [(link.name, link.mentions, link.url) for link in article.briefing_entities["person"]] == [
        ("Donald Trump", 4, "entities/donald-trump.html"), ("Ben Sasse", 2, "entities/ben-sasse.html")]


def test_a_nickname_or_a_generational_suffix_makes_no_other_person():
    """Two stories outside the gold set (thehill.com, nbcnews.com) write "Patrick W. Carlineo
    Jr", "Patrick Carlineo Jr", "Pat Carlineo" and "Carlineo": one page, named with the given
    name the nickname is short for. A nickname two people of the site could answer to joins
    neither, and those two stay apart."""
    from briefing.record import Entity
    from pelican.plugins.briefing.identity import referents

    entities = [Entity("Patrick W. Carlineo Jr", "person", 4, ("Carlineo",)), Entity("Patrick Carlineo Jr", "person", 1, ()),
                Entity("Pat Carlineo", "person", 1, ()), Entity("Carlineo", "person", 4, ()),
                Entity("Josh Apte", "person", 1, ()), Entity("Joshua Apte", "person", 1, ()), Entity("Apte", "person", 2, ()),
                Entity("Patrick Smith", "person", 2, ()), Entity("Patricia Smith", "person", 2, ()),
                Entity("Pat Smith", "person", 1, ()),
                Entity("N. A", "person", 1, ()), Entity("N. A", "person", 1, ("Victor N. A",))]  # initials only
    site = referents(entities, [])
    assert {site[("person", name)].name for name in ("Patrick W. Carlineo Jr", "Patrick Carlineo Jr", "Pat Carlineo",
                                                     "Carlineo")} == {"Patrick Carlineo Jr"}
    assert {site[("person", name)].name for name in ("Josh Apte", "Joshua Apte", "Apte")} == {"Joshua Apte"}
    assert len({site[("person", name)].name for name in ("Patrick Smith", "Patricia Smith", "Pat Smith")}) == 3


def test_the_editors_aliases_file_joins_and_separates(tmp_path: Path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- name: Debbie Meadows\n  type: person\n  aliases: [Meadows]\n"
                       "- name: Sasse\n  type: person\n  alone: true\n", "utf-8")
    pages = generate("identity", tmp_path / "out", BRIEFING_ALIASES=str(aliases)).context["briefing_entity_pages"]
    assert sorted(pages) == ["ben-sasse", "debbie-meadows", "donald-trump", "mark-meadows", "sasse"]
    assert [a.slug for a in pages["debbie-meadows"].articles] == ["e", "d"]


def test_an_unreadable_aliases_file_is_one_warning(tmp_path: Path, caplog):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- name: [unclosed\n", "utf-8")
    pages = generate("identity", tmp_path / "out", BRIEFING_ALIASES=str(aliases)).context["briefing_entity_pages"]
    assert "donald-trump" in pages
    assert any("aliases.yaml: not read" in r.getMessage() for r in caplog.records)


def test_honorifics_are_taken_off_as_the_prefix_by_prefix_rule_does():
    """bare_name finds the longest prefix with one regular expression; it takes off exactly
    what trying each prefix in turn (longest first) takes off, on every name of the demo
    content and on names that are nothing but titles."""
    import yaml

    from briefing.text import normalize
    from pelican.plugins.briefing.identity import _prefixes, bare_name

    def prefix_by_prefix(name: str) -> str:
        text, changed = name.strip(), True
        while changed:
            changed = False
            for prefix in _prefixes():
                if normalize(text).startswith(prefix + " ") and len(text) > len(prefix) + 1:
                    text, changed = text[len(prefix) + 1:].lstrip(), True
                    break
        return text or name

    names = {"Mr. Trump", "le Premier ministre Gabriel Attal", "Mme Macron", "M.", "President", "M. le ministre",
             "  Mme  la ministre Rachida Dati ", "Dr Dr Who", "le président"}
    for path in (PROJECT / "content").glob("*.md"):
        header = yaml.safe_load(path.read_text("utf-8").split("---")[1])
        names |= {name for e in header.get("entities") or [] for name in (e["name"], *(e.get("aliases") or []))}
    assert len(names) > 50
    assert [bare_name(n) for n in sorted(names)] == [prefix_by_prefix(n) for n in sorted(names)]
    assert bare_name("le Premier ministre Gabriel Attal") == "Gabriel Attal" and bare_name("M.") == "M."
