"""A small run's analysis in a second process, started while this one still reads and extracts.

A run with a few sources to analyse (fewer than ingest's POOL_FROM: one changed page in a
newsroom's inbox) starts no worker pool, whose workers would each start an interpreter and load
the models. It used to run on one core, one step after the other: read and extract, import
spaCy (about 0.7 s), load the model of the text's language (about 1 s), analyse, then import the
story grouping (datasketch imports scipy: about 0.6 s).

Where a core is free, the run forks once, as soon as it knows something needs analysis. The
child starts with everything already imported and imports spaCy while the parent reads and
extracts; the parent then sends each batch's texts (language, title, paragraphs), the child
loads the models of those languages only, runs `enrich_texts` on them and sends back what it
found, while the parent imports the story grouping. The same function on the same texts with
the same models: the same records, only sooner. Should the child fail in any way (killed, out of
memory, a broken pipe, a result that does not fit), the parent analyses the texts itself. Where
fork is missing, with other threads running, with no core to spare, or under `--debug` (one
process, whose tracebacks show), nothing is forked.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable
from multiprocessing import Pipe
from multiprocessing.connection import Connection

from briefing.enrich import Enrichment, EnrichmentError, enrich_texts
from briefing.forking import child_of, fork, fork_pays

log = logging.getLogger("briefing")

Texts = list[tuple[str, str, list[str]]]  # (lang, title, paragraphs): what enrich_texts takes


class Analyst:
    """The forked process that analyses this run's texts, or this process when there is none."""

    def __init__(self, connection: Connection | None = None, pid: int | None = None,
                 meanwhile: Callable[[], object] | None = None) -> None:
        self.connection, self.pid, self.meanwhile = connection, pid, meanwhile
        self.analysed = 0  # texts the child analysed (the tests' evidence that it did)

    @classmethod
    def start(cls, meanwhile: Callable[[], object] | None = None) -> Analyst:
        """Fork the child where it pays; `meanwhile` is what this process does while it waits
        for the child's first results (imports the child does not need)."""
        if not fork_pays():
            return cls()
        ours, theirs = Pipe()
        parent = os.getpid()
        try:
            pid = fork()
        except OSError:  # no process to be had (memory, limits): the analysis runs here
            ours.close()
            theirs.close()
            return cls()
        if pid == 0:  # the child: analyse what comes until the parent closes its end, then out at once
            status = 1
            try:
                child_of(parent)
                ours.close()
                _serve(theirs)
                status = 0
            except BaseException:  # noqa: BLE001  (the parent analyses what it did not get)
                pass
            finally:
                os._exit(status)
        theirs.close()
        return cls(ours, pid, meanwhile)

    def enrich(self, texts: Texts) -> list[Enrichment | EnrichmentError]:
        """What `enrich_texts` gives for `texts`, from the child when it answers."""
        if not texts:
            return []
        if self.connection is not None:
            try:
                self.connection.send(texts)
                self._meanwhile()
                found = self.connection.recv()
            except Exception:  # noqa: BLE001  (EOFError, OSError, a pickling error: the child is no use)
                log.debug("the analysing process failed; the analysis runs here", exc_info=True)
                found = None
            if isinstance(found, list) and len(found) == len(texts) and all(
                    isinstance(f, (Enrichment, EnrichmentError)) for f in found):
                self.analysed += len(texts)
                return found
            self.close()
        self._meanwhile()
        return enrich_texts(texts)

    def close(self) -> None:
        """End the child (it exits when its end of the pipe reads nothing more) and reap it."""
        if self.connection is None:
            return
        self.connection.close()
        self.connection = None
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        gc.unfreeze()

    def _meanwhile(self) -> None:
        if self.meanwhile is not None:
            work, self.meanwhile = self.meanwhile, None
            work()


def _serve(connection: Connection) -> None:
    """The child's work: spaCy imported before the first texts come, then each batch analysed."""
    import briefing.enrich.nlp  # noqa: F401  (spaCy and our pipeline's code: most of the wait)

    while True:
        try:
            texts = connection.recv()
        except EOFError:
            return
        connection.send(enrich_texts(texts))
