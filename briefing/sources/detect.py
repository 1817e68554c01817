"""What a source is, told by its content, not its name: a feed (RSS, Atom, RSS 1.0), an OPML
list of feeds, a sitemap, a list of URLs, or none of these (a page). Light on purpose: ingest
asks it of every file it meets without loading a parser."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefing.sources.urls import is_web_address

FEED, OPML, SITEMAP, URL_LIST = "feed", "OPML list", "sitemap", "URL list"
SNIFF_BYTES = 4096  # the root element, or the first lines of a list, are in the first few KB
SNIFFED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".opml", ".txt", ".urls", ".list", ".gz", "")
ROOTS = {"rss": FEED, "feed": FEED, "rdf:rdf": FEED, "opml": OPML, "urlset": SITEMAP, "sitemapindex": SITEMAP}
# The first element of an XML document, after its declaration, comments and doctype.
_PROLOGUE = re.compile(rb"\A\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE(?:[^>\[]|\[.*?\])*>\s*)*<([A-Za-z_][\w:.-]*)", re.S)
GZIP_MAGIC = b"\x1f\x8b"


def kind_of(data: bytes) -> str | None:
    """FEED, OPML, SITEMAP, URL_LIST, or None (a page, or something else)."""
    head = data[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8)
    if head.startswith(GZIP_MAGIC):
        return SITEMAP  # a sitemap.xml.gz; read_sitemap tells it is none if so
    match = _PROLOGUE.match(head)
    if match:
        return ROOTS.get(match.group(1).decode("ascii").lower())
    lines = [line.strip() for line in head.decode("utf-8", "replace").splitlines()]
    if len(head) == SNIFF_BYTES:
        lines = lines[:-1]  # cut in the middle
    addresses = [line for line in lines if line and not line.startswith("#")]
    if addresses and all(is_web_address(line) and " " not in line for line in addresses):
        return URL_LIST
    return None


def source_kind(path: Path) -> str | None:
    """The kind of a local file, None when it is none of the sources (or cannot be read: the
    page reader says why)."""
    if path.suffix.lower() not in SNIFFED_SUFFIXES:  # a page saved as .html is a page
        return None
    try:
        with path.open("rb") as handle:
            return kind_of(handle.read(SNIFF_BYTES))
    except OSError:
        return None
