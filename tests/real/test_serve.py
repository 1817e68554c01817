"""`briefing serve` as a reader and an editor meet it: the full site with its search index, a
404 page, a new build after a change, and a clean stop on SIGTERM with nothing left behind."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import PROJECT

SEED_MD = "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.md"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(condition, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if result := condition():
                return result
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_serve_builds_everything_answers_404_rebuilds_and_stops_cleanly(tmp_path: Path):
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(PROJECT / "content", content)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "briefing", "serve", "--port", str(port), "--content-dir", content,
                               "--output-dir", output], cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    root = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(f"{root}/")[0] == 200)
        assert fetch(f"{root}/pagefind/pagefind.js")[0] == 200  # the search index is built too
        status, body = fetch(f"{root}/pas-de-page-ici.html")
        assert status == 404 and "href='/'" in body
        seed = content / SEED_MD
        seed.write_text(seed.read_text("utf-8").replace("title: Les États-Unis", "title: Les USA"), "utf-8")
        page = f"{root}/{SEED_MD[:-3]}.html"
        wait_for(lambda: "Les USA et l" in fetch(page)[1], 60)
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=20) == 0
    finally:
        if server.poll() is None:
            server.kill()
    log = server.stdout.read().decode()
    assert "serving http://127.0.0.1" in log and log.rstrip().endswith("stopped")
    with socket.socket() as probe:  # nothing listens on the port any more
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
        probe.listen()
    left = [pid for pid in os.listdir("/proc") if pid.isdigit() and str(tmp_path) in _cmdline(pid)]
    assert left == []  # nothing it started (the server, pagefind on .output.building) outlives it


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def test_an_edit_made_as_the_first_build_ends_gets_a_build_of_its_own(tmp_path: Path):
    """serve compares the files with what they were when its first build began: an edit made
    while that build runs (here, as it reports) is built too. Compared with the files as they
    were once serving began, such an edit was taken as seen and never built (a flaky failure of
    the test above on a loaded machine, where the editor's change came that early)."""
    from briefing.serve import serve

    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(PROJECT / "content", content)
    seed = content / SEED_MD
    said: list[str] = []

    def say(line: str) -> None:
        said.append(line)
        builds = sum(line.startswith("built ") for line in said)
        if builds == 1 and line.startswith("built "):
            seed.write_text(seed.read_text("utf-8").replace("title: Les États-Unis", "title: Les USA"), "utf-8")
        elif builds == 2 and line.startswith("built "):
            os.kill(os.getpid(), signal.SIGTERM)  # serve's own handler: stop

    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    deadline = threading.Timer(90, os.kill, (os.getpid(), signal.SIGTERM))
    deadline.start()
    try:
        serve(PROJECT / "pelicanconf.py", content, output, free_port(), say)
    finally:
        deadline.cancel()
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert sum(line.startswith("built ") for line in said) == 2, said
    assert "Les USA et l" in (output / SEED_MD.replace(".md", ".html")).read_text("utf-8")
