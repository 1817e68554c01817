"""A cold build's content files read by two processes at once.

Pelican reads the content files one after the other in one process (YAML front matter and
Markdown: about 5 ms a file, a second at 200 articles, nine at 2,000) while the build's second
core has nothing to do. When at least FEWEST files are not in Pelican's content cache (a cold
build, or many changed files) and a core is free, the build forks as the articles generator is
made: the child reads those files from the last one back, in the order Pelican will read them,
and sends each result (the reader's content and metadata, pickled as Pelican's cache pickles
them) through a pipe; Pelican reads from the first one on and takes from the pipe each file
the child has read by then. The two meet in the middle; the child is stopped once Pelican has
every article.

The child runs the same reader on the same files in a copy of this process, so a result is the
one Pelican would get, as a cached one is. A file whose reading fails or logs a warning in the
child is left for Pelican to read, and report, itself; should the child fail in any way,
Pelican reads everything, only slower. No fork where fork is missing, with no core to spare,
in a process with other threads (`briefing serve`), or for fewer files (twofold.py's rules).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import select
import signal
import struct
import time

try:
    import fcntl
except ImportError:  # no fcntl, no fork either (Windows): nothing here runs
    fcntl = None

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import file_suffix

from briefing.forking import fork, fork_pays

from .twofold import FEWEST  # FEWEST files: below this, a fork costs more than it saves

FRAME = struct.Struct("<Q")  # each result's length before it in the pipe
PIPE_BYTES = 1 << 20  # a pipe this large lets the child run ahead of Pelican's reads


class Prefetch:
    """The child reading `paths` (absolute, in Pelican's order) backwards, and what it sent."""

    def __init__(self, readers: dict[str, YAMLMetadataReader], paths: list[str]) -> None:
        self.wanted = set(paths)
        self.results: dict[str, tuple[str, dict]] = {}
        self.buffer = bytearray()
        self.pid: int | None = None
        readable, writable = os.pipe()
        try:
            fcntl.fcntl(writable, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except (AttributeError, OSError):
            pass  # the default size (64 KB): the child waits more often for Pelican to drain it
        try:
            pid = fork()
        except OSError:  # no process to be had (memory, limits): Pelican reads everything itself
            os.close(readable)
            os.close(writable)
            raise
        if pid == 0:
            os.close(readable)
            _read_for_parent(readers, paths[::-1], writable)  # never returns
        os.close(writable)
        os.set_blocking(readable, False)
        self.fd: int | None = readable
        self.pid = pid

    def take(self, path: str) -> tuple[str, dict] | None:
        """The reader's (content, metadata) for `path` if the child has sent it, else None."""
        if path not in self.wanted:
            return None
        self._drain()
        return self.results.pop(path, None)

    def wait(self, timeout: float) -> None:
        """Until the child is done (or `timeout` seconds): everything it reads is then at hand."""
        deadline = time.monotonic() + timeout
        while self.fd is not None and (left := deadline - time.monotonic()) > 0:
            select.select([self.fd], [], [], left)
            self._drain()

    def _drain(self) -> None:
        while self.fd is not None:
            try:
                chunk = os.read(self.fd, PIPE_BYTES)
            except BlockingIOError:
                break
            if not chunk:  # the child is done (or gone): what it sent is all there is
                self.finish()
                break
            self.buffer += chunk
        while len(self.buffer) >= FRAME.size:
            (size,) = FRAME.unpack_from(self.buffer)
            if len(self.buffer) < FRAME.size + size:
                break
            path, content, metadata = pickle.loads(self.buffer[FRAME.size:FRAME.size + size])
            del self.buffer[:FRAME.size + size]
            self.results[path] = (content, metadata)

    def finish(self) -> None:
        """The child stopped and reaped; what it has not sent yet, Pelican reads itself."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = None
            gc.unfreeze()


class _Noticed(logging.Handler):
    """Whether anything was logged at WARNING or above while one file was read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True


def _read_for_parent(readers: dict[str, YAMLMetadataReader], paths: list[str], fd: int) -> None:
    """The child: read each path with the reader Pelican uses for it (by its extension, as
    Readers.read_file picks it), send each clean result, exit."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        quiet = os.open(os.devnull, os.O_WRONLY)  # what the child would print, the parent prints
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        noticed = _Noticed()
        logging.getLogger().addHandler(noticed)
        for path in paths:
            noticed.seen = False
            try:
                content, metadata = YAMLMetadataReader.read(readers[file_suffix(path)], path)
            except Exception:  # noqa: BLE001 - left for Pelican, which reports it
                continue
            if noticed.seen:
                continue
            blob = pickle.dumps((path, content, metadata), protocol=pickle.HIGHEST_PROTOCOL)
            data = memoryview(FRAME.pack(len(blob)) + blob)
            while data:
                data = data[os.write(fd, data):]
        status = 0
    except BaseException:  # noqa: BLE001 - the parent reads what was not sent (and meets any error)
        pass
    finally:
        os._exit(status)


def start(generator) -> None:
    """Receiver of `article_generator_init`: the child started when it is worth it, and the
    articles' readers set to take from it."""
    from .reader import BriefingReader

    readers = generator.readers
    settings = generator.settings
    ours = {ext: reader for ext, reader in readers.readers.items() if isinstance(reader, BriefingReader)}
    if not ours:
        return
    # the files in the order generate_context() reads them: the same call makes the same set
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    paths = [os.path.abspath(os.path.join(generator.path, name)) for name in files]
    paths = [path for path in paths
             if file_suffix(path) in ours and readers.get_cached_data(path, (None, None))[0] is None]
    if len(paths) < FEWEST or not fork_pays():
        return
    try:
        prefetch = Prefetch(ours, paths)
    except OSError:
        return
    for reader in ours.values():
        reader.prefetch = prefetch


def stop(generator) -> None:
    """Receiver of `article_generator_pretaxonomy`: every article read, the child stopped."""
    for reader in generator.readers.readers.values():
        prefetch = getattr(reader, "prefetch", None)
        if prefetch is not None:
            prefetch.finish()
            reader.prefetch = None
