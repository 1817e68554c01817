"""Ingest's worker pool (briefing/ingest.py): while the workers' server loads the models, this
process reads and extracts the batches after the first; what the run writes is what one
process writes."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from conftest import SEED


def _folder(raw: Path) -> None:
    raw.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(70):  # batches over two workers: 18 files, then smaller
        (raw / f"{i:02d}.txt").write_text(seed.replace("fin de la coalition militaire", f"fin de la coalition {i}")
                                          .replace("2 500 soldats", f"{2500 + i} soldats"), "utf-8")
    (raw / "33.txt").write_text("   \n", "utf-8")  # a source that fails, in a batch this process extracts


def test_the_pool_extracts_here_while_its_workers_start_and_writes_what_one_process_writes(cli, tmp_path: Path,
                                                                                             caplog):
    raw = tmp_path / "raw"
    _folder(raw)
    with caplog.at_level(logging.DEBUG, logger="briefing"):
        pooled = cli("ingest", raw, "--content-dir", tmp_path / "pool", "--date", "2024-01-25", "--jobs", "2")
    alone = cli("ingest", raw, "--content-dir", tmp_path / "one", "--date", "2024-01-25", "--jobs", "1")
    assert pooled.exit_code == alone.exit_code == 1  # one source failed in each
    extracted = [int(m.group(1)) for record in caplog.records
                 if (m := re.match(r"ingest: (\d+) sources extracted here", record.getMessage()))]
    assert len(extracted) == 1 and 0 < extracted[0] <= 70 - 18  # never the first batch: that one is the workers'
    failed = [line for line in pooled.stderr.splitlines() if "33.txt" in line]
    assert failed == [line for line in alone.stderr.splitlines() if "33.txt" in line] and len(failed) == 1
    assert pooled.stderr.splitlines()[-1] == alone.stderr.splitlines()[-1] == "69 written, 0 unchanged, 0 skipped, 1 failed"
    names = sorted(p.name for p in (tmp_path / "one").glob("*.md"))
    assert len(names) == 69 and names == sorted(p.name for p in (tmp_path / "pool").glob("*.md"))
    assert all((tmp_path / "pool" / name).read_bytes() == (tmp_path / "one" / name).read_bytes() for name in names)
