"""The `briefing` command: a thin Typer layer that parses arguments, calls the library and
prints what it reports. Heavy modules (spaCy, trafilatura, dateparser, Pelican) are imported
inside the commands that need them: `briefing build --help` loads none of them."""

from __future__ import annotations

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
from briefing.lock import Locked
from briefing.report import ENRICHED, FAILED, NOTICE, SKIPPED, SUMMARY, UNCHANGED, UPDATED, WRITTEN

app = typer.Typer(help="briefing: raw news articles in, a static briefing site and feeds out.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
PROGRESS_FROM = 10  # files: below this, no progress bar
READS = "briefing reads .html, .htm and .txt pages, feeds, OPML lists, sitemaps and lists of URLs"


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


def _failure(message: str, code: int = 1) -> typer.Exit:
    """One line saying what went wrong, and the exit code to leave with."""
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)


def _unexpected(exc: Exception, debug: bool) -> typer.Exit:
    """A bug must not pass silently, nor show a traceback unless asked."""
    err.print(f"error: unexpected {type(exc).__name__}: {exc}", markup=False)
    if debug:
        err.print(traceback.format_exc(), markup=False)
    return typer.Exit(1)


SourcesArg = Annotated[Optional[list[str]], typer.Argument(
    help="Raw articles (.txt, .html) as files or folders; feeds, OPML lists, sitemaps or URL lists as files or "
         "http(s) addresses; page addresses.", show_default=False)]


@app.command()
def ingest(
    paths: SourcesArg = None,
    content_dir: Annotated[Path, typer.Option("--content-dir", help="Where the Markdown goes.")] = Path("content"),
    date: DateOpt = None,
    category: CategoryOpt = None,
    lang: LangOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files changed by hand.")] = False,
    max_size: MaxSizeOpt = 10.0,
    jobs: JobsOpt = 0,
    urls: Annotated[Optional[Path], typer.Option("--urls", help="A text file of page addresses, one a line.")] = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Fetch hosts on loopback, private or link-local addresses too.")] = False,
    rate: Annotated[float, typer.Option("--rate", min=0.01, help="Requests per second to one host, at most.")] = 1.0,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds for one whole response.")] = 20.0,
    watch: Annotated[Optional[float], typer.Option(
        "--watch", min=0.01, help="Read the feeds again every this many minutes, until stopped.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Name every file skipped for its type.")] = False,
    retry_failed: Annotated[bool, typer.Option(
        "--retry-failed", help="Analyse again the files that failed with the same bytes last time.")] = False,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="A Dask scheduler's address (tcp://host:8786): its workers do the analysis.")] = None,
    debug: DebugOpt = False,
) -> None:
    """Clean raw articles and write them as Markdown with metadata into the content folder;
    Markdown articles written by hand in the content folder get their entities and key figures.
    Feeds, OPML lists, sitemaps and URL lists (files or addresses) have their pages fetched
    (into sources/ beside the content folder) and ingested."""
    from briefing import ingest as ingesting  # spaCy, trafilatura: not for build or check
    from briefing.config import FetchOptions
    from briefing.sources.urls import is_web_address

    options = _options(date, category, lang, max_size)
    fetching = FetchOptions(allow_private=allow_private, rate=rate, timeout=timeout, max_bytes=options.max_bytes)
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(message)s")
    addresses = [p for p in paths or [] if is_web_address(p)]
    local = [Path(p) for p in paths or [] if not is_web_address(p)] or ([] if addresses or urls else [Path("seeds")])
    inputs = ingesting.collect_inputs(local, content_dir)
    for other in inputs.skipped if verbose else ():
        err.print(f"skipped: {other} ({READS})", markup=False)
    if inputs.skipped and not verbose:
        err.print(f"notice: {len(inputs.skipped)} file(s) of another type skipped (--verbose names them)", markup=False)
    sources = (addresses, inputs.sources, [urls] if urls else [])
    if not inputs.files and not any(sources):
        err.print(f"error: {', '.join(map(str, local))}: no article file in it "
                  "(.html, .htm or .txt pages; Markdown articles inside the content folder)", markup=False)
        err.print(f"0 written, 0 unchanged, {len(inputs.skipped)} skipped, 0 failed", markup=False)
        raise typer.Exit(1)
    def once():  # with --watch, files and sources added to the folders since are read too
        found = ingesting.collect_inputs(local, content_dir) if watch else inputs
        return _ingest_once(found.files, (addresses, found.sources, sources[2]), content_dir, options, fetching,
                            force=force, jobs=jobs, debug=debug, skipped=len(found.skipped),
                            retry_failed=retry_failed, scheduler=scheduler)

    if watch is None:
        counts, failure = once()
        raise failure or typer.Exit(1 if counts[FAILED] else 0)
    _watch(once, watch)


def _ingest_once(files: list[Path], sources: tuple, content_dir: Path, options, fetching, *, force: bool, jobs: int,
                 debug: bool, skipped: int, retry_failed: bool = False,
                 scheduler: Optional[str] = None) -> tuple[Counter, Optional[typer.Exit]]:
    """One run: fetch what the sources hold that is new (a line per source), ingest it with the
    files, print the summary line; (counts, the exit to leave with when a run cannot go on)."""
    from briefing import ingest as ingesting

    counts: Counter[str] = Counter({SKIPPED: skipped})
    failure = summaries = None
    try:
        if any(sources):
            from briefing.sources.gather import Gatherer

            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                          transient=True, disable=not err.is_terminal) as progress:
                task = progress.add_task("fetch", total=None)
                gathered = Gatherer(content_dir, fetching, _say,
                                    lambda done, total: progress.update(task, completed=done, total=total)
                                    ).gather(*sources)
            counts[FAILED] += gathered.failed
            files, summaries = [*files, *gathered.files], gathered.summaries
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                      disable=len(files) < PROGRESS_FROM or not err.is_terminal) as progress:
            task = progress.add_task("ingest", total=len(files))
            for report in ingesting.run(files, content_dir, options, force=force, jobs=jobs, debug=debug,
                                        retry_failed=retry_failed, scheduler=scheduler):
                if report.status == NOTICE:  # about the run or a file no input made: counted nowhere
                    about = f"{report.content}: " if report.content is not None else ""
                    err.print(f"notice: {about}{report.message}", markup=False)
                    continue
                progress.advance(task)
                counts[SUMMARY[report.status]] += 1
                _print_report(report)
    except (Locked, ingesting.ClusterError) as exc:
        failure = _failure(str(exc))
    except OSError as exc:
        failure = _failure(f"{content_dir}: cannot write there ({exc.strerror or exc})")
    except Exception as exc:
        failure = _unexpected(exc, debug)
    for summary in summaries or ():
        err.print(summary.line(), markup=False)
    err.print(f"{counts[WRITTEN]} written, {counts[UNCHANGED]} unchanged, {counts[SKIPPED]} skipped, "
              f"{counts[FAILED]} failed", markup=False)
    return counts, failure


def _say(kind: str, line: str) -> None:
    err.print(f"{kind}: {line}", markup=False)


def _watch(once, minutes: float) -> None:
    """Run again every `minutes` until Ctrl-C or SIGTERM (the content lock is held only while
    a run writes, so a cron run can come between two)."""
    import signal
    import time

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            err.print(f"run at {datetime.now().astimezone().isoformat(timespec='seconds')}", markup=False)
            once()
            time.sleep(minutes * 60)
    except KeyboardInterrupt:
        err.print("stopped", markup=False)
    raise typer.Exit(0)


def _print_report(report) -> None:
    if report.status == FAILED:
        err.print(f"error: {report.message}", markup=False)
    elif report.message:  # about a content file: which one, and the input it came from
        named = report.content is None or report.content == report.source or str(report.content) in report.message
        about = str(report.source) if named else f"{report.content} (from {report.source})"
        err.print(f"notice: {about}: {report.message}", markup=False)
    elif report.status in (WRITTEN, UPDATED, ENRICHED):
        err.print(f"{report.status}: {report.content}", markup=False)


@app.command()
def check(
    content_dir: Annotated[Path, typer.Argument(help="The content folder.")] = Path("content"),
) -> None:
    """Validate the metadata of every content file: one 'file:line: reason' per problem."""
    from briefing.check import check_folder

    if not content_dir.is_dir():
        raise _failure(f"{content_dir}: no such content folder", 2)
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
    from briefing import ingest as ingesting

    options = _options(date, category, lang, max_size)
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(message)s")
    failed = 0
    try:
        for path, article in ingesting.records(ingesting.collect_inputs(paths).files, options, jobs, debug):
            if isinstance(article, InputError):
                err.print(f"error: {article}", markup=False)
                failed += 1
            elif as_json:
                sys.stdout.write(json.dumps(article.to_record(), ensure_ascii=False) + "\n")
            else:
                _print_summary(path, article)
    except Exception as exc:
        raise _unexpected(exc, debug)
    raise typer.Exit(1 if failed else 0)


SettingsOpt = Annotated[Path, typer.Option("--settings", help="Pelican settings file.")]
ContentOpt = Annotated[Path, typer.Option("--content-dir", help="The Markdown articles.")]
OutputOpt = Annotated[Path, typer.Option("--output-dir", help="Where the site is written.")]


@app.command()
def build(
    content_dir: ContentOpt = Path("content"),
    output_dir: OutputOpt = Path("output"),
    settings: SettingsOpt = Path("pelicanconf.py"),
    site_url: Annotated[Optional[str], typer.Option(
        "--site-url", help="The public address (https://...) for feeds, guids, the sitemap and canonical links; "
                           "overrides SITEURL.")] = None,
    debug: DebugOpt = False,
) -> None:
    """Build the static site from the content folder with Pelican."""
    from briefing.site import BuildError, build as build_site

    for path, what in ((content_dir, "content folder"), (settings, "settings file")):
        if not path.exists():
            raise _failure(f"{path}: no such {what}", 2)
    if site_url is not None and not _is_web_address(site_url):
        raise typer.BadParameter(f"'{site_url}' is not an http(s) address", param_hint="--site-url")
    try:
        build_site(settings, content_dir, output_dir, **({"SITEURL": site_url.rstrip("/")} if site_url else {}))
    except BuildError as exc:
        raise _failure(f"build failed: {exc}")
    except Exception as exc:  # Pelican raises many kinds; the user needs one line
        err.print(f"error: build failed: {type(exc).__name__}: {exc}", markup=False)
        if debug:
            err.print(traceback.format_exc(), markup=False)
        raise typer.Exit(1)
    err.print(f"built {output_dir}", markup=False)


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
    content_dir: ContentOpt = Path("content"),
    output_dir: OutputOpt = Path("output"),
    settings: SettingsOpt = Path("pelicanconf.py"),
) -> None:
    """Build the site (search index included), serve it on 127.0.0.1 and build it again when
    the content, the settings or the theme change; Ctrl-C or SIGTERM stops it."""
    from briefing.serve import serve as serve_site

    for path, what in ((content_dir, "content folder"), (settings, "settings file")):
        if not path.exists():
            raise _failure(f"{path}: no such {what}", 2)
    try:
        serve_site(settings, content_dir, output_dir, port, lambda line: err.print(line, markup=False))
    except OSError as exc:
        raise _failure(f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc})")
    except Exception as exc:  # settings Pelican cannot read, mostly
        raise _failure(f"cannot serve: {type(exc).__name__}: {exc}")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The new site's folder (new, or empty).")],
    lang: Annotated[str, typer.Option("--lang", help="The site's language: fr or en.")] = "fr",
    title: Annotated[str, typer.Option("--title", help="The site's name.")] = "briefing",
    url: Annotated[Optional[str], typer.Option("--url", help="The public address (https://...), for publishing.")] = None,
    description: Annotated[Optional[str], typer.Option("--description", help="One line under the name.")] = None,
) -> None:
    """Start a new briefing site: pelicanconf.py, publishconf.py, content/, seeds/ and a README."""
    from briefing.scaffold import LANGUAGES, SiteExists, create_site

    if lang not in LANGUAGES:
        raise typer.BadParameter(f"'{lang}' is not one of " + ", ".join(LANGUAGES), param_hint="--lang")
    if url is not None and not _is_web_address(url):
        raise typer.BadParameter(f"'{url}' is not an http(s) address", param_hint="--url")
    try:
        created = create_site(folder, title=title, lang=lang, url=url, description=description)
    except SiteExists as exc:
        raise _failure(str(exc))
    except OSError as exc:
        raise _failure(f"{folder}: cannot write there ({exc.strerror or exc})")
    for path in created:
        err.print(f"created: {path}{'/' if path.is_dir() else ''}", markup=False)
    err.print(f"next: cd {folder}, put raw pages in seeds/, then briefing ingest, briefing build, briefing serve",
              markup=False)


def _is_web_address(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


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
