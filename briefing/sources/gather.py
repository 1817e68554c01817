"""From sources to raw files: each feed, OPML list, sitemap, URL list or address is read
(fetched through the guard when it is an address), each new item's page fetched and saved in
`sources/` beside the content folder with its sidecar, and every item already saved is
handed on without a request. What the run learnt (ETags, items) goes to the fetch state.

Nothing here writes into the content folder but its `.briefing/fetch.json`: ingest does the
rest, under the content lock, from the files this returns."""

from __future__ import annotations

import hashlib
import html
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from briefing.config import FetchOptions
from briefing.extract.read import decode
from briefing.extract.story import extract_story
from briefing.sources.detect import FEED, OPML, SITEMAP, URL_LIST, kind_of
from briefing.sources.feeds import FeedItem, SourceError, parse_feed, parse_opml, parse_sitemap, parse_url_list
from briefing.sources.fetch import Fetcher, FetchError, Response
from briefing.sources.guard import MAX_SITEMAP_DEPTH
from briefing.sources.item import ItemMeta, write_item
from briefing.sources.state import FetchState
from briefing.sources.urls import is_web_address, normalise_url

SOURCES_DIR = "sources"  # beside the content folder: Pelican never reads it
PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
Say = Callable[[str, str], None]  # (kind: "error" | "notice", one line)


@dataclass
class SourceSummary:
    """What one source gave in this run, for its summary line."""

    source: str
    kind: str = "source"
    unchanged: bool = False  # a 304: nothing read again
    items: int = 0
    new: int = 0
    from_feed: int = 0  # items whose page could not be used: the feed's text stands in
    failed: int = 0

    def line(self) -> str:
        if self.failed and not self.items:
            return f"{self.kind} {self.source}: not read"
        if self.unchanged:
            return f"{self.kind} {self.source}: unchanged since the last run (304), {self.items} item(s) known"
        parts = [f"{self.items} item(s)", f"{self.new} page(s) fetched"]
        if self.from_feed:
            parts.append(f"{self.from_feed} from the feed's own text")
        parts.append(f"{self.failed} failed")
        return f"{self.kind} {self.source}: " + ", ".join(parts)


@dataclass
class Gathered:
    files: list[Path] = field(default_factory=list)  # raw pages for ingest, in source order
    failed: int = 0  # sources and items that gave nothing, each named in one line
    summaries: list[SourceSummary] = field(default_factory=list)


@dataclass
class Pending:
    """A page to fetch: the item naming it, its source, and the places it fills in source order."""

    summary: SourceSummary
    item: FeedItem
    address: str
    slots: list[list[Path]]


def by_host_in_turn(pages: list[Pending]) -> list[Pending]:
    """The first page of each host, then the second of each, and so on (order kept within a
    host, hosts in order of first appearance)."""
    hosts: dict[str, list[Pending]] = {}
    for page in pages:
        hosts.setdefault(urlsplit(page.item.url or "").netloc.lower(), []).append(page)
    return [page for turn in itertools.zip_longest(*hosts.values()) for page in turn if page is not None]


def sources_dir(content_dir: Path) -> Path:
    return content_dir.resolve().parent / SOURCES_DIR


class Gatherer:
    """One run over the sources given: a fetcher, the fetch state, and where lines go."""

    def __init__(self, content_dir: Path, options: FetchOptions, say: Say,
                 advance: Callable[[int, int], None] | None = None) -> None:
        self.options = options
        self.say = say
        self.advance = advance or (lambda _done, _total: None)
        self.store = sources_dir(content_dir)
        self.state = FetchState.load(content_dir)
        self.now = datetime.now(timezone.utc).replace(microsecond=0)
        self.result = Gathered()
        self._slots: list[list[Path]] = []  # per item, in source order: the raw file(s) it gives
        self._pending: dict[str, Pending] = {}  # pages to fetch, by address: read every source first

    def gather(self, addresses: list[str], files: list[Path], url_lists: list[Path]) -> Gathered:
        """Every source, in order: addresses (feeds, lists, sitemaps or pages), local source
        files (recognised by content), and `--urls` files."""
        with Fetcher(self.options) as self.fetcher:
            for address in addresses:
                self._address(address)
            for path in files:
                self._local(path, kind=None)
            for path in url_lists:
                self._local(path, kind=URL_LIST)
            self._fetch_pending()
        self.state.save()
        self.result.files = list(dict.fromkeys(page for slot in self._slots for page in slot))
        return self.result

    # sources

    def _address(self, address: str, depth: int = 0) -> None:
        address = address.strip()
        summary = SourceSummary(address)
        self.result.summaries.append(summary)
        etag, last_modified = self.state.validators(address)
        try:
            response = self.fetcher.get(address, etag, last_modified, obey_robots=False)
        except FetchError as exc:
            return self._source_failed(summary, f"{address}: {exc}")
        if response.status == 304:
            summary.unchanged = True
            known = self.state.source_items(address)
            summary.kind = self.state.sources.get(address, {}).get("kind", summary.kind)
            summary.items = len(known)
            for key in known:
                self._known(key, None, self._slot())
            return None
        kind = kind_of(response.content)
        if kind is None:  # the address of a page: fetched, as the user asked for it by name
            summary.kind, summary.items = "page", 1
            page = Pending(summary, FeedItem(normalise_url(response.url), normalise_url(response.url)), address,
                           [self._slot()])
            self._save_page(page, response)
            return self._remember(address, response, "page", [normalise_url(response.url)])
        keys = self._read(summary, kind, response.content, address, depth)
        if keys is not None:
            self._remember(address, response, kind, keys)
        return None

    def _local(self, path: Path, kind: str | None) -> None:
        summary = SourceSummary(str(path), kind or "source")
        self.result.summaries.append(summary)
        try:
            data = path.read_bytes()
        except OSError as exc:
            return self._source_failed(summary, f"{path}: cannot be read ({exc.strerror or exc})")
        if len(data) > self.options.max_bytes:
            return self._source_failed(summary, f"{path}: too large (limit {self.options.max_bytes // 2**20} MB)")
        kind = kind or kind_of(data)
        if kind is None:
            return self._source_failed(summary, f"{path}: not a feed, OPML list, sitemap or list of URLs")
        self._read(summary, kind, data, path.resolve().as_uri(), 0)
        return None

    def _read(self, summary: SourceSummary, kind: str, data: bytes, address: str, depth: int) -> list[str] | None:
        """The item keys of a source's content (None when it cannot be read: one line says why)."""
        summary.kind = kind
        try:
            if kind == FEED:
                return self._feed(summary, data, address)
            if kind == OPML:
                feeds = parse_opml(data)
                summary.items = len(feeds)
                for feed, _title in feeds:
                    self._address(feed)
                return []
            if kind == SITEMAP:
                pages, children = parse_sitemap(data, address, self.options.max_bytes)
                if children and depth >= MAX_SITEMAP_DEPTH:
                    raise SourceError(f"sitemaps nested deeper than {MAX_SITEMAP_DEPTH} levels")
                for child in children:
                    self._address(child, depth + 1)
                items = [FeedItem(normalise_url(url), normalise_url(url), date=_lastmod(lastmod, self.now))
                         for url, lastmod in pages]
                return self._items(summary, items, address)
            if kind == URL_LIST:
                items = [FeedItem(normalise_url(url), normalise_url(url)) for url in parse_url_list(data)]
                return self._items(summary, items, address)
        except SourceError as exc:
            self._source_failed(summary, f"{address}: {exc}")
        return None

    def _feed(self, summary: SourceSummary, data: bytes, address: str) -> list[str]:
        feed = parse_feed(data, address, self.now)
        if feed.dropped:
            self.say("notice", f"{address}: {feed.dropped} item(s) left out (no link nor guid, or past the limit)")
        return self._items(summary, feed.items, address)

    # items

    def _items(self, summary: SourceSummary, items: list[FeedItem], address: str) -> list[str]:
        """Each item's raw file when it has one already, else its page to fetch (once, when
        two items name the same page)."""
        summary.items = len(items)
        for item in items:
            slot = self._slot()
            if self._known(item.key, item.url, slot):
                continue
            if (item.url or item.key) in self._pending:
                self._pending[item.url or item.key].slots.append(slot)
            else:
                self._pending[item.url or item.key] = Pending(summary, item, address, [slot])
        return [item.key for item in items]

    def _slot(self) -> list[Path]:
        self._slots.append([])
        return self._slots[-1]

    def _known(self, key: str, url: str | None, slot: list[Path]) -> bool:
        """Hand on the raw file an item was saved as (or another item with the same address),
        when it still exists."""
        name = self.state.item_file(key) or (self.state.file_of_url(url) if url else None)
        if name and (self.store / name).is_file():
            slot.append(self.store / name)
            return True
        return False

    def _fetch_pending(self) -> None:
        """The new pages of every source, one host after another in turn: the wait each host
        is owed (--rate) passes while the others are asked."""
        todo = by_host_in_turn(list(self._pending.values()))
        for done, page in enumerate(todo, 1):
            if page.item.url is None:
                self._fall_back(page, "no link to its page")
            else:
                try:
                    self._save_page(page, self.fetcher.get(page.item.url))
                except FetchError as exc:
                    self._fall_back(page, str(exc))
            self.advance(done, len(todo))

    def _save_page(self, page: "Pending", response: Response) -> None:
        suffix = PAGE_TYPES.get(response.content_type.split(";")[0].strip().lower())
        if suffix is None:
            return self._fall_back(page, f"not a web page ({response.content_type or 'no type'})")
        problem = _unusable(response.content, suffix)
        if problem:
            return self._fall_back(page, problem)
        self._write(page, response.content, suffix, "page")
        page.summary.new += 1
        return None

    def _fall_back(self, page: "Pending", reason: str) -> None:
        """The feed's own text when it is long enough (with a notice), else one line."""
        item, summary = page.item, page.summary
        where = item.url or item.key
        if item.words >= self.options.min_feed_words:
            self._write(page, _feed_page(item).encode("utf-8"), ".html", "feed")
            summary.from_feed += 1
            self.say("notice", f"{where}: {reason}; the feed's own text is used ({item.words} words)")
            return
        summary.failed += 1
        self.result.failed += 1
        short = f" (the feed's text, {item.words} words, is too short to stand in)" if item.html else ""
        self.say("error", f"{where}: {reason}{short}")

    def _write(self, page: "Pending", content: bytes, suffix: str, text_from: str) -> None:
        item, address = page.item, page.address
        host = (item.url or address).split("//", 1)[-1].split("/", 1)[0].replace(":", "_") or "local"
        name = f"{host}/{hashlib.sha256(item.key.encode()).hexdigest()[:16]}{suffix}"
        path = self.store / name
        meta = ItemMeta(url=item.url or "", fetched=self.now.isoformat(), title=item.title, author=item.author,
                        date=item.date.isoformat() if item.date else None,
                        source=address if is_web_address(address) else None, text_from=text_from)
        write_item(path, content, meta)
        stamp = self.now.timestamp()
        os.utime(path, (stamp, stamp))  # the page's file time is when it was fetched
        self.state.remember_item(item.key, item.url or "", name)
        for slot in page.slots:
            slot.append(path)

    def _remember(self, address: str, response: Response, kind: str, keys: list[str]) -> None:
        self.state.remember_source(address, response.etag, response.last_modified, keys)
        self.state.sources[address]["kind"] = kind

    def _source_failed(self, summary: SourceSummary, line: str) -> None:
        summary.failed += 1
        self.result.failed += 1
        self.say("error", line)


def _unusable(content: bytes, suffix: str) -> str | None:
    """Why a fetched page gives no article (so the feed's text should stand in), else None."""
    if not content.strip():
        return "an empty page"
    try:
        text, _encoding = decode(content, Path("page"))
        story = extract_story(text, "html" if suffix == ".html" else "text")
    except Exception as exc:  # the reader's reason; ingest would say the same
        return f"no article in the page ({exc})"
    return None if story.paragraphs else "no article text in the page"


def _feed_page(item: FeedItem) -> str:
    """A small page of the feed's own text for an item, for ingest to read as any page."""
    title = html.escape(item.title or "")
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<link rel=\"canonical\" href=\"{html.escape(item.url or '')}\"></head>\n"
            f"<body><article><h1>{title}</h1>\n{item.html}\n</article></body></html>\n")


def _lastmod(value: str | None, now: datetime) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment if moment <= now else None
