"""A Markdown article an editor writes in the content folder: ingest gives it entities and key
figures once, keeping every line the editor wrote; the build then shows them."""

from __future__ import annotations

import logging
from pathlib import Path

from bs4 import BeautifulSoup

from briefing.contentfile import read_front_matter
from conftest import PROJECT

HAND_WRITTEN = PROJECT / "tests" / "fast" / "scenarios" / "two_articles" / "b.md"


def test_ingest_enriches_a_hand_written_article_once_and_keeps_the_editors_text(cli, tmp_path: Path, caplog):
    content = tmp_path / "content"
    content.mkdir()
    written = HAND_WRITTEN.read_text("utf-8")
    article = content / "b.md"
    article.write_text(written, "utf-8")
    with caplog.at_level(logging.WARNING):
        assert cli("build", "--content-dir", content, "--output-dir", tmp_path / "output").exit_code == 0
    warned = [r.getMessage() for r in caplog.records if "has no entities" in r.getMessage()]
    assert warned == [f"{article} has no entities: run `briefing ingest {article}` to add its entities and key "
                      "figures"]  # one warning, and no NLP at build
    caplog.clear()
    result = cli("ingest", article, "--content-dir", content)
    assert result.exit_code == 0, result.output
    assert f"enriched: {article}" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "1 written, 0 unchanged, 0 skipped, 0 failed"
    enriched = article.read_text("utf-8")
    header, _, body = written.removeprefix("---\n").partition("---\n")
    assert enriched.startswith("---\n" + header) and enriched.endswith("---\n" + body)  # the editor's lines
    meta, _ = read_front_matter(enriched)
    people = {e["name"] for e in meta["entities"] if e["type"] == "person"}
    assert {"Alina Romanowski", "Fouad Hussein"} <= people
    assert any(f["value"] == 150 and f["qualifier"] == "~" for f in meta["key_figures"])
    # once: the content folder as input, a second time, changes nothing
    again = cli("ingest", content, "--content-dir", content)
    assert again.stderr.strip().splitlines()[-1] == "0 written, 1 unchanged, 0 skipped, 0 failed"
    assert article.read_text("utf-8") == enriched
    with caplog.at_level(logging.WARNING):
        assert cli("build", "--content-dir", content, "--output-dir", tmp_path / "output").exit_code == 0
    assert not [r for r in caplog.records if "has no entities" in r.getMessage()]
    page = BeautifulSoup((tmp_path / "output" / "ecrit-a-la-main.html").read_text("utf-8"), "html.parser")
    assert "Fouad Hussein" in page.select_one("aside#entities").get_text()


def test_markdown_outside_the_content_folder_is_no_input_and_a_key_value_header_is_refused(cli, tmp_path: Path):
    raw, content = tmp_path / "raw", tmp_path / "content"
    raw.mkdir()
    content.mkdir()
    (raw / "NOTES.md").write_text("# notes d'un analyste\n", "utf-8")
    (content / "pelican.md").write_text("Title: Écrit à la main\nDate: 2024-02-02\n\nFouad Hussein à Bagdad.\n", "utf-8")
    result = cli("ingest", raw, content, "--content-dir", content)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {content / 'pelican.md'}:1: a 'Key: value' header cannot carry entities: write the "
                      "header as YAML front matter between '---' lines to have it enriched"]
    assert result.stderr.strip().splitlines()[-1] == "0 written, 0 unchanged, 1 skipped, 1 failed"  # NOTES.md


def test_the_editors_own_key_figures_are_kept(cli, tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    article = content / "c.md"
    article.write_text((PROJECT / "tests" / "fast" / "scenarios" / "editors_figures" / "c.md").read_text("utf-8"))
    assert cli("ingest", content, "--content-dir", content).exit_code == 0
    meta, _ = read_front_matter(article.read_text("utf-8"))
    assert [f["phrase"] for f in meta["key_figures"]] == ["navires à quai"]  # one list, the editor's
    assert "Marseille" in {e["name"] for e in meta["entities"]}
