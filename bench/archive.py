"""An archive of N raw articles made from the real corpus pages, for the scale benchmark.

    python -m bench.archive N DEST

The sources are the shared corpus's news pages (../shared/corpus: trafilatura-pages and the
article-extraction-benchmark, saved HTML) and the seed text dump. Copy k of a page is the same
page with a varied headline, its own publication date (in the page's metadata and as the file's
modification time) and one short sentence added to its longest paragraph, so every copy is a
story of its own: a distinct fingerprint, nothing skipped as a duplicate (a page whose title
comes from elsewhere keeps its headline; the content folder then tells its slugs apart).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from pathlib import Path

import lxml.html

from evaluation.corpus import EXTRACTION_BENCHMARK, PROJECT, TRAFILATURA_PAGES, corpus_available

SEED = PROJECT / "seeds" / "000_beffc34b020fb400.txt"
FIRST_DATE = datetime(2020, 1, 6, 7, 30, tzinfo=timezone.utc)
ANGLES = ("Analyse", "Décryptage", "Récit", "Le point", "Contexte", "En bref", "Éclairage", "Dossier")


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # "html" or "text"
    text: str


def corpus_sources() -> list[Source]:
    """Every usable source page, in a fixed order."""
    if not corpus_available():
        raise SystemExit(f"the benchmark needs the shared corpus at {TRAFILATURA_PAGES.parent}")
    sources = [Source(SEED.stem, "text", SEED.read_text("utf-8"))]
    index = json.loads((TRAFILATURA_PAGES / "index.json").read_text("utf-8"))
    for page in index["pages"]:
        path = TRAFILATURA_PAGES / page["file"]
        sources.append(Source(path.name.split(".")[0], "html", _decode(path.read_bytes())))
    for path in sorted((EXTRACTION_BENCHMARK / "html").glob("*.html.gz")):
        sources.append(Source(path.name[:12], "html", _decode(gzip.decompress(path.read_bytes()))))
    return sources


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def tag(k: int) -> str:
    """A word without digits naming copy k ("ba", "bb"…): it cannot become a key figure."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    k += len(letters)
    while k:
        k, digit = divmod(k, len(letters))
        word = letters[digit] + word
    return word.capitalize()


def variant(source: Source, k: int) -> tuple[str, datetime]:
    """Copy k of a source page, and its publication date."""
    date = FIRST_DATE + timedelta(hours=7 * k, minutes=13 * (k % 5))
    angle = ANGLES[k % len(ANGLES)]
    mark = f" (Réf. {tag(k)}.)"
    if source.kind == "text":
        return _text_variant(source.text, angle, mark), date
    return _html_variant(source.text, angle, mark, date), date


def _text_variant(text: str, angle: str, mark: str) -> str:
    lines = text.split("\n")
    title = max((line for line in lines if lines.count(line) > 1 and len(line.split()) > 3), key=len, default="")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += mark
    text = "\n".join(lines)
    return text.replace(title, f"{angle} : {title}") if title else text


def _html_variant(page: str, angle: str, mark: str, date: datetime) -> str:
    document = lxml.html.document_fromstring(page)
    anchor = _anchor(page)
    for element in document.iter():
        if anchor is not None and element.text == anchor:
            element.text += mark
            break
        if anchor is not None and element.tail == anchor:
            element.tail += mark
            break
    for element in document.xpath("//title | //h1"):
        if element.text and element.text.strip():
            element.text = f"{angle} : {element.text.strip()}"
    for meta in document.xpath("//meta[@property='og:title' or @name='twitter:title']"):
        meta.set("content", f"{angle} : {meta.get('content', '')}")
    for meta in document.xpath("//meta[@property='article:published_time' or @itemprop='datePublished']"):
        meta.set("content", date.isoformat())
    html = lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")
    html = re.sub(r'("headline"\s*:\s*")', rf"\g<1>{angle} : ", html)
    return re.sub(r'("datePublished"\s*:\s*")[^"]*(")', rf"\g<1>{date.isoformat()}\g<2>", html)


@lru_cache(maxsize=None)
def _anchor(page: str) -> str | None:
    """The longest piece of text of the page that briefing keeps as article text: a sentence
    added there changes the story (a sentence added to navigation would not)."""
    from briefing.extract.html import extract_page

    kept = [" ".join(p.split()) for p in extract_page(page).paragraphs]
    document = lxml.html.document_fromstring(page)
    pieces = [piece for element in document.iter() if element.tag not in ("script", "style")
              for piece in (element.text, element.tail) if piece and len(piece.strip()) >= 20]
    # inside one paragraph (a hidden copy of the whole text spans several)
    inside = [piece for piece in pieces if any(" ".join(piece.split()) in paragraph for paragraph in kept)]
    return max(inside, key=len, default=None)


def make_archive(count: int, dest: Path) -> list[Path]:
    """Write `count` raw articles into dest (emptied first); their paths in order."""
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.iterdir():
        old.unlink()
    sources = corpus_sources()
    paths = []
    for k in range(count):
        source = sources[k % len(sources)]
        text, date = variant(source, k)
        path = dest / f"{k:05d}-{source.name}.{'txt' if source.kind == 'text' else 'html'}"
        path.write_text(text, "utf-8")
        os.utime(path, (date.timestamp(), date.timestamp()))
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    count, dest = int(argv[0]), Path(argv[1])
    paths = make_archive(count, dest)
    print(f"{len(paths)} raw articles in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
