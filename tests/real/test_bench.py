"""The scale benchmark's own pieces on a small archive: copies are distinct stories, and the
baseline reads the same documents briefing does."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import needs_corpus

pytestmark = [needs_corpus, pytest.mark.corpus]


def test_archive_copies_are_stories_of_their_own(tmp_path: Path):
    from bench.archive import corpus_sources, make_archive
    from briefing.config import IngestOptions
    from briefing.ingest import build_articles
    from briefing.record import Article

    count = len(corpus_sources()) + 3  # the first three sources come twice
    paths = make_archive(count, tmp_path / "raw")
    assert len(paths) == count
    twice = [paths[0], paths[count - 3], paths[1], paths[count - 2]]
    records = [record for _path, record in build_articles(twice, IngestOptions())]
    assert all(isinstance(record, Article) for record in records), records  # no copy refused
    assert len({r.fingerprint for r in records}) == 4  # none is skipped as a duplicate
    # the seed dump's copies get their own headline and date (a page whose title or date comes
    # from markup the archive does not vary keeps them)
    assert records[0].title != records[1].title and records[0].date != records[1].date


def test_the_baseline_reads_every_usable_document(tmp_path: Path):
    from bench.archive import make_archive
    from bench.unavoidable import run

    paths = make_archive(6, tmp_path / "raw")
    documents, words = run(paths, jobs=1)
    assert documents == 6 and words > 1000
