"""Enrichment: named entities and key figures, found once at ingest with spaCy.

`enrich_texts` runs each language's pipeline once over a batch (`nlp.pipe`), never the French
model on English text; a language without a model gets no entities and no figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.record import Entity, KeyFigure


@dataclass(frozen=True)
class Enrichment:
    entities: tuple[Entity, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()


def article_text(title: str, paragraphs: list[str]) -> tuple[str, int, int]:
    """The text NLP reads (headline, blank line, paragraphs) and where headline and lead end."""
    text = "\n\n".join([title, *paragraphs])
    title_end = len(title)
    return text, title_end, title_end + 2 + (len(paragraphs[0]) if paragraphs else 0)


def enrich_texts(items: list[tuple[str, str, list[str]]]) -> list[Enrichment]:
    """(lang, title, paragraphs) -> Enrichment, in input order, one nlp.pipe per language."""
    from briefing.enrich.entities import entities_of
    from briefing.enrich.figures import key_figures_of
    from briefing.enrich.nlp import BATCH_SIZE, has_model, pipeline

    results = [Enrichment()] * len(items)
    for lang in sorted({lang for lang, _t, _p in items if has_model(lang)}):
        indexes = [i for i, (code, _t, _p) in enumerate(items) if code == lang]
        prepared = [article_text(items[i][1], items[i][2]) for i in indexes]
        docs = pipeline(lang).pipe((text for text, _t, _l in prepared), batch_size=BATCH_SIZE)
        for i, (_text, title_end, lead_end), doc in zip(indexes, prepared, docs):
            results[i] = Enrichment(entities_of(doc, lang), key_figures_of(doc, lang, title_end, lead_end))
    return results
