"""One page per entity (every article that names it, newest first; its aliases; the entities
named with it most often) and the index of every entity by type with its article count."""

from __future__ import annotations

import logging

from blinker import signal
from pelican.generators import Generator, PelicanTemplateNotFound

from .twofold import write_pages

log = logging.getLogger(__name__)
# Every page the search indexes is written once the entity pages are (Pelican's own generators,
# articles and pages, run before any plugin's): `briefing build` starts pagefind on this signal.
SEARCH_PAGES_WRITTEN = signal("briefing_search_pages_written")


class EntityPagesGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context."""

    def generate_output(self, writer) -> None:
        self.write_pages(writer)
        SEARCH_PAGES_WRITTEN.send(self)

    def write_pages(self, writer) -> None:
        try:
            index_template, template = self.get_template("entities"), self.get_template("entity")
        except PelicanTemplateNotFound:
            log.warning("briefing: the theme has no entities.html / entity.html: no entity pages "
                        "(THEME = briefing.theme_path() has them)")
            return
        settings = self.settings
        pages = self.context.get("briefing_entity_pages", {})
        relative = settings.get("RELATIVE_URLS", False)
        index_save_as = settings["BRIEFING_ENTITIES_SAVE_AS"]
        writer.write_file(index_save_as, index_template, self.context, relative_urls=relative,
                          url=settings["BRIEFING_ENTITIES_URL"], page_name=index_save_as[:-len(".html")],
                          template_name="entities")
        # in two processes (twofold.py): the same files, in about half the time when a core is free
        write_pages(writer, template, self.context,
                    [(page.save_as, page.url, {"entity": page, "articles": page.articles,
                                               "page_name": page.save_as[:-len(".html")]})
                     for page in (pages[slug] for slug in sorted(pages))],
                    "entity", relative)


def entity_pages_generator(pelican):
    """Receiver of `get_generators`."""
    return EntityPagesGenerator
