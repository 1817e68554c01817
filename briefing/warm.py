"""What an ingest worker needs before its first batch, loaded once for all workers.

Ingest's worker processes are forked from one server process (multiprocessing's "forkserver"
start method, `briefing.ingest._pool`), which imports this module before it forks any worker.
Importing it loads, by analysing a line of each language: the modules a worker runs, the spaCy
pipeline of every language briefing has a model for, the language identifier and the
gazetteer's tables. Each worker then starts with all of it (shared copy-on-write) instead of
importing and loading it again: about 2.5 s of CPU a worker, paid once, while the parent still
reads and hashes its inputs; a worker replaced after WORKER_BATCHES batches starts ready too.

Nothing here may stop the server: what fails to load is left to the worker that needs it,
which loads it (or reports why it cannot) as it would without this module.
"""

from __future__ import annotations

import logging

log = logging.getLogger("briefing")

# A line per language, analysed once: each pipeline, its lemmatizer and the gazetteer are used.
SAMPLES = {
    "fr": ("Visite à Paris", ["Le ministre Jean Dupont a rencontré 2 500 soldats à Paris, en France."]),
    "en": ("Visit to London", ["Minister John Smith met 2,500 soldiers in London, England."]),
}


def load() -> None:
    """Import and load everything a worker's first batch would, for every language with a model."""
    import briefing.ingest  # noqa: F401  (the worker's modules: extraction, trafilatura, spaCy)
    from briefing.enrich import enrich_texts
    from briefing.enrich.nlp import MODELS
    from briefing.extract.language import detect_language

    detect_language(SAMPLES["fr"][1][0])
    enrich_texts([(lang, *SAMPLES[lang]) for lang in sorted(MODELS) if lang in SAMPLES])


try:
    load()
except Exception:  # noqa: BLE001  (see the module's docstring: the worker loads it itself)
    log.debug("preloading the workers' models failed; each worker loads them", exc_info=True)
