"""Speed and memory of the French pipelines briefing could use, on the same texts.

    python -m bench.models [--runs 3]

Each configuration runs in its own process (so its peak memory is its own) over the French
corpus pages' extracted text (../shared/corpus/trafilatura-pages) plus the seed, three times;
we report the median words per second and the peak resident memory.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time

CONFIGS = {
    "fr_core_news_sm, briefing's pipeline (no parser, senter)": ("fr_core_news_sm", True),
    "fr_core_news_sm, full pipeline (parser)": ("fr_core_news_sm", False),
    "fr_core_news_md, briefing's pipeline (no parser, senter)": ("fr_core_news_md", True),
}


def texts() -> list[str]:
    from briefing.extract.story import extract_story
    from briefing.extract.read import decode, normalize_text
    from evaluation.corpus import PROJECT, trafilatura_pages

    found = []
    for page in trafilatura_pages():
        if page.language == "fr":
            text, _ = decode(page.path.read_bytes(), page.path)
            story = extract_story(normalize_text(text), "html", "fr")
            found.append("\n\n".join([story.title or "", *story.paragraphs]))
    seed = (PROJECT / "seeds" / "000_beffc34b020fb400.txt").read_text("utf-8")
    return found + [seed]


def run_one(model: str, ours: bool, runs: int) -> dict:
    import spacy

    from briefing.enrich.nlp import BATCH_SIZE, pipeline

    nlp = pipeline("fr", model) if ours else spacy.load(model)
    corpus = texts()
    words = sum(len(t.split()) for t in corpus)
    speeds = []
    for _ in range(runs):
        started = time.perf_counter()
        for _doc in nlp.pipe(corpus, batch_size=BATCH_SIZE):
            pass
        speeds.append(words / (time.perf_counter() - started))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"words": words, "words_per_second": statistics.median(speeds), "peak_mib": round(peak)}


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    if "--child" in argv:
        model, ours = argv[argv.index("--child") + 1], argv[argv.index("--child") + 2] == "ours"
        print(json.dumps(run_one(model, ours, runs)))
        return 0
    results = {}
    for name, (model, ours) in CONFIGS.items():
        out = subprocess.run([sys.executable, "-m", "bench.models", "--child", model, "ours" if ours else "full",
                              "--runs", str(runs)], capture_output=True, text=True, check=True)
        results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    base = results[next(iter(CONFIGS))]["words_per_second"]
    print("| configuration | words/s (median of %d) | vs briefing's sm | peak memory |" % runs)
    print("| --- | --- | --- | --- |")
    for name, r in results.items():
        print(f"| {name} | {r['words_per_second']:,.0f} | {r['words_per_second'] / base:.2f}× | {r['peak_mib']} MiB |")
    print(f"\n({results[name]['words']:,} words: 24 French corpus pages + the seed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
