"""RSS 2.0 and Atom feeds written with feedgen: the whole site and one RSS feed per category
(entity_feeds.py adds one per entity with the same entries).

Full content and summary, the permalink as guid, the category and every entity as <category>,
atom:link rel="self", and no "now" anywhere: lastBuildDate/updated is the newest article's
date, so two builds of the same content give the same bytes. Text that XML cannot carry
(control characters) is dropped. Paths and limits are settings (settings.py: BRIEFING_FEED_*).
A feed whose key (`feed_key`: everything it shows) and file are those of the site `briefing
build` replaces is linked from it, not made again (reuse.PreviousFiles).
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from pelican.generators import Generator

from briefing.files import write_atomically
from briefing.record import ENTITY_TYPES

from .reuse import PreviousFiles, canonical, code
from .settings import is_local, site_address
from .stories import listed_once

log = logging.getLogger(__name__)
RECORD = "feeds.json"  # the site's and categories' feeds, in the build's cache folder (as reuse.py)
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text) -> str:
    return XML_INVALID.sub("", str(text or ""))


def build_feed(settings: dict, articles: list, path: str, title: str, full_content: bool = True,
               entries: dict | None = None) -> FeedGenerator:
    """One feed of `articles`. `entries` (article -> its entry), shared by the feeds of one
    generator that all carry the full text or all only the summary, makes each article's entry
    once however many feeds list it (an article is in its category's feed, the site's two and
    the feed of each entity it names); feedgen reads an entry, it never changes it."""
    root = site_address(settings)
    feed = FeedGenerator()
    feed.id(f"{root}/{path}")
    feed.title(xml_safe(title))
    feed.description(xml_safe(settings.get("BRIEFING_DESCRIPTION") or settings.get("SITENAME")))
    feed.subtitle(xml_safe(settings.get("BRIEFING_DESCRIPTION") or settings.get("SITENAME")))
    feed.link(href=f"{root}/{path}", rel="self")
    feed.link(href=f"{root}/", rel="alternate")  # last: feedgen makes it the RSS <link>
    feed.language(str(settings.get("DEFAULT_LANG", "fr")))
    feed.author({"name": xml_safe(settings.get("AUTHOR") or settings.get("SITENAME"))})
    feed.generator("briefing")
    newest = max((a.date for a in articles), default=None)
    if newest is not None:
        feed.lastBuildDate(newest)
        feed.updated(newest)
    for article in articles:
        entry = entries.get(article) if entries is not None else None
        if entry is None:
            entry = _entry(article, root, full_content)
            if entries is not None:
                entries[article] = entry
        feed.add_entry(entry, order="append")
    return feed


def _entry(article, root: str, full_content: bool) -> FeedEntry:
    link = f"{root}/{article.url}"
    entry = FeedEntry()
    entry.id(link)
    entry.guid(link, permalink=True)
    entry.title(xml_safe(article.title))
    entry.link(href=link)
    entry.published(article.date)
    entry.updated(getattr(article, "modified", None) or article.date)
    entry.description(xml_safe(article.summary))
    entry.summary(xml_safe(article.summary))
    if full_content:
        entry.content(xml_safe(article.content), type="CDATA")
    entry.category(term=xml_safe(article.category.name))
    for kind in ENTITY_TYPES:
        for entity in article.briefing_entities[kind]:
            entry.category(term=xml_safe(entity.name))
    return entry


# what build_feed reads of the settings, besides the site's address
FEED_SETTINGS = ("BRIEFING_DESCRIPTION", "SITENAME", "DEFAULT_LANG", "AUTHOR")


def feed_key(settings: dict, articles: list, path: str, title: str, full_content: bool, form: str, shown: dict) -> str:
    """The hash of everything `build_feed` reads to make this feed, in this form ("rss",
    "atom"), with reuse.code() (this plugin's code and feedgen's version): a feed of the
    previous build with the same key has the same bytes. `shown` keeps each article's part,
    made once for every feed that lists it."""
    digest = hashlib.sha256(canonical([code(), [settings.get(name) for name in FEED_SETTINGS],
                                       site_address(settings), path, title, full_content, form]))
    for article in articles:
        part = shown.get(article)
        if part is None:
            part = shown[article] = canonical([
                article.url, article.title, article.date, getattr(article, "modified", None), article.summary,
                article.content if full_content else None, article.category.name,
                [[entity.name for entity in article.briefing_entities[kind]] for kind in ENTITY_TYPES]])
        digest.update(part)
    return digest.hexdigest()


def newest_first(articles) -> list:
    """What every feed lists, in its order: one copy per story (the first published), newest
    first, the slug breaking ties (byte-stable)."""
    return sorted(listed_once(articles), key=lambda a: (a.date, a.slug), reverse=True)


def write_feed(output_path: str, path: str, xml: bytes) -> None:
    write_atomically(Path(output_path) / path, xml, durable=False)  # as Pelican writes pages


class FeedWriter:
    """The feeds of one generator, all with the full text or all with the summary only: each
    written, or linked from the site the build replaces when its key (`feed_key`) and file are
    those of that build (reuse.PreviousFiles, whose record is `record` in the cache folder)."""

    def __init__(self, settings: dict, output_path: str, record: str, what: str, full_content: bool = True) -> None:
        self.settings, self.output_path, self.full_content = settings, output_path, full_content
        self.previous = PreviousFiles(settings, output_path, record, what)
        self.entries: dict = {}  # an article's entry, once for every feed that lists it
        self.shown: dict = {}  # an article's part of the keys, likewise

    def feed(self, path: str, articles: list, title: str, form: str = "rss") -> None:
        if self.previous.enabled and self.previous.take(
                path, feed_key(self.settings, articles, path, title, self.full_content, form, self.shown)):
            return
        feed = build_feed(self.settings, articles, path, title, full_content=self.full_content, entries=self.entries)
        write_feed(self.output_path, path, feed.atom_str(pretty=True) if form == "atom" else feed.rss_str(pretty=True))

    def save(self) -> None:
        self.previous.save()


class FeedsGenerator(Generator):
    def generate_output(self, writer) -> None:
        settings = self.settings
        if is_local(site_address(settings)):
            log.warning("briefing: feeds, their guids and the sitemap point at %s, which subscribers cannot open: "
                        "publish with `briefing build --site-url https://...` or SITEURL in publishconf.py",
                        site_address(settings))
        limit = settings["BRIEFING_FEED_MAX_ITEMS"]
        articles = newest_first(self.context.get("articles", []))
        sitename = settings.get("SITENAME", "briefing")
        rss, atom = settings["BRIEFING_FEED_RSS"], settings["BRIEFING_FEED_ATOM"]
        # a changed article changes its category's feed, and the site's when it is among the newest
        feeds = FeedWriter(settings, self.output_path, RECORD, "feeds")
        feeds.feed(rss, articles[:limit], sitename)
        feeds.feed(atom, articles[:limit], sitename, form="atom")
        for category, members in self.context.get("categories", []):
            path = settings["BRIEFING_CATEGORY_FEED_RSS"].format(slug=category.slug)
            feeds.feed(path, newest_first(members)[:limit], f"{sitename} — {category.name}")
        feeds.save()


def feeds_generator(pelican):
    """Receiver of `get_generators`."""
    return FeedsGenerator
