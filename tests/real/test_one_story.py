"""One story, several sources, end to end: ingest groups an updated copy of the seed with it,
keeps the groups byte-stable (warm equals cold), lets a changed source go, never rewrites an
editor's file, and the site lists the story once and names the other source."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import yaml
from bs4 import BeautifulSoup

from conftest import SEED, SEEDS

TWIN = "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition"


def _raw(tmp_path: Path) -> Path:
    """The seed, a lightly edited copy of it saved by someone else, and another story."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "a-seed.txt")
    text = SEED.read_text("utf-8").replace("ont déclaré quatre sources", "ont affirmé quatre sources", 1)
    (raw / "b-copy.txt").write_text(text.replace("Alina Romanowski, au ministre", "Alina Romanowski, remise au ministre", 1), "utf-8")
    shutil.copy(SEEDS / "tdg.ch.chlorothalonil.html", raw / "c-other.html")
    return raw


def _files(content: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(content.glob("*.md"))}


def _meta(path: Path) -> dict:
    return yaml.safe_load(_header(path)[4:])


def _header(path: Path) -> str:
    return path.read_text("utf-8").split("\n---", 1)[0]


def test_an_edited_copy_is_one_story_and_warm_equals_cold(cli, tmp_path):
    raw = _raw(tmp_path)
    content = tmp_path / "content"
    first = cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25")
    assert first.exit_code == 0, first.output
    assert "3 written" in first.output  # each copy reported once
    seed, copy = content / f"{TWIN}.md", next(p for p in content.glob(f"{TWIN}-*.md"))
    assert _meta(seed)["story"] == _meta(copy)["story"] == TWIN  # named by the first copy
    assert [Path(source).name for source in _meta(seed)["also"]] == ["b-copy.txt"]
    assert [Path(source).name for source in _meta(copy)["also"]] == ["a-seed.txt"]
    other = next(p for p in content.glob("*.md") if "chlorothalonil" in p.name)
    assert "story:" not in _header(other)
    cold = _files(content)
    again = cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25")
    assert "3 unchanged" in again.output and _files(content) == cold
    elsewhere = tmp_path / "elsewhere"
    assert cli("ingest", raw, "--content-dir", elsewhere, "--date", "2024-01-25").exit_code == 0
    assert _files(elsewhere) == cold  # the same inputs, the same bytes, whatever ran before


def test_a_copy_that_becomes_another_story_frees_the_first(cli, tmp_path):
    raw = _raw(tmp_path)
    content = tmp_path / "content"
    assert cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25").exit_code == 0
    (raw / "b-copy.txt").write_text(
        "Un tout autre sujet\n\nLa bibliothèque municipale de Lausanne rouvre ses portes après deux ans de travaux, "
        "avec une salle de lecture agrandie, un espace pour les enfants et des horaires élargis le samedi. "
        "La municipalité a investi douze millions de francs dans le chantier, selon un communiqué publié lundi. "
        "Les lecteurs pourront emprunter jusqu'à vingt documents à la fois, contre dix auparavant.\n", "utf-8")
    result = cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25")
    assert result.exit_code == 0, result.output
    output = "".join(result.output.split())  # the console wraps long lines
    assert f"notice:{content / (TWIN + '.md')}:nolongeracopyofanotherstory" in output  # reported: not an input
    assert not [p.name for p in content.glob("*.md") if "story:" in _header(p)]


def test_an_editors_file_is_never_rewritten_for_a_story(cli, tmp_path):
    raw = _raw(tmp_path)
    (raw / "b-copy.txt").rename(tmp_path / "b-copy.txt")  # the copy arrives later
    content = tmp_path / "content"
    assert cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25").exit_code == 0
    seed = content / f"{TWIN}.md"
    edited = seed.read_text("utf-8") + "\nUne note de la rédaction.\n"
    seed.write_text(edited, "utf-8")
    (tmp_path / "b-copy.txt").rename(raw / "b-copy.txt")
    assert cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25").exit_code == 0
    assert seed.read_text("utf-8") == edited
    copy = next(p for p in content.glob(f"{TWIN}-*.md"))
    assert f"story: {TWIN}" in _header(copy)  # the copy still names the story it shares


def test_the_site_lists_the_story_once_and_names_the_other_source(cli, tmp_path):
    raw = _raw(tmp_path)
    content, output = tmp_path / "content", tmp_path / "output"
    assert cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25").exit_code == 0
    assert cli("build", "--content-dir", content, "--output-dir", output).exit_code == 0
    front = BeautifulSoup((output / "index.html").read_text("utf-8"), "html.parser")
    titles = [h.get_text(strip=True) for h in front.select("ol.briefing h2")]
    assert len(titles) == 2 and sum(t.startswith("Les États-Unis et l'Irak") for t in titles) == 1
    rss = feedparser.parse((output / "feeds" / "rss.xml").read_bytes())
    assert len(rss.entries) == 2
    copy_page = next(output.glob(f"{TWIN}-*.html"))
    also = BeautifulSoup(copy_page.read_text("utf-8"), "html.parser").select_one("#also-reported")
    assert also.get_text().startswith("Aussi publié par") and also.a["href"].endswith(f"{TWIN}.html")
