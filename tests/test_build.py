"""`briefing build`: Pelican reads the content ingest writes and makes one page per article."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import PROJECT, SEEDS


def test_ingested_seeds_build_into_one_page_per_article(cli, tmp_path: Path):
    content, output = tmp_path / "content", tmp_path / "output"
    assert cli("ingest", SEEDS, "--content-dir", content, "--date", "2024-01-25").exit_code == 0
    result = cli("build", "--content-dir", content, "--output-dir", output)
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in output.glob("*.html"))
    for md in content.glob("*.md"):
        assert f"{md.stem}.html" in pages  # English articles too: `lang` is not a translation
    seed = (output / "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html")
    body = BeautifulSoup(seed.read_text("utf-8"), "html.parser").select_one("div.body").get_text()
    assert "Alina Romanowski" in body and "Rechercher" not in body


def test_build_reports_a_missing_content_folder_as_a_usage_error(cli, tmp_path: Path):
    result = cli("build", "--content-dir", tmp_path / "nope", "--output-dir", tmp_path / "out")
    assert result.exit_code == 2
    assert "no such content folder" in result.stderr


def test_a_failed_build_leaves_the_previous_site(cli, built_site, tmp_path: Path):
    output = tmp_path / "output"
    assert cli("build", "--content-dir", built_site / "content", "--output-dir", output).exit_code == 0
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    broken = tmp_path / "broken.py"
    broken.write_text(f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
                      "THEME = '/nonexistent/theme'\n", "utf-8")
    result = cli("build", "--content-dir", built_site / "content", "--output-dir", output, "--settings", broken)
    assert result.exit_code == 1 and result.stderr.startswith("error: build failed")
    assert {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.py", "output"]  # no half-built folder
