"""Where the editorial scores fall short, by cause, counted per part of the gold set.

    python -m evaluation.shortfall [--without-blind]

`evaluation.editorial` says how far each part is from the goals; this says why, in counts only,
so it may run on the held-out part and the blind set as their scores do: it names no entity,
no figure, no page. Each article goes through the ingest path, then its text (the stored body's
paragraphs, as hand-written Markdown is read) through the language's model alone, and through
the figure finder before ranking:
- each listed entity is right, of the wrong type (the type the model gave it, or one a rule
  gave), or no referent of the article (a span the model found, or a name a rule made);
- each core entity the sidebar misses is listed under another type, found by the model as a
  person, an organisation or a place but lost by a rule (dropped or cut), found by the model as
  a name of another kind (MISC, EVENT, PRODUCT…: left out), written in the text but missed by
  the model, or not written as the gold names it;
- each gold pick missing from the box's first six is in the box below them, found but left out
  of the box (no phrase, a vague or trivial quantity, ranked out or said twice), or never found.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

import yaml

from briefing.enrich import article_text
from briefing.enrich.figures import SMALL_WORD_NUMBER, Figure, find_figures
from briefing.enrich.entities import LABELS
from briefing.enrich.nlp import pipeline
from briefing.extract.handwritten import markdown_paragraphs
from briefing.record import Article, Entity
from evaluation.corpus import exit_status
from evaluation.editorial import BLIND, GOLD, TOP, _names, _same_value, analysed, gold_available, names_key

NOT_A_WORD = re.compile(r"[^\w\s'’-]")
PARTS = ("tune", "dev", "fresh", "held", BLIND)


def entity_cause(entity: Entity, real: list[tuple[str, set[str]]], model: dict[str, set[str]]) -> str:
    """Why a listed entity counts as it does; `real`, the gold's (type, names); `model`, the
    types the model gave each name (compared as `names_key` compares)."""
    names = {names_key(n) for n in (entity.name, *entity.aliases)}
    if any(kind == entity.type and names & gold for kind, gold in real):
        return "right"
    if any(names & gold for _kind, gold in real):
        return "wrong type, the model's" if any(entity.type in model.get(n, ()) for n in names) else "wrong type, a rule's"
    return "no referent, the model's span" if any(n in model for n in names) else "no referent, a rule's name"


def core_cause(core: dict, listed: list[Entity], model: dict[str, set[str]], text: str) -> str:
    """Why a gold core entity is listed or not."""
    names = _names(core)
    found = [e for e in listed if {names_key(n) for n in (e.name, *e.aliases)} & names]
    if any(e.type == core["type"] for e in found):
        return "listed"
    if found:
        return "listed under another type"
    said = set().union(*(model.get(n, set()) for n in names))
    if said - {"other"}:
        return "found by the model, lost by a rule"
    if said:
        return "found by the model as a name of another kind"  # MISC, EVENT, NORP, PRODUCT…
    written = " " + names_key(NOT_A_WORD.sub(" ", text)) + " "  # whole words: "Iran" is not in "Iranian"
    return "written, missed by the model" if any(f" {n} " in written for n in names) else "not written as named"


def pick_cause(pick: dict, box: list, candidates: list[Figure]) -> str:
    """Why a gold pick is in the box's first six or not; `candidates`, every quantity the finder
    saw before ranking."""
    if any(_same_value(f.value, pick["value"]) for f in box[:TOP]):
        return "in the top six"
    if any(_same_value(f.value, pick["value"]) for f in box):
        return "in the box, below six"
    same = [f for f in candidates if _same_value(f.value, pick["value"])]
    if not same:
        return "never found"
    if not any(f.phrase for f in same):
        return "found, no phrase"
    if all(f.vague for f in same):
        return "found, vague"
    if all(f.kind == "count" and f.display[:1].isalpha() and f.value <= SMALL_WORD_NUMBER for f in same):
        return "found, a small count in words"
    return "found, ranked out or said twice"


def model_types(article: Article) -> tuple[str, dict[str, set[str]], list[Figure]]:
    """The text the model reads, the types its spans get (by name key), and every quantity."""
    text, _title_end, _lead_end = article_text(article.title, markdown_paragraphs(article.body))
    doc = pipeline(article.lang)(text)
    types: dict[str, set[str]] = {}
    for ent in doc.ents:
        types.setdefault(names_key(ent.text), set()).add(LABELS.get(ent.label_, "other"))
    return text, types, find_figures(doc, article.lang, text)


def shortfall(without_blind: bool = False) -> dict[str, Counter]:
    gold = [item for item in yaml.safe_load(GOLD.read_text("utf-8"))
            if item["split"] in PARTS and not (without_blind and item["split"] == BLIND)]
    counts = {part: Counter() for part in PARTS if not (without_blind and part == BLIND)}
    for item, article in analysed(gold):
        found = counts[item["split"]]
        if not isinstance(article, Article):
            found["failed"] += 1
            continue
        text, types, candidates = model_types(article)
        entities = item.get("entities") or {}
        real = [(e["type"], _names(e)) for e in (entities.get("core") or []) + (entities.get("other") or [])]
        found.update(f"entity: {entity_cause(e, real, types)}" for e in article.entities)
        found.update(f"core: {core_cause(c, list(article.entities), types, text)}" for c in entities.get("core") or [])
        picks = ((item.get("figures") or {}).get("picks") or [])[:TOP]
        found.update(f"pick: {pick_cause(p, list(article.key_figures), candidates)}" for p in picks)
        found["articles"] += 1
    return counts


def table(counts: dict[str, Counter]) -> str:
    """One row a cause, one column a part."""
    causes = sorted({cause for found in counts.values() for cause in found}, key=lambda c: (c != "articles", c))
    lines = ["| cause | " + " | ".join(counts) + " |", "| --- |" + " ---: |" * len(counts)]
    lines += [f"| {cause} | " + " | ".join(str(found[cause]) for found in counts.values()) + " |" for cause in causes]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not gold_available():
        print("no corpus: nothing to count")
        return 0
    counts = shortfall(without_blind="--without-blind" in argv)
    print(table(counts))
    return exit_status([f"{part}: {found['failed']} page(s) failed" for part, found in counts.items() if found["failed"]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
