"""A warm ingest (one changed source) with its analysis in a forked process and in one
process, alternated (issue 15, briefing/analyst.py).

    python -m bench.warm_ingest SEEDS CONTENT [--runs 9]

SEEDS is a folder of raw pages that `briefing ingest SEEDS --content-dir CONTENT` has already
ingested (the 200-page archive: `make_archive.py CORPUS SEEDS 200`). Each run adds a paragraph
to SEEDS' first page, as the acceptance check does, and times `briefing ingest SEEDS
--content-dir CONTENT` as a separate process (start-up included): in turn with the analyst (a
forked process when a core is free, as shipped) and in one process (`forking.core_to_spare`
answering no), the first of each pair alternating. Prints each run and the medians as JSON;
wall time and CPU time (bench.build's `timed`: the process and the children it reaped, the
forked analyst included).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from bench.build import timed
from evaluation.corpus import PROJECT

ONE_PROCESS = """import sys
from briefing import forking
forking.core_to_spare = lambda: False
from briefing.cli import app
app(sys.argv[1:])
"""
SHIPPED = "import sys\nfrom briefing.cli import app\napp(sys.argv[1:])\n"


def timed_ingest(code: str, seeds: Path, content: Path, change: int) -> dict[str, float]:
    page = sorted(seeds.glob("*.html"))[0]
    page.write_text(page.read_text("utf-8") + f"<p>Mise à jour {change}.</p>\n", "utf-8")
    wall, cpu = timed([sys.executable, "-c", code, "ingest", str(seeds), "--content-dir", str(content)], PROJECT)
    return {"wall": round(wall, 3), "cpu": round(cpu, 2)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("content", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    runs: dict[str, list[dict]] = {"forked analyst": [], "one process": []}
    change = 0
    for run in range(args.runs):
        order = list(runs.items()) if run % 2 == 0 else list(runs.items())[::-1]
        for name, found in order:
            change += 1
            found.append(timed_ingest(SHIPPED if name == "forked analyst" else ONE_PROCESS, args.seeds, args.content, change))
    medians = {name: {key: statistics.median(r[key] for r in found) for key in ("wall", "cpu")}
               for name, found in runs.items()}
    faster = sum(a["wall"] < b["wall"] for a, b in zip(runs["forked analyst"], runs["one process"]))
    print(json.dumps({"runs": runs, "medians": medians,
                      "ratio": round(medians["forked analyst"]["wall"] / medians["one process"]["wall"], 3),
                      "forked faster in": f"{faster} of {args.runs}"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
