"""Building and serving the site with Pelican (the same code for the CLI and tasks.py)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from blinker import signal
from pelican import Pelican, signals
from pelican.settings import read_settings

from briefing import search_index


def site_settings(settings_file: Path, content_dir: Path, output_dir: Path, **overrides) -> dict:
    """Pelican settings from a settings file, with the content and output folders given."""
    override = {"PATH": str(content_dir.resolve()), "OUTPUT_PATH": str(output_dir.resolve()), **overrides}
    return read_settings(str(settings_file), override=override)


class BuildError(Exception):
    """The site cannot be built as its settings ask: one line saying why."""


class _PluginFailures(logging.Handler):
    """Pelican only logs a plugin it cannot import or register, then builds without it: these
    records become a BuildError."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.reasons: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = str(record.msg)
        if message.startswith(("Cannot load plugin", "Cannot register plugin")):
            name, *error = record.args or ("?",)
            cause = error[0] if error else (record.exc_info[1] if record.exc_info else "")
            self.reasons.append(f"plugin '{name}' {'cannot be imported' if 'load' in message else 'failed to register'}"
                                f": {str(cause).strip().splitlines()[-1] if str(cause).strip() else type(cause).__name__}")


def load_pelican(settings: dict) -> Pelican:
    """Pelican with every plugin the settings name, or BuildError naming the one that failed."""
    failures = _PluginFailures()
    logger = logging.getLogger("pelican")
    logger.addHandler(failures)
    try:
        pelican = Pelican(settings)
    finally:
        logger.removeHandler(failures)
    if failures.reasons:
        raise BuildError(failures.reasons[0])
    return pelican


def build(settings_file: Path, content_dir: Path, output_dir: Path, **overrides) -> None:
    """One Pelican run over the content folder, then the static search index, into a fresh
    folder beside the output that replaces it only when complete: a failed or killed build
    leaves the previous site as it was."""
    logging.getLogger("pelican").setLevel(logging.WARNING)
    building = output_dir.parent / f".{output_dir.name}.building"
    previous = output_dir.parent / f".{output_dir.name}.previous"
    for stale in (building, previous):
        shutil.rmtree(stale, ignore_errors=True)
    overrides.setdefault("CACHE_PATH", str(cache_folder(settings_file, output_dir)))
    # the site in place: its unchanged entity pages are linked, not rendered again (the plugin's reuse.py)
    overrides.setdefault("BRIEFING_REUSE_FROM", str(output_dir.resolve()))
    search = EarlySearchIndex(building)
    try:
        with search.listening():
            load_pelican(site_settings(settings_file, content_dir, building, **overrides)).run()
        search.finish()
    except BaseException:
        search.stop()
        shutil.rmtree(building, ignore_errors=True)
        raise
    if output_dir.exists():
        os.replace(output_dir, previous)
    os.replace(building, output_dir)
    shutil.rmtree(previous, ignore_errors=True)


# What decides the reader's output besides the content file itself.
READER_DISTRIBUTIONS = ("pelican", "markdown", "pelican-yaml-metadata", "pyyaml")


def cache_folder(settings_file: Path, output_dir: Path) -> Path:
    """Where Pelican keeps its content cache for this output folder: one folder per settings
    file and reader versions (a change there starts a fresh cache; older ones are removed).
    Each content file's entry is checked against the hash of its bytes."""
    digest = hashlib.sha256()
    for path in sorted({settings_file.resolve(), *settings_file.resolve().parent.glob("*conf.py")}):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())  # publishconf imports pelicanconf
    for name in READER_DISTRIBUTIONS:
        digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
    output_dir = output_dir.resolve()  # Pelican would resolve a relative one against the settings' folder
    root = output_dir.parent / f".{output_dir.name}.cache"
    key = digest.hexdigest()[:16]
    if root.is_dir():
        for old in root.iterdir():
            if old.name != key:
                shutil.rmtree(old, ignore_errors=True)
    return root / key


def index_for_search(output_dir: Path) -> None:
    """Pagefind's index of the article bodies and entity pages (data-pagefind-body), static
    files served with the site (search needs them over HTTP, from any static server)."""
    pages = scan_pages(output_dir)
    with pagefind_command(output_dir, pages.marked) as (command, cwd):
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {(result.stderr or result.stdout).strip().splitlines()[-1:]}")
    search_index.stabilise(output_dir / "pagefind")  # the search filters, in the same order every run


PAGEFIND = [sys.executable, "-m", "pagefind", "--quiet", "--site"]
# Sent by the plugin (plugins/briefing/entity_pages.py) once the last page pagefind indexes is
# written: every article and page, then every entity page. Feeds, the map and the sitemap follow.
SEARCH_PAGES_WRITTEN = signal("briefing_search_pages_written")
BODY = "data-pagefind-body"  # what marks a page pagefind indexes (the theme's article and entity pages)
# HTML attribute names know no case: the page's bytes lower-cased (ASCII only, as the name is)
# and searched for this, three times faster than a case-blind pattern over the 2,000 pages of
# a 200-article archive, which the build reads again once Pelican is done
_BODY_BYTES = BODY.lower().encode("ascii")
# Paths a pagefind glob can name as they are (wax's syntax gives {}[]<>()?*$:,! and \\ a meaning).
_GLOB_SAFE = re.compile(r"[A-Za-z0-9._~+@=%/-]+")


class Pages(NamedTuple):
    """The site's HTML files; whether any is marked for pagefind; and the marked ones (relative,
    '/'-separated), or None when pagefind must crawl the whole site: no page marked (it then
    indexes every page), a name its glob cannot spell, or a symbolic link (which its walk
    would not follow)."""
    html: set[Path]
    any_marked: bool
    marked: list[str] | None


def scan_pages(site: Path, read: bool = True) -> Pages:
    """The site's HTML files and, when `read`, which are marked (each file read)."""
    html: set[Path] = set()
    marked: list[str] = []
    crawl = False
    stack = [site]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    crawl = True  # pagefind's walk and ours might not agree on where a link leads
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.name.endswith(".html"):
                    path = Path(entry.path)
                    html.add(path)
                    if read and _marked(path):
                        relative = path.relative_to(site).as_posix()
                        crawl = crawl or not _GLOB_SAFE.fullmatch(relative)
                        marked.append(relative)
    return Pages(html, bool(marked), None if crawl or not marked else sorted(marked))


@contextmanager
def pagefind_command(site: Path, marked: list[str] | None):
    """(command, working folder) of a pagefind run over `site`: given the marked pages, it reads
    those alone (a glob naming each, in a configuration file: a command line could not hold
    thousands of names), and indexes them in the order its crawl of the whole site would (the
    glob filters its walk of the same folders): the same index, without reading and parsing the
    thousands of pages it would then leave out (entity pages named in one article, lists)."""
    if marked is None:
        yield PAGEFIND + [str(site)], None
        return
    with tempfile.TemporaryDirectory(prefix="briefing-pagefind-") as folder:
        config = {"glob": "{" + ",".join(marked) + "}"}
        Path(folder, "pagefind.json").write_text(json.dumps(config), "utf-8")
        yield PAGEFIND + [str(site.resolve())], folder


class EarlySearchIndex:
    """Pagefind started as soon as the pages it indexes are written, on the other core while
    Pelican writes the feeds, the map and the sitemap, instead of after Pelican.

    Pagefind indexes only pages with data-pagefind-body once a site has one, so what Pelican
    writes meanwhile (pages without it, XML, CSS) changes nothing in its index; should a page
    with it be written or copied after the start all the same (another plugin, a static HTML
    file), or any page at all on a site whose theme marks none, that index is thrown away and
    pagefind runs again on the finished site. Without the
    plugin's signal (a theme or settings without entity pages), pagefind runs after Pelican."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()  # as Pelican names the pages it writes
        self.process: subprocess.Popen | None = None
        self.before = Pages(set(), False, None)
        self.written_after: list[Path] = []
        self.errors = None
        self.command = None

    @contextmanager
    def listening(self):
        """While Pelican runs: start on the plugin's signal, note the pages written after."""
        SEARCH_PAGES_WRITTEN.connect(self.start, weak=False)
        signals.content_written.connect(self.written, weak=False)
        try:
            yield
        finally:
            SEARCH_PAGES_WRITTEN.disconnect(self.start)
            signals.content_written.disconnect(self.written)

    def start(self, sender=None, **_kwargs) -> None:
        if self.process is not None:
            return
        self.before = scan_pages(self.site)
        self.errors = tempfile.TemporaryFile()
        self.command = pagefind_command(self.site, self.before.marked)
        command, cwd = self.command.__enter__()
        self.process = subprocess.Popen(command, cwd=cwd, stdout=self.errors, stderr=subprocess.STDOUT)

    def written(self, path, **_kwargs) -> None:
        if self.process is not None and str(path).endswith(".html"):
            self.written_after.append(Path(path))

    def finish(self) -> None:
        """Once Pelican is done: pagefind's index complete and stable, or a RuntimeError with
        pagefind's last line."""
        if self.process is None:
            index_for_search(self.site)
            return
        # the pages written since the start, read while pagefind may still be at work
        late = {path for path in set(self.written_after) | (scan_pages(self.site, read=False).html - self.before.html)
                if path.is_file()}
        marked_before = {self.site / name for name in self.before.marked or ()}
        # a late page to index, a page indexed early written again, or any late page on a site
        # that marks none (pagefind then indexes every page)
        again = bool(late) and bool(late & marked_before or any(_marked(path) for path in late)
                                    or not self.before.any_marked)
        returncode = self.process.wait()
        self._close()
        self.errors.seek(0)
        output = self.errors.read().decode("utf-8", "replace")
        self.errors.close()
        if returncode != 0:
            raise RuntimeError(f"pagefind failed: {output.strip().splitlines()[-1:]}")
        if again:
            shutil.rmtree(self.site / "pagefind", ignore_errors=True)
            index_for_search(self.site)  # a page to index came after the start: the whole site again
            return
        search_index.stabilise(self.site / "pagefind")

    def stop(self) -> None:
        """The build failed: pagefind stopped, nothing of it left."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close()
        if self.errors is not None and not self.errors.closed:
            self.errors.close()

    def _close(self) -> None:
        if self.command is not None:
            self.command.__exit__(None, None, None)  # its configuration file removed
            self.command = None


def _marked(path: Path) -> bool:
    with open(path, "rb") as file:
        return _BODY_BYTES in file.read().lower()


def pelican_arguments(settings_file: Path, content_dir: Path, output_dir: Path) -> list[str]:
    """Arguments for Pelican's own command line (serve, autoreload), same folders as build()."""
    return [str(content_dir), "--settings", str(settings_file), "--output", str(output_dir)]
