"""The article record: what ingest produces, what `briefing check` validates and what the site
plugin reads, defined and read from a content file's metadata here and nowhere else.

Field names and order are those the README's "The article record" lists; `Article.to_record()`
is what `briefing inspect --json` prints and what the content file's header carries. Older content files (a key figure without
`phrase`, an article without `source`) stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import dateutil.parser

from briefing.aliases import entity_slug

ENTITY_TYPES = ("person", "organization", "place")
QUALIFIERS = ("~", ">", "<")
REQUIRED = ("title", "date")  # Pelican derives the slug from the title; a source is optional
EARLIEST = 1900  # before this, a "publication date" is a placeholder (0001-01-01)
EPOCH = date(1970, 1, 1)  # a zero timestamp printed as a date


class RecordError(ValueError):
    """Metadata that does not describe a record: the reason, for one line of output, and the
    name of the item at fault when it has one."""

    def __init__(self, reason: str, name: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.name = name


@dataclass(frozen=True)
class Entity:
    """One real-world referent named in an article."""

    name: str  # canonical form: the fullest name used
    type: str  # one of ENTITY_TYPES
    mentions: int = 1  # over the name and all its aliases
    aliases: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        """The address of the referent's page, the same in every article and language."""
        return entity_slug(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "mentions": self.mentions,
                "aliases": list(self.aliases)}

    @classmethod
    def from_dict(cls, data: Any) -> "Entity":
        if not isinstance(data, dict) or not data.get("name"):
            raise RecordError("no name")
        if data.get("type") not in ENTITY_TYPES:
            raise RecordError(f"type '{data.get('type')}' is not one of " + ", ".join(ENTITY_TYPES), data["name"])
        try:
            mentions = int(data.get("mentions", 1))
        except (TypeError, ValueError):
            raise RecordError(f"mentions '{data.get('mentions')}' is not a number", data["name"]) from None
        aliases = data.get("aliases") or []
        if not isinstance(aliases, list):
            raise RecordError(f"aliases must be a list ([...]), not '{aliases}'", data["name"])
        return cls(name=str(data["name"]), type=str(data["type"]), mentions=mentions,
                   aliases=tuple(str(a) for a in aliases))


@dataclass(frozen=True)
class KeyFigure:
    """A quantity the article states: 2 500 soldats, ~150 attaques."""

    value: float | int
    display: str  # as the text wrote it: "2 500"
    label: str  # what it counts: "soldats"
    sentence: str  # the sentence it comes from
    qualifier: str | None = None  # "~", ">", "<" or None
    phrase: str = ""  # what the site shows after the number, as the sentence says it: "de soldats"

    def __post_init__(self) -> None:
        if not self.phrase and self.label != "%":  # made without one: what it counts
            object.__setattr__(self, "phrase", self.label)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "display": self.display, "qualifier": self.qualifier,
                "label": self.label, "phrase": self.phrase, "sentence": self.sentence}

    @classmethod
    def from_dict(cls, data: Any) -> "KeyFigure":
        if not isinstance(data, dict) or isinstance(data.get("value"), bool) \
                or not isinstance(data.get("value"), (int, float)):
            raise RecordError("value must be a number")
        if data.get("qualifier") not in (None, *QUALIFIERS):
            raise RecordError(f"qualifier '{data['qualifier']}' is not one of ~ > < or null", data.get("display"))
        return cls(value=data["value"], display=str(data.get("display", data["value"])),
                   label=str(data.get("label") or ""), sentence=str(data.get("sentence") or ""),
                   qualifier=data.get("qualifier"), phrase=str(data.get("phrase") or ""))


def read_entities(value: Any) -> tuple[list[Entity], list[str]]:
    """The entities of a metadata list, and a reason for each item that is not one."""
    return _read_list(value, Entity, "entity", "entities")


def read_key_figures(value: Any) -> tuple[list[KeyFigure], list[str]]:
    """The key figures of a metadata list, and a reason for each item that is not one."""
    return _read_list(value, KeyFigure, "key figure", "key_figures")


def _read_list(value: Any, kind, noun: str, key: str):
    if value is None:
        return [], []
    if not isinstance(value, list):
        return [], [f"'{key}' must be a list"]
    found, problems = [], []
    for i, item in enumerate(value, start=1):
        try:
            found.append(kind.from_dict(item))
        except RecordError as exc:
            problems.append(f"{noun} {i}{f' ({exc.name})' if exc.name else ''}: {exc.reason}")
    return found, problems


def parse_date(value: Any) -> datetime:
    """A content file's date as Pelican reads it (ValueError when Pelican cannot)."""
    if isinstance(value, date):
        value = value.isoformat()
    text = re.sub(" +", " ", str(value).strip().replace("_", " "))
    return dateutil.parser.parse(text, default=datetime.now().replace(hour=0, minute=0, second=0, microsecond=0))


def is_placeholder(moment: date) -> bool:
    """A date no article was published on: before 1900 (0001-01-01) or the Unix epoch (in UTC,
    whatever zone it was written in)."""
    if isinstance(moment, datetime):
        moment = (moment.astimezone(timezone.utc) if moment.tzinfo and moment.year > 1 else moment).date()
    return moment.year < EARLIEST or moment == EPOCH


def is_enriched(meta: dict[str, Any]) -> bool:
    """Ingest has given the article its entities (an editor may have emptied the list since)."""
    return "entities" in meta


def metadata_problems(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, reason) for each way a content file's metadata is not a record."""
    problems = [(key, f"missing '{key}'") for key in REQUIRED if not meta.get(key)]
    if meta.get("date"):
        try:
            if is_placeholder(parse_date(meta["date"])):
                problems.append(("date", f"date '{meta['date']}' is a placeholder (before {EARLIEST}, or the Unix "
                                         "epoch), not a publication date"))
        except (ValueError, OverflowError):
            problems.append(("date", f"date '{meta['date']}' is not a date (2024-01-25 or 2024-01-25T09:30+01:00)"))
    for key, reader in (("entities", read_entities), ("key_figures", read_key_figures)):
        problems += [(key, reason) for reason in reader(meta.get(key))[1]]
    return problems


@dataclass(frozen=True)
class Article:
    title: str
    date: str  # ISO 8601 with time zone
    date_source: str  # metadata | url | text | feed | option | file | fetch
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
    publication: str | None = None  # the publication's name (the page's own, else its domain)
    dateline: str | None = None  # where and by whom the story was filed: "WASHINGTON (AP)"
    byline: str | None = None  # who wrote it, when known (a fetched page's feed names its author)
    story: str | None = None  # the story this copy shares with others: its first-published copy's slug
    also: tuple[str, ...] = ()  # the other copies' sources (briefing.stories groups them)

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
            "publication": self.publication,
            "source_sha256": self.source_sha256,
            "dateline": self.dateline,
            "byline": self.byline,
            "summary": self.summary,
            "body": self.body,
            "entities": [e.to_dict() for e in self.entities],
            "key_figures": [k.to_dict() for k in self.key_figures],
            "reading_time": self.reading_time,
        }

    def header(self) -> dict[str, Any]:
        """What a content file's front matter holds: the record without its body, and how it
        was made (source file, story fingerprint, ingest key)."""
        header = {key: value for key, value in self.to_record().items() if key != "body"}
        if header["category"] is None:
            del header["category"]  # Pelican then files it under DEFAULT_CATEGORY
        for optional in ("publication", "dateline", "byline"):  # most text dumps name no publication, most leads no dateline
            if header[optional] is None:
                del header[optional]
        if self.story:  # one story, several sources
            header |= {"story": self.story, "also": list(self.also)}
        return header | {"source_file": self.source_file, "fingerprint": self.fingerprint,
                         "ingest_key": self.ingest_key}

    @classmethod
    def from_record(cls, meta: dict[str, Any], body: str) -> "Article":
        """The article a content file's metadata and body describe (the inverse of header());
        RecordError naming the first problem."""
        problems = metadata_problems(meta)
        if problems:
            raise RecordError(problems[0][1])
        return cls(
            title=str(meta["title"]), date=str(meta["date"]), date_source=str(meta.get("date_source", "")),
            category=meta.get("category"), lang=str(meta.get("lang", "")), slug=str(meta["slug"]),
            source=str(meta.get("source", "")), source_sha256=str(meta.get("source_sha256", "")),
            summary=str(meta.get("summary", "")), body=body,
            entities=tuple(read_entities(meta.get("entities"))[0]),
            key_figures=tuple(read_key_figures(meta.get("key_figures"))[0]),
            reading_time=int(meta.get("reading_time", 1)), source_file=str(meta.get("source_file", "")),
            fingerprint=str(meta.get("fingerprint", "")), ingest_key=str(meta.get("ingest_key", "")),
            publication=str(meta["publication"]) if meta.get("publication") else None,
            dateline=str(meta["dateline"]) if meta.get("dateline") else None,
            byline=str(meta["byline"]) if meta.get("byline") else None,
            story=str(meta["story"]) if meta.get("story") else None,
            also=tuple(str(source) for source in meta.get("also") or ()) if isinstance(meta.get("also"), list) else (),
        )
