"""What a site's layout costs the file system: N pages each in a folder of its own
(`entities/<slug>/index.html`) against N files in one folder (`entities/<slug>.html`).

    python -m bench.files [--pages 2280] [--size 15000] [--rounds 3] [--where DIR]

Each round writes the N pages in both layouts, in turn (neither always first), then removes
them, as a build writes a site and the next build removes it. Prints, per layout, the wall and
CPU seconds (user + system) of writing and of removing, each round and the medians, as JSON.
2,280 pages of 15 kB are the entity pages of the 200-article archive.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def write(root: Path, layout: str, pages: int, data: str) -> None:
    folder = root / "entities"
    folder.mkdir(parents=True)
    for i in range(pages):
        if layout == "folders":
            page = folder / f"entity-{i}" / "index.html"
            page.parent.mkdir()
        else:
            page = folder / f"entity-{i}.html"
        with open(page, "w", encoding="utf-8") as file:
            file.write(data)


def measure(step) -> tuple[float, float]:
    started_wall, started_cpu = time.perf_counter(), cpu()
    step()
    return time.perf_counter() - started_wall, cpu() - started_cpu


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.files", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2280)
    parser.add_argument("--size", type=int, default=15000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--where", type=Path, default=None, help="the folder to write in (default: the temporary folder)")
    args = parser.parse_args(argv)
    data = "x" * args.size
    samples: dict[str, dict[str, list]] = {layout: {"write": [], "remove": []} for layout in ("folders", "flat")}
    for round_ in range(args.rounds):
        layouts = list(samples) if round_ % 2 == 0 else list(reversed(samples))
        for layout in layouts:
            root = Path(tempfile.mkdtemp(prefix="bench-files-", dir=args.where))
            samples[layout]["write"].append(measure(lambda: write(root, layout, args.pages, data)))
            samples[layout]["remove"].append(measure(lambda: shutil.rmtree(root)))
        print(json.dumps({layout: {step: [round(v, 3) for v in values[-1]] for step, values in steps.items()}
                          for layout, steps in samples.items()}), file=sys.stderr, flush=True)
    result = {"pages": args.pages, "size": args.size, "rounds": args.rounds,
              "load_average_after": [round(n, 2) for n in os.getloadavg()]}
    for layout, steps in samples.items():
        result[layout] = {step: {"wall": round(statistics.median(w for w, _c in values), 3),
                                 "cpu": round(statistics.median(c for _w, c in values), 3),
                                 "samples": [[round(w, 3), round(c, 3)] for w, c in values]}
                          for step, values in steps.items()}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
