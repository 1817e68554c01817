"""What a feed said about a page it links to, kept in a small JSON file beside the raw page
in `sources/` (page `ab12.html`, sidecar `ab12.json`): the page's address, the feed's title,
author and date for it, and when it was fetched. Ingest takes these where the page gives
none, the same whether the page was just fetched or is read again offline."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from briefing.errors import InputError
from briefing.files import write_atomically

SIDECAR_SUFFIX = ".item.json"  # "x.item.json" beside "x.html": a name no hand-saved file has by chance
PAGE_SUFFIXES = (".html", ".txt")


@dataclass(frozen=True)
class ItemMeta:
    url: str  # the page's address, tracking parameters removed
    fetched: str  # when the page (or its feed) was fetched, ISO 8601 with a zone
    title: str | None = None  # the feed's title for it
    author: str | None = None
    date: str | None = None  # the feed's date for it (ISO 8601), never after `fetched`
    source: str | None = None  # the feed, sitemap or list it came from
    text_from: str = "page"  # "feed" when the page could not be used and the feed's text stands in

    @property
    def fetched_at(self) -> datetime:
        return datetime.fromisoformat(self.fetched)

    @property
    def date_at(self) -> datetime | None:
        return datetime.fromisoformat(self.date) if self.date else None


def sidecar_path(page: Path) -> Path:
    return page.with_name(page.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    """A sidecar beside its page (not counted as a file of another type)."""
    if not path.name.endswith(SIDECAR_SUFFIX):
        return False
    stem = path.name[:-len(SIDECAR_SUFFIX)]
    return any(path.with_name(stem + suffix).exists() for suffix in PAGE_SUFFIXES)


def write_item(page: Path, content: bytes, meta: ItemMeta) -> None:
    """The raw page and its sidecar, each whole or not at all (the sidecar first: a page is
    never there without what the feed said about it)."""
    write_atomically(sidecar_path(page), json.dumps(asdict(meta), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    write_atomically(page, content)


def read_item(page: Path) -> ItemMeta | None:
    """The sidecar of a raw page, None when it has none (a page saved by hand)."""
    path = sidecar_path(page)
    if page.suffix not in PAGE_SUFFIXES or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        meta = ItemMeta(**{key: data[key] for key in ItemMeta.__dataclass_fields__ if key in data})
        meta.fetched_at, meta.date_at  # both must read as dates
        return meta
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise InputError(page, f"its feed data {path.name} cannot be read ({exc})") from None
