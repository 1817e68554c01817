"""A page's section, as a reader of the site expects it: mapped to a small taxonomy in the
article's language (data/sections.yaml: "Economie", "Business", "IPOs and fundraising" are
Économie / Business), kept as the page states it when the taxonomy does not know it, and
dropped when it is a feed's or a front page's label ("News", "General-news", "À la une")."""

from __future__ import annotations

import html
import unicodedata
from functools import cache
from importlib import resources

import yaml


def section_key(name: str) -> str:
    """A section as compared: case, accents, entities ("&amp;"), dashes and spaces aside."""
    text = unicodedata.normalize("NFKD", html.unescape(name).casefold().replace("_", " "))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@cache
def _taxonomy() -> tuple[dict[str, dict], frozenset[str]]:
    data = yaml.safe_load(resources.files("briefing.data").joinpath("sections.yaml").read_text("utf-8"))
    names = {section_key(n): entry for entry in data["sections"] for n in [entry["fr"], entry["en"], *entry["names"]]}
    return names, frozenset(section_key(n) for n in data["no_section"])


def section_name(stated: str | None, lang: str) -> str | None:
    """The category of an article whose page states `stated`, in the article's language."""
    if not stated or not stated.strip():
        return None
    names, none = _taxonomy()
    key = section_key(stated)
    if key in none or key.replace("-", " ") in none:
        return None
    entry = names.get(key) or names.get(key.replace("-", " "))
    if entry:
        return entry.get(lang) or entry["en"]
    stated = " ".join(html.unescape(stated).split())
    return stated[:1].upper() + stated[1:] if stated.islower() else stated
