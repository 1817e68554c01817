"""The `briefing` command: a thin Typer layer over the library."""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import traceback
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from briefing.config import MEGABYTE, IngestOptions
from briefing.errors import InputError
from briefing.ingest.read import collect_inputs
from briefing.lock import Locked, content_lock
from briefing.store import SKIPPED, UNCHANGED, UPDATED, WRITTEN, ContentStore

app = typer.Typer(help="briefing: raw news articles in, a static briefing site and feeds out.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
PROGRESS_FROM = 10  # files: below this, no progress bar
BATCH = 32  # files per NLP batch, and per worker task
POOL_FROM = 4 * BATCH  # files: below this, starting workers (a model load each) saves nothing
# (bench/parallel.py: 100 files take as long with two workers as in one process)


def worker_count(jobs: int, inputs: int) -> int:
    """Worker processes for a run: --jobs, or (0) one per usable core unless the run is small;
    never more than there are batches."""
    from briefing.ingest.pipeline import usable_cpus

    if jobs == 0:
        jobs = usable_cpus() if inputs >= POOL_FROM else 1
    return max(1, min(jobs, -(-inputs // BATCH)))


def _parse_date(value: Optional[str]) -> Optional[datetime]:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not an ISO 8601 date (2024-01-25 or 2024-01-25T09:30+01:00)")


PathsArg = Annotated[Optional[list[Path]], typer.Argument(help="Raw articles (.txt, .html): files or folders.")]
DateOpt = Annotated[Optional[str], typer.Option("--date", help="Date when the page gives none (ISO 8601).")]
CategoryOpt = Annotated[Optional[str], typer.Option("--category", help="Category when the page gives none.")]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language code, instead of detecting it.")]
MaxSizeOpt = Annotated[float, typer.Option("--max-size", min=0.001, help="Refuse files larger than this (MB).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0,
                                      help="Worker processes (0: one per usable core; 1: no workers).")]


def _options(date: Optional[str], category: Optional[str], lang: Optional[str], max_size: float) -> IngestOptions:
    return IngestOptions(date=_parse_date(date), category=category, lang=lang.lower() if lang else None,
                         max_bytes=int(max_size * MEGABYTE))


def _articles(paths: list[Path], options: IngestOptions, debug: bool, jobs: int = 1):
    """(path, article or None) for each input file; failures are reported in one line each."""
    from briefing.ingest.pipeline import build_articles  # spaCy, trafilatura: not for build or check

    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(message)s")
        jobs = 1  # tracebacks are printed by this process
    results = build_articles(paths, options, BATCH, worker_count(jobs, len(paths)))
    while True:
        try:
            path, result = next(results)
        except StopIteration:
            return
        except Exception as exc:  # a bug must not pass silently, nor show a traceback
            err.print(f"error: unexpected {type(exc).__name__}: {exc}", markup=False)
            if debug:
                err.print(traceback.format_exc(), markup=False)
            raise typer.Exit(1)
        if isinstance(result, InputError):
            err.print(f"error: {result}", markup=False)
            yield path, None
        else:
            yield path, result


@app.command()
def ingest(
    paths: PathsArg = None,
    content_dir: Annotated[Path, typer.Option("--content-dir", help="Where the Markdown goes.")] = Path("content"),
    date: DateOpt = None,
    category: CategoryOpt = None,
    lang: LangOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files changed by hand.")] = False,
    max_size: MaxSizeOpt = 10.0,
    jobs: JobsOpt = 0,
    debug: DebugOpt = False,
) -> None:
    """Clean raw articles and write them as Markdown with metadata into the content folder."""
    options = _options(date, category, lang, max_size)
    inputs = collect_inputs(paths or [Path("seeds")])
    try:
        with content_lock(content_dir):
            counts = _ingest(inputs, content_dir, options, force, debug, jobs)
    except Locked as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1)
    except OSError as exc:
        err.print(f"error: {content_dir}: cannot write there ({exc.strerror or exc})", markup=False)
        raise typer.Exit(1)
    err.print(f"{counts[WRITTEN]} written, {counts[UNCHANGED]} unchanged, {counts[SKIPPED]} skipped, "
              f"{counts['failed']} failed", markup=False)
    raise typer.Exit(1 if counts["failed"] else 0)


def _ingest(inputs: list[Path], content_dir: Path, options: IngestOptions, force: bool, debug: bool,
            jobs: int) -> Counter:
    from briefing.ingest.pipeline import ingest_key

    store = ContentStore(content_dir)
    counts: Counter[str] = Counter()
    if not force:  # an unchanged source made with the same code, data and options costs a hash
        key = ingest_key(options)
        fresh = {p for p in inputs if _already_current(store, p, key, options.max_bytes)}
        counts[UNCHANGED] += len(fresh)
        inputs = [p for p in inputs if p not in fresh]
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                  disable=len(inputs) < PROGRESS_FROM or not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=len(inputs))
        for path, article in _articles(inputs, options, debug, jobs):
            progress.advance(task)
            if article is None:
                counts["failed"] += 1
                continue
            try:
                outcome = store.save(article, force=force)
            except OSError as exc:
                err.print(f"error: {path}: cannot write to {content_dir} ({exc.strerror or exc})", markup=False)
                counts["failed"] += 1
                continue
            counts[SKIPPED if outcome.status == SKIPPED else
                   UNCHANGED if outcome.status == UNCHANGED else WRITTEN] += 1
            if outcome.message:
                err.print(f"notice: {path}: {outcome.message}", markup=False)
            elif outcome.status in (WRITTEN, UPDATED):
                err.print(f"{outcome.status}: {outcome.path}", markup=False)
    return counts


def _already_current(store: ContentStore, path: Path, key: str, max_bytes: int) -> bool:
    from briefing.ingest.pipeline import source_name

    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return False
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return False  # the normal path reports it
    return store.current(source_name(path), digest, key) is not None


@app.command()
def check(
    content_dir: Annotated[Path, typer.Argument(help="The content folder.")] = Path("content"),
) -> None:
    """Validate the metadata of every content file: one 'file:line: reason' per problem."""
    from briefing.check import check_folder

    if not content_dir.is_dir():
        err.print(f"error: {content_dir}: no such content folder", markup=False)
        raise typer.Exit(2)
    checked, problems = check_folder(content_dir)
    for problem in problems:
        err.print(problem, markup=False)
    err.print(f"{checked} files checked, {len(problems)} problems", markup=False)
    raise typer.Exit(1 if problems else 0)


@app.command()
def inspect(
    paths: Annotated[list[Path], typer.Argument(help="Raw articles (.txt, .html): files or folders.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per line.")] = False,
    date: DateOpt = None,
    category: CategoryOpt = None,
    lang: LangOpt = None,
    max_size: MaxSizeOpt = 10.0,
    jobs: JobsOpt = 0,
    debug: DebugOpt = False,
) -> None:
    """Show the article record of each input without writing anything."""
    options = _options(date, category, lang, max_size)
    failed = 0
    for path, article in _articles(collect_inputs(paths), options, debug, jobs):
        if article is None:
            failed += 1
        elif as_json:
            sys.stdout.write(json.dumps(article.to_record(), ensure_ascii=False) + "\n")
        else:
            _print_summary(path, article)
    raise typer.Exit(1 if failed else 0)


SettingsOpt = Annotated[Path, typer.Option("--settings", help="Pelican settings file.")]
ContentOpt = Annotated[Path, typer.Option("--content-dir", help="The Markdown articles.")]
OutputOpt = Annotated[Path, typer.Option("--output-dir", help="Where the site is written.")]


@app.command()
def build(
    content_dir: ContentOpt = Path("content"),
    output_dir: OutputOpt = Path("output"),
    settings: SettingsOpt = Path("pelicanconf.py"),
    debug: DebugOpt = False,
) -> None:
    """Build the static site from the content folder with Pelican."""
    from briefing.site import build as build_site

    for path, what in ((content_dir, "content folder"), (settings, "settings file")):
        if not path.exists():
            err.print(f"error: {path}: no such {what}", markup=False)
            raise typer.Exit(2)
    try:
        build_site(settings, content_dir, output_dir)
    except Exception as exc:  # Pelican raises many kinds; the user needs one line
        err.print(f"error: build failed: {type(exc).__name__}: {exc}", markup=False)
        if debug:
            err.print(traceback.format_exc(), markup=False)
        raise typer.Exit(1)
    err.print(f"built {output_dir}", markup=False)


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port on localhost.")] = 8000,
    content_dir: ContentOpt = Path("content"),
    output_dir: OutputOpt = Path("output"),
    settings: SettingsOpt = Path("pelicanconf.py"),
) -> None:
    """Serve the site on localhost and rebuild it when content or settings change."""
    import pelican

    from briefing.site import pelican_arguments

    pelican.main(pelican_arguments(settings, content_dir, output_dir)
                 + ["--autoreload", "--listen", "--bind", "127.0.0.1", "--port", str(port)])


def _print_summary(path: Path, article) -> None:
    record = article.to_record()
    paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
    out.print(f"[bold]{path}[/bold]")
    out.print(f"  title      {record['title']}", markup=False)
    out.print(f"  date       {record['date']} (from {record['date_source']})", markup=False)
    for key in ("category", "lang", "slug", "source"):
        out.print(f"  {key:<10} {record[key] or '-'}", markup=False)
    out.print(f"  text       {len(paragraphs)} paragraphs, {record['reading_time']} min read", markup=False)
    out.print(f"  summary    {record['summary']}", markup=False)
    out.print(f"  entities   {len(record['entities'])}, key figures {len(record['key_figures'])}", markup=False)
    out.print()
