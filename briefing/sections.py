"""A page's section, as a reader of the site expects it: mapped to a small taxonomy in the
article's language (data/sections.yaml: "Economie", "Business", "IPOs and fundraising" are
Économie / Business), kept as the page states it when the taxonomy does not know it, and
dropped when it is a feed's or a front page's label ("News", "General-news", "À la une")."""

from __future__ import annotations

import html
import re
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

from briefing.text import fold


def section_key(name: str) -> str:
    """A section as compared: case, accents, entities ("&amp;"), dashes and spaces aside."""
    return " ".join(fold(html.unescape(name).replace("_", " ")).split())


@cache
def _taxonomy() -> tuple[dict[str, dict], frozenset[str]]:
    data = yaml.safe_load(resources.files("briefing.data").joinpath("sections.yaml").read_text("utf-8"))
    names = {section_key(n): entry for entry in data["sections"] for n in [entry["fr"], entry["en"], *entry["names"]]}
    return names, frozenset(section_key(n) for n in data["no_section"])


PARTS = re.compile(r"\s*(?:[&/,|+]|\band\b|\bet\b)\s*")  # "Economy & Business", "Science and Tech"
GENERIC = re.compile(r"\s*\b(?:news|actualites|actu|infos?)\b\s*")  # "Business News", "Actu Sport"


def taxonomy_section(stated: str | None, lang: str) -> str | None:
    """The taxonomy's section for a label, in the article's language, when the taxonomy knows
    the label, one of its parts ("Economy & Business"), or the label without a word that
    every section could carry ("Business News"); else None."""
    if not stated or not stated.strip():
        return None
    names, _none = _taxonomy()
    key = section_key(stated).replace("-", " ")
    for candidate in [key, GENERIC.sub(" ", key).strip(), *PARTS.split(key)]:
        entry = names.get(candidate) or names.get(" ".join(candidate.split()))
        if entry:
            return entry.get(lang) or entry["en"]
    return None


def url_section(url: str | None, lang: str) -> str | None:
    """The taxonomy's section a page's address names in its folders ("/politique/article/…",
    "/news/local/miami-dade/…", "/news/2020/02/18/national/…"), the first it knows."""
    path = urlsplit(url or "").path.strip("/").split("/")[:-1]  # the last part is the page's own name
    return next(filter(None, (taxonomy_section(part, lang) for part in path if not part.isdigit())), None)


def section_name(stated: str | None, lang: str) -> str | None:
    """The category of an article whose page states `stated`, in the article's language."""
    if not stated or not stated.strip():
        return None
    names, none = _taxonomy()
    key = section_key(stated)
    if key in none or key.replace("-", " ") in none:
        return None
    known = taxonomy_section(stated, lang)
    if known:
        return known
    stated = " ".join(html.unescape(stated).split())
    return stated[:1].upper() + stated[1:] if stated.islower() else stated
