"""Pagefind's index made byte-stable: its filter files list their values, and its metadata
its filters, in hash-map order, which changes from run to run (Pagefind/pagefind#638: "the
filter/metadata indexes" still change). Same site, same index: each filter file's values and
the metadata's filters are sorted, and the files renamed after their new content.

The files are gzip'd "pagefind_dcd" + CBOR (read and written with cbor2, which gives back
pagefind's own bytes for an unchanged value); the names they go by are in the metadata file
and, for that one, in pagefind-entry.json.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from briefing.files import write_atomically

SIGNATURE = b"pagefind_dcd"
FILTERS = 3  # the metadata's filter list ([name, file hash] pairs) in pagefind 1.5's layout


def stabilise(pagefind_dir: Path) -> None:
    """Sort the filter values and the filter list of a pagefind index, in place."""
    entry_path = pagefind_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((pagefind_dir / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        canonical = [name, sorted(([value, sorted(pages)] for value, pages in values), key=lambda pair: pair[0])]
        renamed[path.stem] = _write(path, canonical, path.stem.split("_")[0], 7, "{}.pf_filter")
    for lang, language in entry["languages"].items():
        meta_path = pagefind_dir / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        if meta[0] != entry["version"] or not all(isinstance(pair, list) and len(pair) == 2 for pair in meta[FILTERS]):
            raise RuntimeError(f"{meta_path}: not the layout of pagefind {entry['version']}'s metadata")
        meta[FILTERS] = sorted([name, renamed.get(file, file)] for name, file in meta[FILTERS])
        language["hash"] = _write(meta_path, meta, lang, 10, "pagefind.{}.pf_meta")
    write_atomically(entry_path, json.dumps(entry, ensure_ascii=False, separators=(",", ":")))


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise RuntimeError(f"{path}: not a pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(path: Path, value, lang: str, digits: int, pattern: str) -> str:
    """Write `value` under a name made from its content; the name's hash part ("fr_1a2b3c4")."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}"
    target = path.with_name(pattern.format(name))
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    if target != path:
        path.unlink()
    return name
