"""How a pooled ingest cuts its inputs into batches, and how the ingest benchmark compares two
content folders."""

from __future__ import annotations

from pathlib import Path

from bench.ingest_ratio import content_differences
from briefing.ingest import BATCH, LAST_BATCH, _guided_chunks


def test_batches_keep_every_input_in_order_and_shrink_only_at_the_end():
    for count, jobs in ((200, 2), (2000, 2), (130, 4), (5, 2), (1, 1)):
        paths = [Path(f"page-{i:05d}.html") for i in range(count)]
        chunks = _guided_chunks(paths, BATCH, jobs)
        assert [p for chunk in chunks for p in chunk] == paths
        sizes = [len(chunk) for chunk in chunks]
        assert all(0 < size <= BATCH for size in sizes)
        assert sizes[:-1] == sorted(sizes[:-1], reverse=True)  # only the remainder may be smaller than LAST_BATCH
        assert _guided_chunks(paths, BATCH, jobs) == chunks  # the same inputs, the same batches
    sizes = [len(c) for c in _guided_chunks([Path(str(i)) for i in range(200)], BATCH, 2)]
    assert sizes[:3] == [BATCH] * 3 and sizes[-1] == LAST_BATCH  # big batches first, small ones last


def test_content_comparison_ignores_only_the_lines_that_name_the_code(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x.md").write_text("---\ntitle: X\ningest_key: 1\ningest_sha256: aa\n---\nText.\n")
    (b / "x.md").write_text("---\ntitle: X\ningest_key: 2\ningest_sha256: bb\n---\nText.\n")
    assert content_differences(a, b) == []
    (b / "x.md").write_text("---\ntitle: Y\ningest_key: 2\ningest_sha256: bb\n---\nText.\n")
    (b / "y.md").write_text("---\ntitle: Y\n---\n")
    assert content_differences(a, b) == ["y.md", "x.md"]
