"""Ingest settings: every default in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """What the user can set on `briefing ingest` / `briefing inspect`."""

    date: datetime | None = None  # fallback publication date (--date)
    category: str | None = None  # fallback category (--category)
    lang: str | None = None  # forced language (--lang)
    max_bytes: int = 10 * MEGABYTE  # larger files are refused
    timezone: str = "Europe/Paris"  # for dates a page gives without a zone
    summary_chars: int = 320  # the summary is the lead cut at a sentence before this
    words_per_minute: int = 230  # reading time
    slug_chars: int = 80  # longest slug before the uniqueness suffix


@dataclass(frozen=True)
class FetchOptions:
    """What the user can set on fetching feeds and pages (`briefing ingest URL...`); apart
    from IngestOptions because none of it changes a record."""

    allow_private: bool = False  # fetch hosts on loopback, private or link-local addresses (--allow-private)
    rate: float = 1.0  # requests per second to one host, at most (--rate)
    timeout: float = 20.0  # seconds for one response, whole (--timeout)
    max_bytes: int = 10 * MEGABYTE  # a larger page or feed is refused (--max-size, as for files)
    min_feed_words: int = 120  # a feed's own text used when the page cannot be: at least this long
