"""Shared fixtures: the seed, the CLI, and the corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from evaluation.corpus import corpus_available

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEED = SEEDS / "000_beffc34b020fb400.txt"

needs_corpus = pytest.mark.skipif(
    not corpus_available(),
    reason="../shared/corpus is not beside this clone (set BRIEFING_CORPUS to run corpus tests)")


@pytest.fixture(autouse=True)
def _run_from_project(monkeypatch):
    """Source paths in records are relative to the working folder: tests run from the project."""
    monkeypatch.chdir(PROJECT)


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed with a fixed mtime, in a folder of its own."""
    folder = tmp_path / "raw"
    folder.mkdir()
    copy = folder / SEED.name
    copy.write_bytes(SEED.read_bytes())
    os.utime(copy, (1_700_000_000, 1_700_000_000))
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The seeds ingested into <root>/content and built into <root>/output, once per run."""
    root = tmp_path_factory.mktemp("site")
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(SEEDS), "--content-dir", str(root / "content"), "--date", "2024-01-25"])
    assert ingest.exit_code == 0, ingest.output
    build = runner.invoke(app, ["build", "--content-dir", str(root / "content"), "--output-dir", str(root / "output")])
    assert build.exit_code == 0, build.output
    return root
