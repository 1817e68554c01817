"""`briefing check`: every content file Pelican would read (in subfolders too), its metadata
validated by the record's own rules and the build's (the slug Pelican makes, a date later than
the file), with file:line: reason. What check accepts, the build accepts
(tests/fast/test_check_build.py)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from briefing.contentfile import read_metadata
from briefing.errors import ContentError
from briefing.record import metadata_problems, parse_date

SLUG = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")  # a file name in the output folder: no folder, not hidden
LATER_THAN_FILE = timedelta(days=1)  # a page written just after midnight in another zone


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lower().startswith(f"{key}:"):
            return number
    return 1


def check_file(path: Path) -> list[str]:
    """The problems of one content file, each as 'path:line: reason'."""
    try:
        text = path.read_text("utf-8-sig")  # Pelican reads a byte order mark as nothing
        written = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except UnicodeDecodeError as exc:
        return [f"{path}:1: not UTF-8 text (byte {exc.start})"]
    except OSError as exc:
        return [f"{path}: cannot be read ({exc.strerror or exc})"]
    try:
        meta, _body = read_metadata(text, str(path))
    except ContentError as exc:
        return [str(exc)]
    problems = metadata_problems(meta) + _build_problems(meta, written)
    return [f"{path}:{_line_of(text, key) if key in meta else 1}: {reason}" for key, reason in problems]


def _build_problems(meta: dict, written: datetime) -> list[tuple[str, str]]:
    """What the record allows but the build cannot use: a slug that is no file name (given, or
    made by Pelican from the title), a date later than the file was written."""
    from pelican.settings import DEFAULT_CONFIG  # the build's own rule; check may import Pelican
    from pelican.utils import slugify

    problems = []
    if "slug" in meta:
        if not SLUG.fullmatch(str(meta["slug"])):
            problems.append(("slug", f"slug '{meta['slug']}' is not a file name (letters, digits, '-', '_', '.')"))
    elif meta.get("title") and not slugify(str(meta["title"]), regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]):
        problems.append(("title", f"title '{meta['title']}' gives no address (no letter or digit): add a 'slug'"))
    try:
        moment = parse_date(meta["date"]) if meta.get("date") else None
    except (ValueError, OverflowError):
        moment = None  # metadata_problems says so
    if moment is not None and (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)) > written + LATER_THAN_FILE:
        problems.append(("date", f"date '{meta['date']}' is later than the file was written: not a publication date"))
    return problems


def check_folder(content_dir: Path) -> tuple[int, list[str]]:
    files = sorted(p for p in content_dir.rglob("*.md")
                   if not any(part.startswith(".") for part in p.relative_to(content_dir).parts))
    return len(files), [problem for path in files for problem in check_file(path)]
