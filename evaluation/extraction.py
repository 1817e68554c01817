"""Extraction quality of briefing's ingest, on the shared corpus.

    python -m evaluation.extraction [--json]

(a) article-extraction-benchmark (181 pages): body precision/recall/F1 with the benchmark's
    own metric (4-gram shingles of \\w+ tokens, per-document TP/FP/FN normalised, macro mean).
(b) trafilatura-pages evaldata: share of "with" strings kept and "without" strings dropped,
    for the HTML pages and for naive text dumps of the same pages; title and date agreement.
Exits 1 when a figure falls below its floor (the floors CI enforces through tests/).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

import re

from briefing.extract.story import extract_story
from briefing.extract.read import decode, normalize_text
from evaluation.corpus import benchmark_pages, exit_status, naive_text_dump, tag_split_dump, trafilatura_pages

# Pinned floors: a change that lowers a figure below these fails CI.
FLOORS = {
    "benchmark_f1": 0.95,
    "html_with": 0.90,
    "html_without": 0.90,
    # text dumps of both common forms, issue 13's floors: "with" kept >= 95 %, "without" dropped >= 90 %
    "dump_with": 0.95,
    "dump_without": 0.90,
    "html_title": 0.88,  # headlines: tuned on half the titled pages, held out on the other (see TUNING)
    "dump_title": 0.91,  # 0.946 measured (tuned half 17/19, held out 18/18)
    # the dump BeautifulSoup's get_text("\n\n") saves (a tag splits every sentence it is in):
    # re-joined since issue 13 (75.8 % of "with" before)
    "tags_with": 0.95,
    "tags_without": 0.90,
    "tags_title": 0.85,  # 0.865 measured (tuned half 17/19, held out 15/18), issue 13's goal
}
# Headline choice (briefing/extract/headline.py, dump.find_title) was tuned on the titled pages at
# even positions of the corpus index; those at odd positions are held out and reported apart.
TUNING = "even"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(truth: str, prediction: str) -> tuple[float, float]:
    """The benchmark's per-document precision and recall (empty vs empty counts as 1)."""
    gold, pred = shingles(truth), shingles(prediction)
    if not gold and not pred:
        return 1.0, 1.0
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def benchmark() -> dict[str, float]:
    precisions, recalls = [], []
    for _item, html, truth in benchmark_pages():
        text, _ = decode(html, None)
        story = extract_story(normalize_text(text), "html")
        p, r = precision_recall(truth, "\n".join(story.paragraphs))
        precisions.append(p)
        recalls.append(r)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return {"benchmark_pages": len(precisions), "benchmark_precision": p, "benchmark_recall": r,
            "benchmark_f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class _Tally:
    kept: int = 0
    wanted: int = 0
    dropped: int = 0
    unwanted: int = 0
    titles: int = 0
    titled: int = 0
    halves: Counter = field(default_factory=Counter)  # (tune|held, exact|all) -> pages
    dates: int = 0
    dated: int = 0

    def add(self, text: str, title: str | None, date: str | None, evaldata: dict) -> list[str]:
        misses = [s for s in evaldata.get("with", []) if s not in text]
        leaks = [s for s in evaldata.get("without", []) if s in text]
        self.wanted += len(evaldata.get("with", []))
        self.kept += len(evaldata.get("with", [])) - len(misses)
        self.unwanted += len(evaldata.get("without", []))
        self.dropped += len(evaldata.get("without", [])) - len(leaks)
        if evaldata.get("title"):
            exact = (title or "").strip() == evaldata["title"].strip()
            half = "tune" if self.titled % 2 == 0 else "held"
            self.halves[half, "all"] += 1
            self.halves[half, "exact"] += exact
            self.titled += 1
            self.titles += exact
        if evaldata.get("date"):
            self.dated += 1
            self.dates += (date or "").startswith(evaldata["date"])
        return [f"missing: {s!r}" for s in misses] + [f"leaked: {s!r}" for s in leaks]


def evaldata(verbose: bool = False) -> dict[str, float]:
    html, dump, tags = _Tally(), _Tally(), _Tally()
    for page in trafilatura_pages():
        raw = page.path.read_bytes()
        text, _ = decode(raw, page.path)
        for tally, kind, source in ((html, "html", normalize_text(text)),
                                    (dump, "text", normalize_text(naive_text_dump(raw))),
                                    (tags, "text", normalize_text(tag_split_dump(raw)))):
            story = extract_story(source, kind)
            body = "\n".join([story.title or "", *story.paragraphs])
            date = story.date.date().isoformat() if story.date else None
            problems = tally.add(body, story.title, date, page.evaldata)
            if verbose and problems:
                print(f"  {kind:4} {page.path.name}: " + "; ".join(problems), file=sys.stderr)
    figures = {}
    for name, tally in (("html", html), ("dump", dump), ("tags", tags)):
        figures |= {f"{name}_with": tally.kept / tally.wanted, f"{name}_without": tally.dropped / tally.unwanted,
                    f"{name}_title": tally.titles / tally.titled, f"{name}_date": tally.dates / tally.dated,
                    f"{name}_strings": tally.wanted + tally.unwanted}
        for half in ("tune", "held"):
            figures[f"{name}_title_{half}"] = tally.halves[half, "exact"] / tally.halves[half, "all"]
    return figures


def below_floors(figures: dict[str, float]) -> list[str]:
    return [f"{k} {figures[k]:.3f} < floor {v}" for k, v in FLOORS.items() if k in figures and figures[k] < v]


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    figures = evaldata(verbose="-v" in argv) | benchmark()
    figures["seconds"] = round(time.perf_counter() - started, 1)
    if "--json" in argv:
        print(json.dumps(figures, indent=2, sort_keys=True))
    else:
        print(f"article-extraction-benchmark ({figures['benchmark_pages']} pages): "
              f"F1 {figures['benchmark_f1']:.3f}  precision {figures['benchmark_precision']:.3f}  "
              f"recall {figures['benchmark_recall']:.3f}")
        for name, label in (("html", "HTML pages"), ("dump", "text dumps (innerText-like)"),
                            ("tags", "text dumps split at every tag")):
            print(f"trafilatura-pages evaldata, {label}: with kept {figures[f'{name}_with']:.1%}  "
                  f"without dropped {figures[f'{name}_without']:.1%}  title exact "
                  f"{figures[f'{name}_title']:.1%} (tuned half {figures[f'{name}_title_tune']:.1%}, held-out half "
                  f"{figures[f'{name}_title_held']:.1%})  date {figures[f'{name}_date']:.1%}")
        print(f"({figures['seconds']} s)")
    return exit_status(below_floors(figures))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
