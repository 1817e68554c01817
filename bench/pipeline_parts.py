"""CPU seconds of each part of ingest's analysis, per language, on the texts of a raw folder.

    python -m bench.pipeline_parts RAW_DIR

Each raw file is extracted as ingest does it (`briefing.ingest.prepare`); the texts NLP reads
(headline and paragraphs) then go through the pipeline of their language one component at a
time, over all texts, each timed in CPU seconds (`time.process_time`, one process), then
entities and figures. The model load is timed too (the first load in a process also imports
spaCy's language data: for French, the tokenizer's exception regex). Run it with another
checkout first on PYTHONPATH (and `python -P`, so that the current folder does not come first)
to time that one's parts on the same texts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from briefing.config import IngestOptions
from briefing.errors import InputError


def main(argv: list[str]) -> int:
    from briefing.enrich import article_text
    from briefing.enrich.entities import find_mentions
    from briefing.enrich.figures import find_figures
    from briefing.enrich.nlp import has_model, pipeline
    from briefing.ingest import prepare

    texts: dict[str, list[str]] = {}
    for path in sorted(p for p in Path(argv[0]).iterdir() if p.suffix in (".html", ".txt")):
        try:
            story, article = prepare(path, IngestOptions())
        except InputError:
            continue
        if has_model(article.lang):
            texts.setdefault(article.lang, []).append(article_text(article.title, story.paragraphs)[0])
    print("| language | part | CPU s |\n| --- | --- | ---: |")
    for lang, batch in sorted(texts.items()):
        started = time.process_time()
        nlp = pipeline(lang)
        print(f"| {lang} ({len(batch)} texts) | model load | {time.process_time() - started:.2f} |")
        started = time.process_time()
        docs = [nlp.make_doc(text) for text in batch]
        print(f"| {lang} | tokenizer ({sum(len(d) for d in docs)} tokens) | {time.process_time() - started:.2f} |")
        for name, component in nlp.pipeline:
            started = time.process_time()
            docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
            print(f"| {lang} | {name} | {time.process_time() - started:.2f} |")
        for name, find in (("entities (find_mentions)", find_mentions), ("figures (find_figures)", find_figures)):
            started = time.process_time()
            for doc in docs:
                find(doc, lang)
            print(f"| {lang} | {name} | {time.process_time() - started:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
