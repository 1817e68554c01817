"""One RSS feed per entity named in at least BRIEFING_ENTITY_FEED_MIN articles:
`feeds/entities/<slug>.xml`. Readers follow a person or a country, not a category.

The entries are the site feed's (feeds.build_feed: the same guids, newest first, no clock),
so a reader subscribed to both sees each article once; they carry the summary, and the full
text only with BRIEFING_ENTITY_FEED_FULL (an article is in the feed of every entity it
names: with the full text, 60 benchmark articles gave 2.3 MB of entity feeds, twice their
pages). The
entity page links its feed for autodiscovery (theme/templates/entity.html).
"""

from __future__ import annotations

from pelican.generators import Generator

from .feeds import build_feed, newest_first, write_feed


class EntityFeedsGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context."""

    def generate_output(self, writer) -> None:
        settings = self.settings
        sitename = settings.get("SITENAME", "briefing")
        limit = settings["BRIEFING_FEED_MAX_ITEMS"]
        pages = self.context.get("briefing_entity_pages", {})
        entries: dict = {}  # an article's entry, once for every feed that lists it
        for slug in sorted(pages):
            page = pages[slug]
            if page.feed:  # set by the entity index when enough articles name it
                feed = build_feed(settings, newest_first(page.articles)[:limit], page.feed, f"{sitename} — {page.name}",
                                  full_content=settings["BRIEFING_ENTITY_FEED_FULL"], entries=entries)
                write_feed(self.output_path, page.feed, feed.rss_str(pretty=True))


def entity_feeds_generator(pelican):
    """Receiver of `get_generators`."""
    return EntityFeedsGenerator
