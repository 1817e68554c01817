"""How ingest uses both cores: a process pool over files against spaCy's own n_process.

    python -m bench.parallel [N] [--runs 3]

On an archive of N raw articles (bench/archive.py, default 200) it times the whole
record-building work of `briefing ingest`, without writing, three ways:
- one process (jobs=1);
- spaCy `nlp.pipe(n_process=2)`: reading and extraction stay in the main process, spaCy forks
  two workers that run the pipeline, the Docs come back for entities and figures;
- a process pool over files (jobs=2): each spawned worker does the whole work of its batch
  (reading, extraction, NLP, entities, figures) and only records come back.
Each run is a fresh Python process timed from outside, so imports, model loads and worker
start-up count as they do for a user running `briefing ingest`. Median of --runs runs each.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.archive import make_archive
from briefing.config import IngestOptions
from briefing.errors import InputError
from briefing.ingest import build_articles, prepare


def pool(paths: list[Path], jobs: int) -> int:
    return sum(not isinstance(r, InputError) for _p, r in build_articles(paths, IngestOptions(), 32, jobs))


def spacy_processes(paths: list[Path]) -> int:
    from briefing.enrich import article_text
    from briefing.enrich.entities import entities_of
    from briefing.enrich.figures import key_figures_of
    from briefing.enrich.nlp import BATCH_SIZE, has_model, pipeline

    options = IngestOptions()
    stories = []
    for path in paths:
        try:
            story, article = prepare(path, options)
        except InputError:
            continue
        stories.append((article.lang, article_text(article.title, story.paragraphs)))
    done = 0
    for lang in sorted({lang for lang, _ in stories if has_model(lang)}):
        prepared = [text for code, text in stories if code == lang]
        docs = pipeline(lang).pipe((t for t, _e, _l in prepared), batch_size=BATCH_SIZE, n_process=2)
        for (_t, title_end, lead_end), doc in zip(prepared, docs):
            entities_of(doc, lang), key_figures_of(doc, lang, title_end, lead_end)
            done += 1
    return done


WAYS = {"one process": lambda paths: pool(paths, 1),
        "spaCy n_process=2": spacy_processes,
        "process pool, 2 workers": lambda paths: pool(paths, 2)}


def timed_way(name: str, folder: Path) -> float:
    """Wall time of one fresh process doing `name` over the files in folder."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench.parallel", "--way", name, str(folder)], check=True)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    if "--way" in argv:  # the child: one way over one folder
        name, folder = argv[argv.index("--way") + 1], Path(argv[argv.index("--way") + 2])
        WAYS[name](sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt")))
        return 0
    count = int(argv[0]) if argv and not argv[0].startswith("-") else 200
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    with tempfile.TemporaryDirectory() as folder:
        make_archive(count, Path(folder))
        timings: dict[str, list[float]] = {name: [] for name in WAYS}
        for _ in range(runs):
            for name in WAYS:
                timings[name].append(timed_way(name, Path(folder)))
    base = statistics.median(timings["one process"])
    print(f"{count} raw articles, median of {runs} fresh processes\n\n"
          "| way | median s | speed-up |\n| --- | ---: | ---: |")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.1f} | {base / median:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
