"""Entities and key figures of each article, ready for templates; the entity index of the site.

Reads the metadata ingest wrote (no NLP at build time). An article without any entity metadata
(written by hand) is enriched here with the same code as ingest. Settings (BRIEFING_ prefix):
BRIEFING_RELATED_ARTICLES (how many related articles an article lists, default 3),
BRIEFING_SIDEBAR_FIGURES (how many key figures an article shows, default 6),
BRIEFING_NAV_CATEGORIES (how many categories, the biggest, the header lists, default 8).
"""

from __future__ import annotations

import heapq
import logging
import re
from importlib import resources
from collections import Counter
from dataclasses import dataclass, field

import nh3
import numpy
import yaml
from bs4 import BeautifulSoup
from pelican import signals

from briefing.article import ENTITY_TYPES
from briefing.enrich import enrich_texts
from briefing.enrich.entities import entity_slug

log = logging.getLogger(__name__)

DEFAULTS = {"BRIEFING_RELATED_ARTICLES": 3, "BRIEFING_SIDEBAR_FIGURES": 6, "BRIEFING_NAV_CATEGORIES": 8,
            "BRIEFING_ENTITY_URL": "entities/{slug}/",
            "BRIEFING_ENTITY_SAVE_AS": "entities/{slug}/index.html"}


@dataclass
class EntityRef:
    """An entity as one article names it."""

    name: str
    type: str
    mentions: int
    aliases: list[str]
    slug: str
    url: str


@dataclass
class EntityPage:
    """An entity across the site: its articles (newest first), names and companions."""

    name: str
    type: str
    slug: str
    url: str
    save_as: str
    aliases: list[str] = field(default_factory=list)
    articles: list = field(default_factory=list)
    companions: list = field(default_factory=list)  # (EntityPage, shared article count)


@dataclass
class FigureRef:
    value: float
    display: str
    qualifier: str | None
    label: str
    sentence: str

    @property
    def counted(self) -> str:
        """What follows the number as the sentence says it: 'de soldats' after 'Des centaines',
        nothing after '12,5 %'."""
        if self.label == "%":
            return ""
        pattern = re.escape(self.display) + r"\s+((?:de |d'|d’|of )?)" + re.escape(self.label)
        match = re.search(pattern, self.sentence, re.I)
        return f"{match.group(1)}{self.label}" if match else self.label


def ui_labels(lang: str) -> dict:
    labels = yaml.safe_load(resources.files("briefing.data").joinpath("ui.yaml").read_text("utf-8"))
    return labels.get(lang, labels["fr"])


def setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


def _entity_dicts(article) -> list[dict]:
    value = article.metadata.get("entities")
    return [e for e in value if isinstance(e, dict) and e.get("name") and e.get("type") in ENTITY_TYPES] \
        if isinstance(value, list) else []


def _figure_dicts(article) -> list[dict]:
    value = article.metadata.get("key_figures")
    return [f for f in value if isinstance(f, dict) and "display" in f] if isinstance(value, list) else []


def enrich_hand_written(articles) -> None:
    """Articles with no entity metadata at all get it from the same code as ingest."""
    missing = [a for a in articles if "entities" not in a.metadata]
    if not missing:
        return
    items = []
    for article in missing:
        soup = BeautifulSoup(article._content or "", "html.parser")
        paragraphs = [p.get_text(" ", strip=True) for p in soup.find_all(["p", "li", "h2", "h3", "blockquote"])]
        lang = getattr(article, "lang", "fr") or "fr"
        items.append((lang, article.title, [p for p in paragraphs if p]))
    for article, found in zip(missing, enrich_texts(items)):
        article.metadata["entities"] = [e.to_dict() for e in found.entities]
        article.metadata.setdefault("key_figures", [f.to_dict() for f in found.key_figures])
        log.info("briefing: enriched %s at build time (no entity metadata)", article.source_path)


def sanitize(articles) -> None:
    """Whatever HTML an article's Markdown holds (an editor may type some), only safe HTML
    reaches the reader: no script, event handler, javascript:/data: URL, iframe or object."""
    for article in articles:
        article._content = nh3.clean(article._content or "", url_schemes={"http", "https", "mailto"})
        if article.metadata.get("summary"):
            article.metadata["summary"] = nh3.clean(str(article.metadata["summary"]))
            article._summary = article.metadata["summary"]


def attach(generator) -> None:
    """Per article: entities grouped by type, key figures, related articles; per site: the
    entity index, published in the generator context for templates and the entity pages."""
    settings = generator.settings
    articles = list(generator.articles)
    sanitize(articles)
    enrich_hand_written(articles)
    url_pattern, save_pattern = setting(settings, "BRIEFING_ENTITY_URL"), setting(settings, "BRIEFING_ENTITY_SAVE_AS")
    pages: dict[str, EntityPage] = {}
    dated = {article: (article.date.timestamp(), article.slug) for article in articles}  # aware datetimes compare slowly
    for article in articles:
        refs = []
        for data in _entity_dicts(article):
            slug = entity_slug(str(data["name"]))
            page = pages.setdefault(slug, EntityPage(str(data["name"]), data["type"], slug,
                                                     url_pattern.format(slug=slug), save_pattern.format(slug=slug)))
            page.articles.append(article)
            for alias in [str(data["name"]), *map(str, data.get("aliases") or [])]:
                if alias != page.name and alias not in page.aliases:
                    page.aliases.append(alias)
            refs.append(EntityRef(str(data["name"]), data["type"], int(data.get("mentions", 1)),
                                  list(map(str, data.get("aliases") or [])), slug, page.url))
        article.briefing_entities = {kind: [r for r in refs if r.type == kind] for kind in ENTITY_TYPES}
        article.briefing_entity_slugs = {r.slug for r in refs}
        article.briefing_figures = [FigureRef(f.get("value"), str(f["display"]), f.get("qualifier"),
                                              str(f.get("label", "")), str(f.get("sentence", "")))
                                    for f in _figure_dicts(article)][:setting(settings, "BRIEFING_SIDEBAR_FIGURES")]
    for page in pages.values():
        page.articles = sorted(set(page.articles), key=dated.__getitem__, reverse=True)
        together = Counter(slug for a in page.articles for slug in a.briefing_entity_slugs if slug != page.slug)
        page.companions = [(pages[slug], count) for slug, count in
                           heapq.nsmallest(8, together.items(), key=lambda item: (-item[1], pages[item[0]].name))]
    rank_related(articles, pages, setting(settings, "BRIEFING_RELATED_ARTICLES"))
    by_type = {kind: sorted((p for p in pages.values() if p.type == kind), key=lambda p: (-len(p.articles), p.name))
               for kind in ENTITY_TYPES}
    generator.context["ui"] = ui_labels(settings.get("BRIEFING_UI_LANG", "fr"))
    # the header of every page: the biggest categories in name order (all of them are one
    # click away on the categories page); a hundred links on each page help nobody
    biggest = heapq.nsmallest(setting(settings, "BRIEFING_NAV_CATEGORIES"), generator.context.get("categories", []),
                              key=lambda pair: (-len(pair[1]), pair[0].name))
    generator.context["briefing_nav_categories"] = sorted((category for category, _ in biggest), key=lambda c: c.name)
    generator.context["briefing_entity_pages"] = pages
    generator.context["briefing_entities_by_type"] = by_type


def rank_related(articles: list, pages: dict[str, EntityPage], limit: int) -> None:
    """Each article's related articles: the `limit` others that share the most entities with it,
    the newest first among equals. Found through the entity index, not every pair of articles;
    the counting is numpy's, since an entity named in thousands of articles makes each of them
    a candidate of the others (34.7 s of Python counting at 10,000 benchmark articles)."""
    newest_first = sorted(range(len(articles)), key=lambda i: (-articles[i].date.timestamp(), articles[i].slug))
    rank = numpy.empty(len(articles), dtype=numpy.int64)
    rank[newest_first] = numpy.arange(len(articles))
    index = {article: i for i, article in enumerate(articles)}
    members = {slug: numpy.fromiter((index[a] for a in page.articles), dtype=numpy.int64, count=len(page.articles))
               for slug, page in pages.items()}
    for i, article in enumerate(articles):
        article.briefing_related = []
        if not article.briefing_entity_slugs or limit <= 0:
            continue
        others, shared = numpy.unique(numpy.concatenate([members[slug] for slug in article.briefing_entity_slugs]),
                                      return_counts=True)
        keep = others != i
        others, shared = others[keep], shared[keep]
        order = numpy.lexsort((rank[others], -shared))[:limit]  # most shared first, then newest
        article.briefing_related = [articles[j] for j in others[order]]


def register():
    signals.article_generator_finalized.connect(attach)
