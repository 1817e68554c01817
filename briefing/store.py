"""The content folder: one Markdown file per story, written atomically, editors' changes kept."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from briefing.contentfile import edited_by_hand, front_matter_scalars, render
from briefing.errors import ContentError
from briefing.files import write_atomically
from briefing.record import Article
from briefing.report import SKIPPED, UNCHANGED, UPDATED, WRITTEN

# what a content file is indexed by: where it came from, those bytes' hash, its story, how made
INDEX_KEYS = ("source_file", "source_sha256", "fingerprint", "ingest_key")
EDITED_NOTICE = "changed by hand since ingest: kept (--force overwrites it)"


@dataclass(frozen=True)
class Outcome:
    status: str
    path: Path
    message: str = ""
    same_story: bool = False  # skipped as the story `path` already holds
    text: str | None = None  # what the file now holds, when ingest wrote it or found it as it would write it
    article: Article | None = None  # the record that text renders (its slug the file's)


@dataclass(frozen=True)
class _Entry:
    path: Path
    slug: str
    source_file: str
    source_sha256: str
    fingerprint: str
    ingest_key: str = ""


class ContentStore:
    """What the content folder holds, indexed by the raw file, its bytes and its story."""

    def __init__(self, content_dir: Path) -> None:
        self.content_dir = content_dir
        self._by_source: dict[str, _Entry] = {}
        self._by_bytes: dict[str, _Entry] = {}
        self._by_story: dict[str, _Entry] = {}
        self._by_path: dict[Path, _Entry] = {}
        self._slugs: set[str] = set()
        if content_dir.is_dir():
            for stale in content_dir.glob(".*.md.*.tmp"):
                stale.unlink(missing_ok=True)  # left by a run that was killed while writing
            for path in sorted(content_dir.glob("*.md")):
                self._index_file(path)

    def _index_file(self, path: Path) -> None:
        self._slugs.add(path.stem)
        try:
            meta = front_matter_scalars(path.read_text("utf-8"), INDEX_KEYS, str(path))
        except (ContentError, OSError, UnicodeDecodeError):
            return  # not ours, or broken by hand: its name stays taken, nothing else
        self._remember(_Entry(path, path.stem, *(meta.get(key, "") for key in INDEX_KEYS)))

    def _remember(self, entry: _Entry) -> None:
        """Index a content file as it now is; what it held before (other bytes, another story)
        no longer finds it, so a copy of its old version is a story again."""
        old = self._by_path.get(entry.path)
        if old is not None:
            for index, key in ((self._by_source, old.source_file), (self._by_bytes, old.source_sha256),
                               (self._by_story, old.fingerprint)):
                if key and index.get(key) is old:
                    del index[key]
        self._by_path[entry.path] = entry
        self._slugs.add(entry.slug)
        for index, key in ((self._by_source, entry.source_file), (self._by_bytes, entry.source_sha256),
                           (self._by_story, entry.fingerprint)):
            if key:
                index[key] = entry

    def made_from(self, source_file: str, source_sha256: str, key: str) -> tuple[Path, bool] | None:
        """The content file already made from these bytes with this ingest key, and whether an
        editor changed it since: either way, nothing to redo for it without --force."""
        entry = self._by_source.get(source_file)
        if entry is None or (entry.source_sha256, entry.ingest_key) != (source_sha256, key):
            return None
        try:
            return entry.path, edited_by_hand(entry.path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def knows_source(self, source_file: str) -> bool:
        """Whether a content file here was made from this raw file (from any bytes, any key)."""
        return source_file in self._by_source

    def source_of(self, slug: str) -> tuple[str, str, str] | None:
        """(source_file, source_sha256, ingest_key) of the content file `slug`, if ingest made it."""
        entry = self._by_path.get(self.content_dir / f"{slug}.md")
        return (entry.source_file, entry.source_sha256, entry.ingest_key) if entry is not None else None

    def save(self, article: Article, force: bool = False) -> Outcome:
        existing = self._by_source.get(article.source_file)
        if existing is None:
            twin = self._by_bytes.get(article.source_sha256) or self._by_story.get(article.fingerprint)
            if twin is not None:
                return Outcome(SKIPPED, twin.path,
                               f"same story as {twin.path} (from {twin.source_file}): not written twice", same_story=True)
            slug = article.slug
            if slug in self._slugs:
                slug = f"{slug}-{article.source_sha256[:8]}"
        else:
            slug = existing.slug  # the story keeps its address even when its title changes
        article = dataclasses.replace(article, slug=slug)
        path = self.content_dir / f"{slug}.md"
        text = render(article)
        status = WRITTEN
        if path.exists():
            current = path.read_text("utf-8", errors="replace")
            if current == text:
                self._remember(_Entry(path, slug, article.source_file, article.source_sha256, article.fingerprint, article.ingest_key))
                return Outcome(UNCHANGED, path, text=text, article=article)
            edited = edited_by_hand(current)
            if edited and not force:
                return Outcome(SKIPPED, path, EDITED_NOTICE)
            status, message = UPDATED, "overwrote changes made by hand (--force)" if edited else ""
        write_atomically(path, text)
        self._remember(_Entry(path, slug, article.source_file, article.source_sha256, article.fingerprint, article.ingest_key))
        return Outcome(status, path, message if status == UPDATED else "", text=text, article=article)
