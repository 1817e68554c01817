"""Faults and editors: a second ingest at once, malformed headers typed by hand."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.lock import content_lock


def test_a_second_ingest_on_the_same_folder_is_refused_clearly(cli, seed_copy: Path, tmp_path: Path):
    content = tmp_path / "content"
    with content_lock(content):  # another run holds the folder
        result = cli("ingest", seed_copy, "--content-dir", content)
    assert result.exit_code == 1
    assert "another briefing ingest is writing here" in result.stderr
    assert list(content.iterdir()) == []  # nothing written, and the lock is gone with its holder
    assert cli("ingest", seed_copy, "--content-dir", content).exit_code == 0  # released


def test_check_accepts_what_ingest_writes(cli, tmp_path: Path):
    content = tmp_path / "content"
    cli("ingest", "seeds", "--content-dir", content, "--date", "2024-01-25")
    result = cli("check", content)
    assert result.exit_code == 0
    assert result.stderr.strip() == "5 files checked, 0 problems"


def test_check_names_file_line_and_reason(cli, seed_copy: Path, tmp_path: Path):
    content = tmp_path / "content"
    cli("ingest", seed_copy, "--content-dir", content)
    (good,) = content.glob("*.md")
    text = good.read_text("utf-8")
    (content / "yaml.md").write_text(text.replace("lang: fr", "lang: [fr"), "utf-8")
    (content / "date.md").write_text(text.replace("date: '", "date: 'hier "), "utf-8")
    (content / "type.md").write_text(text.replace("type: place", "type: planet", 1), "utf-8")
    (content / "none.md").write_text("Title: pas de YAML\n\nTexte.", "utf-8")
    result = cli("check", content)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "5 files checked, 4 problems"
    lang_line = text.splitlines().index("lang: fr") + 1
    assert any(line.startswith(f"{content / 'yaml.md'}:{lang_line}: invalid YAML") for line in lines)
    assert any(line.startswith(f"{content / 'date.md'}:3: date 'hier") for line in lines)
    assert any(f"{content / 'type.md'}:" in line and "type 'planet'" in line for line in lines)
    assert f"{content / 'none.md'}:1: missing 'date'" in lines  # a Pelican header is read as the build reads it
    assert "Traceback" not in result.output


def test_a_language_babel_does_not_know_is_not_a_crash(cli, tmp_path: Path):
    raw = tmp_path / "page.txt"
    raw.write_text("Un titre assez long pour compter\n\n" + "Le conseil a voté le budget de la ville. " * 5, "utf-8")
    result = cli("inspect", raw, "--json", "--lang", "fuv")
    assert result.exit_code == 0 and '"lang": "fuv"' in result.stdout


def test_a_file_that_disappears_mid_run_is_one_failure(cli, seed_copy: Path, tmp_path: Path):
    from briefing.config import IngestOptions
    from briefing.ingest import build_articles

    gone = seed_copy.with_name("gone.txt")
    gone.write_text("Un titre\n\nUn paragraphe assez long pour être un article de presse ordinaire.", "utf-8")
    results = build_articles([gone, seed_copy], IngestOptions())
    gone.unlink()  # listed, then removed before it is read
    first, second = list(results)
    assert str(first[1]) == f"{gone}: no such file"
    assert second[1].title.startswith("Les États-Unis")


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(cli, seed_copy: Path, tmp_path: Path, monkeypatch):
    import os

    content = tmp_path / "content"
    cli("ingest", seed_copy, "--content-dir", content)
    (path,) = content.glob("*.md")
    before = path.read_bytes()
    seed_copy.write_text(seed_copy.read_text("utf-8").replace("2 500", "3 000"), "utf-8")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)  # the kernel refuses the rename
    result = cli("ingest", seed_copy, "--content-dir", content)
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*") if p.is_file()) == [
        ".briefing/manifest.json", path.name]  # no temporary file left


def test_a_run_killed_mid_way_leaves_whole_files_and_the_next_run_completes(cli, tmp_path: Path):
    import signal
    import subprocess
    import sys

    from conftest import PROJECT, SEED

    raw = tmp_path / "raw"
    raw.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(40):  # more than one NLP batch (32): the kill lands while the second is worked on
        (raw / f"{i:02d}.txt").write_text(seed.replace("fin de la coalition militaire", f"fin de la coalition {i}")
                                          .replace("2 500 soldats", f"{2500 + i} soldats"), "utf-8")
    content = tmp_path / "content"
    process = subprocess.Popen([sys.executable, "-m", "briefing", "ingest", str(raw), "--content-dir", str(content),
                                "--date", "2024-01-25"], cwd=PROJECT, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if line.startswith("written:"):
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = len(list(content.glob("*.md")))
    assert 0 < written < 40
    assert cli("check", content).exit_code == 0  # every file there is whole
    result = cli("ingest", raw, "--content-dir", content, "--date", "2024-01-25")
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines()[-1] == f"{40 - written} written, {written} unchanged, 0 skipped, 0 failed"
    assert not [p for p in content.glob("[!.]*") if p.suffix != ".md"]  # (the manifest is under a dot-name)


def test_everything_briefing_writes_is_readable_by_a_web_server(cli, seed_copy: Path, tmp_path: Path):
    """Under umask 022, content files, pages, feeds, the sitemap and the search index are 0644
    (a web server running as another user reads them), folders 0755."""
    import os
    import stat

    previous = os.umask(0o022)
    try:
        content, output = tmp_path / "content", tmp_path / "output"
        assert cli("ingest", seed_copy, "--content-dir", content).exit_code == 0
        assert cli("build", "--content-dir", content, "--output-dir", output).exit_code == 0
    finally:
        os.umask(previous)
    written = [p for p in (*content.rglob("*"), *output.rglob("*"))]
    assert {"rss.xml", "atom.xml", "sitemap.xml", "pagefind-entry.json"} <= {p.name for p in written}
    private = [p for p in written if not p.stat().st_mode & (stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))]
    assert private == []
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in written if p.suffix in (".md", ".xml"))


def test_a_worker_killed_mid_run_costs_time_not_articles(cli, tmp_path: Path):
    """SIGKILL to a worker process (what the kernel's out-of-memory killer does): the batches it
    broke run again, each in a fresh worker, and every article is written."""
    import signal
    import subprocess
    import sys

    from conftest import PROJECT, SEED

    raw = tmp_path / "raw"
    raw.mkdir()
    seed = SEED.read_text("utf-8")
    for i in range(70):  # three batches of 32 over two workers
        (raw / f"{i:02d}.txt").write_text(seed.replace("fin de la coalition militaire", f"fin de la coalition {i}")
                                          .replace("2 500 soldats", f"{2500 + i} soldats"), "utf-8")
    content = tmp_path / "content"
    process = subprocess.Popen([sys.executable, "-m", "briefing", "ingest", str(raw), "--content-dir", str(content),
                                "--date", "2024-01-25", "--jobs", "2"], cwd=PROJECT, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in process.stderr:
        lines.append(line)
        if line.startswith("written:"):
            break
    (server,) = [pid for pid in _children(process.pid) if "forkserver" in _cmdline(pid)]
    (worker, *_) = _children(server)  # the workers are forked by the server (briefing/warm.py)
    os.kill(worker, signal.SIGKILL)
    lines += process.stderr.readlines()
    assert process.wait(timeout=300) == 0, "".join(lines)
    assert lines[-1].strip() == "70 written, 0 unchanged, 0 skipped, 0 failed"
    assert len(list(content.glob("*.md"))) == 70


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""
