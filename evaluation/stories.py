"""How well ingest finds one story in several sources: pair precision and recall on a labelled
set built from the shared corpus (evaluation/story_pairs.tsv).

    python -m evaluation.stories [--jobs N] [--json] [--sweep]

Each line of the pairs file names two inputs and says whether they are one story:
- `same`: a trafilatura-corpus page saved as HTML and as a text dump (`tp:` and `tp-tags:`, the
  dump as BeautifulSoup's get_text saves it, or `tp-blocks:`, as a browser copies it); a
  benchmark page and a lightly updated copy of it (`aeb-edited:`: a new first paragraph, the
  last one dropped, a few words changed); a benchmark story republished by another site
  (`aeb-republished:`: the story's text in another site's chrome, its last paragraph cut and a
  few words changed). The corpus has no story published by two of its sites, so the wire copy
  is made, the same way for every page (documented in `republished` below).
- `different`: two benchmark or trafilatura pages about the same people, companies or places
  (the pairs of the corpus that share the most names used twice or more), including the same
  event written up by two newsrooms in their own words (not a copy: kept apart by design).

Every input goes through ingest's own record making (`briefing.ingest.records`, with `--jobs`
worker processes) and the story groups through `briefing.stories.story_groups`; a pair is
predicted one story when both land in one group (or ingest already took them for the same
text). Results are the same for any --jobs: the groups depend on the texts only.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from briefing.config import IngestOptions
from briefing.errors import InputError
from briefing.ingest import records
from briefing.stories import SAME_STORY, Copy, sketch, story_groups
from evaluation.corpus import EXTRACTION_BENCHMARK, TRAFILATURA_PAGES, exit_status, naive_text_dump, tag_split_dump

PAIRS = Path(__file__).resolve().parent / "story_pairs.tsv"
FLOORS = {"precision": 0.95, "recall": 0.85}
WORD_SWAPS = (("said", "stated"), ("says", "states"), ("the", "this"), ("a", "one"), ("le", "ce"),
              ("la", "cette"), ("a déclaré", "a indiqué"))


def read_pairs(path: Path = PAIRS) -> list[tuple[str, str, str, str]]:
    """(kind, first input, second input, label) for each line of the pairs file."""
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, a, b, label = line.split("\t")
            pairs.append((kind, a, b, label))
    return pairs


def materialise(name: str, folder: Path) -> Path:
    """The input file an item of the pairs file names, made in `folder`."""
    scheme, item = name.split(":", 1)
    if scheme == "tp":
        return TRAFILATURA_PAGES / "html" / f"{item}.html"
    if scheme == "aeb":
        target = folder / f"aeb-{item}.html"
        target.write_bytes(_benchmark_html(item))
        return target
    if scheme in ("tp-tags", "tp-blocks"):
        page = (TRAFILATURA_PAGES / "html" / f"{item}.html").read_bytes()
        target = folder / f"{scheme}-{item}.txt"
        target.write_text((tag_split_dump if scheme == "tp-tags" else naive_text_dump)(page), "utf-8")
        return target
    if scheme == "aeb-edited":
        target = folder / f"edited-{item}.html"
        target.write_text(edited(_benchmark_html(item), item), "utf-8")
        return target
    if scheme == "aeb-republished":
        target = folder / f"republished-{item}.html"
        target.write_text(republished(_benchmark_html(item), _benchmark_body(item), item), "utf-8")
        return target
    raise ValueError(f"{PAIRS.name}: unknown input {name!r}")


def _benchmark_html(item: str) -> bytes:
    return gzip.decompress((EXTRACTION_BENCHMARK / "html" / f"{item}.html.gz").read_bytes())


def _benchmark_body(item: str) -> str:
    return json.loads((EXTRACTION_BENCHMARK / "ground-truth.json").read_text("utf-8"))[item]["articleBody"]


def _change_words(text: str, rng: random.Random, count: int) -> str:
    """`count` small edits an editor makes: one word for another, in place."""
    for _ in range(count):
        old, new = WORD_SWAPS[rng.randrange(len(WORD_SWAPS))]
        hits = [m.start() for m in re.finditer(rf"\b{re.escape(old)}\b", text)]
        if hits:
            at = hits[rng.randrange(len(hits))]
            text = text[:at] + new + text[at + len(old):]
    return text


def edited(page: bytes, item: str) -> str:
    """A lightly updated version of a page: an update note first, the last paragraph gone, a
    few words changed, the title marked updated."""
    rng = random.Random(item)
    soup = BeautifulSoup(page, "lxml")
    paragraphs = [p for p in soup.find_all("p") if len(p.get_text().split()) >= 12]
    if paragraphs:
        note = soup.new_tag("p")
        note.string = "Update: this story has been updated with new information from officials."
        paragraphs[0].insert_before(note)
        if len(paragraphs) > 3:
            paragraphs[-1].decompose()
        for p in rng.sample(paragraphs[:-1] or paragraphs, min(3, max(1, len(paragraphs) - 1))):
            if p.string:
                p.string = _change_words(p.string, rng, 2)
    if soup.title and soup.title.string:
        soup.title.string = "Updated: " + soup.title.string
    return str(soup)


def republished(page: bytes, body: str, item: str) -> str:
    """The story as another site republishes a wire copy: its own header, menu, byline, reading
    list and footer around the story's paragraphs, the last one cut, a few words changed."""
    rng = random.Random(f"wire-{item}")
    soup = BeautifulSoup(page, "lxml")
    headline = (soup.title.get_text() if soup.title else "").split(" | ")[0].split(" - ")[0].strip()
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    paragraphs = [_change_words(p, rng, 1) if rng.random() < 0.3 else p for p in paragraphs]
    story = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(headline)} | The Daily Wire Desk"
            "</title></head><body><header><a href='/'>The Daily Wire Desk</a><nav><ul><li><a href='/world'>World</a>"
            "</li><li><a href='/business'>Business</a></li><li><a href='/sport'>Sport</a></li></ul></nav></header>"
            f"<main><article><h1>{html.escape(headline)}</h1><p class='byline'>By wire staff</p>{story}</article>"
            "<aside><h2>Most read</h2><ul><li><a href='/a'>Markets close higher on rate hopes</a></li>"
            "<li><a href='/b'>Five things to know this morning</a></li></ul></aside></main>"
            "<footer><p>© The Daily Wire Desk. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
            "</body></html>")


def evaluate(jobs: int, thresholds: list[float]) -> dict:
    pairs = read_pairs()
    names = sorted({name for _kind, a, b, _label in pairs for name in (a, b)})
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: materialise(name, Path(tmp)) for name in names}
        by_path = {path: name for name, path in paths.items()}
        options = IngestOptions(date=None)
        made, failed = {}, []
        for path, result in records(list(paths.values()), options, jobs=jobs):
            if isinstance(result, InputError):
                failed.append(by_path[path])
            else:
                made[by_path[path]] = result
    copies = [Copy(name, article.date, article.source, sketch(article.body)) for name, article in made.items()]
    results = {"pairs": len(pairs), "same": sum(label == "same" for *_, label in pairs),
               "different": sum(label == "different" for *_, label in pairs), "inputs": len(names),
               "inputs_failed": sorted(failed), "by_threshold": {}}
    for threshold in thresholds:
        groups = story_groups(copies, same_story=threshold)

        def one_story(a: str, b: str) -> bool:
            if a not in made or b not in made:
                return False
            if made[a].fingerprint == made[b].fingerprint:
                return True  # ingest writes the same text once ("same story")
            return a in groups and b in groups and groups[a].story == groups[b].story

        tp = fp = fn = 0
        misses, merged = [], []
        by_kind: dict[str, list[int]] = {}
        for kind, a, b, label in pairs:
            predicted = one_story(a, b)
            counts = by_kind.setdefault(kind, [0, 0])
            counts[0] += predicted == (label == "same")
            counts[1] += 1
            if predicted and label == "same":
                tp += 1
            elif predicted:
                fp += 1
                merged.append(f"{a} {b}")
            elif label == "same":
                fn += 1
                misses.append(f"{a} {b}")
        results["by_threshold"][str(threshold)] = {
            "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0, "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
            "right_by_kind": {kind: f"{right}/{total}" for kind, (right, total) in sorted(by_kind.items())},
            "merged_wrongly": merged, "missed": misses}
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="also report other thresholds (how it was chosen)")
    args = parser.parse_args(argv)
    thresholds = [SAME_STORY] + ([0.2, 0.3, 0.4, 0.6, 0.7, 0.8] if args.sweep else [])
    results = evaluate(args.jobs, thresholds)
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        print(f"{results['pairs']} pairs ({results['same']} one story, {results['different']} different stories), "
              f"{results['inputs']} inputs, {len(results['inputs_failed'])} refused by ingest")
        for threshold, figures in results["by_threshold"].items():
            print(f"threshold {threshold}: precision {figures['precision']:.3f}, recall {figures['recall']:.3f}  "
                  f"{figures['right_by_kind']}")
    chosen = results["by_threshold"][str(SAME_STORY)]
    return exit_status([f"{name} {chosen[name]:.3f} < {floor}" for name, floor in FLOORS.items() if chosen[name] < floor])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
