"""Ingest's worker pool (briefing/ingest.py): while the workers' server loads the models, this
process reads and extracts the batches after the first; what the run writes is what one
process writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT, SEED

# A fresh process, its debug lines on stderr: in this one, a pool of an earlier test may have
# started the workers' server already, and the workers would then start at once.
POOLED = ("import logging, sys; logging.basicConfig(level=logging.DEBUG, format='%(message)s'); "
          "from briefing.cli import app; app(sys.argv[1:], prog_name='briefing')")


def _folder(raw: Path) -> None:
    raw.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(70):  # batches over two workers: 18 files, then smaller
        (raw / f"{i:02d}.txt").write_text(seed.replace("fin de la coalition militaire", f"fin de la coalition {i}")
                                          .replace("2 500 soldats", f"{2500 + i} soldats"), "utf-8")
    (raw / "33.txt").write_text("   \n", "utf-8")  # a source that fails, in a batch this process extracts


def test_the_pool_extracts_here_while_its_workers_start_and_writes_what_one_process_writes(cli, tmp_path: Path):
    raw = tmp_path / "raw"
    _folder(raw)
    pooled = subprocess.run([sys.executable, "-c", POOLED, "ingest", str(raw), "--content-dir", str(tmp_path / "pool"),
                             "--date", "2024-01-25", "--jobs", "2"], cwd=PROJECT, capture_output=True, text=True,
                            timeout=600)
    alone = cli("ingest", raw, "--content-dir", tmp_path / "one", "--date", "2024-01-25", "--jobs", "1")
    assert pooled.returncode == alone.exit_code == 1, pooled.stderr[-2000:]  # one source failed in each
    lines = pooled.stderr.splitlines()
    extracted = [int(m.group(1)) for line in lines if (m := re.match(r"ingest: (\d+) sources extracted here", line))]
    assert len(extracted) == 1 and 0 < extracted[0] <= 70 - 18  # never the first batch: that one is the workers'
    failed = [line for line in lines if line.startswith("error:") and "33.txt" in line]
    assert failed == [line for line in alone.stderr.splitlines() if "33.txt" in line] and len(failed) == 1
    assert [line for line in lines if " written, " in line][-1] == alone.stderr.splitlines()[-1] == \
        "69 written, 0 unchanged, 0 skipped, 1 failed"
    names = sorted(p.name for p in (tmp_path / "one").glob("*.md"))
    assert len(names) == 69 and names == sorted(p.name for p in (tmp_path / "pool").glob("*.md"))
    assert all((tmp_path / "pool" / name).read_bytes() == (tmp_path / "one" / name).read_bytes() for name in names)
