"""The build against plain Pelican on one content folder, cold, alternated (issue 15).

    python -m bench.build CONTENT [--runs 3] [--plain-settings FILE] [--tree NAME=DIR ...] [--work DIR] [--warm]

CONTENT is a content folder `briefing ingest` wrote (the 200-page archive:
`make_archive.py CORPUS SEEDS 200`, then `briefing ingest SEEDS --content-dir CONTENT`). Each
run times, as separate processes (start-up included; wall time, and CPU time of the
process and its children, which a loaded machine disturbs less), one after the other and in turn:
plain Pelican (`pelican CONTENT -q -s FILE`: default theme, only the YAML reader; default
bench/plainconf.py, the acceptance check uses its own), then `briefing build` cold (no output,
no cache: Pelican with our plugin and theme, then pagefind) with this checkout's code and with
each --tree's: NAME=DIR is a source tree of another commit (`git worktree add DIR COMMIT`), whose
briefing package, plugin, theme and pelicanconf.py are used instead, so a before and an after
are timed in the same run on the same content. Prints each run, the medians and each build's
median ratio to plain Pelican as JSON; the outputs stay in WORK (default a temporary folder)
for `diff -r`. With --warm, each build runs over the site and cache its previous run left (a
first, untimed build makes them): a warm build of unchanged content.

A previous run's output is moved aside (renamed into WORK/trash), never deleted, until every
run is timed: on ext4 without a journal (this machine's disk), the kernel will not reuse an
inode for a minute after its file is deleted (five more while its inode table block is
unwritten) and steps over each such inode at every file it creates, so a build that follows
the deletion of thousands of files pays up to a millisecond a file (docs/performance.md,
ninth session): far more for our build (thousands of files) than for plain Pelican (a few
hundred).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaluation.corpus import PROJECT

# Runs `briefing build` with a source tree's code: its briefing package first on the path and
# its plugin registered as pelican.plugins.briefing before Pelican looks for it.
TREE_RUNNER = """import importlib.util, sys
tree = sys.argv.pop(1)
sys.path.insert(0, tree)
spec = importlib.util.spec_from_file_location("pelican.plugins.briefing", tree + "/plugins/briefing/__init__.py",
                                              submodule_search_locations=[tree + "/plugins/briefing"])
module = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = module
spec.loader.exec_module(module)
from briefing.cli import app
app(prog_name="briefing")
"""


def set_aside(path: Path, trash: Path) -> None:
    """Move a previous run's output into `trash` (deleted once every run is timed: see above)."""
    if path.exists():
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the process and its children, pagefind
    included) of one command, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.build", description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--plain-settings", type=Path, default=PROJECT / "bench" / "plainconf.py")
    parser.add_argument("--tree", action="append", default=[], metavar="NAME=DIR")
    parser.add_argument("--work", type=Path)
    parser.add_argument("--warm", action="store_true",
                        help="time each build over the site and cache its previous build left (the first one untimed)")
    args = parser.parse_args(argv)
    content = args.content.resolve()
    work = (args.work or Path(tempfile.mkdtemp(prefix="bench-build-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    builds = {"this": ([python, "-m", "briefing"], PROJECT)}
    for spec in args.tree:
        name, _, tree = spec.partition("=")
        tree_path = Path(tree).resolve()
        builds[name] = ([python, "-c", TREE_RUNNER, str(tree_path)], tree_path)
    samples: dict[str, list[tuple[float, float]]] = {"plain Pelican": [], **{f"build {name}": [] for name in builds}}
    trash = work / "trash"
    for run in range(args.runs):
        plain = work / "plain"
        set_aside(plain, trash)
        samples["plain Pelican"].append(timed([python, "-m", "pelican", str(content), "-o", str(plain), "-q",
                                               "-s", str(args.plain_settings.resolve())], work))
        order = list(builds) if run % 2 == 0 else list(reversed(builds))  # neither always runs first
        for name in order:
            command, tree = builds[name]
            output = work / f"out-{name}"
            build = [*command, "build", "--content-dir", str(content), "--output-dir", str(output),
                     "--settings", str(tree / "pelicanconf.py")]
            if not args.warm or run == 0:
                for stale in (output, output.parent / f".{output.name}.cache"):
                    set_aside(stale, trash)
            if args.warm and run == 0:
                timed(build, work)  # the site and cache a warm build finds (not timed)
            samples[f"build {name}"].append(timed(build, work))
        print(json.dumps({stage: [round(v, 2) for v in values[-1]] for stage, values in samples.items()}),
              file=sys.stderr, flush=True)
    shutil.rmtree(trash, ignore_errors=True)  # every run timed: deleting costs no measure now
    result = {"content": str(content), "content_files": len(list(content.glob("*.md"))), "runs": args.runs,
              "load_average_after": [round(n, 2) for n in os.getloadavg()], "outputs": str(work)}
    for index, measure in enumerate(("wall", "cpu")):
        medians = {stage: round(statistics.median(v[index] for v in values), 2) for stage, values in samples.items()}
        result[measure] = {
            "samples": {stage: [round(v[index], 2) for v in values] for stage, values in samples.items()},
            "medians": medians,
            "ratio to plain Pelican": {stage: round(medians[stage] / medians["plain Pelican"], 2)
                                       for stage in medians if stage != "plain Pelican"}}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
