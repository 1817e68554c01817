"""A second sample for rules: what briefing lists on corpus pages outside the gold set.

    python -m evaluation.outside SAVE.json [--diff BEFORE.json]

The gold set's tuned part has been tuned hard; a rule written from its errors is kept only if
it also does right on pages no one annotated or tuned on. This runs the ingest path over the
trafilatura pages outside the gold set and the first 40 article-extraction-benchmark pages
outside it (43 pages since the gold set's dev split took seven of the first 53 and its fresh
split three more trafilatura pages: the fresh pages are out of this sample, so that no rule is
read on them again), saves each page's entities and first six key figures as JSON, and with
`--diff` prints what changed against a saved run: read the lines, page by page, before keeping
a rule (issue 14's third round was checked so).
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

import yaml

from briefing.config import IngestOptions
from briefing.ingest import build_articles
from briefing.record import Article
from evaluation.corpus import CORPUS
from evaluation.editorial import GOLD, TOP

BENCHMARK_PAGES = 40


def outside_pages() -> list[str]:
    """Corpus files (relative to CORPUS) that the gold set does not hold, in a fixed order."""
    used = {item["file"] for item in yaml.safe_load(GOLD.read_text("utf-8"))}
    pages = sorted(str(p.relative_to(CORPUS)) for p in (CORPUS / "trafilatura-pages/html").glob("*.html"))
    benchmark = sorted(str(p.relative_to(CORPUS)) for p in (CORPUS / "article-extraction-benchmark/html").glob("*.html.gz"))
    return [f for f in pages if f not in used] + [f for f in benchmark if f not in used][:BENCHMARK_PAGES]


def listed() -> dict[str, dict]:
    found: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, name in enumerate(outside_pages()):
            source = CORPUS / name
            data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
            path = Path(tmp) / f"{n:03d}_{Path(name).name.split('.html')[0][:40]}.html"
            path.write_bytes(data)
            paths.append(path)
        for path, article in build_articles(paths, IngestOptions()):
            if isinstance(article, Article):
                found[path.stem] = {"lang": article.lang,
                                    "entities": [f"{e.name} ({e.type}, {e.mentions})" for e in article.entities],
                                    "figures": [f"{k.display} {k.phrase}" for k in article.key_figures[:TOP]]}
    return found


def changes(before: dict[str, dict], now: dict[str, dict]) -> list[str]:
    lines = []
    for page in sorted(set(before) | set(now)):
        for part in ("entities", "figures"):
            old, new = before.get(page, {}).get(part, []), now.get(page, {}).get(part, [])
            if old != new:
                lines.append(f"{page} {part}\n  - {[x for x in old if x not in new]}\n  + {[x for x in new if x not in old]}")
    return lines


def main(argv: list[str]) -> int:
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: nothing to list")
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    now = listed()
    Path(argv[0]).write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"{len(now)} pages listed in {argv[0]}")
    if "--diff" in argv:
        before = json.loads(Path(argv[argv.index("--diff") + 1]).read_text("utf-8"))
        print("\n".join(changes(before, now)) or "no change")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
