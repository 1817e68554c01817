"""Dump headlines on a development set: the 181 article-extraction-benchmark pages.

    python -m evaluation.headline_dev [-v]

The benchmark has no headline annotation; briefing's headline of the HTML page (exact on every
gold page) is the reference, and each page's two dumps (innerText-like, `get_text("\\n\\n")`)
are scored against it. A development set for `dump.find_title`, beside the tuned half of the
corpus's titled pages (evaluation/extraction.py); the held-out half is never read here.
"""

from __future__ import annotations

import sys

from briefing.extract.read import decode, normalize_text
from briefing.extract.story import extract_story
from evaluation.corpus import benchmark_pages, naive_text_dump, tag_split_dump


def development(verbose: bool = False) -> dict[str, int]:
    counts = {"pages": 0, "blocks": 0, "tags": 0}
    for item, html, _truth in benchmark_pages():
        text, _ = decode(html, None)
        reference = (extract_story(normalize_text(text), "html").title or "").strip()
        counts["pages"] += 1
        for name, dump in (("blocks", naive_text_dump(html)), ("tags", tag_split_dump(html))):
            title = (extract_story(normalize_text(dump), "text").title or "").strip()
            counts[name] += title == reference
            if verbose and title != reference:
                print(f"  {name:6} {item[:12]}: {title!r} != {reference!r}", file=sys.stderr)
    return counts


def main(argv: list[str]) -> int:
    counts = development(verbose="-v" in argv)
    print(f"benchmark dumps, headline = briefing's HTML headline: innerText {counts['blocks']}/{counts['pages']}, "
          f"tag-split {counts['tags']}/{counts['pages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
