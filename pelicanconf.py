"""Pelican settings for the briefing site (development)."""

AUTHOR = "briefing"
SITENAME = "briefing"
SITEURL = ""

PATH = "content"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# Content files carry YAML front matter (entities and key figures are lists of records).
PLUGINS = ["pelican.plugins.yaml_metadata"]

# `lang` is each article's own language, not a translation: one address whatever the language.
ARTICLE_URL = ARTICLE_LANG_URL = "{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{slug}.html"

# Pelican's own feeds stay off: briefing writes its feeds itself.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 20
RELATIVE_URLS = True
