"""What `briefing ingest` says when there is nothing to read, and about files of another type
(no model is loaded: nothing reaches the analysis)."""

from __future__ import annotations

from pathlib import Path

from briefing.enrich import chunks


def test_a_folder_with_no_article_file_says_so_and_fails(cli, tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "rapport.docx").write_bytes(b"PK\x03\x04")
    result = cli("ingest", raw, "--content-dir", tmp_path / "content")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert f"error: {raw}: no article file in it (.html, .htm or .txt pages; Markdown articles inside the " \
           "content folder)" in lines
    assert "notice: 1 file(s) of another type skipped (--verbose names them)" in lines
    assert lines[-1] == "0 written, 0 unchanged, 1 skipped, 0 failed"


def test_verbose_names_every_file_skipped_for_its_type(cli, tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "empty" / "notes.md").write_text("# notes\n", "utf-8")
    result = cli("ingest", tmp_path / "empty", "--content-dir", tmp_path / "content", "--verbose")
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert skipped == [f"skipped: {tmp_path / 'empty' / name} (briefing reads .html, .htm and .txt pages, feeds, "
                       "OPML lists, sitemaps and lists of URLs)"
                       for name in ("notes.md", "photo.jpg")]


def test_a_long_text_is_cut_at_paragraphs_into_pieces_spacy_reads():
    paragraphs = [f"Paragraphe {i} " + "mot " * 300 for i in range(400)]  # 500,000 characters
    text = "\n\n".join(paragraphs)
    pieces = chunks(text, 100_000)
    assert all(len(piece) <= 100_000 for _offset, piece in pieces) and len(pieces) >= 5
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)  # offsets right
    assert all(piece.startswith("Paragraphe") for _offset, piece in pieces)  # cut between paragraphs
    assert "".join("".join(piece.split()) for _o, piece in pieces) == "".join(text.split())  # nothing lost
    one_line = "x" * 250_000  # no paragraph break, no space: cut anyway
    assert [len(piece) for _o, piece in chunks(one_line, 100_000)] == [100_000, 100_000, 50_000]


def test_a_plugin_that_cannot_be_imported_fails_the_build_in_one_line(cli, tmp_path: Path):
    from conftest import PROJECT

    settings = tmp_path / "conf.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *\n"
                        "PLUGINS = ['briefing', 'plugin_qui_manque']\n", "utf-8")
    result = cli("build", "--content-dir", PROJECT / "content", "--output-dir", tmp_path / "out", "--settings", settings)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: build failed: plugin 'plugin_qui_manque' cannot be imported: Cannot import plugin `plugin_qui_manque`"]
    assert not (tmp_path / "out").exists()
