"""Jinja filters of the theme: dates in the interface's language with babel (no system locale needed)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from babel.dates import format_date


@lru_cache(maxsize=8192)  # an article's date is shown on each of its entities' pages: formatted once
def long_date(value: datetime, lang: str = "fr") -> str:
    """'25 janvier 2024' / 'January 25, 2024'."""
    return format_date(value, format="long", locale=lang)


def iso(value: datetime) -> str:
    return value.isoformat()


FILTERS = {"long_date": long_date, "iso": iso}
