"""`briefing init`: a new briefing site in a folder of its own, like `pelican-quickstart` but
without questions. The project's own demo site (pelicanconf.py, publishconf.py) is one such site:
a test compares its settings files with what `site_files` writes."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.files import write_atomically

LANGUAGES = ("fr", "en")
DESCRIPTIONS = {"fr": "L'essentiel de l'actualité, ses acteurs et ses chiffres.",
                "en": "The news that matters, the people and places in it, and its figures."}
DEFAULT_CATEGORIES = {"fr": "Divers", "en": "General"}
TIMEZONES = {"fr": "Europe/Paris", "en": "UTC"}

PELICANCONF = '''"""Pelican settings of this briefing site (written by `briefing init`; yours to edit).

`briefing build` reads this file; `briefing build --settings publishconf.py` builds with the
site's public address. Settings that start with BRIEFING_ are the briefing plugin's.
"""

import briefing

AUTHOR = {title}
SITENAME = {title}
SITEURL = ""
BRIEFING_DESCRIPTION = {description}

PATH = "content"
THEME = briefing.theme_path()
PLUGINS = ["briefing"]  # YAML front matter, entity sidebar and pages, feeds, sitemap
TIMEZONE = {timezone}
DEFAULT_LANG = {lang}
BRIEFING_UI_LANG = {lang}  # the interface's language: "fr" or "en"
DEFAULT_CATEGORY = {category}

# `lang` is each article's own language, not a translation: one address whatever the language.
ARTICLE_URL = ARTICLE_LANG_URL = "{{slug}}.html"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{{slug}}.html"
CATEGORY_URL = "category/{{slug}}.html"
CATEGORY_SAVE_AS = "category/{{slug}}.html"
DIRECT_TEMPLATES = ["index", "categories", "archives", "search"]

# No author or tag pages: entities are not tags (each person would get pages and feeds).
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""

# Pelican's own feeds stay off: the briefing plugin writes RSS and Atom (feedgen).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Pelican's content cache at the reader layer: an unchanged content file (same sha256) is not
# parsed again, and the plugin still runs on every article. `briefing build` keeps the cache
# beside the output folder.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False  # 1.7 MB at 200 articles: compressing it cost each build more than writing it

DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
'''

PUBLISHCONF = '''"""Pelican settings for publishing the site: absolute addresses under the site's public URL.

`briefing build --settings publishconf.py`; the environment variable BRIEFING_SITEURL overrides
the address written here.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("BRIEFING_SITEURL", {url}){url_note}
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
'''

README = '''# {title}

A briefing site: put raw pages (`.html`, `.txt`) in `seeds/`, then `briefing ingest` and
`briefing build`; `briefing serve` shows it on http://localhost:8000/.
'''


class SiteExists(Exception):
    """The folder is there already and holds something: init never overwrites."""


def site_files(title: str = "briefing", lang: str = "fr", url: str | None = None,
               description: str | None = None) -> dict[str, str]:
    """The text of each file a new site starts with, by name."""
    if lang not in LANGUAGES:
        raise ValueError(f"language '{lang}' is not one of " + ", ".join(LANGUAGES))
    text = {"title": title, "lang": lang, "description": description or DESCRIPTIONS[lang],
            "category": DEFAULT_CATEGORIES[lang], "timezone": TIMEZONES[lang], "url": url or ""}
    python = {key: _literal(value) for key, value in text.items()}
    note = "" if url else "  # the site's public address (https://...)"
    return {"pelicanconf.py": PELICANCONF.format(**python), "publishconf.py": PUBLISHCONF.format(**python, url_note=note),
            "README.md": README.format(**text)}


def _literal(value: str) -> str:
    """A Python string literal in double quotes (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


def create_site(folder: Path, title: str = "briefing", lang: str = "fr", url: str | None = None,
                description: str | None = None) -> list[Path]:
    """A new site in `folder` (made, or empty): settings, README, empty content/ and seeds/."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SiteExists(f"{folder}: already exists and is not empty; briefing init never overwrites a site")
    files = site_files(title, lang, url, description)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("content", "seeds"):
        (folder / name).mkdir()
    for name, text in files.items():
        write_atomically(folder / name, text)
    return [folder / name for name in (*files, "content", "seeds")]
