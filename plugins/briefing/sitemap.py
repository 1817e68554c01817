"""sitemap.xml: the front page, every article, category and entity page, with absolute URLs.

We write it ourselves because the maintained plugin stamps index pages with the build time,
and two builds of the same content must give the same bytes: here every <lastmod> is the
date of the newest article the page shows.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pelican.generators import Generator

from briefing.files import write_atomically

from .settings import site_address

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def _entry(root: str, url: str, articles) -> str:
    newest = max(a.date for a in articles)
    return f"  <url><loc>{escape(f'{root}/{url}')}</loc><lastmod>{newest.isoformat()}</lastmod></url>\n"


class SitemapGenerator(Generator):
    def generate_output(self, writer) -> None:
        articles = self.context.get("articles", [])
        if not articles:
            return
        root = site_address(self.settings)  # the feeds' address
        entries = [_entry(root, "", articles)]
        entries += [_entry(root, a.url, [a]) for a in sorted(articles, key=lambda a: a.url)]
        entries += [_entry(root, c.url, members) for c, members in sorted(self.context.get("categories", []),
                                                                           key=lambda pair: pair[0].url)]
        pages = self.context.get("briefing_entity_pages", {})
        if pages:
            entries.append(_entry(root, self.settings["BRIEFING_ENTITIES_URL"], articles))
            entries += [_entry(root, pages[slug].url, pages[slug].articles) for slug in sorted(pages)]
        write_atomically(Path(self.output_path) / "sitemap.xml", HEADER + "".join(entries) + "</urlset>\n",
                         durable=False)  # as Pelican writes pages


def sitemap_generator(pelican):
    """Receiver of `get_generators`."""
    return SitemapGenerator
