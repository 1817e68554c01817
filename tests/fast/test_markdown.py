"""The content file format: YAML front matter + Markdown, round-tripped and read by Pelican."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pelican.settings import read_settings

from briefing.record import Article, Entity, KeyFigure
from briefing.errors import ContentError
from briefing.contentfile import edited_by_hand, front_matter_scalars, parse, read_front_matter, render
from briefing.text import escape_markdown
from conftest import PROJECT

ARTICLE = Article(
    title='L\'« Irak » & les "États-Unis": #1 <b>déjà</b>',
    date="2024-01-25T09:30:00+01:00", date_source="metadata", category="Sécurité", lang="fr",
    slug="l-irak-et-les-etats-unis", source="https://example.org/a?b=1&c=2", source_sha256="ab" * 32,
    summary="Les États-Unis ont 2 500 soldats *en* Irak: [voir] plus.",
    body="## Intertitre\n\nPremier paragraphe.\n\n- un point\n\n> une citation",
    entities=(Entity("Mohammad Chia al-Soudani", "person", 2, ("M. Soudani",)),
              Entity("État islamique", "organization", 3, ("Daech", "groupe État islamique")),
              Entity("Téhéran", "place", 1)),
    key_figures=(KeyFigure(2500, "2 500", "soldats", "Les États-Unis ont 2 500 soldats en Irak.", None),
                 KeyFigure(150, "150", "attaques", "… attaquées environ 150 fois …", "~"),
                 KeyFigure(12.5, "12,5 %", "des voix", "Il a obtenu 12,5 % des voix: « un record ».", ">")),
    reading_time=3, source_file="seeds/a.txt", fingerprint="0123456789abcdef",
)


def test_render_then_parse_gives_the_same_article():
    assert parse(render(ARTICLE)) == ARTICLE


def test_render_is_deterministic_and_marks_itself_generated():
    text = render(ARTICLE)
    assert render(ARTICLE) == text
    assert not edited_by_hand(text)
    assert edited_by_hand(text.replace("Premier paragraphe.", "Premier paragraphe corrigé."))
    assert edited_by_hand(text.replace("mentions: 3", "mentions: 4"))


def test_pelican_reads_the_metadata_intact(tmp_path: Path):
    from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

    path = tmp_path / "a.md"
    path.write_text(render(ARTICLE), "utf-8")
    settings = read_settings(str(PROJECT / "pelicanconf.py"))
    html, meta = YAMLMetadataReader(settings).read(str(path))
    assert meta["title"] == ARTICLE.title
    assert str(meta["category"]) == "Sécurité"
    assert meta["date"].isoformat() == "2024-01-25T09:30:00+01:00"
    assert meta["entities"] == [e.to_dict() for e in ARTICLE.entities]
    assert meta["key_figures"] == [k.to_dict() for k in ARTICLE.key_figures]
    assert "<h2>Intertitre</h2>" in html and "<blockquote>" in html
    # our reader (libyaml) gives exactly what the plugin's own reader gives
    from pelican.plugins.briefing.reader import BriefingReader

    assert BriefingReader(settings).read(str(path)) == (html, meta)


@pytest.mark.parametrize("text", [
    "# pas un titre", "1. pas une liste", "- pas une liste", "> pas une citation", "<script>alert(1)</script>",
    "a *b* _c_ `d` [e](f) \\ g", "AT&T &amp; co", "=====", "---",
])
def test_escaped_text_renders_as_the_same_text(text: str):
    import markdown
    from bs4 import BeautifulSoup

    rendered = markdown.markdown(escape_markdown(text))
    soup = BeautifulSoup(rendered, "html.parser")
    assert soup.get_text() == text
    assert [t.name for t in soup.find_all()] in ([], ["p"])


def test_a_malformed_header_names_file_and_line():
    text = render(ARTICLE).replace("lang: fr", "lang: [fr")
    with pytest.raises(ContentError) as caught:
        parse(text, "content/a.md")
    line = text.splitlines().index("lang: [fr") + 1
    assert str(caught.value).startswith("content/a.md:")
    assert caught.value.line in (line, line + 1)


def test_a_file_without_front_matter_is_refused():
    with pytest.raises(ContentError, match="no YAML front matter"):
        parse("Title: x\n\nbody", "content/b.md")


def test_libyaml_writes_exactly_what_pure_python_yaml_writes(monkeypatch):
    """Content files are rendered with libyaml's emitter; on every demo article it gives the
    same bytes as PyYAML's pure-Python emitter (machines without libyaml stay identical)."""
    import yaml

    import briefing.contentfile as contentfile

    assert contentfile.FAST_DUMPER is yaml.CSafeDumper  # the pinned PyYAML wheel has libyaml
    articles = [parse(path.read_text("utf-8"), str(path)) for path in sorted((PROJECT / "content").glob("*.md"))]
    fast = [render(article) for article in articles]
    monkeypatch.setattr(contentfile, "FAST_DUMPER", yaml.SafeDumper)
    assert len(fast) == 5 and [render(article) for article in articles] == fast


def test_the_index_keys_read_alone_equal_a_full_load():
    """The store reads four keys without loading entities and figures: on every demo file they
    are what the full YAML load gives, a value YAML would read as a number stays text as written,
    and a broken header is refused like a full load refuses it."""
    keys = ("source_file", "source_sha256", "fingerprint", "ingest_key", "title")
    for path in sorted((PROJECT / "content").glob("*.md")):
        text = path.read_text("utf-8")
        meta, _body = read_front_matter(text, str(path))
        assert front_matter_scalars(text, keys, str(path)) == {k: str(meta[k]) for k in keys}
    long_name = dataclasses.replace(ARTICLE, source_file="inbox/" + " ".join(["un nom de fichier long"] * 12) + ".txt",
                                    title="Un titre : « entre guillemets », sur deux lignes ? " * 3)
    text = render(long_name)  # as ingest writes it: read key by key, the long values folded over lines
    assert not edited_by_hand(text) and text.split("\nsource_file:")[1].split("\n")[1].startswith("  ")
    meta, _body = read_front_matter(text)
    assert all(front_matter_scalars(text, [k]) == {k: str(meta[k])} for k in keys)
    text = render(ARTICLE).replace("fingerprint: 0123456789abcdef", "fingerprint: '0012'")
    assert front_matter_scalars(text, ["fingerprint"])["fingerprint"] == "0012"
    with pytest.raises(ContentError, match="content/a.md"):
        front_matter_scalars(render(ARTICLE).replace("lang: fr", "lang: [fr"), keys, "content/a.md")
