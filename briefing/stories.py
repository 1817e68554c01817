"""One story, several sources: the near-duplicate copies in the content folder, grouped.

The same story saved as HTML and as a text dump, a wire story republished by another site with
its own chrome and small edits, or a lightly updated version: their texts share most of their
word shingles; two different stories about the same people share names, not sentences.
`story_groups` is a pure function over the copies (their texts' sketches): MinHash
signatures over 5-word shingles (datasketch) find the candidate pairs with LSH, and a pair is
one story when the shorter text's shingles are mostly in the other (containment estimated
from the signatures and the shingle counts; the thresholds below, chosen on the labelled
pairs of evaluation/story_pairs.tsv: `python -m evaluation.stories`). Groups are the
connected pairs; a group's id is the slug of its first-published copy.

`regroup` applies the groups to a content folder after ingest has written it: each copy's
front matter gets `story:` (the group id) and `also:` (the other copies' sources); a copy
that is no longer in a group loses them. Only files as ingest wrote them are rewritten (an
editor's file is kept, as everywhere), and only the header: the same folder gives the same
bytes whatever runs came before (warm equals cold). What it reads of each file (a few header
fields, the sketch of its text) is remembered in `.content.stories.json` beside the content
folder, keyed by the file's hash: a cache of a pure function, so a warm run decides as a cold
one (11.5 s cold, 0.8 s warm over the 2,000-article benchmark folder). When every file is as
that record left it (same names, same bytes, same grouping code), the groups are those already
written: nothing is computed, and datasketch (which imports scipy, about 0.5 s) is not imported.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy

from briefing.contentfile import edited_by_hand, front_matter_scalars, parse, render
from briefing.errors import ContentError
from briefing.files import write_atomically
from briefing.record import Article
from briefing.report import NOTICE, Report

SHINGLE_WORDS = 5  # a shingle: five words in a row (one sentence gives several)
PERMUTATIONS = 128  # MinHash signature length: Jaccard estimated to about +-0.09
CANDIDATE_JACCARD = 0.2  # LSH's threshold: pairs above it are compared exactly
SAME_STORY = 0.5  # one story: the shorter copy's shingles found in the other, at least this share
MIN_SHINGLES = 20  # a text shorter than this (a brief, a caption) is never grouped
SCHEME = "affine32"  # datasketch 2.0's permutation scheme for 32-bit hash values (crc32)
SEED = 1  # MinHash's permutations: fixed, so the same text gives the same signature everywhere
CACHE = ".{}.stories.json"  # beside the content folder (as the build's .output.cache), never in it
CACHE_VERSION = 1
WORD = re.compile(r"\w+")
MARKDOWN_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>&|])")


@dataclass(frozen=True)
class Sketch:
    """What the grouping keeps of a text: its shingle count and MinHash signature."""

    shingles: int
    signature: tuple[int, ...]  # PERMUTATIONS minimum hash values


@dataclass(frozen=True)
class Copy:
    """One content file as the grouping sees it."""

    key: str  # its slug (the content file's name)
    date: str  # ISO 8601: the first-published copy names the story
    source: str  # what `also:` says of it: the page's address, else the raw file's path
    sketch: Sketch  # of the story's text (the Markdown body)


@dataclass(frozen=True)
class Membership:
    story: str  # the group's id: the first-published copy's key
    also: tuple[str, ...]  # the other copies' sources, in the group's order


def shingles(text: str) -> set[bytes]:
    """The 5-word shingles of a text, lower case, Markdown escapes and punctuation ignored."""
    words = WORD.findall(MARKDOWN_ESCAPE.sub("", text).casefold())
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def sketch(text: str) -> Sketch:
    """A text's sketch: crc32 of each shingle (a fast, fixed hash), then MinHash."""
    from datasketch import MinHash

    found = sorted(shingles(text))
    signature = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=zlib.crc32, scheme=SCHEME)
    signature.update_batch(found)
    return Sketch(len(found), tuple(int(v) for v in signature.hashvalues))


def containment(a: Sketch, b: Sketch) -> float:
    """The share of the smaller text's shingles found in the other (an updated copy that adds a
    paragraph, or a dump that keeps a caption, is still contained in its story), from the
    Jaccard index the signatures estimate: |A∩B| = J (|A| + |B|) / (1 + J)."""
    jaccard = float(numpy.mean(numpy.equal(a.signature, b.signature)))
    smaller = min(a.shingles, b.shingles)
    return jaccard * (a.shingles + b.shingles) / (1 + jaccard) / smaller if smaller else 0.0


def story_groups(copies: Sequence[Copy], same_story: float = SAME_STORY) -> dict[str, Membership]:
    """Each copy that shares its story with another -> its group's id and the others' sources.
    The same copies give the same groups in any order."""
    from datasketch import LeanMinHash, MinHashLSH

    usable = sorted((c for c in copies if c.sketch.shingles >= MIN_SHINGLES), key=lambda c: c.key)
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
    parent = {c.key: c.key for c in usable}
    by_key = {c.key: c for c in usable}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for copy in usable:
        signature = LeanMinHash(seed=SEED, hashvalues=numpy.array(copy.sketch.signature, dtype=numpy.uint32), scheme=SCHEME)
        for other in sorted(lsh.query(signature)):
            if containment(copy.sketch, by_key[other].sketch) >= same_story:
                a, b = sorted((root(copy.key), root(other)))
                parent[b] = a
        lsh.insert(copy.key, signature)
    groups: dict[str, list[Copy]] = {}
    for copy in usable:
        groups.setdefault(root(copy.key), []).append(copy)
    found: dict[str, Membership] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda c: (c.date, c.key))  # the first published first
        for copy in members:
            found[copy.key] = Membership(members[0].key, tuple(m.source for m in members if m is not copy))
    return found


def regroup(content_dir: Path, written: set[Path], fresh: dict[str, dict] | None = None) -> Iterator[Report]:
    """Write each content file's story group into its front matter; a notice for each file
    changed that this run had not written already (those were reported as written); the
    summary counts inputs, so a notice counts in none of its numbers. `fresh`: the entries
    (`entry_for`) of the files this run has just written, by file name: not read again."""
    folder = content_dir.resolve()
    cache_path = folder.parent / CACHE.format(folder.name)
    previous = _load_cache(cache_path)
    cached = previous | (fresh or {})
    entries: dict[str, dict] = {}
    for path in sorted(content_dir.glob("*.md")):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # not a content file ingest can read: check and build say why
        digest = hashlib.sha256(text.encode()).hexdigest()
        entry = cached.get(path.name)
        if entry is None or entry["sha256"] != digest:
            entry = _read_entry(text, path, digest)
        if entry is not None:
            entries[path.name] = entry
    if entries == previous:
        return  # every file as the last grouping left it: its groups are written already
    copies = [Copy(name[:-len(".md")], e["date"], e["source"], Sketch(e["shingles"], tuple(e["signature"])))
              for name, e in entries.items()]
    groups = story_groups(copies)
    for name, entry in entries.items():
        path = content_dir / name
        membership = groups.get(name[:-len(".md")])
        story, also = (membership.story, list(membership.also)) if membership else (None, [])
        if entry["edited"] or (entry["story"], entry["also"]) == (story, also):
            continue  # an editor's change is never overwritten here (ingest --force does it)
        text = render(dataclasses.replace(parse(path.read_text("utf-8"), str(path)), story=story, also=tuple(also)))
        write_atomically(path, text)
        entries[name] = {**entry, "sha256": hashlib.sha256(text.encode()).hexdigest(), "story": story, "also": also}
        if path not in written:
            yield Report(path, NOTICE, path, f"one story with {', '.join(also)}" if also else "no longer a copy of another story")
    if entries:
        write_atomically(cache_path, json.dumps({"version": CACHE_VERSION, "code": _code(), "files": entries},
                                                sort_keys=True))


def entry_for(article: Article, text: str) -> dict:
    """What the grouping needs of a content file that holds `text`, the rendering of `article`:
    ingest hands over what it has just written, so a cold run reads no file twice (parsing
    them back took most of the grouping's time: 17 s of 19 over 2,000 files)."""
    return _entry(article, text, hashlib.sha256(text.encode()).hexdigest())


def _read_entry(text: str, path: Path, digest: str) -> dict | None:
    """What the grouping needs of one content file, None when it is not one ingest can read."""
    try:
        if not front_matter_scalars(text, ("source_file",), str(path)).get("source_file"):
            return None  # written by hand: an editor's own article, not a copy of a source
        article = parse(text, str(path))
    except ContentError:
        return None  # check and build say why
    return _entry(article, text, digest)


def _entry(article: Article, text: str, digest: str) -> dict:
    found = sketch(article.body)
    return {"sha256": digest, "date": article.date, "source": article.source or article.source_file,
            "source_file": article.source_file, "story": article.story, "also": list(article.also),
            "edited": edited_by_hand(text), "shingles": found.shingles, "signature": list(found.signature)}


def _load_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or (data.get("version"), data.get("code")) != (CACHE_VERSION, _code()):
        return {}
    return data.get("files", {})


@functools.cache
def _code() -> str:
    """This module's code and datasketch's version: what the groups are made by, besides the files."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(importlib.metadata.version("datasketch").encode())
    return digest.hexdigest()
