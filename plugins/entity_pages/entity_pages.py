"""One page per entity (every article that names it, newest first; its aliases; the entities
named with it most often) and /entities/, every entity by type with its article count."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator


class EntityPagesGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context."""

    def generate_output(self, writer) -> None:
        pages = self.context.get("briefing_entity_pages", {})
        relative = self.settings.get("RELATIVE_URLS", False)
        index_template = self.get_template("entities")
        writer.write_file("entities/index.html", index_template, self.context, relative_urls=relative,
                          url="entities/", page_name="entities/index", template_name="entities")
        template = self.get_template("entity")
        for slug in sorted(pages):
            page = pages[slug]
            writer.write_file(page.save_as, template, self.context, relative_urls=relative, url=page.url,
                              entity=page, articles=page.articles, page_name=page.save_as[:-len(".html")],
                              template_name="entity")


def get_generators(pelican):
    return EntityPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
