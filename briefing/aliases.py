"""The curated alias table (data/aliases.yaml): every name a referent goes by, its canonical
name per language, and the address of its entity page.

Ingest merges an article's names with it; the site gives one page per referent with it
("Islamic State" and "État islamique" -> etat-islamique).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from briefing.text import make_slug

ENTITY_SLUG_CHARS = 80


@cache
def alias_entries() -> tuple[tuple[dict, tuple[str, ...]], ...]:
    """(entry, every name it goes by) for each referent of data/aliases.yaml."""
    entries = yaml.safe_load(resources.files("briefing.data").joinpath("aliases.yaml").read_text("utf-8"))
    return tuple((entry, tuple(n for n in [entry.get("fr"), entry.get("en"), *entry.get("aliases", [])] if n))
                 for entry in entries)


@cache
def alias_table(lang: str) -> dict[str, tuple[str, str]]:
    """Every known name (and its canonical form) -> (canonical name in `lang`, type)."""
    return {name: (entry.get(lang) or entry.get("en") or entry["fr"], entry["type"])
            for entry, names in alias_entries() for name in names}


@cache
def _page_names() -> dict[str, str]:
    """Every known name -> the name its referent's page is named by (its French name; the
    first entry that knows the name, as data/aliases.yaml lists them)."""
    pages: dict[str, str] = {}
    for entry, names in alias_entries():
        for name in names:
            pages.setdefault(name, entry["fr"])
    return pages


@cache  # a build asks it for every entity of every article
def entity_slug(name: str) -> str:
    """The address of an entity's page: the same referent gets the same slug in every article
    and language."""
    return make_slug(_page_names().get(name, name), ENTITY_SLUG_CHARS)
