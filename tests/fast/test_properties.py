"""Property-based tests (hypothesis): arbitrary input never crashes the reader, the cleaner,
the number parser or the writer, and metadata round-trips through the Markdown exactly."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.record import Article, Entity, KeyFigure
from briefing.enrich.figures import parse_digits
from briefing.errors import InputError
from briefing.extract.read import decode, read_source
from briefing.extract.dump import clean_text_dump
from briefing.contentfile import edited_by_hand, parse, render
from briefing.text import escape_markdown

LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=80)
TEXT = st.text(max_size=400)


@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_a_reason(data: bytes):
    try:
        text, encoding = decode(data, Path("x.txt"))
    except InputError as exc:
        assert exc.reason and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and encoding


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(data=st.binary(max_size=3000))
def test_reading_any_file_gives_a_document_or_a_reason(tmp_path: Path, data: bytes):
    path = tmp_path / "raw.txt"
    path.write_bytes(data)
    try:
        raw = read_source(path, 10_000)
    except InputError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert raw.kind in ("html", "text") and len(raw.sha256) == 64


@given(TEXT, st.sampled_from(["fr", "en", "de"]))
def test_cleaning_any_text_keeps_only_its_own_blocks(text: str, lang: str):
    cleaned = clean_text_dump(text, lang)
    squeezed = re.sub(r"\s+", " ", text)
    for paragraph in cleaned.paragraphs:
        assert paragraph and paragraph in squeezed


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f", ".", ","]))
def test_thousands_in_any_convention(number: int, separator: str):
    groups = f"{number:,}".split(",")
    written = separator.join(groups)
    assert parse_digits(written, ",", False) == number


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimals_in_the_article_convention(units: int, hundredths: int):
    assert parse_digits(f"{units},{hundredths:02d}", ",", True) == float(f"{units}.{hundredths:02d}")
    assert parse_digits(f"{units}.{hundredths:02d}", ".", True) == float(f"{units}.{hundredths:02d}")


@given(LINE)
def test_escaped_text_renders_as_itself(text: str):
    text = " ".join(text.split())
    html = markdown.markdown(escape_markdown(text))
    assert " ".join(BeautifulSoup(html, "html.parser").get_text().split()) == text


ENTITIES = st.lists(st.builds(Entity, name=LINE.filter(str.strip), type=st.sampled_from(["person", "organization", "place"]),
                              mentions=st.integers(1, 99), aliases=st.lists(LINE, max_size=3).map(tuple)), max_size=4)
FIGURES = st.lists(st.builds(KeyFigure, value=st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False)),
                             display=LINE, label=LINE, sentence=LINE,
                             qualifier=st.sampled_from([None, "~", ">", "<"])), max_size=4)


@settings(max_examples=150)
@given(title=LINE.filter(str.strip), summary=LINE, category=st.one_of(st.none(), LINE.filter(str.strip)),
       body=TEXT.map(str.strip), entities=ENTITIES, figures=FIGURES)
def test_metadata_round_trips_through_the_markdown_exactly(title, summary, category, body, entities, figures):
    article = Article(title=title, date="2024-01-25T00:00:00+01:00", date_source="option", category=category,
                      lang="fr", slug="x", source="seeds/x.txt", source_sha256="0" * 64, summary=summary,
                      body=body, entities=tuple(entities), key_figures=tuple(figures), reading_time=1,
                      source_file="seeds/x.txt", fingerprint="f" * 16)
    text = render(article)
    assert parse(text) == article
    assert not edited_by_hand(text)
