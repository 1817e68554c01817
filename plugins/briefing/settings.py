"""The plugin's settings: every BRIEFING_* default in one place, checked when Pelican starts.

A site overrides any of them in its pelicanconf.py. An unknown BRIEFING_* name or a value of
the wrong type is logged as a warning (and the default used), never a crash. The plugin also
installs what its theme needs in any site: its Jinja filters, and autoescape when the theme is
briefing's own, so a hand-written title or an entity name is always printed as text.
"""

from __future__ import annotations

import ipaddress
import logging
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jinja2 import FileSystemBytecodeCache

from briefing.paths import theme_path
from briefing.tables import writable_cache_folder

from .filters import FILTERS

log = logging.getLogger(__name__)

UI_LANGUAGES = ("fr", "en")  # the languages of briefing/data/ui.yaml
DEFAULTS: dict[str, object] = {
    "BRIEFING_UI_LANG": None,  # the interface's language; None: DEFAULT_LANG when known, else "en"
    "BRIEFING_DESCRIPTION": "",  # one line under the site's name (meta description, feeds); "" is SITENAME
    "BRIEFING_RELATED_ARTICLES": 3,  # how many related articles an article lists
    "BRIEFING_SIDEBAR_FIGURES": 6,  # how many key figures an article shows
    "BRIEFING_NAV_CATEGORIES": 8,  # how many categories (the biggest) the header lists
    "BRIEFING_ALIASES": "aliases.yaml",  # the editor's names of one referent, beside the content folder
    # one file per entity, no folder of its own: thousands of folders made (and removed by the next
    # build) were a second of a 200-article build's CPU (docs/performance.md, "flat entity pages")
    "BRIEFING_ENTITY_URL": "entities/{slug}.html",
    "BRIEFING_ENTITY_SAVE_AS": "entities/{slug}.html",
    "BRIEFING_ENTITIES_URL": "entities/",
    "BRIEFING_ENTITIES_SAVE_AS": "entities/index.html",
    "BRIEFING_FEED_RSS": "feeds/rss.xml",
    "BRIEFING_FEED_ATOM": "feeds/atom.xml",
    "BRIEFING_CATEGORY_FEED_RSS": "feeds/{slug}.rss.xml",
    "BRIEFING_FEED_MAX_ITEMS": 50,
    "BRIEFING_ENTITY_FEED_RSS": "feeds/entities/{slug}.xml",  # one RSS feed per entity named in enough articles
    "BRIEFING_ENTITY_FEED_MIN": 2,  # articles an entity needs for a feed of its own
    "BRIEFING_ENTITY_FEED_FULL": False,  # entity feeds carry each article's summary; True: its full text too
    # articles an entity needs for its page to be a search result, found by its name and aliases
    # (named in one article only, that article is the result: it holds the name too)
    "BRIEFING_SEARCH_ENTITY_MIN": 2,
    "BRIEFING_PLACES_URL": "places/",  # the map of the places the articles name
    "BRIEFING_PLACES_SAVE_AS": "places/index.html",
    "BRIEFING_TIMELINE_MAX_BARS": 62,  # an entity's timeline: days, else weeks, else months, at most this many
    "BRIEFING_JSONLD_ABOUT": 3,  # the entities an article is `about` in its JSON-LD (the most mentioned); the rest are `mentions`
    # the absolute address feeds and the sitemap use when SITEURL is relative (`briefing serve`'s)
    "BRIEFING_FEED_BASE_URL": "http://localhost:8000",
    # the site this build replaces, whose unchanged entity pages it links instead of rendering
    # them again (reuse.py); `briefing build` names it, "" renders every page
    "BRIEFING_REUSE_FROM": "",
}
TYPES = {name: (str,) if name == "BRIEFING_UI_LANG" else (type(value),) for name, value in DEFAULTS.items()}


def apply_settings(pelican) -> None:
    """Receiver of `initialized`: defaults filled in, mistakes logged, the theme's needs met."""
    settings = pelican.settings
    for name in sorted(key for key in settings if key.startswith("BRIEFING_") and key not in DEFAULTS):
        log.warning("briefing: unknown setting %s (known: %s)", name, ", ".join(sorted(DEFAULTS)))
    for name, default in DEFAULTS.items():
        value = settings.get(name, default)
        # a bool is an int to isinstance: True is no count of articles, but it is a flag's value
        wrong_bool = isinstance(value, bool) and TYPES[name][0] is not bool
        if (value is not None or default is not None) and (not isinstance(value, TYPES[name]) or wrong_bool):
            log.warning("briefing: %s should be a %s, not %r: using %r", name, TYPES[name][0].__name__, value, default)
            value = default
        settings[name] = value
    if settings["BRIEFING_UI_LANG"] not in UI_LANGUAGES:
        if settings["BRIEFING_UI_LANG"] is not None:
            log.warning("briefing: BRIEFING_UI_LANG %r has no labels (%s): using DEFAULT_LANG or en",
                        settings["BRIEFING_UI_LANG"], ", ".join(UI_LANGUAGES))
        default_lang = settings.get("DEFAULT_LANG")
        settings["BRIEFING_UI_LANG"] = default_lang if default_lang in UI_LANGUAGES else "en"
    settings["JINJA_FILTERS"] = {**FILTERS, **settings.get("JINJA_FILTERS", {})}
    if is_briefing_theme(settings.get("THEME")):
        environment = {**settings.get("JINJA_ENVIRONMENT", {}), "autoescape": True}
        if "bytecode_cache" not in environment and settings.get("CACHE_PATH"):
            compiled = template_cache(settings["CACHE_PATH"])
            if compiled is not None:
                environment["bytecode_cache"] = compiled
        settings["JINJA_ENVIRONMENT"] = environment


def template_cache(cache_path: str) -> FileSystemBytecodeCache | None:
    """The theme's templates compiled once per machine, not once per generator and build:
    Pelican gives each generator an environment of its own, and compiling the theme's two dozen
    templates anew cost every build about 0.1 s. Jinja checks each template's source against
    what it compiled and writes a file whole or not at all (kept with briefing's tables, else
    in the site's cache folder; None when neither can be made: templates are compiled)."""
    folder = writable_cache_folder(cache_path) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def is_briefing_theme(theme) -> bool:
    return theme is not None and Path(theme).resolve() == Path(theme_path()).resolve()


def interface_labels(lang: str) -> dict:
    """The theme's labels in the interface's language (briefing/data/ui.yaml): one dict shared
    by every page and generator (read-only)."""
    labels = _labels()
    return labels.get(lang, labels["fr"])


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the same values (tests/fast/test_data_files.py)


@cache  # every generator asks for them at its start
def _labels() -> dict:
    return yaml.load(resources.files("briefing.data").joinpath("ui.yaml").read_text("utf-8"), Loader=FAST_LOADER)


def published_address(settings: dict) -> str | None:
    """The site's public address (SITEURL, `briefing build --site-url`) when it has one."""
    site = str(settings.get("SITEURL") or "")
    return site.rstrip("/") if site.startswith(("http://", "https://")) else None


def site_address(settings: dict) -> str:
    """The absolute address of the site, for feeds and the sitemap (which need one): the
    public one, else BRIEFING_FEED_BASE_URL (`briefing serve`'s)."""
    return published_address(settings) or settings.get("BRIEFING_FEED_BASE_URL",
                                                        DEFAULTS["BRIEFING_FEED_BASE_URL"]).rstrip("/")


def is_local(address: str) -> bool:
    """An address only this machine can open: feeds that carry it are no use to subscribers."""
    host = urlsplit(address).hostname or ""
    if host == "localhost" or host.endswith(".localhost") or not host:
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified
