"""Pelican settings of this briefing site (written by `briefing init`; yours to edit).

`briefing build` reads this file; `briefing build --settings publishconf.py` builds with the
site's public address. Settings that start with BRIEFING_ are the briefing plugin's.
"""

import briefing

AUTHOR = "briefing"
SITENAME = "briefing"
SITEURL = ""
BRIEFING_DESCRIPTION = "Le briefing : l'essentiel de l'actualité, ses acteurs et ses chiffres."

PATH = "content"
THEME = briefing.theme_path()
PLUGINS = ["briefing"]  # YAML front matter, entity sidebar and pages, feeds, sitemap
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
BRIEFING_UI_LANG = "fr"  # the interface's language: "fr" or "en"
DEFAULT_CATEGORY = "Divers"

# `lang` is each article's own language, not a translation: one address whatever the language.
ARTICLE_URL = ARTICLE_LANG_URL = "{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{slug}.html"
CATEGORY_URL = "category/{slug}.html"
CATEGORY_SAVE_AS = "category/{slug}.html"
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
