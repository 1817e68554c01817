"""Access to the shared corpus, and naive text dumps of its pages.

The corpus lives beside the project (../shared/corpus) and is never committed; set
BRIEFING_CORPUS to point elsewhere.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("BRIEFING_CORPUS", PROJECT.parent / "shared" / "corpus"))
TRAFILATURA_PAGES = CORPUS / "trafilatura-pages"
EXTRACTION_BENCHMARK = CORPUS / "article-extraction-benchmark"

# Elements after which a browser starts a new line: the block structure a copy-paste keeps.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr "
    "ul title option button label".split())
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")
NOT_TEXT = (Comment, Doctype, Declaration, ProcessingInstruction)


def exit_status(failures: list[str]) -> int:
    """Report figures below their floors on stderr; 1 when there is any."""
    for failure in failures:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


def corpus_available() -> bool:
    return TRAFILATURA_PAGES.is_dir() and EXTRACTION_BENCHMARK.is_dir()


@dataclass(frozen=True)
class EvalPage:
    path: Path
    language: str
    evaldata: dict


def trafilatura_pages() -> list[EvalPage]:
    index = json.loads((TRAFILATURA_PAGES / "index.json").read_text("utf-8"))
    return [EvalPage(TRAFILATURA_PAGES / p["file"], p["language"], p["evaldata"])
            for p in index["pages"]]


def benchmark_pages() -> Iterator[tuple[str, bytes, str]]:
    """(item id, HTML bytes, gold article body) for the article-extraction-benchmark."""
    truth = json.loads((EXTRACTION_BENCHMARK / "ground-truth.json").read_text("utf-8"))
    for item_id in sorted(truth):
        html = gzip.decompress((EXTRACTION_BENCHMARK / "html" / f"{item_id}.html.gz").read_bytes())
        yield item_id, html, truth[item_id]["articleBody"]


def naive_text_dump(html: bytes | str) -> str:
    """All visible text of a page as a naive scraper saves it: blocks separated by blank lines."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(INVISIBLE_TAGS):
        tag.decompose()
    pieces: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NOT_TEXT):
                continue
            if isinstance(child, NavigableString):
                pieces.append(str(child))
                continue
            block = child.name in BLOCK_TAGS
            if block:
                pieces.append("\n\n")
            walk(child)
            if block:
                pieces.append("\n\n")

    walk(soup)
    blocks = (re.sub(r"\s+", " ", b).strip() for b in re.split(r"\n\s*\n", "".join(pieces)))
    return "\n\n".join(b for b in blocks if b) + "\n"


def tag_split_dump(html: bytes | str) -> str:
    """All visible text as BeautifulSoup's `get_text("\\n\\n", strip=True)` saves it, the other
    common way: every tag boundary breaks the text (a link splits its sentence in three)."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(INVISIBLE_TAGS):
        tag.decompose()
    return re.sub(r"\n{3,}", "\n\n", soup.get_text("\n\n", strip=True)) + "\n"
