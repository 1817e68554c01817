"""`places/index.html`: the places the articles name on an offline world map, `svg#places-map`.

One circle per place with known coordinates (gazetteer.py), its area proportional to the
place's mentions over every article, each a link to the place's entity page, drawn at build
on Natural Earth's land outline (equirectangular, data/world.json): no JavaScript, no tile
server. Places the gazetteer does not know ("Moyen-Orient") are listed beside the map, and
every place is listed in words, so the map is never the only way to a page.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from pelican.generators import Generator, PelicanTemplateNotFound

from briefing.text import reading_order

from .gazetteer import locate, prepare, use_cache, world

log = logging.getLogger(__name__)
LARGEST, SMALLEST = 9.0, 1.2  # circle radii, in degrees of the 360-wide map


@dataclass(frozen=True)
class PlaceMark:
    page: object  # the place's EntityPage
    mentions: int
    x: float | None = None  # on the map: longitude + 180
    y: float | None = None  # 90 - latitude
    r: float = 0.0


def place_marks(pages: dict) -> list[PlaceMark]:
    """Every place of the entity index with its mentions over all its articles, the most
    mentioned first; located ones with their circle."""
    counted = []
    for page in pages.values():
        if page.type != "place":
            continue
        mentions = sum(link.mentions for article in page.articles for link in article.briefing_entities["place"]
                       if link.slug == page.slug)
        counted.append((page, mentions))
    counted.sort(key=lambda pair: (-pair[1], reading_order(pair[0].name)))
    most = max((mentions for _page, mentions in counted), default=1) or 1
    marks = []
    for page, mentions in counted:
        point = locate([page.name, *page.aliases])
        if point is None:
            marks.append(PlaceMark(page, mentions))
            continue
        radius = max(SMALLEST, LARGEST * math.sqrt(mentions / most))
        marks.append(PlaceMark(page, mentions, round(point[0] + 180, 2), round(90 - point[1], 2), round(radius, 2)))
    return marks


class PlacesGenerator(Generator):
    """Runs after the articles generator: the entity index is in the shared context."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Pelican makes every generator before any runs: the table of places, when none is kept
        # yet (the machine's first build), is made meanwhile by a helper on the other core
        # (gazetteer.prepare)
        self.helper = None
        if self.settings.get("CACHE_CONTENT") and self.settings.get("CACHE_PATH"):
            try:
                self.get_template("places")
            except PelicanTemplateNotFound:
                return
            self.helper = prepare(self.settings["CACHE_PATH"])

    def generate_output(self, writer) -> None:
        try:
            template = self.get_template("places")
        except PelicanTemplateNotFound:
            log.warning("briefing: the theme has no places.html: no map of places (THEME = briefing.theme_path() has it)")
            return
        settings = self.settings
        if settings.get("CACHE_CONTENT"):  # the site keeps a cache: the table of places goes there too
            use_cache(settings["CACHE_PATH"], self.helper)
        marks = place_marks(self.context.get("briefing_entity_pages", {}))
        save_as = settings["BRIEFING_PLACES_SAVE_AS"]
        outline = world()
        writer.write_file(save_as, template, self.context, relative_urls=settings.get("RELATIVE_URLS", False),
                          url=settings["BRIEFING_PLACES_URL"], page_name=save_as[:-len(".html")], template_name="places",
                          places=marks, located=[m for m in marks if m.x is not None],
                          unlocated=[m for m in marks if m.x is None], land=outline["land"],
                          map_box=" ".join(str(n) for n in outline["box"]))


def places_generator(pelican):
    """Receiver of `get_generators`."""
    return PlacesGenerator
