"""What the reader features cost at scale (issue 16): build time and output size of the same
content with and without them, and what grouping stories adds to each ingest run.

    python -m bench.readers [--articles 2000] [--runs 3] [--work DIR]

Makes the benchmark archive (bench/archive.py: N raw articles from the corpus pages), ingests
it once, then builds it `--runs` times each way, alternating, from cold (no output, no
cache): with every feature (the project's pelicanconf.py) and without the ones issue 16 added
(bench/without_readers.py disconnects them: entity feeds, places map, mentions timeline,
JSON-LD, one story per list; the templates then print nothing of them). Also times
`briefing.stories.regroup` on the ingested folder, the work story grouping adds to every ingest
run (warm: the groups are already written). Prints medians and sizes as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.archive import make_archive
from bench.scale import BRIEFING, fresh, measure
from briefing.stories import regroup
from evaluation.corpus import PROJECT

WITHOUT = """import sys
sys.path.insert(0, {project!r})
from pelicanconf import *
PLUGIN_PATHS = [{bench!r}]
PLUGINS = ["briefing", "without_readers"]
BRIEFING_ENTITY_FEED_MIN = 10 ** 9  # no entity has a feed: no link to one either
"""


def size(folder: Path, pattern: str = "**/*") -> int:
    return sum(p.stat().st_size for p in folder.glob(pattern) if p.is_file())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-readers-"))
    raw, content = work / "raw", work / "content"
    make_archive(args.articles, raw)
    fresh(content)
    ingest_seconds, _ = measure([*BRIEFING, "ingest", str(raw), "--content-dir", str(content), "--date", "2024-01-25"], work)
    print(f"ingest: {ingest_seconds:.1f} s", file=sys.stderr, flush=True)
    without = work / "without_readers_conf.py"
    without.write_text(WITHOUT.format(project=str(PROJECT), bench=str(PROJECT / "bench")), "utf-8")
    settings = {"with": PROJECT / "pelicanconf.py", "without": without}
    seconds: dict[str, list[float]] = {name: [] for name in settings}
    for run in range(args.runs):
        for name, conf in (settings.items() if run % 2 == 0 else reversed(settings.items())):
            output = work / f"output-{name}"
            fresh(output, work / f".output-{name}.cache")
            elapsed, _ = measure([*BRIEFING, "build", "--content-dir", str(content), "--output-dir", str(output),
                                  "--settings", str(conf)], work)
            seconds[name].append(elapsed)
            print(f"build {name} features, run {run + 1}: {elapsed:.1f} s", file=sys.stderr, flush=True)
    regroup_seconds = []
    for _run in range(args.runs):
        started = time.perf_counter()
        changed = list(regroup(content, set()))
        regroup_seconds.append(time.perf_counter() - started)
    with_out, without_out = work / "output-with", work / "output-without"
    stories = sum("\nstory: " in p.read_text("utf-8").split("\n---", 1)[0] for p in content.glob("*.md"))
    result = {
        "articles": args.articles, "content_files": len(list(content.glob("*.md"))), "copies_in_a_story": stories,
        "runs": args.runs, "ingest_cold_s": round(ingest_seconds, 1),
        "build_s": {name: round(statistics.median(values), 2) for name, values in seconds.items()},
        "build_samples_s": {name: [round(v, 2) for v in values] for name, values in seconds.items()},
        "regroup_warm_s": round(statistics.median(regroup_seconds), 2), "regroup_rewrote": len(changed),
        "output_bytes": {"with": size(with_out), "without": size(without_out)},
        "parts_bytes": {"feeds/entities": size(with_out / "feeds" / "entities"), "places": size(with_out / "places"),
                        "entities (with)": size(with_out / "entities"), "entities (without)": size(without_out / "entities"),
                        "articles (with)": size(with_out, "*.html"), "articles (without)": size(without_out, "*.html"),
                        "pagefind (with)": size(with_out / "pagefind"), "pagefind (without)": size(without_out / "pagefind")},
        "entity_feeds": len(list((with_out / "feeds" / "entities").glob("*.xml"))),
    }
    print(json.dumps(result, indent=1))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
