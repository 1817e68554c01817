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

from .feeds import FeedWriter, newest_first

RECORD = "entity-feeds.json"  # in the build's cache folder, as reuse.py keeps the entity pages'


class EntityFeedsGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context."""

    def generate_output(self, writer) -> None:
        settings = self.settings
        sitename = settings.get("SITENAME", "briefing")
        limit = settings["BRIEFING_FEED_MAX_ITEMS"]
        pages = self.context.get("briefing_entity_pages", {})
        feeds = FeedWriter(settings, self.output_path, RECORD, "entity feeds", settings["BRIEFING_ENTITY_FEED_FULL"])
        for slug in sorted(pages):
            page = pages[slug]
            if page.feed:  # set by the entity index when enough articles name it
                feeds.feed(page.feed, newest_first(page.articles)[:limit], f"{sitename} — {page.name}")
        feeds.save()


def entity_feeds_generator(pelican):
    """Receiver of `get_generators`."""
    return EntityFeedsGenerator
