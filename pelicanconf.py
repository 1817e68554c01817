"""Pelican settings for the briefing site (development: relative URLs)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.sitefilters import FILTERS  # noqa: E402

AUTHOR = "briefing"
SITENAME = "briefing"
SITEURL = ""
BRIEFING_DESCRIPTION = "Le briefing : l'essentiel de l'actualité, ses acteurs et ses chiffres."

PATH = "content"
THEME = str(Path(__file__).resolve().parent / "theme")
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_CATEGORY = "Divers"
BRIEFING_UI_LANG = "fr"  # "en" for an English interface
JINJA_FILTERS = FILTERS
# Everything a template prints is escaped; only rendered article bodies are marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Content files carry YAML front matter (entities and key figures are lists of records), read
# by pelican-yaml-metadata's reader with libyaml (plugins/briefing_reader).
PLUGIN_PATHS = [str(Path(__file__).resolve().parent / "plugins")]
PLUGINS = ["briefing_reader", "briefing_metadata", "entity_pages", "briefing_feeds",
           "briefing_sitemap"]

# `lang` is each article's own language, not a translation: one address whatever the language.
ARTICLE_URL = ARTICLE_LANG_URL = "{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{slug}.html"
CATEGORY_URL = "category/{slug}.html"
CATEGORY_SAVE_AS = "category/{slug}.html"
DIRECT_TEMPLATES = ["index", "categories", "archives", "search"]

# No author or tag pages: entities are not tags (each person would get pages and feeds).
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = TAG_SAVE_AS = TAGS_SAVE_AS = ""

# Pelican's own feeds stay off: the briefing_feeds plugin writes them (feedgen).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Pelican's content cache at the reader layer: an unchanged content file (same sha256) is not
# parsed again, and our plugins still run on every article (the generator layer would freeze
# their work in the cache). `briefing build` keeps it beside the output folder.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "sha256"

DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
