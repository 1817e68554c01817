"""One page per entity (every article that names it, newest first; its aliases; the entities
named with it most often) and the index of every entity by type with its article count.
A page whose inputs are those of the site `briefing build` replaces is linked from it, not
rendered again (reuse.py)."""

from __future__ import annotations

import logging

from blinker import signal
from pelican import signals
from pelican.generators import Generator, PelicanTemplateNotFound

from .reuse import EntityPageReuse
from .twofold import local_context, write_pages

log = logging.getLogger(__name__)
# Every page the search indexes is written once the entity pages it indexes are (Pelican's own
# generators, articles and pages, run before any plugin's): `briefing build` starts pagefind on
# this signal.
SEARCH_PAGES_WRITTEN = signal("briefing_search_pages_written")


class EntityPagesGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context.

    The pages the search indexes (the theme marks an entity page named in
    BRIEFING_SEARCH_ENTITY_MIN articles or more) are written first; the signal then starts
    pagefind, which reads only the marked pages, while the entity pages of one article are
    written. Should a theme mark others, pagefind meets them late and the build indexes the
    finished site again (briefing.site.EarlySearchIndex): slower, never wrong."""

    def generate_output(self, writer) -> None:
        self.reuse = None
        later = self.write_pages(writer, searched=True)
        SEARCH_PAGES_WRITTEN.send(self)
        self.write_pages(writer, searched=False, pages=later)
        if self.reuse is not None:
            self.reuse.save()

    def write_pages(self, writer, searched: bool, pages: list | None = None) -> list:
        """The entities' index and the entity pages the search indexes (searched), or the
        `pages` left; returns those left."""
        try:
            index_template, template = self.get_template("entities"), self.get_template("entity")
        except PelicanTemplateNotFound:
            if searched:
                log.warning("briefing: the theme has no entities.html / entity.html: no entity pages "
                            "(THEME = briefing.theme_path() has them)")
            return []
        settings = self.settings
        relative = settings.get("RELATIVE_URLS", False)
        if searched:
            index_save_as = settings["BRIEFING_ENTITIES_SAVE_AS"]
            writer.write_file(index_save_as, index_template, self.context, relative_urls=relative,
                              url=settings["BRIEFING_ENTITIES_URL"], page_name=index_save_as[:-len(".html")],
                              template_name="entities")
            index = self.context.get("briefing_entity_pages", {})
            every = [index[slug] for slug in sorted(index)]
            least = settings["BRIEFING_SEARCH_ENTITY_MIN"]
            pages, left = [p for p in every if len(p.articles) >= least], [p for p in every if len(p.articles) < least]
        else:
            left = []
        if self.reuse is None:
            self.reuse = EntityPageReuse(self, template)
        rendered = []
        for page in pages:
            variables = {"entity": page, "articles": page.articles, "page_name": page.save_as[:-len(".html")]}
            taken = self.reuse.take(page)
            if taken is None:
                rendered.append((page.save_as, page.url, variables))
                continue
            writer._written_files.add(str(taken))  # Pelican's record of what it wrote (overwrite checks)
            signals.content_written.send(str(taken), context=local_context(self.context, page.save_as, variables, relative))
        # in two processes (twofold.py): the same files, in about half the time when a core is free
        write_pages(writer, template, self.context, rendered, "entity", relative)
        return left


def entity_pages_generator(pelican):
    """Receiver of `get_generators`."""
    return EntityPagesGenerator
