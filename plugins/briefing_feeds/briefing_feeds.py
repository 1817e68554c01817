"""RSS 2.0 and Atom feeds written with feedgen: the whole site and one RSS feed per category.

Full content and summary, the permalink as guid, the category and every entity as <category>,
atom:link rel="self", and no "now" anywhere: lastBuildDate/updated is the newest article's
date, so two builds of the same content give the same bytes. Text that XML cannot carry
(control characters) is dropped. Settings: BRIEFING_FEED_MAX_ITEMS (default 50),
BRIEFING_FEED_BASE_URL (absolute site address when SITEURL is relative, default
http://localhost:8000, the address of `briefing serve`).
"""

from __future__ import annotations

import re
from pathlib import Path

from feedgen.feed import FeedGenerator
from pelican import signals
from pelican.generators import Generator

from briefing.store import write_atomically

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
DEFAULTS = {"BRIEFING_FEED_MAX_ITEMS": 50, "BRIEFING_FEED_BASE_URL": "http://localhost:8000"}
RSS_ALL, ATOM_ALL, RSS_CATEGORY = "feeds/rss.xml", "feeds/atom.xml", "feeds/{slug}.rss.xml"


def xml_safe(text) -> str:
    return XML_INVALID.sub("", str(text or ""))


def base_url(settings: dict) -> str:
    site = str(settings.get("SITEURL") or "")
    return (site if site.startswith(("http://", "https://")) else
            settings.get("BRIEFING_FEED_BASE_URL", DEFAULTS["BRIEFING_FEED_BASE_URL"])).rstrip("/")


def feed_paths(settings: dict, category=None) -> dict[str, str]:
    """Where the feeds of the site (or of a category) are, for autodiscovery links."""
    if category is not None:
        return {"rss": RSS_CATEGORY.format(slug=category.slug)}
    return {"rss": RSS_ALL, "atom": ATOM_ALL}


def build_feed(settings: dict, articles: list, path: str, title: str) -> FeedGenerator:
    root = base_url(settings)
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
        link = f"{root}/{article.url}"
        entry = feed.add_entry(order="append")
        entry.id(link)
        entry.guid(link, permalink=True)
        entry.title(xml_safe(article.title))
        entry.link(href=link)
        entry.published(article.date)
        entry.updated(getattr(article, "modified", None) or article.date)
        entry.description(xml_safe(article.summary))
        entry.summary(xml_safe(article.summary))
        entry.content(xml_safe(article.content), type="CDATA")
        entry.category(term=xml_safe(article.category.name))
        for kind in ("person", "organization", "place"):
            for entity in getattr(article, "briefing_entities", {}).get(kind, []):
                entry.category(term=xml_safe(entity.name))
    return feed


class FeedsGenerator(Generator):
    def generate_output(self, writer) -> None:
        limit = self.settings.get("BRIEFING_FEED_MAX_ITEMS", DEFAULTS["BRIEFING_FEED_MAX_ITEMS"])
        articles = sorted(self.context.get("articles", []), key=lambda a: (a.date, a.slug), reverse=True)
        output = Path(self.output_path)
        sitename = self.settings.get("SITENAME", "briefing")
        everything = build_feed(self.settings, articles[:limit], RSS_ALL, sitename)
        write_atomically(output / RSS_ALL, everything.rss_str(pretty=True).decode("utf-8"))
        atom = build_feed(self.settings, articles[:limit], ATOM_ALL, sitename)
        write_atomically(output / ATOM_ALL, atom.atom_str(pretty=True).decode("utf-8"))
        for category, members in self.context.get("categories", []):
            path = RSS_CATEGORY.format(slug=category.slug)
            ordered = sorted(members, key=lambda a: (a.date, a.slug), reverse=True)[:limit]
            feed = build_feed(self.settings, ordered, path, f"{sitename} — {category.name}")
            write_atomically(output / path, feed.rss_str(pretty=True).decode("utf-8"))


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
