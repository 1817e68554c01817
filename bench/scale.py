"""Scale benchmark: briefing against the work it cannot avoid, at N articles.

    python -m bench.scale [--sizes 200,2000,10000] [--runs 3,3,1] [--baseline-max 2000] [--work DIR]

For each N it makes an archive of N raw articles from the real corpus pages (bench/archive.py:
varied headlines, dates and one added sentence each), then times, in the same run and as
separate processes (start-up included):

1. `briefing ingest` cold (empty content folder) against the unavoidable work on the same
   inputs (bench/unavoidable.py: main-text extraction and spaCy's nlp.pipe with the same model,
   spread over the same number of worker processes, no writing);
2. `briefing build` cold (no cache) against plain Pelican (default theme, no plugins besides
   the YAML front-matter reader the content needs, Pelican's default pages and feeds) on the
   same content folder; pagefind's share of our build is timed on its own;
3. `briefing ingest` again over the unchanged folder (every source known to the manifest);
4. after changing one raw article: `briefing ingest` again and `briefing build` again (warm:
   content files and Pelican's cache in place), against the cold run.

`python -m bench.cluster N` times the same ingest on a local Dask cluster (1 and 2 workers)
against the process pool.

Each stage runs --runs times (one count per size; the baseline only up to --baseline-max
articles, as it costs as much as the ingest itself); we report the
median wall time and the peak resident memory of the process and its workers (sampled every
0.1 s with psutil). Results are printed as Markdown tables and saved to WORK/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from bench.archive import corpus_sources, make_archive, variant
from bench.build import set_aside
from evaluation.corpus import PROJECT

PYTHON = sys.executable
BRIEFING = [PYTHON, "-m", "briefing"]
PLAIN_SETTINGS = PROJECT / "bench" / "plainconf.py"


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak MiB of the process tree) of one command, which must succeed."""
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           env={**os.environ, "PYTHONPATH": str(PROJECT)})
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                total = 0
                for member in tree:
                    try:
                        total += member.memory_info().rss
                    except psutil.Error:
                        pass
                peak = max(peak, total / 2**20)
            except psutil.Error:
                pass
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = process.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({process.returncode}): {err.decode()[-2000:]}")
    return elapsed, peak


def fresh(trash: Path, *folders: Path) -> None:
    """Empty places for a cold run: earlier runs' folders are moved into `trash`, deleted once
    every size is timed (a build right after a deletion of thousands of files pays for them on
    this disk: see set_aside)."""
    for folder in folders:
        set_aside(folder, trash)


def bench_size(count: int, runs: int, with_baseline: bool, work: Path) -> dict:
    base = work / f"n{count}"
    raw, content, output, plain = base / "raw", base / "content", base / "output", base / "plain"
    make_archive(count, raw)
    cache = output.parent / f".{output.name}.cache"
    build = [*BRIEFING, "build", "--content-dir", str(content), "--output-dir", str(output),
             "--settings", str(PROJECT / "pelicanconf.py")]
    ingest = [*BRIEFING, "ingest", str(raw), "--content-dir", str(content)]
    changed = sorted(raw.iterdir())[0]
    sources = corpus_sources()
    times: dict[str, list[tuple[float, float]]] = {}

    def record(stage: str, command: list[str]) -> None:
        times.setdefault(stage, []).append(measure(command, base))
        seconds, mib = times[stage][-1]
        print(f"  n={count} {stage}: {seconds:.1f} s, {mib:.0f} MiB", file=sys.stderr, flush=True)

    for run in range(runs):
        original = changed.read_bytes()
        fresh(work / "trash", content, output, cache, plain)
        record("ingest cold", ingest)
        written = len(list(content.glob("*.md")))
        record("ingest unchanged", ingest)  # nothing changed: each source costs a hash (the manifest)
        if with_baseline:
            record("unavoidable work", [PYTHON, "-m", "bench.unavoidable", str(raw), "--jobs", str(_jobs())])
        record("build cold", build)
        record("pagefind alone", [PYTHON, "-m", "pagefind", "--site", str(output), "--quiet"])
        record("plain Pelican", [PYTHON, "-m", "pelican", str(content), "-o", str(plain), "-s", str(PLAIN_SETTINGS),
                                 "-q"])
        text, _date = variant(sources[0], count + run)  # one seed changed: new headline, new sentence
        changed.write_text(text, "utf-8")
        record("ingest warm", ingest)
        record("build warm", build)
        changed.write_bytes(original)
    medians = {stage: (statistics.median(s for s, _ in values), max(m for _, m in values))
               for stage, values in times.items()}
    return {"articles": count, "content_files": written, "runs": runs, "stages": medians,
            "samples": times}


def _jobs() -> int:
    return len(os.sched_getaffinity(0))


def report(result: dict) -> str:
    stages = result["stages"]
    seconds = {stage: value[0] for stage, value in stages.items()}
    lines = [f"### {result['articles']:,} articles ({result['content_files']:,} content files, "
             f"median of {result['runs']})", "",
             "| stage | median s | peak MiB | per article ms |", "| --- | ---: | ---: | ---: |"]
    for stage, (median, peak) in stages.items():
        lines.append(f"| {stage} | {median:.1f} | {peak:.0f} | {1000 * median / result['articles']:.1f} |")
    ratios = []
    if "unavoidable work" in seconds:
        ratios.append(("ingest cold / unavoidable work", seconds["ingest cold"] / seconds["unavoidable work"]))
    ratios += [
        ("build cold / plain Pelican", seconds["build cold"] / seconds["plain Pelican"]),
        ("build cold without pagefind / plain Pelican",
         (seconds["build cold"] - seconds["pagefind alone"]) / seconds["plain Pelican"]),
        ("build warm / build cold", seconds["build warm"] / seconds["build cold"]),
        ("ingest unchanged / ingest cold", seconds["ingest unchanged"] / seconds["ingest cold"]),
        ("ingest + build warm / ingest + build cold",
         (seconds["ingest warm"] + seconds["build warm"]) / (seconds["ingest cold"] + seconds["build cold"])),
    ]
    lines += ["", "| ratio | value |", "| --- | ---: |"] + [f"| {name} | {value:.2f} |" for name, value in ratios]
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{cpu}, {_jobs()} usable cores, {psutil.virtual_memory().total / 2**30:.0f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main(argv: list[str]) -> int:
    # argparse: `--help` prints this module's usage and an unknown option stops it, where a
    # hand-read argv started the whole 10,000-article run
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200,2000,10000", help="article counts, comma-separated")
    parser.add_argument("--runs", default="3,3,1", help="runs per size, comma-separated (the last repeats)")
    parser.add_argument("--baseline-max", type=int, default=2000, help="largest size the baseline is timed at")
    parser.add_argument("--work", type=Path, default=Path("/tmp/briefing-bench"), help="working folder")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")]
    runs = [int(n) for n in args.runs.split(",")]
    runs += [runs[-1]] * (len(sizes) - len(runs))
    baseline_max = args.baseline_max
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}\n")
    results = []
    for count, repeat in zip(sizes, runs):
        result = bench_size(count, repeat, count <= baseline_max, work)
        results.append(result)
        print(report(result) + "\n", flush=True)
    (work / "results.json").write_text(json.dumps({"machine": machine(), "results": results}, indent=1))
    shutil.rmtree(work / "trash", ignore_errors=True)  # every size timed: deleting costs no measure now
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
