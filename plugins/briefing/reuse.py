"""Entity pages a warm build takes from the site it replaces instead of rendering them again.

Most entity pages do not change when one article does: on the 200-article archive a changed
article touches a few dozen of its 2,280 entity pages. `briefing build` names the site it is
about to replace (BRIEFING_REUSE_FROM); each entity page gets a key, the hash of everything its
templates read (the entity, its articles and companions as the page shows them, the site's
header, the timeline's scale, the interface labels, the settings, the code of the theme and
of this plugin, the library versions); a page whose key and file are those of the previous
build is linked from the previous site (a hard link, a copy across file systems) instead of
rendered. A new key, a missing or changed file, or no previous site: the page is rendered.

Only the theme shipped with briefing is known well enough: with another theme (or a template
of it overridden) whose templates could read anything in the context, every page is rendered.
The record of keys lives in the build's cache folder, with each file's identity (inode, size,
modification time): after a failed build, whose folder was thrown away, no entry matches the
site still in place, so nothing stale is taken.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
from datetime import date, datetime
from functools import cache
from pathlib import Path

from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join

from briefing.files import write_atomically
from briefing.paths import theme_path

log = logging.getLogger(__name__)
RECORD = "entity-pages.json"
PLUGIN = Path(__file__).resolve().parent
LIBRARIES = ("pelican", "jinja2", "markupsafe", "babel", "feedgen", "lxml")
# what our entity, base and social templates read from the context besides the entity
SETTINGS_READ = ("SITENAME", "SITEURL", "RELATIVE_URLS", "BRIEFING_UI_LANG", "BRIEFING_SEARCH_ENTITY_MIN",
                 "BRIEFING_DESCRIPTION", "BRIEFING_FEED_RSS", "BRIEFING_FEED_ATOM", "BRIEFING_ENTITIES_URL",
                 "BRIEFING_PLACES_URL")
CONTEXT_READ = ("ui", "briefing_canonical_root", "briefing_site_address")


class PreviousFiles:
    """The files of one build by key, and those the previous build left with the same key."""

    def __init__(self, settings, output_path: str, record: str, what: str) -> None:
        source = settings.get("BRIEFING_REUSE_FROM")
        self.previous = Path(source) if source else None
        cache_path = settings.get("CACHE_PATH")
        self.record_path = Path(cache_path) / record if cache_path and self.previous else None
        self.enabled = self.record_path is not None
        self.what = what  # for the log line: "entity pages"
        self.known = self._read_record() if self.enabled else {}
        self.written: dict[str, str] = {}
        self.folders: set[Path] = set()
        self.output = Path(output_path)
        self.reused = 0

    def take(self, save_as: str, key: str) -> Path | None:
        """The file `save_as` in the new site, linked from the previous one when that build made
        it with the same key and it is still the file it made; None to make it."""
        if not self.enabled:
            return None
        self.written[save_as] = key
        entry = self.known.get(save_as)
        if not entry or entry[0] != key:
            return None
        old = self.previous / save_as
        try:
            stat = old.stat()
        except OSError:
            return None
        if [stat.st_ino, stat.st_size, stat.st_mtime_ns] != entry[1:]:
            return None  # not the file the record describes (a failed build, an edit by hand)
        new = Path(sanitised_join(str(self.output), save_as))  # as Pelican's writer names it
        if new.parent not in self.folders:
            new.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(new.parent)
        try:
            os.link(old, new)
        except OSError:
            shutil.copy2(old, new)
        self.reused += 1
        return new

    def save(self) -> None:
        """The keys and files of this build, for the next one (atomically)."""
        if not self.enabled:
            return
        record = {}
        for save_as, key in sorted(self.written.items()):
            try:
                stat = (self.output / save_as).stat()
            except OSError:
                continue
            record[save_as] = [key, stat.st_ino, stat.st_size, stat.st_mtime_ns]
        write_atomically(self.record_path, json.dumps(record), durable=False)  # the cache, not the site
        if self.reused:
            log.info("briefing: %d %s taken from the previous build", self.reused, self.what)

    def _read_record(self) -> dict:
        try:
            record = json.loads(self.record_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return record if isinstance(record, dict) else {}


class EntityPageReuse:
    """Keys of the entity pages of one build, and the pages the previous build left."""

    def __init__(self, generator, template) -> None:
        self.files = PreviousFiles(generator.settings, generator.output_path, RECORD, "entity pages")
        self.enabled = self.files.enabled and _own_theme(generator.env, template)
        try:
            self.common = _site_part(generator) if self.enabled else b""
        except TypeError:  # a value of the context with no stable form (another plugin's): no reuse
            self.enabled, self.common = False, b""
        self.articles: dict = {}  # article -> what its entity pages show of it, canonical

    def key(self, page) -> str:
        digest = hashlib.sha256(self.common)
        digest.update(canonical([page.save_as, page.url, page.name, page.type, page.aliases, page.feed,
                                  [[other.url, other.type, other.name, count] for other, count in page.companions]]))
        for article in page.articles:  # an article is on a dozen entity pages: its part made once
            shown = self.articles.get(article)
            if shown is None:
                shown = self.articles[article] = canonical([article.url, article.title, article.date.isoformat(),
                                                             article.lang])
            digest.update(shown)
        return digest.hexdigest()

    def take(self, page) -> Path | None:
        """The page's file in the new site, linked from the previous one, or None to render it."""
        return self.files.take(page.save_as, self.key(page)) if self.enabled else None

    def save(self) -> None:
        if self.enabled:
            self.files.save()


def _own_theme(env, template) -> bool:
    """Whether the template and every template it extends, includes or imports are briefing's
    own theme files, unchanged in name (their bytes are part of every key)."""
    from jinja2 import meta

    theme = (Path(theme_path()) / "templates").resolve()
    seen, todo = set(), [template.name]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        loaded = env.get_template(name)
        if loaded.filename is None or Path(loaded.filename).resolve().parent != theme:
            return False
        source = env.loader.get_source(env, name)[0]
        referenced = list(meta.find_referenced_templates(env.parse(source)))
        if None in referenced:
            return False  # a template named at run time: cannot tell which
        todo.extend(referenced)
    return True


def _site_part(generator) -> bytes:
    """What every entity page of the build shares: code, versions, settings and context read."""
    settings, context = generator.settings, generator.context
    timeline = context.get("briefing_timeline")
    return canonical([
        code(),
        [settings.get(name) for name in SETTINGS_READ],
        [context.get(name) for name in CONTEXT_READ],
        [[c.name, c.url] for c in context.get("briefing_nav_categories", [])],
        len(context.get("categories", [])),
        [timeline.start, timeline.end, timeline.unit, timeline.bars, timeline.total,
         getattr(timeline, "site_counts", None), timeline.lang, timeline.ui] if timeline is not None else None,
    ])


@cache
def code() -> str:
    """The theme's templates, this plugin's code and the libraries that render: any change of
    them is a new key for every page."""
    digest = hashlib.sha256()
    for folder in (PLUGIN, Path(theme_path()) / "templates"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".py", ".html", ".yaml", ".json")):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
    return digest.hexdigest()


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain).encode()


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, URLWrapper):
        return [type(value).__name__, value.name, value.url]
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"no stable form for {type(value).__name__}")
