"""`briefing init`: a new site's files, the refusal to overwrite, and the demo site as one such site."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import PROJECT

from briefing.scaffold import site_files

DEMO = {"title": "briefing", "lang": "fr", "url": "https://briefing.example.org",
        "description": "Le briefing : l'essentiel de l'actualité, ses acteurs et ses chiffres."}


def settings_of(text: str) -> dict:
    """The constant settings a settings file assigns (what Pelican would read of them)."""
    found = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value
    return found


def test_init_writes_a_small_site_and_says_what_next(cli, tmp_path: Path):
    result = cli("init", tmp_path / "site", "--lang", "en", "--title", "Morning brief", "--url", "https://brief.example.net/")
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    assert sorted(p.name for p in site.iterdir()) == ["README.md", "content", "pelicanconf.py", "publishconf.py", "seeds"]
    assert not list((site / "content").iterdir()) and not list((site / "seeds").iterdir())
    conf = settings_of((site / "pelicanconf.py").read_text("utf-8"))
    assert conf["SITENAME"] == "Morning brief" and conf["PLUGINS"] == ["briefing"]
    assert conf["DEFAULT_LANG"] == conf["BRIEFING_UI_LANG"] == "en"
    assert "THEME = briefing.theme_path()" in (site / "pelicanconf.py").read_text("utf-8")
    assert 'os.environ.get("BRIEFING_SITEURL", "https://brief.example.net/")' in (site / "publishconf.py").read_text("utf-8")
    assert "briefing ingest" in (site / "README.md").read_text("utf-8")
    assert "next: cd" in result.stderr


def test_init_never_overwrites(cli, tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "pelicanconf.py").write_text("SITENAME = 'mine'\n", "utf-8")
    result = cli("init", site)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {site}: already exists and is not empty; briefing init never overwrites a site"
    assert (site / "pelicanconf.py").read_text("utf-8") == "SITENAME = 'mine'\n"
    assert cli("init", tmp_path / "empty-but-there", "--lang", "de").exit_code == 2  # a usage error
    assert not (tmp_path / "empty-but-there").exists()


def test_the_settings_files_are_valid_python_in_both_languages():
    for lang in ("fr", "en"):
        for name, text in site_files("L'« édition » \"spéciale\"", lang).items():
            if name.endswith(".py"):
                compile(text, name, "exec")
        conf = settings_of(site_files("L'« édition » \"spéciale\"", lang)["pelicanconf.py"])
        assert conf["SITENAME"] == "L'« édition » \"spéciale\""


def test_the_project_demo_site_is_a_site_init_writes():
    """pelicanconf.py and publishconf.py of this project are exactly what `briefing init`
    writes for the demo's title, language, address and description."""
    files = site_files(**DEMO)
    for name in ("pelicanconf.py", "publishconf.py"):
        assert (PROJECT / name).read_text("utf-8") == files[name], name
