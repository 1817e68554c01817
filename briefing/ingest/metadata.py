"""Derived metadata: dates found in text, slugs, the summary, reading time."""

from __future__ import annotations

import math
import re
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

import dateparser
from babel import UnknownLocaleError
from babel.dates import get_month_names
from unidecode import unidecode

from briefing.lexicon import lexicon

RESERVED_NAMES = {"con", "prn", "aux", "nul", "index", "feeds", "entities", "theme", "tag", "category",
                  *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
WORD = re.compile(r"\w+", re.UNICODE)
DATE_ORDER = {"en": "MDY"}
# A stop, closing quotes or brackets (French puts a space before »), a space, then a capital.
SENTENCE_BREAK = re.compile(r"[.!?…]+(?:\s?[»\"”’')\]])*\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")  # numeric dates: day first everywhere else


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


def make_slug(title: str, max_chars: int) -> str:
    """ASCII, lower case, words joined by '-', cut at a word, never a reserved or empty name."""
    words = re.findall(r"[a-z0-9]+", unidecode(title).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_chars]
    if not slug or slug in RESERVED_NAMES:
        slug = f"article-{slug}" if slug else "article"
    return slug


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of a paragraph: a stop, then a space and a capital, unless the stop ends
    an abbreviation of the language ("M. Soudani")."""
    abbreviations = {a.lower() for code in {lang, "fr", "en"} for a in lexicon(code).get("abbreviations", ())}
    sentences, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        before = text[start:match.start() + 1].split()
        last = before[-1].lower() if before else ""
        if last in abbreviations or re.fullmatch(r"[a-z]\.", last):
            continue
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    if text[start:].strip():
        sentences.append(text[start:].strip())
    return sentences


def summarize(paragraphs: list[str], lang: str, max_chars: int) -> str:
    """The lead, cut after the last sentence that fits in max_chars (at least one sentence,
    cut at a word with '…' when even that is longer)."""
    lead = next((p for p in paragraphs if len(WORD.findall(p)) >= 8), paragraphs[0] if paragraphs else "")
    summary = ""
    for sentence in split_sentences(lead, lang):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > max_chars and summary:
            break
        summary = candidate
        if len(summary) > max_chars:
            cut = summary[:max_chars].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return summary


def reading_minutes(text: str, words_per_minute: int) -> int:
    return max(1, math.ceil(len(WORD.findall(text)) / words_per_minute))
