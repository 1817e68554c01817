"""Each article's record, read from its metadata with briefing's own record code and made
ready for the templates: entities grouped by type, each with its page's address, and the key
figures the sidebar shows. No NLP runs here: an article without entities (written by hand and
not yet given to `briefing ingest`) is named in one warning and shown without them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pelican.contents import Article

from briefing.record import ENTITY_TYPES, Entity, is_enriched, read_entities, read_key_figures

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EntityLink:
    """An entity as one article names it, with the address of its page."""

    entity: Entity
    url: str

    name = property(lambda self: self.entity.name)
    type = property(lambda self: self.entity.type)
    mentions = property(lambda self: self.entity.mentions)
    aliases = property(lambda self: self.entity.aliases)
    slug = property(lambda self: self.entity.slug)


def attach_record(content) -> None:
    """Receiver of `content_object_init`: article.briefing_entities (by type),
    article.briefing_entity_slugs and article.briefing_figures."""
    if not isinstance(content, Article):
        return
    settings = content.settings
    meta = content.metadata
    entities, problems = read_entities(meta.get("entities"))
    figures, figure_problems = read_key_figures(meta.get("key_figures"))
    for problem in problems + figure_problems:
        log.warning("%s: %s (left out; `briefing check` lists every such problem)", content.source_path, problem)
    if not is_enriched(meta):
        log.warning("%s has no entities: %s", content.source_path, _how_to_enrich(content.source_path))
    pattern = settings["BRIEFING_ENTITY_URL"]
    links = [EntityLink(entity, pattern.format(slug=entity.slug)) for entity in entities]
    content.briefing_entities = {kind: [link for link in links if link.type == kind] for kind in ENTITY_TYPES}
    content.briefing_entity_slugs = {link.slug for link in links}
    content.briefing_figures = figures[:settings["BRIEFING_SIDEBAR_FIGURES"]]


def _how_to_enrich(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        yaml_header = handle.read(3) == "---"
    return (f"run `briefing ingest {path}` to add its entities and key figures" if yaml_header else
            "write its 'Key: value' header as YAML front matter (between '---' lines), then run "
            f"`briefing ingest {path}` to add its entities and key figures")
