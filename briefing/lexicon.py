"""Word lists per language, kept as data in briefing/data/<lang>.yaml."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from briefing.contentfile import load_yaml
from briefing.text import normalize

LANGUAGES = ("fr", "en")


@cache
def lexicon(lang: str) -> dict[str, list[str]]:
    """The word lists of one language (an unknown language has empty lists)."""
    if lang not in LANGUAGES:
        return {}
    text = resources.files("briefing.data").joinpath(f"{lang}.yaml").read_text("utf-8")
    return load_yaml(text) or {}  # libyaml: the build reads these lists too (honorifics, titles)


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


@cache
def abbreviations(lang: str) -> frozenset[str]:
    """Lower-case abbreviations after which a stop ends no sentence ("m.", "dr."): the
    language's own, French and English."""
    return frozenset(a.lower() for code in {lang, "fr", "en"} for a in lexicon(code).get("abbreviations", ()))
