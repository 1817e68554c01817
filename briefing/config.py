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
