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
