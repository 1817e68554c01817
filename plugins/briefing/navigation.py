"""What every page's frame shows: the interface's labels, the header's categories, the
canonical address."""

from __future__ import annotations

import heapq

from briefing.text import reading_order

from .settings import interface_labels, is_local, published_address, site_address


def add_interface_labels(generator) -> None:
    """Receiver of `generator_init`: `ui`, the theme's labels in the interface's language, and
    `briefing_canonical_root`, the public address canonical links start with ("" when the
    site has none yet: a canonical link to localhost would mislead search engines), and
    `briefing_site_address`, the absolute address link previews need (the feeds' one)."""
    generator.context["ui"] = interface_labels(generator.settings["BRIEFING_UI_LANG"])
    address = published_address(generator.settings)
    generator.context["briefing_canonical_root"] = address if address and not is_local(address) else ""
    generator.context["briefing_site_address"] = site_address(generator.settings)
    generator.context.setdefault("briefing_once", Once())


class Once:
    """`briefing_once(macro, *key, args=[...])` in a template: the macro's output for that key
    (called with `args`), rendered the first time only. For what is the same on thousands of
    pages: the site's header differs only with SITEURL (relative: one per folder depth), so
    2,600 pages render it a handful of times; an article's line on the entity pages is the same
    on each of the ten to thirty pages of the entities it names. The key must name everything
    the macro reads that varies within a build; one object per build (Pelican's context is made
    anew for each)."""

    def __init__(self) -> None:
        self.made: dict = {}

    def __call__(self, macro, *key, args=()):
        if key not in self.made:
            self.made[key] = macro(*args)
        return self.made[key]


def list_header_categories(generator) -> None:
    """Receiver of `article_generator_finalized`: `briefing_nav_categories`, the biggest
    categories in name order (all of them are one click away on the categories page; a
    hundred links on each page help nobody)."""
    biggest = heapq.nsmallest(generator.settings["BRIEFING_NAV_CATEGORIES"], generator.context.get("categories", []),
                              key=lambda pair: (-len(pair[1]), reading_order(pair[0].name)))
    generator.context["briefing_nav_categories"] = sorted((category for category, _ in biggest),
                                                          key=lambda c: reading_order(c.name))
