"""`briefing ingest --scheduler`: the analysis on a Dask cluster (a LocalCluster of two worker
processes on 127.0.0.1), the writing here; the same bytes as a local run, even when a worker
dies in the middle of a batch."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from conftest import SEED, SEEDS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=50) as local:
        yield local


def _content_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def test_the_cluster_writes_what_a_local_run_writes(cli, cluster, tmp_path: Path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    shutil.copy(raw / SEED.name, raw / "zz-copie.txt")
    (raw / "empty.txt").write_bytes(b"")
    local = cli("ingest", raw, "--content-dir", tmp_path / "local", "--date", "2024-01-25", "--jobs", "1")
    remote = cli("ingest", raw, "--content-dir", tmp_path / "dask", "--date", "2024-01-25",
                 "--scheduler", cluster.scheduler_address)
    assert remote.exit_code == local.exit_code == 1  # the empty file
    assert remote.stderr.replace("/dask/", "/local/") == local.stderr
    assert remote.stderr.strip().splitlines()[-1] == "5 written, 0 unchanged, 1 skipped, 1 failed"
    assert _content_files(tmp_path / "dask") == _content_files(tmp_path / "local")
    again = cli("ingest", raw, "--content-dir", tmp_path / "dask", "--date", "2024-01-25",
                "--scheduler", "tcp://127.0.0.1:9")  # nothing to analyse: the scheduler is not even asked
    assert again.stderr.strip().splitlines()[-1] == "0 written, 5 unchanged, 1 skipped, 1 failed"


def test_a_worker_killed_mid_batch_loses_no_article(cli, cluster, tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(70):  # three batches of 32: both workers busy
        (raw / f"{i:02d}.txt").write_text(seed.replace("fin de la coalition militaire", f"fin de la coalition {i}")
                                          .replace("2 500 soldats", f"{2500 + i} soldats"), "utf-8")
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    killed: list[str] = []

    def kill_a_busy_worker():  # SIGKILL, as the kernel's OOM killer does, while it holds a batch
        pids = client.run(os.getpid)
        deadline = time.monotonic() + 120
        while not killed and time.monotonic() < deadline:
            busy = [worker for worker, tasks in client.processing().items() if tasks]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
            time.sleep(0.05)

    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    try:
        remote = cli("ingest", raw, "--content-dir", tmp_path / "dask", "--date", "2024-01-25",
                     "--scheduler", cluster.scheduler_address)
    finally:
        killer.join()
        client.close()
    assert killed, "no worker was busy to be killed"
    assert remote.exit_code == 0, remote.stderr
    assert remote.stderr.strip().splitlines()[-1] == "70 written, 0 unchanged, 0 skipped, 0 failed"
    local = cli("ingest", raw, "--content-dir", tmp_path / "local", "--date", "2024-01-25", "--jobs", "1")
    assert local.exit_code == 0
    assert _content_files(tmp_path / "dask") == _content_files(tmp_path / "local")


def test_an_unreachable_scheduler_is_one_line(cli, seed_copy: Path, tmp_path: Path):
    result = cli("ingest", seed_copy, "--content-dir", tmp_path / "content", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[0].startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert not list((tmp_path / "content").glob("*.md"))
