"""Jinja filters of the theme: dates in the interface's language with babel (no system locale needed)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from babel.core import get_global
from babel.dates import format_date


@lru_cache(maxsize=8192)  # an article's date is shown on each of its entities' pages: formatted once
def long_date(value: datetime, lang: str = "fr") -> str:
    """'25 janvier 2024' / 'January 25, 2024'."""
    return format_date(value, format="long", locale=lang)


def iso(value: datetime) -> str:
    return value.isoformat()


def og_locale(lang: str) -> str:
    """Open Graph's language_TERRITORY form: 'fr' -> 'fr_FR' (CLDR's most likely territory)."""
    likely = get_global("likely_subtags").get(str(lang), "")
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else str(lang)


FILTERS = {"long_date": long_date, "iso": iso, "og_locale": og_locale}
