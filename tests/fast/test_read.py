"""Reading raw files: encodings, formats, and files refused with a one-line reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.extract.read import read_source
from briefing.ingest import collect_inputs

TEXT = "Le ministère irakien a précisé qu'une lettre « importante » lui avait été remise — été 2024.\n"
LIMIT = 10 * 1024 * 1024


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),  # Python writes the BOM
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("cp1252"), "cp1252"),
    ("Ça coûte 5 € à l'œuvre.\n".encode("cp1252"), "cp1252"),
])
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    raw = read_source(path, LIMIT)
    assert raw.encoding == encoding
    assert raw.text.strip() == data.decode(encoding).strip().lstrip("\ufeff")


def test_latin1_bytes_undefined_in_cp1252_still_decode(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("Réunion à l'école\x81".encode("latin-1"))
    assert read_source(path, LIMIT).text.startswith("Réunion à l'école")


def test_declared_html_charset_is_used(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_bytes('<html><head><meta charset="iso-8859-15"></head><body><p>Prix : 10 €</p></body></html>'
                     .encode("iso-8859-15"))
    raw = read_source(path, LIMIT)
    assert raw.kind == "html" and "10 €" in raw.text


def test_soft_hyphens_and_zero_width_marks_are_removed(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("réac\u00adtion et can\u200bdi\u00adda\u00adture", "utf-8")
    assert read_source(path, LIMIT).text == "réaction et candidature"


def test_html_is_sniffed_whatever_the_suffix(tmp_path: Path):
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html><html><body><p>Bonjour</p></body></html>", "utf-8")
    assert read_source(path, LIMIT).kind == "html"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("controls.txt", bytes(range(1, 9)) * 50, "binary file"),
    ("digits.txt", b"12 34 56\n", "no text"),
    ("scan.pdf", b"%PDF-1.7 some text", "unsupported file type '.pdf'"),
    ("bad16.txt", codecs.BOM_UTF16_LE + b"a\x00b", "invalid utf-16"),
])
def test_unusable_files_are_refused_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_source(path, LIMIT)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("controls, refused", [
    ("\x0b" * 10, False),  # ten in 1,000 characters: at the limit (a hundredth), still text
    ("\x0b" * 11, True),  # one more: binary (a vertical tab counts, it is no allowed control)
    ("\t\n\r\x0c" * 50, False),  # tabs, line and page breaks are text, however many
    ("\x01\x1f" * 5 + "\x01", True),  # the whole range below a space counts
    ("\x01" * 10 + "\x7f" * 50, False),  # DEL does not
])
def test_control_characters_are_counted_to_the_limit(tmp_path: Path, controls: str, refused: bool):
    path = tmp_path / "page.txt"
    path.write_text("Le texte d’un article. " * 2 + "x" * (1000 - 46 - len(controls)) + controls, "utf-8")
    if refused:
        with pytest.raises(InputError, match="binary file"):
            read_source(path, LIMIT)
    else:
        assert read_source(path, LIMIT).text


def test_oversized_file_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"mot " * 300_000)  # 1.2 MB
    with pytest.raises(InputError, match=r"too large \(1\.1 MB, limit 1 MB\)"):
        read_source(path, 1024 * 1024)


def test_folder_and_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="is a folder"):
        read_source(tmp_path, LIMIT)
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt", LIMIT)


def test_collect_inputs_expands_folders_sorted_and_skips_hidden(tmp_path: Path):
    for name in ("b.html", "a.txt", ".hidden.txt", "notes.md", "sub/c.htm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_inputs([tmp_path]).files]
    assert found == ["a.txt", "b.html", "sub/c.htm"]


def test_a_file_cut_inside_a_character_keeps_its_utf8(tmp_path: Path):
    path = tmp_path / "cut.txt"
    path.write_bytes("Téhéran et l'Irak — été".encode("utf-8")[:-1])
    raw = read_source(path, LIMIT)
    assert raw.text == "Téhéran et l'Irak — ét"


def test_mixed_encodings_keep_both_parts_readable(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Téhéran, l'été ".encode("utf-8") + "Sécurité".encode("cp1252"))
    assert read_source(path, LIMIT).text == "Téhéran, l'été Sécurité"


def test_a_50_megabyte_file_is_refused_without_being_read(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(InputError, match=r"too large \(50 MB, limit 10 MB\)"):
        read_source(path, LIMIT)


def test_inside_the_content_folder_only_markdown_articles_are_inputs(tmp_path: Path):
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    for folder in (content / "pages", seeds):
        folder.mkdir(parents=True)
    for name in ("a.md", "pages/about.html", "robots.txt"):
        (content / name).write_text("x", "utf-8")
    for name in ("page.html", "notes.md", "dump.txt"):
        (seeds / name).write_text("x", "utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_inputs([seeds, content], content).files]
    assert found == ["seeds/dump.txt", "seeds/page.html", "content/a.md"]
    assert collect_inputs([seeds, content], content).skipped == [seeds / "notes.md"]  # the content folder's other files are not inputs


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_text(tmp_path: Path, encoding: str):
    path = tmp_path / "sans-bom.txt"
    path.write_bytes(TEXT.encode(encoding))
    document = read_source(path, 10_000)
    assert document.text == TEXT and document.encoding == f"{encoding} (no BOM)"
