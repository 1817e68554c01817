"""Work shared with a forked child, where a second core is free: the build's entity pages
(the plugin's twofold.py and prefetch.py) and a small ingest run's analysis (analyst.py).

A fork copies the running process: the child starts with every module already imported and
every table already loaded, at no cost, which a new interpreter (a worker pool's) pays again.
It is worth it only when a core would otherwise idle, and safe only when no other thread runs
(a fork copies only the thread that calls it: a lock another one holds, `briefing serve`'s
server for one, would stay held in the child for ever).
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
from pathlib import Path


PR_SET_PDEATHSIG = 1  # Linux's prctl option: a signal for this process when its parent dies


def fork_pays() -> bool:
    """Whether forking a second process for part of the work may save time: fork exists, a core
    is free, and no other thread runs."""
    return hasattr(os, "fork") and threading.active_count() == 1 and core_to_spare()


def fork() -> int:
    """os.fork() for work shared with a child: the output flushed first (the child must not
    print the parent's buffers again) and the collector's objects frozen (it leaves the objects
    both share alone: fewer pages copied on write; the caller unfreezes once the child is done).
    OSError when no process can be made."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()
    try:
        return os.fork()
    except OSError:
        gc.unfreeze()
        raise


def core_to_spare() -> bool:
    """Whether a second core is free now: two usable cores or more, and fewer processes ready to
    run than cores besides this one (/proc/loadavg's running count, at this moment: a load
    average would still count a busy minute that has just ended). The fork's child pays to copy
    the memory pages it touches (about 0.5 s of CPU on the 200-page archive): worth it on a free
    core, a loss on a machine whose cores are all busy."""
    cores = usable_cores()
    if cores < 2:
        return False
    try:
        running = int(Path("/proc/loadavg").read_text().split()[3].split("/")[0]) - 1  # this process is one
    except (OSError, ValueError, IndexError):
        return True  # no way to tell: the fork costs little when it gains nothing
    return running < cores


def usable_cores() -> int:
    """The cores this process may run on (its affinity: a container or taskset may allow fewer
    than the machine has), else the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def child_of(parent: int) -> None:
    """What a forked child that lives as long as its work does first: it is killed when its
    parent dies (Linux; elsewhere it ends when its pipe does) and lets go of the parent's
    content lock, so that a parent killed mid-run leaves the folder to the next run."""
    from briefing.lock import let_go_in_child  # here: lock needs fcntl, which a system without fork lacks

    let_go_in_child()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # no prctl (not Linux)
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was asked for
