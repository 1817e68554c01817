"""Word tables briefing makes from installed packages (place names, given names), kept between
processes: each ingest worker and each warm run would otherwise make them again (0.6 s).

A table is a JSON list in the user's cache folder (``$BRIEFING_CACHE_DIR``, else
``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``; ``BRIEFING_CACHE_DIR=`` empty turns
the cache off), named by a hash of everything it is made of: the code that makes it and the
versions of the packages it reads. The same table comes back whether it is made or read, so a
run with or without the cache writes the same content; a file that cannot be read or written
only makes the run as slow as without it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.files import write_atomically


def cache_folder() -> Path | None:
    """Where tables are kept (None: not kept)."""
    chosen = os.environ.get("BRIEFING_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"


def writable_cache_folder(fallback: str | Path) -> Path:
    """cache_folder() when it is on and can be written, else `fallback` (a read-only home, or
    tables turned off: the site's own cache folder)."""
    shared = cache_folder()
    if shared is not None:
        try:
            shared.mkdir(parents=True, exist_ok=True)
            if os.access(shared, os.W_OK):
                return shared
        except OSError:
            pass
    return Path(fallback)


def table_key(sources: Iterable[Path], packages: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.read_bytes())
    for name in packages:
        digest.update(f"\0{name}=={importlib.metadata.version(name)}".encode())
    return digest.hexdigest()[:16]


def stored(name: str, sources: Iterable[Path], packages: Iterable[str],
           make: Callable[[], Iterable[str]]) -> frozenset[str]:
    """The table `make` gives, read from the cache folder when a run made it before from the
    same code (`sources`) and package versions; else made, and left there for the next run."""
    folder = cache_folder()
    if folder is None:
        return frozenset(make())
    path = folder / f"{name}-{table_key(sources, packages)}.json"
    try:
        kept = json.loads(path.read_text("utf-8"))
        if isinstance(kept, list) and all(isinstance(word, str) for word in kept):
            return frozenset(kept)
    except (OSError, ValueError):
        pass
    table = frozenset(make())
    try:
        keep(path, json.dumps(sorted(table), ensure_ascii=False), f"{name}-*.json")
    except OSError:
        pass
    return table


def keep(path: Path, data: str | bytes, versions: str) -> None:
    """Write a table at `path` (whole or not at all) and remove its other versions, the files
    of its folder that match `versions`: made from older code or packages. OSError when it
    cannot be written."""
    write_atomically(path, data, durable=False)
    for old in path.parent.glob(versions):
        if old != path:
            old.unlink(missing_ok=True)
