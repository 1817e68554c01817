"""What ingest remembers between runs: one small JSON file in the content folder.

The manifest (`.briefing/manifest.json`, a dot-name: Pelican and the input scan pass it by) is
a set of named sections, each a JSON object owned by one part of briefing: `ingest` holds what
became of each source (`SourceOutcome`); other parts keep their own state beside it (a fetcher's
conditional-request headers, story groups). A section this version does not know is kept as it
is on save. The file is a cache: lost, unreadable or from another format, it is rebuilt (what a
run can no longer skip costs an analysis, nothing else), and it is written whole or not at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing.files import write_atomically

MANIFEST_PATH = Path(".briefing") / "manifest.json"
FORMAT = 1  # a file of another format is rebuilt, not misread

# What became of a source at its last ingest.
WRITTEN_AS, SAME_AS, FAILED_WITH = "written", "same_story", "failed"


class Manifest:
    """Named sections of JSON data, loaded from and saved to the content folder."""

    def __init__(self, path: Path, sections: dict | None = None, notice: str = "") -> None:
        self.path = path
        self.sections: dict = sections if sections is not None else {}
        self.notice = notice  # why the file on disk was not used, for one line to the user
        self._saved = self._text() if sections is not None else None  # what the file holds

    @classmethod
    def load(cls, content_dir: Path) -> Manifest:
        """The content folder's manifest; an empty one (with a notice when a file was there
        but unusable) when there is none to read."""
        path = content_dir / MANIFEST_PATH
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            return cls(path, notice=f"{path}: unreadable ({_reason(exc)}): rebuilt, this run redoes what it cannot skip")
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("sections"), dict):
            return cls(path, notice=f"{path}: not a format {FORMAT} manifest: rebuilt, this run redoes what it cannot skip")
        return cls(path, data["sections"])

    def section(self, name: str) -> dict:
        """The section's data (created empty, or anew when it is not an object), to read and
        change in place."""
        if not isinstance(self.sections.get(name), dict):
            self.sections[name] = {}
        return self.sections[name]

    def save(self) -> None:
        """Write the whole manifest atomically when it changed (a run that changed nothing
        touches nothing); keys sorted, so the same state gives the same bytes."""
        text = self._text()
        if text != self._saved:
            write_atomically(self.path, text)
            self._saved = text

    def _text(self) -> str:
        return json.dumps({"format": FORMAT, "sections": self.sections}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON at line {exc.lineno}"
    return getattr(exc, "strerror", None) or type(exc).__name__


@dataclass(frozen=True)
class SourceOutcome:
    """What one source's bytes, ingested with one ingest key, became: written as `slug`, the
    same story as the one written as `slug`, or failed for `reason`."""

    sha256: str
    ingest_key: str
    outcome: str  # WRITTEN_AS, SAME_AS or FAILED_WITH
    slug: str = ""
    reason: str = ""

    def to_dict(self) -> dict:
        data = {"sha256": self.sha256, "ingest_key": self.ingest_key, "outcome": self.outcome}
        data.update({"reason": self.reason} if self.outcome == FAILED_WITH else {"slug": self.slug})
        return data

    @classmethod
    def from_dict(cls, data) -> SourceOutcome | None:
        """The outcome an entry records, or None for an entry this version cannot read."""
        if not isinstance(data, dict) or data.get("outcome") not in (WRITTEN_AS, SAME_AS, FAILED_WITH):
            return None
        fields = {name: data.get(name, "") for name in ("sha256", "ingest_key", "outcome", "slug", "reason")}
        if not all(isinstance(value, str) for value in fields.values()):
            return None
        return cls(**fields)


class SourceLedger:
    """The manifest's `ingest` section: per source (named as in content files' `source_file`),
    the outcome of its last ingest."""

    SECTION = "ingest"

    def __init__(self, manifest: Manifest) -> None:
        self._sources = manifest.section(self.SECTION).setdefault("sources", {})
        if not isinstance(self._sources, dict):
            self._sources = manifest.section(self.SECTION)["sources"] = {}

    def get(self, source: str) -> SourceOutcome | None:
        return SourceOutcome.from_dict(self._sources.get(source))

    def record(self, source: str, outcome: SourceOutcome) -> None:
        self._sources[source] = outcome.to_dict()

    def forget(self, source: str) -> None:
        self._sources.pop(source, None)
