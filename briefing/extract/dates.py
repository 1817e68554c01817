"""Publication dates: a page's time read in the site's zone, a full date in a dump's header lines."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

import dateparser
from babel import UnknownLocaleError
from babel.dates import get_month_names

from briefing.text import WORD

DATE_ORDER = {"en": "MDY"}  # numeric dates: day first everywhere else


def as_zoned(moment: datetime, timezone: str) -> datetime:
    """A page's naive time read in the site's time zone; seconds kept, microseconds dropped."""
    moment = moment.replace(microsecond=0)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


@cache
def _date_pattern(lang: str) -> re.Pattern[str]:
    months = set()
    for code in {lang, "fr", "en"}:
        try:
            for width in ("wide", "abbreviated"):
                months |= {m.lower().rstrip(".") for m in get_month_names(width, locale=code).values()}
        except (ValueError, TypeError, LookupError, UnknownLocaleError):
            continue
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(
        r"(?<!\d)(\d{4}-\d{2}-\d{2}"  # 2024-01-25
        r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"  # 25/01/2024
        rf"|\d{{1,2}}(?:er|st|nd|rd|th)?\.?\s+(?:{names})\.?,?\s+\d{{4}}"  # 25 janvier 2024
        rf"|(?:{names})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?!\d)",  # January 25, 2024
        re.I)


def date_in_text(lines: list[str], lang: str) -> datetime | None:
    """The first full date (day, month and year written out) among a story's header lines."""
    for line in lines:
        if len(WORD.findall(line)) > 20:
            continue
        match = _date_pattern(lang).search(line)
        if not match:
            continue
        parsed = dateparser.parse(match.group(1), languages=[lang] if lang in ("fr", "en") else None,
                                  settings={"DATE_ORDER": DATE_ORDER.get(lang, "DMY"),
                                            "PREFER_DAY_OF_MONTH": "first",
                                            "RETURN_AS_TIMEZONE_AWARE": False})
        if parsed:
            return parsed.replace(hour=0, minute=0, second=0, microsecond=0)
    return None
