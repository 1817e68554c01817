"""One RSS feed per entity named in at least BRIEFING_ENTITY_FEED_MIN articles:
`feeds/entities/<slug>.xml`. Readers follow a person or a country, not a category.

The entries are the site feed's (feeds.build_feed: the same guids, newest first, no clock),
so a reader subscribed to both sees each article once; they carry the summary, and the full
text only with BRIEFING_ENTITY_FEED_FULL (an article is in the feed of every entity it
names: with the full text, 60 benchmark articles gave 2.3 MB of entity feeds, twice their
pages). The
entity page links its feed for autodiscovery (theme/templates/entity.html).

A feed whose key (feeds.feed_key: everything build_feed reads) and file are those of the site
`briefing build` replaces is linked from it, not made again, as reuse.py does for entity pages:
a changed article changes only the feeds of the entities it names (on the 200-article archive
the entity feeds were an eighth of a warm build).
"""

from __future__ import annotations

from pelican.generators import Generator

from .feeds import build_feed, feed_key, newest_first, write_feed
from .reuse import PreviousFiles

RECORD = "entity-feeds.json"  # in the build's cache folder, as reuse.py keeps the entity pages'


class EntityFeedsGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context."""

    def generate_output(self, writer) -> None:
        settings = self.settings
        sitename = settings.get("SITENAME", "briefing")
        limit = settings["BRIEFING_FEED_MAX_ITEMS"]
        full = settings["BRIEFING_ENTITY_FEED_FULL"]
        pages = self.context.get("briefing_entity_pages", {})
        entries: dict = {}  # an article's entry, once for every feed that lists it
        previous, shown = PreviousFiles(settings, self.output_path, RECORD, "entity feeds"), {}
        for slug in sorted(pages):
            page = pages[slug]
            if page.feed:  # set by the entity index when enough articles name it
                articles, title = newest_first(page.articles)[:limit], f"{sitename} — {page.name}"
                if previous.enabled and previous.take(page.feed, feed_key(settings, articles, page.feed, title, full, shown)):
                    continue
                feed = build_feed(settings, articles, page.feed, title, full_content=full, entries=entries)
                write_feed(self.output_path, page.feed, feed.rss_str(pretty=True))
        previous.save()


def entity_feeds_generator(pelican):
    """Receiver of `get_generators`."""
    return EntityFeedsGenerator
