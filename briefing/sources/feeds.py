"""Reading sources: RSS/Atom feeds (feedparser), OPML lists of feeds (listparser), sitemaps
(lxml without entities, DTDs or network) and lists of URLs. Each is parsed from bytes already
fetched and bounded (never from an address: both libraries would fetch it themselves, past
the guard), and a document that declares XML entities is refused before any parser sees it."""

from __future__ import annotations

import calendar
import html
import re
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin

import feedparser
import listparser
from lxml import etree

from briefing.extract.dates import relative_date
from briefing.sources.guard import MAX_FEEDS, MAX_ITEMS
from briefing.sources.urls import is_web_address, normalise_url

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
TAG = re.compile(r"<[^>]+>")


class SourceError(Exception):
    """A feed, list or sitemap that cannot be read: the reason, for one line of output."""


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's guid, else its normalised address
    url: str | None  # the page, tracking parameters removed
    title: str | None = None
    author: str | None = None
    date: datetime | None = None  # never after the fetch
    html: str = ""  # the feed's own text for it (content, else summary), sanitised by feedparser

    @property
    def words(self) -> int:
        return len(html.unescape(TAG.sub(" ", self.html)).split())


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: list[FeedItem]
    dropped: int = 0  # items past MAX_ITEMS, or with neither a link nor a guid


def refuse_entities(data: bytes) -> None:
    if ENTITY_DECLARATION.search(data[:65536]):
        raise SourceError("declares XML entities (refused: a feed, list or sitemap needs none)")


def parse_feed(data: bytes, address: str, fetched: datetime) -> Feed:
    """The items of an RSS or Atom feed, in the feed's order; dates no later than `fetched`,
    a relative one ("il y a 3 heures") read against it."""
    refuse_entities(data)
    parsed = feedparser.parse(data, response_headers={"content-location": address})
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise SourceError(f"not a readable feed ({problem})" if problem else "a feed with no item")
    items, dropped = [], 0
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if is_web_address(entry.get("id", "")) else None)
        url = normalise_url(urljoin(address, link)) if link and is_web_address(urljoin(address, link)) else None
        key = entry.get("id") or url
        if not key or len(items) >= MAX_ITEMS:
            dropped += 1
            continue
        content = entry.get("content") or []
        items.append(FeedItem(
            key=key, url=url, title=_plain(entry.get("title")),
            author=_plain((entry.get("author_detail") or {}).get("name") or entry.get("author")),  # a name, not an e-mail
            date=_entry_date(entry, fetched, parsed.feed.get("language")),
            html=(content[0].get("value") if content else None) or entry.get("summary") or ""))
    return Feed(_plain(parsed.feed.get("title")), items, dropped)


def _entry_date(entry, fetched: datetime, lang: str | None) -> datetime | None:
    for key in ("published", "updated", "created"):
        if key not in entry:
            continue
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            moment = datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc)
        elif entry.get(key):
            moment = relative_date(entry[key], fetched, (lang or "")[:2].lower() or None)
        else:
            continue
        if moment is not None and moment <= fetched:  # a date after the fetch is no publication date
            return moment
    return None


def _plain(text: str | None) -> str | None:
    text = " ".join(html.unescape(TAG.sub(" ", text or "")).split())
    return text or None


def parse_opml(data: bytes) -> list[tuple[str, str | None]]:
    """(feed address, title) of each feed an OPML list names, at most MAX_FEEDS."""
    refuse_entities(data)
    parsed = listparser.parse(data)  # bytes: listparser fetches nothing
    feeds = [(feed.url, feed.get("title") or None) for feed in parsed.feeds if is_web_address(feed.url or "")]
    if not feeds:
        raise SourceError("an OPML list with no feed address")
    return feeds[:MAX_FEEDS]


def parse_sitemap(data: bytes, address: str, max_bytes: int) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(pages with their lastmod, child sitemaps) of a sitemap or sitemap index, gzipped or
    not, each list at most MAX_ITEMS long."""
    if data.startswith(b"\x1f\x8b"):
        data = _gunzip(data, max_bytes)
    refuse_entities(data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"not a readable sitemap ({exc})") from None
    pages, children = [], []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        fields = {etree.QName(child).localname: (child.text or "").strip() for child in entry if isinstance(child.tag, str)}
        loc = urljoin(address, fields.get("loc", ""))
        if not is_web_address(loc):
            continue
        if etree.QName(entry).localname == "sitemap":
            children.append(loc)
        elif etree.QName(entry).localname == "url":
            pages.append((loc, fields.get("lastmod") or None))
    if not pages and not children:
        raise SourceError("a sitemap with no address")
    return pages[:MAX_ITEMS], children[:MAX_ITEMS]


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise SourceError(f"a broken gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise SourceError("too large once unzipped")
    return out


def parse_url_list(data: bytes) -> list[str]:
    """The addresses of a text file, one a line (blank lines and # comments left out)."""
    lines = (line.strip() for line in data.decode("utf-8", "replace").splitlines())
    urls = [line for line in lines if line and not line.startswith("#")]
    bad = [line for line in urls if not is_web_address(line)]
    if bad:
        raise SourceError(f"'{bad[0][:80]}' is not an http(s) address")
    return urls[:MAX_ITEMS]
