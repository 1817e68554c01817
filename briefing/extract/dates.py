"""Publication dates: a full date (and its time) in a dump's header lines, a date in a page's
address, a page's time read in the site's zone, and what is no publication date at all
(placeholders such as 0001-01-01 or the Unix epoch, a date after the file was saved)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import dateparser
from babel import UnknownLocaleError
from babel.dates import get_month_names

from briefing.record import is_placeholder
from briefing.text import WORD

DATE_ORDER = {"en": "MDY"}  # numeric dates: day first everywhere else
SLACK = timedelta(days=1)  # a page saved just after midnight in another zone
# "/2019/11/19/" or "/2019-11-19" in a page's address
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)")  # on the path
# a time of day after the date: "à 07h45", "at 7:45 p.m.", ", 18:30"
# (a count after a date is no time: "2024, 20 hommes", "2 hélicoptères")
TIME_AFTER = re.compile(r"\A\s*(?:à|a|at|,|-|–|—)?\s*([01]?\d|2[0-3])"
                        r"(?:\s*[h:]\s*([0-5]\d)(?!\d)|\s*h(?![^\W\d_])|(?=\s*[ap]\.?\s*m\b))"
                        r"(?:\s*([ap])\.?\s*m\b\.?)?", re.I)
TRUSTED_FILE_TIMES = 1990  # older file times are an archive's (zip writes 1980): no bound on dates


def as_zoned(moment: datetime, timezone: str) -> datetime:
    """A page's naive time read in the site's time zone; seconds kept, microseconds dropped."""
    moment = moment.replace(microsecond=0)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


@cache
def date_pattern(lang: str) -> re.Pattern[str]:
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
        match = date_pattern(lang).search(line)
        if not match:
            continue
        parsed = dateparser.parse(match.group(1), languages=[lang] if lang in ("fr", "en") else None,
                                  settings={"DATE_ORDER": DATE_ORDER.get(lang, "DMY"),
                                            "PREFER_DAY_OF_MONTH": "first",
                                            "RETURN_AS_TIMEZONE_AWARE": False})
        if parsed:
            return parsed.replace(hour=0, minute=0, second=0, microsecond=0) + _time_after(line[match.end():])
    return None


def _time_after(text: str) -> timedelta:
    """The time of day written right after a date ("à 07h45"), else midnight."""
    match = TIME_AFTER.match(text)
    if not match:
        return timedelta()
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) and hour <= 12:
        hour = hour % 12 + (12 if match.group(3).lower() == "p" else 0)
    return timedelta(hours=hour, minutes=minute)


def date_in_url(url: str | None) -> datetime | None:
    """The date a page's address holds ("/2019/11/19/"), at midnight."""
    match = URL_DATE.search(urlsplit(url or "").path)
    if not match:
        return None
    try:
        return datetime(*(int(part) for part in match.groups()))
    except ValueError:  # 2019/02/31
        return None


def is_publication_date(moment: datetime, saved: datetime | None, timezone: str) -> bool:
    """Neither a placeholder nor later than the page was saved (or fetched), when the file's
    time can be trusted (an archive sets 1980 or the epoch on every file)."""
    if is_placeholder(moment):
        return False
    trusted = saved is not None and not is_placeholder(saved) and saved.year >= TRUSTED_FILE_TIMES
    return not trusted or as_zoned(moment, timezone) <= saved + SLACK


# "hier", "avant-hier", "il y a 3 heures", "aujourd'hui", "2 hours ago", "an hour ago", "yesterday"
_UNITS_FR = r"(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?|années?)"
_UNITS_EN = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
RELATIVE = re.compile(rf"\b(?:il\s+y\s+a\s+(?:\d+|[^\W\d_]+)\s+{_UNITS_FR}|(?:\d+|an?|one|[^\W\d_]+)\s+{_UNITS_EN}\s+ago"
                      r"|avant-hier|hier|aujourd['’]hui|yesterday|today)\b", re.I)


def relative_date(text: str, base: datetime, lang: str | None = None) -> datetime | None:
    """A relative date ("hier", "il y a 3 heures", "2 hours ago") read against `base` (an aware
    time: when the page was fetched); None when the text says no such thing. Never after base."""
    match = RELATIVE.search(text or "")
    if not match:
        return None
    local = base.replace(tzinfo=None)  # dateparser counts back in the base's own wall time
    parsed = dateparser.parse(match.group(0).replace("’", "'"), languages=[lang] if lang in ("fr", "en") else ["fr", "en"],
                              settings={"RELATIVE_BASE": local, "PREFER_DATES_FROM": "past",
                                        "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        return None
    return min(parsed.replace(microsecond=0, tzinfo=base.tzinfo), base)
