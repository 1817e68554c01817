"""`briefing build`: Pelican reads the content ingest writes and makes one page per article."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from briefing import search_index
from briefing.site import PAGEFIND, index_for_search, scan_pages
from conftest import PROJECT, SEEDS

SEED_PAGE = "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html"


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
    # Pelican's content cache beside the output, and no half-built folder
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.cache", "broken.py", "output"]


def test_a_warm_build_reads_the_cache_and_gives_the_same_site(cli, built_site, tmp_path: Path):
    """Pelican's content cache: a second build gives byte-identical files, and a content file
    changed in the same second with the same size is still read again (checked by hash)."""
    content = tmp_path / "content"
    shutil.copytree(built_site / "content", content)
    output = tmp_path / "output"

    def site() -> dict:
        assert cli("build", "--content-dir", content, "--output-dir", output).exit_code == 0
        return {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}

    cold = site()
    caches = list((tmp_path / ".output.cache").rglob("*Reader*"))
    assert caches and all(c.stat().st_size > 0 for c in caches)
    assert site() == cold
    seed = content / SEED_PAGE.replace(".html", ".md")
    stat = seed.stat()
    seed.write_text(seed.read_text("utf-8").replace("2 500 soldats", "2 600 soldats"), "utf-8")
    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    warm = site()
    assert b"2 600 soldats" in warm[Path(SEED_PAGE)] and b"2 500 soldats" in cold[Path(SEED_PAGE)]


def test_a_warm_build_links_unchanged_entity_pages_and_equals_a_cold_one(cli, built_site, tmp_path: Path):
    """The entity pages a changed article does not touch are linked from the site in place
    (same file), the others rendered again; the site is byte for byte the one a cold build
    makes. A page changed in the output by hand is not taken: it is rendered again."""
    content, output, cold = tmp_path / "content", tmp_path / "output", tmp_path / "cold"
    shutil.copytree(built_site / "content", content)
    assert cli("build", "--content-dir", content, "--output-dir", output).exit_code == 0
    pages = {p.name: p.stat().st_ino for p in (output / "entities").glob("*.html") if p.name != "index.html"}
    seed = content / SEED_PAGE.replace(".html", ".md")
    seed.write_text(seed.read_text("utf-8").replace("title: Les États-Unis", "title: Les Etats-Unis", 1), "utf-8")
    edited = next(name for name in sorted(pages) if name != "irak.html")
    (output / "entities" / edited).write_text("<p>edited</p>", "utf-8")
    assert cli("build", "--content-dir", content, "--output-dir", output).exit_code == 0
    assert cli("build", "--content-dir", content, "--output-dir", cold).exit_code == 0
    assert _files(output) == _files(cold)
    after = {name: (output / "entities" / name).stat().st_ino for name in pages}
    linked = {name for name in pages if after[name] == pages[name]}
    assert b"Les Etats-Unis" in (output / "entities" / "irak.html").read_bytes() and "irak.html" not in linked
    assert edited not in linked and len(linked) >= len(pages) // 3


def test_the_cache_sits_beside_a_relative_output_folder(cli, built_site, tmp_path: Path, monkeypatch):
    """Pelican resolves a relative CACHE_PATH against the settings file's folder: the cache
    must still land beside the output the user named, not in the project."""
    monkeypatch.chdir(tmp_path)
    assert cli("build", "--content-dir", built_site / "content", "--output-dir", "site",
               "--settings", PROJECT / "pelicanconf.py").exit_code == 0
    assert (tmp_path / "site" / "index.html").is_file()
    assert list((tmp_path / ".site.cache").rglob("ArticlesGenerator-Readers"))
    assert not (PROJECT / ".site.cache").exists()


def _files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _indexed_again(output: Path, tmp_path: Path) -> dict:
    """The search index pagefind makes of the finished site when it crawls all of it, the way
    the build made it before pagefind started while Pelican was still writing and before it was
    given the marked pages alone."""
    again = tmp_path / "again"
    shutil.copytree(output, again)
    shutil.rmtree(again / "pagefind")
    subprocess.run(PAGEFIND + [str(again)], check=True, capture_output=True)
    search_index.stabilise(again / "pagefind")
    return _files(again / "pagefind")


def test_the_search_index_started_early_is_the_one_of_the_finished_site(built_site, tmp_path: Path):
    """pagefind starts once the article and entity pages are written, while Pelican writes the
    feeds, the map and the sitemap, and reads only the pages marked for it: its index is the
    one it makes when it crawls the whole finished site."""
    output = built_site / "output"
    marked = scan_pages(output).marked
    assert marked and len(marked) < len(list(output.rglob("*.html")))  # some pages were left unread
    assert _files(output / "pagefind") == _indexed_again(output, tmp_path)
    again = tmp_path / "subset"  # and index_for_search, which the build uses when it indexes again
    shutil.copytree(output, again)
    shutil.rmtree(again / "pagefind")
    index_for_search(again)
    assert _files(again / "pagefind") == _files(output / "pagefind")


def test_a_page_to_index_written_after_the_start_is_indexed_too(cli, built_site, tmp_path: Path):
    """A page with data-pagefind-body that Pelican copies after the start (a static HTML file)
    makes the build index the finished site again: the page is found."""
    content = tmp_path / "content"
    shutil.copytree(built_site / "content", content)
    (content / "images").mkdir()
    (content / "images" / "dossier.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>Dossier</title></head><body>'
        "<main data-pagefind-body><h1>Dossier statique</h1><p>Le mot zorglubien n'est que dans ce dossier.</p>"
        "</main></body></html>", "utf-8")
    settings = tmp_path / "static_html.py"  # .html files in content/ copied as they are, not read as articles
    settings.write_text(f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
                        "READERS = {'html': None}\n", "utf-8")
    output = tmp_path / "output"
    assert cli("build", "--content-dir", content, "--output-dir", output, "--settings", settings).exit_code == 0
    assert (output / "images" / "dossier.html").is_file()
    index = _files(output / "pagefind")
    assert index == _indexed_again(output, tmp_path)
    fragments = [gzip.decompress(data) for path, data in index.items() if path.parts[0] == "fragment"]
    assert any(b"zorglubien" in fragment for fragment in fragments)


def test_entity_pages_written_by_two_processes_are_those_one_process_writes(cli, built_site, tmp_path: Path,
                                                                            monkeypatch):
    """The entity pages are written half by a forked process (twofold.py) when a core is free:
    the site is the one a single process writes, byte for byte, and Pelican's content_written
    is sent once for every page, the child's included (plugins that post-process pages rely on
    it), after the parent's own (which is how the fork shows)."""
    from pelican import signals
    from pelican.plugins.briefing import twofold

    from briefing import forking

    output = built_site / "output"
    assert len(list((output / "entities").glob("*.html"))) >= twofold.FEWEST  # enough pages to fork
    # the machine's momentary load is no part of what is tested: a free core, whatever runs beside
    monkeypatch.setattr(forking, "core_to_spare", lambda: True)
    announced: list[str] = []

    def note(path, **_kwargs):
        announced.append(Path(path).relative_to(tmp_path / ".forked.building").as_posix())

    signals.content_written.connect(note)
    try:
        assert cli("build", "--content-dir", built_site / "content", "--output-dir", tmp_path / "forked").exit_code == 0
    finally:
        signals.content_written.disconnect(note)
    pages = sorted(p.relative_to(tmp_path / "forked").as_posix() for p in (tmp_path / "forked").rglob("*.html")
                   if p.parts[len((tmp_path / "forked").parts)] not in ("theme", "pagefind"))
    assert sorted(announced) == pages and len(announced) == len(set(announced))
    entities = [p for p in announced if p.startswith("entities/") and p != "entities/index.html"]
    marked = set(scan_pages(tmp_path / "forked").marked)
    searched, others = [p for p in entities if p in marked], [p for p in entities if p not in marked]
    if forking.usable_cores() >= 2:  # forked: in a group written by two processes, the child's come after
        assert searched != sorted(searched) or others != sorted(others)
    monkeypatch.setattr(twofold, "FEWEST", 10**9)  # everything in this process
    assert cli("build", "--content-dir", built_site / "content", "--output-dir", tmp_path / "single").exit_code == 0
    assert _files(tmp_path / "forked") == _files(tmp_path / "single") == _files(output)


def test_articles_read_in_a_second_process_are_what_the_reader_gives(built_site, tmp_path: Path):
    """prefetch.py's child reads content files with the reader Pelican uses and sends back, for
    each, what that reader returns; a file whose reading logs an error is not sent (Pelican
    reads it itself, and says so once)."""
    from pelican import Pelican
    from pelican.readers import Readers
    from pelican.plugins.briefing.prefetch import Prefetch

    from briefing.site import site_settings

    content = tmp_path / "content"
    shutil.copytree(built_site / "content", content)
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nBody.\n", "utf-8")
    settings = Pelican(site_settings(PROJECT / "pelicanconf.py", content, tmp_path / "output")).settings
    readers = Readers(settings)
    paths = sorted(str(path) for path in content.glob("*.md"))
    prefetch = Prefetch(readers.readers, paths)
    prefetch.wait(timeout=120)
    assert prefetch.fd is None  # the child is done
    sent = {path: prefetch.take(path) for path in paths}
    assert sent.pop(str(content / "broken.md")) is None and len(sent) == len(paths) - 1
    for path, result in sent.items():
        assert result == readers.readers["md"].read(path)


def test_a_cold_build_reading_in_two_processes_makes_the_same_site(cli, built_site, tmp_path: Path, monkeypatch,
                                                                   caplog):
    """With a second process reading (even a few files, a free core whatever runs beside), the
    site is byte for byte the one a build reading in one process makes, and a broken content
    file is still reported."""
    from pelican.plugins.briefing import prefetch, twofold

    from briefing import forking

    content = tmp_path / "content"
    shutil.copytree(built_site / "content", content)
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nBody.\n", "utf-8")
    monkeypatch.setattr(prefetch, "FEWEST", 2)
    monkeypatch.setattr(forking, "core_to_spare", lambda: True)
    reports = []
    for name, fewest in (("two", 2), ("one", 10**9)):
        monkeypatch.setattr(prefetch, "FEWEST", fewest)
        caplog.clear()
        assert cli("build", "--content-dir", content, "--output-dir", tmp_path / name).exit_code == 0
        reports.append([r.getMessage() for r in caplog.records if "broken.md" in r.getMessage()])
    # (Pelican logs a message once a process: the second build's repeat the first's)
    assert any(message.startswith("Error parsing YAML") for message in reports[0])
    assert _files(tmp_path / "two") == _files(tmp_path / "one")


def test_pagefind_starts_once_the_pages_it_indexes_are_written_before_the_others(cli, built_site, tmp_path: Path):
    """The entity pages the search indexes are written first, then pagefind starts while the
    entity pages of one article, the feeds and the map are written: every page it indexes was
    written before the start, and the pages written after are none it indexes (else the build
    would index the finished site again)."""
    from pelican import signals

    from briefing.site import SEARCH_PAGES_WRITTEN

    building = tmp_path / ".output.building"
    events: list[str | None] = []

    def page(path, **_kwargs):
        events.append(Path(path).relative_to(building).as_posix())

    def start(_sender, **_kwargs):
        events.append(None)

    signals.content_written.connect(page)
    SEARCH_PAGES_WRITTEN.connect(start)
    try:
        assert cli("build", "--content-dir", built_site / "content", "--output-dir", tmp_path / "output").exit_code == 0
    finally:
        signals.content_written.disconnect(page)
        SEARCH_PAGES_WRITTEN.disconnect(start)
    assert events.count(None) == 1
    before, after = events[:events.index(None)], events[events.index(None) + 1:]
    marked = scan_pages(tmp_path / "output").marked
    assert set(marked) <= set(before)
    late_entities = [p for p in after if p.startswith("entities/")]
    assert late_entities and not set(late_entities) & set(marked)


def test_a_warm_build_links_the_feeds_a_changed_article_is_not_in(cli, built_site, tmp_path: Path):
    """A feed (an entity's, a category's, the site's) that does not list the changed article is
    linked from the site in place;
    the feeds that list it are made again, with its new title; the site is a cold build's. (The
    five seeds share few entities: here an entity named once has a feed.)"""
    content, output, cold = tmp_path / "content", tmp_path / "output", tmp_path / "cold"
    shutil.copytree(built_site / "content", content)
    settings = tmp_path / "feedsconf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
                        "BRIEFING_ENTITY_FEED_MIN = 1\n", "utf-8")

    def build(folder: Path) -> None:
        assert cli("build", "--content-dir", content, "--output-dir", folder, "--settings", settings).exit_code == 0

    build(output)
    feeds = {p.relative_to(output): p.stat().st_ino for p in (output / "feeds").rglob("*.xml")}
    listing = {name for name in feeds if SEED_PAGE.encode() in (output / name).read_bytes()}
    assert listing and len(listing) < len(feeds)
    assert any(name.parent.name == "feeds" for name in set(feeds) - listing)  # a category's feed among the linked
    seed = content / SEED_PAGE.replace(".html", ".md")
    seed.write_text(seed.read_text("utf-8").replace("title: Les États-Unis", "title: Les Etats-Unis", 1), "utf-8")
    build(output)
    build(cold)
    assert _files(output) == _files(cold)
    after = {name: (output / name).stat().st_ino for name in feeds}
    assert {name for name in feeds if after[name] == feeds[name]} == set(feeds) - listing
    assert all(b"Les Etats-Unis" in (output / name).read_bytes() for name in listing)
