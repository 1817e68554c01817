"""What became of one input of `briefing ingest`: the statuses, and how each counts in the
summary line. Light on purpose: the CLI reads it without importing the ingest machinery."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

WRITTEN, UPDATED, UNCHANGED, SKIPPED = "written", "updated", "unchanged", "skipped"
ENRICHED, FAILED = "enriched", "failed"
NOTICE = "notice"  # about a content file no input made (its story group changed), or about the run
# (a manifest rebuilt): counted in none of "N written, N unchanged, N skipped, N failed".
SUMMARY = {WRITTEN: WRITTEN, UPDATED: WRITTEN, ENRICHED: WRITTEN, UNCHANGED: UNCHANGED, SKIPPED: SKIPPED,
           FAILED: FAILED, NOTICE: NOTICE}


@dataclass(frozen=True)
class Report:
    """One input's outcome: its status, the content file concerned, a line to show."""

    source: Path
    status: str  # one of the statuses above
    content: Path | None = None
    message: str = ""  # the reason of a failure, or a notice
    same_story: bool = False  # skipped as a copy of the story in `content`
