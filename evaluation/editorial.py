"""What a reader sees in the sidebar and the box, against an editor's gold set.

    python -m evaluation.editorial [--json] [--errors] [--mistakes] [--without-blind]

`--errors` lists the tuning part's mistakes by kind (entity not a referent, core entity
missing, figure missing, figure not picked), never the held-out part's or the fresh sets':
rules are tuned on what it prints, and the held-out and fresh figures stay a measure of pages no
rule was written for. `--mistakes` lists the mistakes of the seen parts (tune, dev, fresh), never
the held-out part's or the blind set's (`fresh2`); `--json` leaves those out too.
`--without-blind` does not score the blind set at all, for measuring the other parts while it
is kept for one final measurement.

On evaluation/gold/editorial.yaml (36 corpus articles, 18 French and 18 English, a third of
each held out), each page goes through the ingest path (`build_articles`: extraction, then
spaCy) and is scored as a reader meets it:
- headline exactness: the record's title is the headline the publication prints (also for the
  same pages saved as text dumps of both common forms: `headline_blocks`, `headline_tags`);
- entity precision (per article, averaged): the listed entities that are a real referent of
  the article with the right type (a gold `core` or `other` entity, matched by any of its
  names);
- core-entity recall: the gold `core` entities the sidebar lists, with the right type;
- figure recall in the top six: the gold picks (their first six) found among the box's first
  six figures (same value);
- top-six figure precision: the box's first six figures that are a gold pick or another
  genuine quantity of the gold;
- lead clean (evaluation/gold/leads.yaml, issue 13): the summary holds none of the bylines,
  datelines, credits and kickers the page prints around the story's opening;
- category right: the record's category is one an editor would file the article under.
Every figure is reported for the tuning part, the held-out part, and both ("all"); articles of
split `dev` are a fresh development set (annotated in issue 14's third round, after the rules
of the first two): reported apart, never in "all", with their headline, entity and figure
scores only (leads.yaml does not annotate them). Articles of split `fresh` are a blind test set
(16 pages annotated after the ninth round, chosen by a rule written before reading them):
reported apart like `dev`, and by language (`fresh_fr`, `fresh_en`); `--errors` never prints
their mistakes, so that they stay a measure. Since the tenth round `fresh` counts as seen
material (its mistakes were read to choose that round's fixes); split `fresh2` (12 English pages
chosen and annotated before that round's code) is the blind set now: reported apart as
`fresh2`, never in "all", its mistakes printed by no option.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.config import IngestOptions
from briefing.ingest import build_articles
from briefing.record import Article
from evaluation.corpus import CORPUS, exit_status

GOLD = Path(__file__).resolve().parent / "gold" / "editorial.yaml"
LEADS = GOLD.with_name("leads.yaml")
TOP = 6
# Floors in CI (tests/real/test_quality_gate.py), a little under what this version measures on
# the held-out part, which is small (6 French and 7 English articles): read them as noisy. The
# issue's goals (entity precision 0.9, core recall 0.95, figure recall 0.8, figure precision
# 0.85) are not all reached yet; the README's quality table says where we stand.
BLIND = "fresh2"  # the blind split: scored last, or not at all with --without-blind
UNSEEN = ("held", BLIND)  # the splits no option prints mistakes of (see the docstring)
FLOORS = {"entity_precision": 0.66, "core_recall": 0.80, "figure_recall": 0.65, "figure_precision": 0.80,
          "headline": 0.95, "headline_blocks": 0.85, "headline_tags": 0.80, "lead_clean": 0.90, "category": 0.35,
          "lead_clean_blocks": 0.85, "lead_clean_tags": 0.90}


def gold_available() -> bool:
    return GOLD.is_file() and CORPUS.is_dir()


def names_key(name: str) -> str:
    """A name as compared: case, accents, apostrophes and dashes aside."""
    text = unicodedata.normalize("NFKD", name.casefold().replace("’", "'").replace("‑", "-"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).replace("-", " ").split())


@dataclass
class Scores:
    headline: list[bool]
    entity_precision: list[float]
    core_found: int = 0
    core_total: int = 0
    figure_found: int = 0
    figure_total: int = 0
    figure_good: int = 0
    figure_shown: int = 0
    lead_clean: list[bool] = field(default_factory=list)
    category: list[bool] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        ratio = lambda a, b: round(a / b, 3) if b else 1.0  # noqa: E731
        return {"articles": len(self.headline),
                "headline": ratio(sum(self.headline), len(self.headline)),
                "entity_precision": ratio(sum(self.entity_precision), len(self.entity_precision)),
                "core_recall": ratio(self.core_found, self.core_total),
                "figure_recall": ratio(self.figure_found, self.figure_total),
                "figure_precision": ratio(self.figure_good, self.figure_shown),
                **({"lead_clean": ratio(sum(self.lead_clean), len(self.lead_clean)),
                    "category": ratio(sum(self.category), len(self.category))} if self.lead_clean else {})}


def _names(entity: dict) -> set[str]:
    return {names_key(n) for n in [entity["name"], *(entity.get("aliases") or [])]}


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(b) * 0.01, 1e-9)


def score(article: Article, gold: dict, scores: Scores, mistakes: list[str]) -> None:
    """Add one article's figures to `scores`; name what went wrong in `mistakes`."""
    scores.headline.append(names_key(article.title) == names_key(gold["title"]))
    if not scores.headline[-1]:
        mistakes.append(f"title: {article.title!r} != {gold['title']!r}")
    entities = gold.get("entities") or {}
    real = [(e["type"], _names(e)) for e in (entities.get("core") or []) + (entities.get("other") or [])]
    listed = [(e.type, {names_key(n) for n in (e.name, *e.aliases)}) for e in article.entities]
    good = [any(kind == k and names & gold_names for k, gold_names in real) for kind, names in listed]
    scores.entity_precision.append(sum(good) / len(good) if good else 1.0)
    mistakes += [f"entity not a referent: {e.name} ({e.type})" for e, ok in zip(article.entities, good) if not ok]
    for core in entities.get("core") or []:
        scores.core_total += 1
        if any(kind == core["type"] and names & _names(core) for kind, names in listed):
            scores.core_found += 1
        else:
            mistakes.append(f"core entity missing: {core['name']} ({core['type']})")
    figures = gold.get("figures") or {}
    picks, others = figures.get("picks") or [], figures.get("other") or []
    shown = article.key_figures[:TOP]
    for pick in picks[:TOP]:
        scores.figure_total += 1
        if any(_same_value(f.value, pick["value"]) for f in shown):
            scores.figure_found += 1
        else:
            mistakes.append(f"figure missing: {pick['display']} {pick['phrase']}")
    for f in shown:
        scores.figure_shown += 1
        if any(_same_value(f.value, g["value"]) for g in picks + others):
            scores.figure_good += 1
        else:
            mistakes.append(f"figure not picked: {f.display} {f.phrase}")


def junk_in(summary: str, junk: list[str]) -> list[str]:
    """The gold's bylines, datelines, credits and kickers found in a summary (as whole words,
    case and Markdown escapes aside)."""
    text = " ".join(re.sub(r"\\(.)", r"\1", summary).casefold().split())
    return [j for j in junk if re.search(rf"(?<!\w){re.escape(' '.join(j.casefold().split()))}(?!\w)", text)]


def score_lead(article: Article, lead: dict, scores: Scores, mistakes: list[str]) -> None:
    """Is the summary clean of what surrounds the story's opening; is the category one an
    editor would choose."""
    found = junk_in(article.summary, lead.get("lead_junk") or [])
    scores.lead_clean.append(not found)
    mistakes += [f"summary holds {j!r}" for j in found]
    categories = {names_key(c) for c in lead.get("category") or []}
    scores.category.append(names_key(article.category or "") in categories)
    if not scores.category[-1]:
        mistakes.append(f"category {article.category!r} not in {sorted(lead.get('category') or [])}")


def parts_of(item: dict) -> tuple[str, ...]:
    """The parts an article is scored in, the one that names its mistakes last: a tuned or
    held-out article also counts in "all"; the dev and fresh sets never do (fresh is also
    reported by language); the blind set is its own part."""
    if item["split"] == BLIND:
        return (BLIND,)
    if item["split"] == "fresh":
        return f"fresh_{item['lang']}", "fresh"
    return ("dev",) if item["split"] == "dev" else (item["split"], "all")


def analysed(gold: list[dict]) -> Iterator[tuple[dict, Article | Exception]]:
    """Each gold item with what the ingest path (`build_articles`) makes of its corpus page: the
    article, or the error that stopped it."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for item in gold:
            source = CORPUS / item["file"]
            data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
            path = Path(tmp) / f"{item['id']}.html"
            path.write_bytes(data)
            paths.append(path)
        by_id = {item["id"]: item for item in gold}
        for path, article in build_articles(paths, IngestOptions()):
            yield by_id[path.stem], article


def evaluate(without_blind: bool = False) -> tuple[dict[str, dict[str, float]], dict[str, list[str]]]:
    """Every part's figures, and each article's mistakes (the blind set's with them: callers
    that print go through `shown_mistakes`). `without_blind` leaves the blind set unscored."""
    gold = [item for item in yaml.safe_load(GOLD.read_text("utf-8"))
            if not (without_blind and item["split"] == BLIND)]
    leads = yaml.safe_load(LEADS.read_text("utf-8"))
    names = ("tune", "held", "all", "dev", "fresh", "fresh_fr", "fresh_en") + (() if without_blind else (BLIND,))
    parts = {name: Scores([], []) for name in names}
    mistakes: dict[str, list[str]] = {}
    for item, article in analysed(gold):
        if not isinstance(article, Article):
            mistakes[item["id"]] = [f"failed: {article}"]
            continue
        found: list[str] = []
        scored_in = parts_of(item)
        for part in scored_in:
            named = found if part == scored_in[-1] else []
            score(article, item, parts[part], named)
            if item["id"] in leads:
                score_lead(article, leads[item["id"]], parts[part], named)
        mistakes[item["id"]] = found
    summaries = {name: scores.summary() for name, scores in parts.items()}
    for name, exact in (dump_headlines(gold) | dump_leads(gold, leads)).items():
        for part in summaries:
            found = [ok for item, ok in exact if part in parts_of(item)]
            if found:
                summaries[part][name if name.startswith("lead") else f"headline_{name}"] = round(sum(found) / len(found), 3)
    return summaries, mistakes


def dump_headlines(gold: list[dict]) -> dict[str, list[tuple[dict, bool]]]:
    """Headline exactness of the same pages saved as text dumps, in both common forms
    (innerText-like blocks, and BeautifulSoup's get_text("\\n\\n") split at every tag)."""
    from briefing.extract.story import extract_story
    from evaluation.corpus import naive_text_dump, tag_split_dump

    found: dict[str, list[tuple[dict, bool]]] = {"blocks": [], "tags": []}
    for item in gold:
        source = CORPUS / item["file"]
        data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
        for name, dump in (("blocks", naive_text_dump), ("tags", tag_split_dump)):
            title = extract_story(dump(data), "text", item["lang"]).title or ""
            found[name].append((item, names_key(title) == names_key(item["title"])))
    return found


def dump_leads(gold: list[dict], leads: dict) -> dict[str, list[tuple[dict, bool]]]:
    """Lead cleanliness of the same pages saved as text dumps of both forms: the summary
    ingest makes of them holds none of the gold's bylines, datelines, credits and kickers."""
    from briefing.extract.lead import lead_paragraphs
    from briefing.extract.story import extract_story
    from briefing.lexicon import abbreviations
    from briefing.text import summarize
    from evaluation.corpus import naive_text_dump, tag_split_dump

    chars = IngestOptions().summary_chars
    found: dict[str, list[tuple[dict, bool]]] = {"lead_clean_blocks": [], "lead_clean_tags": []}
    for item in (item for item in gold if item["id"] in leads):
        source = CORPUS / item["file"]
        data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
        for name, dump in (("lead_clean_blocks", naive_text_dump), ("lead_clean_tags", tag_split_dump)):
            story = extract_story(dump(data), "text", item["lang"])
            summary = summarize(lead_paragraphs(story.paragraphs, story.lang, story.publication)[2],
                                abbreviations(story.lang), chars) if story.paragraphs else ""
            found[name].append((item, not junk_in(summary, leads[item["id"]].get("lead_junk") or [])))
    return found


def tuned_errors(mistakes: dict[str, list[str]]) -> str:
    """The tuning part's mistakes grouped by kind, with counts (held-out articles left out)."""
    tuned = {item["id"] for item in yaml.safe_load(GOLD.read_text("utf-8")) if item["split"] == "tune"}
    kinds: dict[str, list[str]] = {}
    for ident, found in mistakes.items():
        for line in found if ident in tuned else ():
            kind, _, what = line.partition(": ")
            kinds.setdefault(kind, []).append(f"  {ident}: {what}")
    return "\n".join(f"{kind} ({len(lines)})\n" + "\n".join(lines) for kind, lines in sorted(kinds.items()))


def shown_mistakes(mistakes: dict[str, list[str]]) -> dict[str, list[str]]:
    """The mistakes an option may print: the seen parts' (tune, dev, fresh), never the held-out
    part's or the blind set's, whose figures stay a measure of pages no rule was written for."""
    unseen = {item["id"] for item in yaml.safe_load(GOLD.read_text("utf-8")) if item["split"] in UNSEEN}
    return {ident: found for ident, found in mistakes.items() if ident not in unseen}


def main(argv: list[str]) -> int:
    if not gold_available():
        print(f"no corpus at {CORPUS}: nothing to evaluate")
        return 0
    results, mistakes = evaluate(without_blind="--without-blind" in argv)
    mistakes = shown_mistakes(mistakes)
    if "--json" in argv:
        print(json.dumps({"results": results, "mistakes": mistakes}, ensure_ascii=False, indent=1))
    else:
        if "--errors" in argv:
            print(tuned_errors(mistakes))
        if "--mistakes" in argv:
            for ident, found in mistakes.items():
                for line in found:
                    print(f"{ident}: {line}")
        for part, summary in results.items():
            print(f"{part:5}", "  ".join(f"{k} {v}" for k, v in summary.items()))
    held = results["held"]
    return exit_status([f"{k} {held[k]} < {floor}" for k, floor in FLOORS.items() if held[k] < floor])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
