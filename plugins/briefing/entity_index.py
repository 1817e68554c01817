"""The site's entity index: one page per referent (its articles newest first, every name it
goes by, the entities named with it most), published in the generators' shared context for
the templates, the entity pages, the related articles and the sitemap."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from briefing.record import ENTITY_TYPES
from briefing.text import reading_order

from .identity import unify

COMPANIONS = 8  # entities listed as "often named with" on an entity page


@dataclass
class EntityPage:
    """An entity across the site: its articles (newest first), names and companions."""

    name: str
    type: str
    slug: str
    url: str
    save_as: str
    aliases: list[str] = field(default_factory=list)
    articles: list = field(default_factory=list)
    companions: list = field(default_factory=list)  # (EntityPage, shared article count)
    feed: str | None = None  # its RSS feed's path, when enough articles name it (entity_feeds.py)


def index_entities(generator) -> None:
    """Receiver of `article_generator_finalized`: `briefing_entity_pages` (slug -> EntityPage)
    and `briefing_entities_by_type` (most named first) in the context."""
    settings = generator.settings
    unify(generator.articles, settings)  # one referent, one page: before anything reads the links
    url_pattern, save_pattern = settings["BRIEFING_ENTITY_URL"], settings["BRIEFING_ENTITY_SAVE_AS"]
    pages: dict[str, EntityPage] = {}
    for article in generator.articles:
        for link in (link for kind in ENTITY_TYPES for link in article.briefing_entities[kind]):
            page = pages.get(link.slug)
            if page is None:
                page = pages[link.slug] = EntityPage(link.name, link.type, link.slug, url_pattern.format(slug=link.slug),
                                                     save_pattern.format(slug=link.slug))
            page.articles.append(article)
            for alias in (link.name, *link.aliases):
                if alias != page.name and alias not in page.aliases:
                    page.aliases.append(alias)
    dated = {article: (article.date.timestamp(), article.slug) for article in generator.articles}  # aware datetimes compare slowly
    feed_pattern, feed_min = settings["BRIEFING_ENTITY_FEED_RSS"], settings["BRIEFING_ENTITY_FEED_MIN"]
    named = {slug: reading_order(page.name) for slug, page in pages.items()}  # once a page, not once a comparison
    for page in pages.values():
        page.articles = sorted(set(page.articles), key=dated.__getitem__, reverse=True)
        if len(page.articles) >= feed_min:  # a feed of one article helps nobody
            page.feed = feed_pattern.format(slug=page.slug)
        together = Counter(slug for a in page.articles for slug in a.briefing_entity_slugs if slug != page.slug)
        page.companions = [(pages[slug], count) for slug, count in heapq.nsmallest(
            COMPANIONS, together.items(), key=lambda item: (-item[1], named[item[0]]))]
    generator.context["briefing_entity_pages"] = pages
    generator.context["briefing_entities_by_type"] = {
        kind: sorted((p for p in pages.values() if p.type == kind), key=lambda p: (-len(p.articles), named[p.slug]))
        for kind in ENTITY_TYPES}
