"""Ingest on a Dask cluster against the local process pool, on the same archive.

    python -m bench.cluster [N] [--workers 1,2] [--work DIR]

Makes an archive of N raw articles (bench/archive.py), then times, as separate processes
(start-up included) and in the same run: `briefing ingest` with its process pool (one worker
per usable core), and `briefing ingest --scheduler` on a Dask cluster started on 127.0.0.1 for
the measure (`dask scheduler` and `dask worker --nworkers W --nthreads 1`) with W workers,
each W in turn. The workers are up before the clock starts (as on a cluster that runs all
day); each loads its models at its first batch, inside the measure, as the pool's workers do.
Every content folder is compared with the pool's (byte-identical, or the run fails). Prints
a Markdown table; WORK/cluster.json keeps the figures.
"""

from __future__ import annotations

import filecmp
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from bench.archive import make_archive
from bench.scale import BRIEFING, PROJECT, fresh, machine, measure

DASK = Path(sys.executable).with_name("dask")


def start_cluster(workers: int, logs: Path) -> tuple[str, list[subprocess.Popen]]:
    """A scheduler and `workers` single-threaded worker processes on 127.0.0.1; returns its
    address once every worker has joined."""
    from distributed import Client

    port = random.randint(20000, 40000)
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    processes = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler.log", "w"), env=env)]
    processes.append(subprocess.Popen([DASK, "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                                       "--no-dashboard", "--host", "127.0.0.1"],
                                      stdout=subprocess.DEVNULL, stderr=open(logs / "workers.log", "w"), env=env))
    with Client(address, timeout="60s") as client:
        client.wait_for_workers(workers, timeout=120)
    return address, processes


def stop(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def same_content(one: Path, other: Path) -> bool:
    names = sorted(p.name for p in one.glob("*.md"))
    if names != sorted(p.name for p in other.glob("*.md")):
        return False
    _match, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    return not mismatch and not errors


def main(argv: list[str]) -> int:
    def option(name: str, default: str) -> str:
        return argv[argv.index(name) + 1] if name in argv else default

    count = int(argv[0]) if argv and argv[0].isdigit() else 200
    worker_counts = [int(n) for n in option("--workers", "1,2").split(",")]
    work = Path(option("--work", "/tmp/briefing-bench")) / f"cluster-n{count}"
    fresh(work)
    work.mkdir(parents=True)
    raw = work / "raw"
    make_archive(count, raw)
    rows = []
    pool = work / "pool"
    seconds, mib = measure([*BRIEFING, "ingest", str(raw), "--content-dir", str(pool)], work)
    rows.append({"how": f"process pool ({len(os.sched_getaffinity(0))} workers)", "seconds": seconds, "mib": mib,
                 "identical": True})
    print(f"  pool: {seconds:.1f} s", file=sys.stderr, flush=True)
    for workers in worker_counts:
        content = work / f"dask-{workers}"
        address, processes = start_cluster(workers, work)
        try:
            started = time.perf_counter()
            seconds, mib = measure([*BRIEFING, "ingest", str(raw), "--content-dir", str(content),
                                    "--scheduler", address], work)
        finally:
            stop(processes)
        rows.append({"how": f"Dask, {workers} local worker{'s' if workers > 1 else ''}", "seconds": seconds,
                     "mib": mib, "identical": same_content(pool, content)})
        print(f"  dask {workers}: {seconds:.1f} s ({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)
    print(f"machine: {machine()}\n\n### ingest of {count:,} articles: process pool against Dask\n")
    print("| how | wall s | vs pool | content identical to the pool's |\n| --- | ---: | ---: | --- |")
    for row in rows:
        print(f"| {row['how']} | {row['seconds']:.1f} | {row['seconds'] / rows[0]['seconds']:.2f} | "
              f"{'yes' if row['identical'] else 'NO'} |")
    print("\n(peak MiB is of the ingest process alone for Dask: the workers are other processes)")
    (work / "cluster.json").write_text(json.dumps({"machine": machine(), "articles": count, "rows": rows}, indent=1))
    return 0 if all(row["identical"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
