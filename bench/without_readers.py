"""A Pelican plugin for bench/readers.py only: after briefing's own, it disconnects the
receivers issue 16 added (entity feeds, places map, mentions timeline, JSON-LD, one story per
list), so the same content builds as it did before them: the baseline of their cost."""

from __future__ import annotations

from pelican import signals
from pelican.plugins.briefing.entity_feeds import entity_feeds_generator
from pelican.plugins.briefing.places import places_generator
from pelican.plugins.briefing.stories import group_copies
from pelican.plugins.briefing.structured_data import add_structured_data
from pelican.plugins.briefing.timeline import add_timeline


def register() -> None:
    signals.get_generators.disconnect(entity_feeds_generator)
    signals.get_generators.disconnect(places_generator)
    signals.article_generator_finalized.disconnect(add_timeline)
    signals.article_generator_finalized.disconnect(add_structured_data)
    signals.article_generator_finalized.disconnect(group_copies)
