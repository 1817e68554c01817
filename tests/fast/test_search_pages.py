"""Which pages `briefing build` hands pagefind: the marked ones alone when its glob can name
them, else the whole site (pagefind's index is the same either way: tests/real/test_build.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from briefing.site import pagefind_command, scan_pages

MARKED = '<!DOCTYPE html><html lang="fr"><body><main data-pagefind-body><p>{}</p></main></body></html>'
PLAIN = '<!DOCTYPE html><html lang="fr"><body><p>Liste : data-pagefind</p></body></html>'


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, "utf-8")
    return tmp_path


def test_the_marked_pages_are_found_in_every_folder_whatever_the_attribute_case(tmp_path: Path):
    root = site(tmp_path, {"a.html": MARKED.format("a"), "index.html": PLAIN, "feed.xml": MARKED,
                           "entities/x/index.html": MARKED.format("x"), "entities/y/index.html": PLAIN,
                           "b.html": MARKED.format("b").replace("data-pagefind-body", "DATA-Pagefind-Body")})
    pages = scan_pages(root)
    assert pages.marked == ["a.html", "b.html", "entities/x/index.html"]
    assert pages.html == {root / n for n in ("a.html", "b.html", "index.html", "entities/x/index.html",
                                             "entities/y/index.html")}
    with pagefind_command(root, pages.marked) as (command, cwd):
        config = json.loads(Path(cwd, "pagefind.json").read_text("utf-8"))
        assert config == {"glob": "{a.html,b.html,entities/x/index.html}"} and command[-1] == str(root.resolve())
    assert not Path(cwd).exists()


def test_pagefind_crawls_the_whole_site_when_its_glob_cannot_name_the_pages(tmp_path: Path):
    # no page marked: pagefind then indexes every page, so it must see them all
    assert scan_pages(site(tmp_path / "none", {"a.html": PLAIN})).marked is None
    # a name with a character of glob syntax
    assert scan_pages(site(tmp_path / "comma", {"a.html": MARKED, "b,c.html": MARKED})).marked is None
    # a symbolic link, which pagefind's walk and ours may not follow alike
    linked = site(tmp_path / "link", {"a.html": MARKED})
    os.symlink(linked / "a.html", linked / "b.html")
    assert scan_pages(linked).marked is None
    with pagefind_command(linked, None) as (command, cwd):
        assert cwd is None and command[-1] == str(linked)
