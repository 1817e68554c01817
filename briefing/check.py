"""`briefing check`: every content file's metadata header, validated with file:line: reason."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from briefing.article import ENTITY_TYPES, QUALIFIERS
from briefing.errors import ContentError
from briefing.markdown import read_front_matter

REQUIRED = ("title", "date", "slug")


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
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
        meta, _body = read_front_matter(text, str(path))
    except ContentError as exc:
        return [str(exc)]
    problems = [f"{path}:1: missing '{key}'" for key in REQUIRED if not meta.get(key)]
    if meta.get("date"):
        try:
            datetime.fromisoformat(str(meta["date"]))
        except ValueError:
            problems.append(f"{path}:{_line_of(text, 'date')}: date '{meta['date']}' is not ISO 8601")
    for i, entity in enumerate(meta.get("entities") or []):
        where = f"{path}:{_line_of(text, 'entities')}: entity {i + 1}"
        if not isinstance(entity, dict) or not entity.get("name"):
            problems.append(f"{where} has no name")
        elif entity.get("type") not in ENTITY_TYPES:
            problems.append(f"{where} ({entity['name']}): type '{entity.get('type')}' is not one of "
                            + ", ".join(ENTITY_TYPES))
    for i, figure in enumerate(meta.get("key_figures") or []):
        where = f"{path}:{_line_of(text, 'key_figures')}: key figure {i + 1}"
        if not isinstance(figure, dict) or not isinstance(figure.get("value"), (int, float)):
            problems.append(f"{where}: value must be a number")
        elif figure.get("qualifier") not in (None, *QUALIFIERS):
            problems.append(f"{where}: qualifier '{figure['qualifier']}' is not one of ~ > < or null")
    return problems


def check_folder(content_dir: Path) -> tuple[int, list[str]]:
    files = sorted(content_dir.glob("*.md"))
    return len(files), [problem for path in files for problem in check_file(path)]
