"""Files briefing writes: whole or not at all, and readable as any new file would be."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def new_file_mode() -> int:
    """The mode the umask gives a new file (0644 under umask 022): a web server running as
    another user can read what briefing serves."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, text: str | bytes, durable: bool = True) -> None:
    """Write to a temporary file beside the target, then rename: readers see the old file or
    the new one, never half of one. Text is written as UTF-8, bytes as they are. (mkstemp
    makes the file 0600 whatever the umask: the mode is set before the rename.) `durable`
    flushes the bytes to disk before the rename; a build, whose whole output folder is swapped
    in only when complete, does without."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with (os.fdopen(fd, "wb") if isinstance(text, bytes)
              else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), new_file_mode())
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
