"""What fetching remembers between runs, in `.briefing/fetch.json` in the content folder:
per source address its ETag and Last-Modified (an unchanged feed costs one 304) and the keys
of its items; per item key (its guid, else its normalised address) the raw file it was saved
as. Written whole or not at all; a file that cannot be read is started afresh (it is a cache:
nothing is lost but a few requests)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefing.files import write_atomically

STATE_FILE = Path(".briefing") / "fetch.json"
VERSION = 1


@dataclass
class FetchState:
    path: Path
    sources: dict[str, dict] = field(default_factory=dict)  # address -> etag, last_modified, items
    items: dict[str, dict] = field(default_factory=dict)  # item key -> url, file (relative to sources/)
    _by_url: dict[str, str] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, content_dir: Path) -> "FetchState":
        path = content_dir / STATE_FILE
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") == VERSION:
                return cls(path, dict(data.get("sources", {})), dict(data.get("items", {})))
        except (OSError, ValueError, AttributeError):
            pass
        return cls(path)

    def save(self) -> None:
        data = {"version": VERSION, "sources": self.sources, "items": self.items}
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")

    def validators(self, address: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of the last complete answer from this address."""
        known = self.sources.get(address, {})
        return known.get("etag"), known.get("last_modified")

    def remember_source(self, address: str, etag: str | None, last_modified: str | None, items: list[str]) -> None:
        self.sources[address] = {"etag": etag, "last_modified": last_modified, "items": items}

    def source_items(self, address: str) -> list[str]:
        return list(self.sources.get(address, {}).get("items", []))

    def item_file(self, key: str) -> str | None:
        return self.items.get(key, {}).get("file")

    def file_of_url(self, url: str) -> str | None:
        """The raw file saved for this address under any key (two items, one page)."""
        if self._by_url is None:
            self._by_url = {entry.get("url"): entry.get("file") for entry in self.items.values()}
        return self._by_url.get(url)

    def remember_item(self, key: str, url: str, file: str) -> None:
        self.items[key] = {"url": url, "file": file}
        if self._by_url is not None:
            self._by_url[url] = file
