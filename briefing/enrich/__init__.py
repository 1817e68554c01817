"""Enrichment: named entities and key figures, found once at ingest with spaCy.

`enrich_texts` runs each language's pipeline once over a batch (`nlp.pipe`), never the French
model on English text; a language without a model gets no entities and no figures. A long
text is read in chunks of whole paragraphs (spaCy refuses texts over `nlp.max_length`, and
memory grows with a document), its mentions and quantities put back at their offsets in the
whole text before names are merged and figures ranked. A text that makes the analysis fail
gets an EnrichmentError of its own; the others of its batch are still analysed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from briefing.record import Entity, KeyFigure

CHUNK_CHARS = 100_000  # the longest text spaCy reads at once (its own limit is 1,000,000)


@dataclass(frozen=True)
class Enrichment:
    entities: tuple[Entity, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()


class EnrichmentError(Exception):
    """The analysis of one text failed: the reason, for that article's one line."""


def article_text(title: str, paragraphs: list[str]) -> tuple[str, int, int]:
    """The text NLP reads (headline, blank line, paragraphs) and where headline and lead end."""
    text = "\n\n".join([title, *paragraphs])
    title_end = len(title)
    return text, title_end, title_end + 2 + (len(paragraphs[0]) if paragraphs else 0)


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) of a text cut at paragraph breaks into pieces of at most `limit`
    characters; a paragraph longer than that is cut at a space (or, failing one, anywhere)."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start, start + limit + 2)  # a break right at the limit counts
        if cut <= start:
            cut = text.rfind(" ", start, start + limit + 1)
        if cut <= start:
            cut = start + limit
        pieces.append((start, text[start:cut]))
        start = cut
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def enrich_texts(items: list[tuple[str, str, list[str]]]) -> list[Enrichment | EnrichmentError]:
    """(lang, title, paragraphs) -> Enrichment (or EnrichmentError), in input order, one
    nlp.pipe per language."""
    from briefing.enrich.nlp import has_model

    results: list[Enrichment | EnrichmentError] = [Enrichment()] * len(items)
    for lang in sorted({lang for lang, _t, _p in items if has_model(lang)}):
        indexes = [i for i, (code, _t, _p) in enumerate(items) if code == lang]
        try:
            found = _analyse(lang, [items[i] for i in indexes])
        except Exception:  # one text broke the batch: each alone, so only it fails
            found = [_analysed_alone(lang, items[i]) for i in indexes]
        for i, result in zip(indexes, found):
            results[i] = result
    return results


def _analysed_alone(lang: str, item: tuple[str, str, list[str]]) -> Enrichment | EnrichmentError:
    try:
        return _analyse(lang, [item])[0]
    except Exception as exc:
        return EnrichmentError(f"analysis failed: {type(exc).__name__}: {exc}")


def _analyse(lang: str, items: list[tuple[str, str, list[str]]]) -> list[Enrichment]:
    """Entities and figures of texts of one language: every chunk of every text through one
    nlp.pipe, then each text's findings merged at their offsets."""
    from briefing.enrich.entities import find_mentions, group_entities
    from briefing.enrich.figures import find_figures, name_ages, rank
    from briefing.enrich.nlp import BATCH_SIZE, pipeline

    prepared = [article_text(title, paragraphs) for _lang, title, paragraphs in items]
    pieces = [(n, offset, piece) for n, (text, _t, _l) in enumerate(prepared) for offset, piece in chunks(text)]
    mentions: list[list] = [[] for _ in items]
    figures: list[list] = [[] for _ in items]
    docs = pipeline(lang).pipe((piece for _n, _o, piece in pieces), batch_size=BATCH_SIZE)
    for (n, offset, piece), doc in zip(pieces, docs):  # the piece is the doc's text (spaCy keeps every character)
        found = find_mentions(doc, lang, piece)
        mentions[n] += [dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in found] if offset else found
        for figure in find_figures(doc, lang, piece):
            figure.start, figure.end = figure.start + offset, figure.end + offset
            if figure.named_from is not None:
                figure.named_from += offset
            figures[n].append(figure)
    results = []
    for n, (text, title_end, lead_end) in enumerate(prepared):
        entities = group_entities(mentions[n], text, lang, lead_end, title_end)
        ranked = rank(name_ages(figures[n], mentions[n], entities, lang), title_end, lead_end, lang)
        results.append(Enrichment(entities, tuple(f.key_figure() for f in ranked)))
    return results
