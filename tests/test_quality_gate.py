"""The extraction quality gate: the figures of evaluation/extraction.py stay above their floors.

Runs on the shared corpus (../shared/corpus); skipped, with the reason, where it is absent.
"""

from __future__ import annotations

import pytest

from conftest import needs_corpus

pytestmark = [needs_corpus, pytest.mark.corpus]


@pytest.fixture(scope="module")
def figures():
    from evaluation.extraction import benchmark, evaldata

    return evaldata() | benchmark()


@pytest.mark.parametrize("name", ["html_with", "html_without", "dump_with", "dump_without", "benchmark_f1"])
def test_figure_is_above_its_floor(figures, name):
    from evaluation.extraction import FLOORS

    assert figures[name] >= FLOORS[name], f"{name} = {figures[name]:.3f}, floor {FLOORS[name]}"


def test_the_benchmark_covers_every_page(figures):
    assert figures["benchmark_pages"] == 181
    assert figures["html_strings"] == figures["dump_strings"] == 263
