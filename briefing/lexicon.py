"""Word lists per language, kept as data in briefing/data/<lang>.yaml."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import yaml

LANGUAGES = ("fr", "en")


@cache
def lexicon(lang: str) -> dict[str, list[str]]:
    """The word lists of one language (an unknown language has empty lists)."""
    if lang not in LANGUAGES:
        return {}
    text = resources.files("briefing.data").joinpath(f"{lang}.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


@cache
def words(key: str, lang: str | None = None) -> frozenset[str]:
    """One list, normalised; lang=None gives the union over every language (site chrome
    in any language is still chrome)."""
    langs = LANGUAGES if lang is None else (lang,)
    return frozenset(normalize(w) for code in langs for w in lexicon(code).get(key, ()))


@cache
def prefix_pattern(key: str, lang: str | None = None) -> re.Pattern[str]:
    """A regex matching a normalised line that starts with one of the list's phrases."""
    items = sorted(words(key, lang), key=len, reverse=True)
    if not items:
        return re.compile(r"(?!)")
    return re.compile(r"^(?:%s)(?:\W|$)" % "|".join(re.escape(i) for i in items))


@cache
def patterns(key: str, lang: str | None = None) -> tuple[re.Pattern[str], ...]:
    """A list of regular expressions, matched against normalised lines."""
    langs = LANGUAGES if lang is None else (lang,)
    return tuple(re.compile(p) for code in langs for p in lexicon(code).get(key, ()))


def normalize(text: str) -> str:
    """Lower case, one kind of apostrophe and dash, single spaces, no edge punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" :|>»›•·-*")
