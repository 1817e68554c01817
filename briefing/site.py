"""Building and serving the site with Pelican (the same code for the CLI and tasks.py)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

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
    result = subprocess.run(PAGEFIND + [str(output_dir)], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {(result.stderr or result.stdout).strip().splitlines()[-1:]}")
    search_index.stabilise(output_dir / "pagefind")  # the search filters, in the same order every run


PAGEFIND = [sys.executable, "-m", "pagefind", "--quiet", "--site"]
# Sent by the plugin (plugins/briefing/entity_pages.py) once the last page pagefind indexes is
# written: every article and page, then every entity page. Feeds, the map and the sitemap follow.
SEARCH_PAGES_WRITTEN = signal("briefing_search_pages_written")
BODY = "data-pagefind-body"  # what marks a page pagefind indexes (the theme's article and entity pages)


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
        self.site = site
        self.process: subprocess.Popen | None = None
        self.before: set[Path] = set()
        self.written_after: list[Path] = []
        self.errors = None

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
        self.before = set(self.site.rglob("*.html"))
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(PAGEFIND + [str(self.site)], stdout=self.errors, stderr=subprocess.STDOUT)

    def written(self, path, **_kwargs) -> None:
        if self.process is not None and str(path).endswith(".html"):
            self.written_after.append(Path(path))

    def finish(self) -> None:
        """Once Pelican is done: pagefind's index complete and stable, or a RuntimeError with
        pagefind's last line."""
        if self.process is None:
            index_for_search(self.site)
            return
        returncode = self.process.wait()
        self.errors.seek(0)
        output = self.errors.read().decode("utf-8", "replace")
        self.errors.close()
        if returncode != 0:
            raise RuntimeError(f"pagefind failed: {output.strip().splitlines()[-1:]}")
        late = [path for path in set(self.written_after) | (set(self.site.rglob("*.html")) - self.before)
                if path.is_file()]
        # a late page to index, or any late page on a site that marks none (pagefind then indexes every page)
        if late and (any(_marked(path) for path in late) or not any(_marked(path) for path in sorted(self.before))):
            shutil.rmtree(self.site / "pagefind", ignore_errors=True)
            index_for_search(self.site)  # a page to index came after the start: the whole site again
            return
        search_index.stabilise(self.site / "pagefind")

    def stop(self) -> None:
        """The build failed: pagefind stopped, nothing of it left."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.errors is not None and not self.errors.closed:
            self.errors.close()


def _marked(path: Path) -> bool:
    return BODY in path.read_text("utf-8", errors="replace")


def pelican_arguments(settings_file: Path, content_dir: Path, output_dir: Path) -> list[str]:
    """Arguments for Pelican's own command line (serve, autoreload), same folders as build()."""
    return [str(content_dir), "--settings", str(settings_file), "--output", str(output_dir)]
