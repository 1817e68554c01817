"""A run of a few sources analyses them in one forked process while it extracts (analyst.py):
the same content files as in one process, also when that process dies, and no fork when
nothing needs analysis."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from conftest import SEEDS

from briefing import analyst as analyst_module
from briefing import forking
from briefing.config import IngestOptions
from briefing.ingest import run
from briefing.report import FAILED

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system: every run analyses in one process")


def _ingest(content: Path, monkeypatch, core_free: bool, after_start=None, jobs: int = 0) -> list[analyst_module.Analyst]:
    """Ingest the seeds into `content`; the analysts the run started (a free core or none)."""
    monkeypatch.setattr(forking, "core_to_spare", lambda: core_free)  # the machine's load is no part of it
    started: list[analyst_module.Analyst] = []
    start = analyst_module.Analyst.start.__func__

    def spy(cls, **kwargs):
        made = start(cls, **kwargs)
        started.append(made)
        if after_start is not None:
            after_start(made)
        return made

    monkeypatch.setattr(analyst_module.Analyst, "start", classmethod(spy))
    reports = list(run(sorted(SEEDS.iterdir()), content, IngestOptions(), jobs=jobs))
    assert reports and not [r for r in reports if r.status == FAILED]
    return started


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def test_a_few_sources_are_analysed_in_a_forked_process_and_written_as_in_one(tmp_path: Path, monkeypatch):
    alone = _ingest(tmp_path / "one", monkeypatch, core_free=False)
    assert [a.pid for a in alone] == [None]  # no core to spare: no fork
    forked = _ingest(tmp_path / "two", monkeypatch, core_free=True)
    assert len(forked) == 1 and forked[0].pid is not None
    assert forked[0].analysed == len(list(SEEDS.iterdir()))  # every seed's text went to the child
    assert forked[0].connection is None  # closed and reaped at the end of the run
    assert _files(tmp_path / "two") == _files(tmp_path / "one") != {}


def test_when_the_analysing_process_dies_this_one_analyses_and_writes_the_same(tmp_path: Path, monkeypatch):
    one = tmp_path / "one"
    _ingest(one, monkeypatch, core_free=False)

    def kill(made):
        os.kill(made.pid, signal.SIGKILL)

    killed = _ingest(tmp_path / "killed", monkeypatch, core_free=True, after_start=kill)
    assert killed[0].pid is not None and killed[0].analysed == 0
    assert _files(tmp_path / "killed") == _files(one)


def test_a_run_with_nothing_to_analyse_forks_nothing(tmp_path: Path, monkeypatch):
    content = tmp_path / "content"
    _ingest(content, monkeypatch, core_free=True)
    again = _ingest(content, monkeypatch, core_free=True)
    assert again == []


def test_jobs_one_asks_for_one_process(tmp_path: Path, monkeypatch):
    started = _ingest(tmp_path / "content", monkeypatch, core_free=True, jobs=1)
    assert started == []


FORKING_INGEST = """
import sys
from briefing import forking
forking.core_to_spare = lambda: True  # a free core, whatever the machine's load: the analyst forks
from briefing.cli import app
app(sys.argv[1:])
"""


def test_a_parent_killed_mid_run_leaves_the_folder_to_the_next_run(tmp_path: Path, cli):
    """The analysing child shares the parent's content lock (a fork shares the open file): it
    lets go of it and dies with its parent, so the next run is not refused as locked."""
    import subprocess
    import sys
    import time

    from conftest import PROJECT, SEED

    raw = tmp_path / "raw"
    raw.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(40):  # two batches (32 + 8): the kill lands while the child analyses the second
        (raw / f"{i:02d}.txt").write_text(seed.replace("fin de la coalition militaire", f"fin de la coalition {i}")
                                          .replace("2 500 soldats", f"{2500 + i} soldats"), "utf-8")
    content = tmp_path / "content"
    process = subprocess.Popen([sys.executable, "-c", FORKING_INGEST, "ingest", str(raw), "--content-dir", str(content),
                                "--date", "2024-01-25"], cwd=PROJECT, stderr=subprocess.PIPE, text=True)
    written = 0
    for line in process.stderr:
        written += line.startswith("written:")
        if written == 32:  # the first batch is written: the second is extracted, then sent to the child
            break
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    result = cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25")  # at once
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1].endswith("unchanged, 0 skipped, 0 failed")
