"""`briefing check` accepts exactly what the build accepts: a minimal hand-written article
(title, date, body; YAML or Pelican's `Key: value` header) passes and builds, and any file
check accepts builds into an article page (a property, over generated headers)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pelican import Pelican
from pelican.generators import ArticlesGenerator
from pelican.log import LimitFilter
from pelican.settings import read_settings

from briefing.check import SLUG, check_file, check_folder
from conftest import PROJECT

BODY = "Le port de Marseille a rouvert mardi après trois semaines de grève.\n"


def build_articles(content: Path) -> list:
    """The articles a build makes of a content folder, each rendered with the article template
    (real reader, plugin and theme; no full run)."""
    LimitFilter._raised_messages.clear()
    config = read_settings(str(PROJECT / "pelicanconf.py"),
                           override={"PATH": str(content), "OUTPUT_PATH": str(content.parent / "out"), "CACHE_CONTENT": False})
    Pelican(config)
    context = config.copy() | {"generated_content": {}, "static_links": set(), "static_content": {}}
    generator = ArticlesGenerator(context=context, settings=config, path=str(content), theme=config["THEME"],
                                  output_path=str(content.parent / "out"))
    generator.generate_context()
    template = generator.get_template("article")
    for article in generator.articles:
        template.render(generator.context | {"article": article, "SITEURL": ""})
    return generator.articles


def test_a_minimal_hand_written_article_passes_check_and_builds(tmp_path: Path):
    content = tmp_path / "content"
    (content / "2024").mkdir(parents=True)
    (content / "yaml.md").write_text(f"---\ntitle: Le port rouvre\ndate: 2024-01-26\n---\n\n{BODY}", "utf-8")
    (content / "pelican.md").write_text(f"Title: La grève continue\nDate: 2024-01-27 10:30\n\n{BODY}", "utf-8")
    (content / "2024" / "bom.md").write_text(f"\ufeff---\nTitle: Les dockers votent\nDate: 2024-01-28\n---\n\n{BODY}",
                                             "utf-8")  # a byte order mark, capitalised keys, a subfolder
    assert check_folder(content) == (3, [])
    assert sorted(a.slug for a in build_articles(content)) == ["la-greve-continue", "le-port-rouvre", "les-dockers-votent"]


def test_check_refuses_a_placeholder_date_and_a_date_pelican_cannot_read(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Le port rouvre\ndate: '0001-01-01T00:00:00Z'\n---\n\n{BODY}", "utf-8")
    assert check_file(path) == [f"{path}:3: date '0001-01-01T00:00:00Z' is a placeholder (before 1900, or the Unix "
                                "epoch), not a publication date"]
    path.write_text(f"Title: Le port rouvre\nDate: hier matin\n\n{BODY}", "utf-8")
    assert check_file(path) == [f"{path}:2: date 'hier matin' is not a date (2024-01-25 or 2024-01-25T09:30+01:00)"]
    path.write_text(f"Title: Le port rouvre\nDate: 2999-01-01\n\n{BODY}", "utf-8")
    assert check_file(path) == [f"{path}:2: date '2999-01-01' is later than the file was written: not a publication date"]
    path.write_text(f"Title: !!!\nDate: 2024-01-01\nSlug: ../../etc\n\n{BODY}", "utf-8")
    assert check_file(path) == [f"{path}:3: slug '../../etc' is not a file name (letters, digits, '-', '_', '.')"]


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)
RECENT = st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31))
DATES = st.one_of(RECENT.map(str), RECENT, RECENT.map(lambda d: f"{d} 10:30"), RECENT.map(lambda d: d.strftime("%d %B %Y")),
                  st.dates(min_value=date(1, 1, 1)).map(str),
                  st.sampled_from(["2024-01-26T09:30:00+01:00", "hier", "2024-13-45", "1970-01-01", ""]), TEXT)
WORDS = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12).map(lambda w: f"Le port {w}")
ENTITY = st.fixed_dictionaries({"name": st.one_of(TEXT, st.integers()),
                                "type": st.sampled_from(["person", "place", "organization", "planet"])},
                               optional={"mentions": st.one_of(st.integers(0, 9), TEXT),
                                         "aliases": st.one_of(st.lists(TEXT, max_size=2), TEXT)})
FIGURE = st.fixed_dictionaries({"value": st.one_of(st.integers(), st.floats(allow_nan=False), TEXT)},
                               optional={"display": TEXT, "label": TEXT, "phrase": st.one_of(st.none(), TEXT),
                                         "qualifier": st.sampled_from([None, "~", ">", "<", "≈"])})
HEADERS = st.fixed_dictionaries({"title": st.one_of(WORDS, WORDS, TEXT, st.integers(), st.sampled_from(["!!!", " ", "---"])),
                                  "date": DATES}, optional={
    "slug": st.one_of(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True), st.sampled_from(["../../x", "a/b", ".x", "!!!"]), TEXT),
    "lang": st.sampled_from(["fr", "en"]), "category": TEXT,
    "entities": st.lists(ENTITY, max_size=3), "key_figures": st.lists(FIGURE, max_size=3)})


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(header=HEADERS, style=st.sampled_from(["yaml", "key: value"]))
def test_any_file_check_accepts_builds_into_an_article(header: dict, style: str):
    if style == "yaml":
        text = "---\n" + yaml.safe_dump(header, allow_unicode=True) + "---\n\n" + BODY
    else:  # Pelican's own header carries one line of text per key
        lines = {key: str(value).strip() for key, value in header.items() if isinstance(value, (str, int))}
        text = "".join(f"{key.title()}: {value}\n" for key, value in lines.items() if value and "\n" not in value)
        text += "\n" + BODY
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        content.mkdir()
        (content / "a.md").write_text(text, "utf-8")
        if check_file(content / "a.md"):
            event("refused by check")
            return  # refused: nothing to build
        event("accepted by check")
        articles = build_articles(content)
        assert len(articles) == 1, text
        assert SLUG.fullmatch(articles[0].slug) and articles[0].save_as == f"{articles[0].slug}.html", text
