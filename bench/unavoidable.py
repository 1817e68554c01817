"""The work an ingest cannot avoid, on the same inputs: the baseline of the scale benchmark.

    python -m bench.unavoidable RAW_DIR [--jobs 2]

For each raw file: read it, take the main text (trafilatura.extract for a saved page, the text
itself for a text dump), identify its language (py3langid, which picks the model), then run
spaCy's `nlp.pipe` with the same model and the same components briefing keeps (the parser
excluded, the sentence recogniser on), without our entity rules, cleaning, figures, Markdown or
writing. Files are spread over worker processes exactly as `briefing ingest` spreads them
(batches of 32, spawned workers, one model load per worker), so the two are compared like with
like. Prints the number of documents and words it read.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

BATCH = 32


def main_text(path: Path) -> str:
    import trafilatura

    raw = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".txt":
        return raw
    return trafilatura.extract(raw, include_comments=False, include_tables=True, favor_precision=True) or ""


def run_batch(paths: list[Path]) -> tuple[int, int]:
    import py3langid

    from briefing.enrich.nlp import MODELS, pipeline

    by_lang: dict[str, list[str]] = {}
    for path in paths:
        text = main_text(path)
        if text:
            lang, _score = py3langid.classify(text[:20000])  # as briefing samples it
            by_lang.setdefault(lang, []).append(text)
    documents = words = 0
    for lang, texts in sorted(by_lang.items()):
        if lang in MODELS:
            for doc in pipeline(lang, rules=False, breaks=False).pipe(texts, batch_size=BATCH):
                documents += 1
                words += sum(not t.is_space and not t.is_punct for t in doc)
    return documents, words


def run(paths: list[Path], jobs: int) -> tuple[int, int]:
    batches = [paths[i:i + BATCH] for i in range(0, len(paths), BATCH)]
    if jobs <= 1:
        results = [run_batch(batch) for batch in batches]
    else:
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
            results = list(pool.map(run_batch, batches))
    return sum(d for d, _ in results), sum(w for _, w in results)


def main(argv: list[str]) -> int:
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 2
    folder = Path(argv[0])
    documents, words = run(sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt")), jobs)
    print(f"{documents} documents, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
