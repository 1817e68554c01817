"""`briefing check`: every content file's metadata (YAML front matter or Pelican's `Key: value`
header), validated by the record's own rules, with file:line: reason. What it accepts, the
build accepts (tests/fast/test_check_build.py)."""

from __future__ import annotations

from pathlib import Path

from briefing.contentfile import read_metadata
from briefing.errors import ContentError
from briefing.record import metadata_problems


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lower().startswith(f"{key}:"):
            return number
    return 1


def check_file(path: Path) -> list[str]:
    """The problems of one content file, each as 'path:line: reason'."""
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        return [f"{path}:1: not UTF-8 text (byte {exc.start})"]
    except OSError as exc:
        return [f"{path}: cannot be read ({exc.strerror or exc})"]
    try:
        meta, _body = read_metadata(text, str(path))
    except ContentError as exc:
        return [str(exc)]
    return [f"{path}:{_line_of(text, key) if key in meta else 1}: {reason}" for key, reason in metadata_problems(meta)]


def check_folder(content_dir: Path) -> tuple[int, list[str]]:
    files = sorted(content_dir.glob("*.md"))
    return len(files), [problem for path in files for problem in check_file(path)]
