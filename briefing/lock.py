"""One `briefing ingest` at a time per content folder (an advisory lock on a file in it).

The lock file lives only while a run holds it. A process that locks a file another run has
just removed notices (the path no longer names its inode) and tries again, so two runs can
never both believe they hold the folder.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".briefing.lock"
_HELD: set[int] = set()  # descriptors of the locks this process holds (a forked child lets go of its copies)


class Locked(Exception):
    """Another process holds the content folder."""


@contextmanager
def content_lock(content_dir: Path):
    content_dir.mkdir(parents=True, exist_ok=True)
    path = content_dir / LOCK_NAME
    while True:
        handle = open(path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise Locked(f"{content_dir}: another briefing ingest is writing here (pid {holder}); "
                         "try again when it has finished") from None
        try:
            if os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
                break
        except FileNotFoundError:
            pass
        handle.close()  # the holder removed it as we opened it: lock the new one
    _HELD.add(handle.fileno())
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        _HELD.discard(handle.fileno())
        path.unlink(missing_ok=True)
        handle.close()


def let_go_in_child() -> None:
    """In a process forked while this one held locks: its copies of their descriptors pointed
    at /dev/null. An flock belongs to the open file, which a fork shares: a child that kept its
    copy would hold the folder after its parent was killed. The numbers stay taken, so no file
    the child opens gets one under the lock's file object."""
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in _HELD:
            os.dup2(null, fd)
    finally:
        os.close(null)
