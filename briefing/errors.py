"""Errors that carry a file name and a one-line reason for the user."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A raw article that cannot be used: the run reports it in one line and goes on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # rebuilt from its two arguments when it comes back from a worker
        return InputError, (self.path, self.reason)


class ContentError(Exception):
    """A content file whose metadata header cannot be read (file:line: reason)."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason
