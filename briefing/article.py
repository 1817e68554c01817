"""The article record: what ingest produces and what the site plugins consume.

Field names and order follow DESIGN.md; `to_record()` is what `briefing inspect --json`
prints and what the Markdown metadata header carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ENTITY_TYPES = ("person", "organization", "place")
QUALIFIERS = ("~", ">", "<")


@dataclass(frozen=True)
class Entity:
    """One real-world referent named in an article."""

    name: str  # canonical form: the fullest name used
    type: str  # person | organization | place
    mentions: int = 1  # over the name and all its aliases
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "mentions": self.mentions,
                "aliases": list(self.aliases)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        return cls(name=str(data["name"]), type=str(data["type"]),
                   mentions=int(data.get("mentions", 1)),
                   aliases=tuple(str(a) for a in data.get("aliases") or ()))


@dataclass(frozen=True)
class KeyFigure:
    """A quantity the article states: 2 500 soldats, ~150 attaques."""

    value: float | int
    display: str  # as the text wrote it: "2 500"
    label: str  # what it counts: "soldats"
    sentence: str  # the sentence it comes from
    qualifier: str | None = None  # "~", ">", "<" or None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "display": self.display, "qualifier": self.qualifier,
                "label": self.label, "sentence": self.sentence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "KeyFigure":
        return cls(value=data["value"], display=str(data["display"]),
                   qualifier=data.get("qualifier"), label=str(data.get("label", "")),
                   sentence=str(data.get("sentence", "")))


@dataclass(frozen=True)
class Article:
    title: str
    date: str  # ISO 8601 with time zone
    date_source: str  # metadata | text | option | file
    category: str | None
    lang: str
    slug: str
    source: str  # URL the page names, else the raw file's path
    source_sha256: str
    summary: str
    body: str  # Markdown paragraphs
    entities: tuple[Entity, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    reading_time: int = 1  # minutes
    source_file: str = ""  # the raw file this record was made from
    fingerprint: str = ""  # hash of the normalised story text: same story, same print
    ingest_key: str = ""  # hash of the code, data, models and options that made this record

    def to_record(self) -> dict[str, Any]:
        """The record as DESIGN.md names it, plus reading_time."""
        return {
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "category": self.category,
            "lang": self.lang,
            "slug": self.slug,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "summary": self.summary,
            "body": self.body,
            "entities": [e.to_dict() for e in self.entities],
            "key_figures": [k.to_dict() for k in self.key_figures],
            "reading_time": self.reading_time,
        }

    @classmethod
    def from_record(cls, meta: dict[str, Any], body: str) -> "Article":
        """The article a content file's metadata and body describe (the inverse of to_record)."""
        return cls(
            title=str(meta["title"]), date=str(meta["date"]), date_source=str(meta.get("date_source", "")),
            category=meta.get("category"), lang=str(meta.get("lang", "")), slug=str(meta["slug"]),
            source=str(meta.get("source", "")), source_sha256=str(meta.get("source_sha256", "")),
            summary=str(meta.get("summary", "")), body=body,
            entities=tuple(Entity.from_dict(e) for e in meta.get("entities") or ()),
            key_figures=tuple(KeyFigure.from_dict(k) for k in meta.get("key_figures") or ()),
            reading_time=int(meta.get("reading_time", 1)), source_file=str(meta.get("source_file", "")),
            fingerprint=str(meta.get("fingerprint", "")), ingest_key=str(meta.get("ingest_key", "")),
        )
