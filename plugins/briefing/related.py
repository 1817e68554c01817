"""Related articles: for each article, the others that share the most entities with it."""

from __future__ import annotations

import numpy
from pelican.generators import ArticlesGenerator


def link_related_articles(generators) -> None:
    """Receiver of `all_generators_finalized` (after the entity index is built):
    article.briefing_related for every article."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            rank_related(list(generator.articles), generator.context.get("briefing_entity_pages", {}),
                         generator.settings["BRIEFING_RELATED_ARTICLES"])


def rank_related(articles: list, pages: dict, limit: int) -> None:
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
