"""CPU per page of the unavoidable work and of ours, on two ranges of a raw folder.

    python -m bench.page_parts RAW_DIR FIRST LAST FIRST2 LAST2

For the pages page-FIRST..LAST and page-FIRST2..LAST2 of an archive made by
`../shared/checks/make_archive.py` (at 2,000 pages the first 225 are the corpus pages, the
next ones copies whose long paragraphs have their words shuffled), in one process, CPU ms per
page: trafilatura's bare extraction alone, briefing's `prepare` (extraction, headline, date,
language...), spaCy's NER alone (the unavoidable pipeline of ../shared/checks/unavoidable.py)
over the texts briefing analyses, and briefing's `enrich_texts` (its pipeline and rules).
Models are loaded before timing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.ingest_ratio import ONLY_NER  # the unavoidable pipeline, as the check loads it



def main(argv: list[str]) -> int:
    import spacy
    import trafilatura

    from briefing.config import IngestOptions
    from briefing.enrich import enrich_texts
    from briefing.enrich.nlp import MODELS
    from briefing.errors import InputError
    from briefing.ingest import prepare

    seeds = Path(argv[0])
    ranges = {"first": range(int(argv[1]), int(argv[2])), "second": range(int(argv[3]), int(argv[4]))}
    ner = {lang: spacy.load(model, disable=ONLY_NER) for lang, model in MODELS.items()}
    enrich_texts([("fr", "Titre", ["Un texte."]), ("en", "Title", ["A text."])])  # our models, loaded
    for name, pages in ranges.items():
        times = {"trafilatura": 0.0, "prepare": 0.0, "ner": 0.0, "enrich": 0.0}
        items = []
        for i in pages:
            path = seeds / f"page-{i:05d}.html"
            start = time.process_time()
            trafilatura.bare_extraction(path.read_text("utf-8", "replace"), with_metadata=True)
            extracted = time.process_time()
            try:
                story, article = prepare(path, IngestOptions())
            except InputError:
                continue
            times["trafilatura"] += extracted - start
            times["prepare"] += time.process_time() - extracted
            items.append((article.lang, article.title, story.paragraphs))
        start = time.process_time()
        for lang, nlp in ner.items():
            for _doc in nlp.pipe(["\n\n".join([title, *paragraphs]) for lang_, title, paragraphs in items if lang_ == lang]):
                pass
        middle = time.process_time()
        enrich_texts(items)
        times["ner"], times["enrich"] = middle - start, time.process_time() - middle
        print(f"{name} pages ({len(items)}): " + ", ".join(f"{k} {v / max(len(items), 1) * 1000:.0f} ms" for k, v in times.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
