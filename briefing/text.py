"""Text helpers every layer uses: normalising, slugs, sentences, Markdown escaping.

Pure functions over strings: no word lists are read here (callers pass what a language needs,
e.g. its abbreviations), so extraction, enrichment, ingest and the Pelican plugin can all use
them without importing one another.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from unidecode import unidecode

WORD = re.compile(r"\w+", re.UNICODE)
# Names a slug must never take: Windows device names, and the site's own folders and pages.
RESERVED_NAMES = {"con", "prn", "aux", "nul", "index", "feeds", "entities", "theme", "tag", "category",
                  *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
# A stop, closing quotes or brackets (French puts a space before »), a space, then a capital.
SENTENCE_BREAK = re.compile(r"[.!?…]+(?:\s?[»\"”’')\]])*\s+(?=[«\"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]])")
_BLOCK_START = re.compile(r"^(\s*)(#|[-+](?=\s|-))", re.M)  # headings, list items, rules
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s)", re.M)  # "1. " would start a list


_DASHES = re.compile(r"[\u2010-\u2015]")
_SPACES = re.compile(r"\s+")
_KEPT = 200  # characters: the names and cue words the entity rules normalise again and again


def normalize(text: str) -> str:
    """Lower case, one kind of apostrophe and dash, single spaces, no edge punctuation."""
    return _normalize_short(text) if len(text) <= _KEPT else _normalize(text)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text)
    return text.strip(" :|>»›•·-*")


_normalize_short = lru_cache(maxsize=32768)(_normalize)  # the same words, made once a process


def fold(text: str) -> str:
    """The text as its letters spell it, case and accents aside ("Grbić" is "grbic", "Économie"
    "economie")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).casefold()


def reading_order(text: str) -> tuple[str, str]:
    """The key a reader of French or English sorts names by: accents and case only break ties
    ("Économie" with the E, before "Santé"; "Čapek" with the C)."""
    return fold(text), text


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


def split_sentences(text: str, abbreviations: Collection[str]) -> list[str]:
    """Sentences of a paragraph: a stop, then a space and a capital, unless the stop ends one
    of the (lower-case) abbreviations ("m.", "dr.") or a single initial."""
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


def summarize(paragraphs: list[str], abbreviations: Collection[str], max_chars: int) -> str:
    """The lead, cut after the last sentence that fits in max_chars (at least one sentence,
    cut at a word with '…' when even that is longer)."""
    lead = next((p for p in paragraphs if len(WORD.findall(p)) >= 8), paragraphs[0] if paragraphs else "")
    summary = ""
    for sentence in split_sentences(lead, abbreviations):
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


def escape_markdown(text: str) -> str:
    """Plain text to Markdown that renders as the same text (no markup, no raw HTML).
    '<' and '>' become entities first, so no line can start a quote or an HTML block."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _NUMBERED.sub(r"\1\\\2", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
