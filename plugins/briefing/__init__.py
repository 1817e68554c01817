"""briefing's Pelican plugin: `PLUGINS = ["briefing"]` in any Pelican site.

It reads the records `briefing ingest` wrote (YAML front matter) and renders them: an entity
sidebar and a key-figures box on each article, one page per entity with its feed and its
mentions timeline, a map of places, related articles, link previews and JSON-LD, RSS and Atom
feeds (feedgen), a sitemap. It runs no NLP. Each receiver below does one job, in its own
module; receivers of one signal never depend on one another (blinker calls them in no set
order), so work that needs the entity index waits for a later signal.
"""

from __future__ import annotations

from pelican import signals

from .entity_feeds import entity_feeds_generator
from .entity_index import index_entities
from .entity_pages import entity_pages_generator
from .feeds import feeds_generator
from .navigation import add_interface_labels, list_header_categories
from .places import places_generator
from .prefetch import start as start_prefetch
from .prefetch import stop as stop_prefetch
from .reader import add_yaml_reader
from .records import attach_record
from .related import link_related_articles
from .sanitize import sanitize_html
from .settings import apply_settings
from .sitemap import sitemap_generator
from .stories import group_copies
from .structured_data import add_structured_data
from .timeline import add_timeline


def register() -> None:
    signals.initialized.connect(apply_settings)
    signals.readers_init.connect(add_yaml_reader)
    signals.article_generator_init.connect(start_prefetch)
    signals.article_generator_pretaxonomy.connect(stop_prefetch)
    signals.generator_init.connect(add_interface_labels)
    signals.content_object_init.connect(sanitize_html)
    signals.content_object_init.connect(attach_record)
    signals.article_generator_finalized.connect(index_entities)
    signals.article_generator_finalized.connect(list_header_categories)
    signals.article_generator_finalized.connect(add_structured_data)
    signals.article_generator_finalized.connect(add_timeline)
    signals.article_generator_finalized.connect(group_copies)
    signals.all_generators_finalized.connect(link_related_articles)
    signals.get_generators.connect(entity_pages_generator)
    signals.get_generators.connect(feeds_generator)
    signals.get_generators.connect(entity_feeds_generator)
    signals.get_generators.connect(places_generator)
    signals.get_generators.connect(sitemap_generator)
