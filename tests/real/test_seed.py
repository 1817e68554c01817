"""The seed article, end to end through `briefing inspect --json`: what DESIGN.md lists."""

from __future__ import annotations

import json

import pytest

from conftest import SEED

TITLE = "Les États-Unis et l'Irak entament des discussions sur la fin de la coalition militaire"
RECORD_FIELDS = ["title", "date", "date_source", "category", "lang", "slug", "source", "publication", "source_sha256",
                 "dateline", "byline",
                 "summary", "body", "entities", "key_figures", "reading_time"]


@pytest.fixture(scope="module")
def record():
    from typer.testing import CliRunner

    from briefing.cli import app

    result = CliRunner().invoke(app, ["inspect", str(SEED), "--json", "--date", "2024-01-25"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_record_has_exactly_the_designed_fields(record):
    assert list(record) == RECORD_FIELDS


def test_title_category_language(record):
    assert record["title"] == TITLE
    assert record["category"] == "Sécurité"
    assert record["lang"] == "fr"


def test_chrome_section_label_repeated_title_and_teaser_are_gone(record):
    body = record["body"]
    assert "Rechercher" not in body
    assert "Dernières Infos" not in body
    assert TITLE not in body
    assert not body.rstrip().endswith("...")
    assert "Gaza.Les États-Unis" not in body  # the glued, truncated teaser


def test_every_story_paragraph_once_and_in_order(record):
    raw_paragraphs = [p.strip() for p in SEED.read_text("utf-8").split("\n\n")]
    story = raw_paragraphs[4:-1]  # after chrome, section and the two titles; before the teaser
    body = record["body"].split("\n\n")
    assert len(story) == 13
    assert body == story


def test_date_falls_back_to_the_option_when_the_text_has_none(record):
    # "octobre 2023" in the story is an event, not the publication date: only header lines count
    assert record["date"] == "2024-01-25T00:00:00+01:00"
    assert record["date_source"] == "option"


def test_slug_source_and_hash(record):
    assert record["slug"] == "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition"
    assert record["source"] == "seeds/000_beffc34b020fb400.txt"
    assert len(record["source_sha256"]) == 64


def test_summary_is_the_lead_cut_at_a_sentence(record):
    assert record["summary"] == (
        "Les États-Unis et l'Irak sont sur le point d'entamer des discussions sur la fin de la coalition "
        "militaire internationale dirigée par les États-Unis en Irak et sur la manière de la remplacer par "
        "des relations bilatérales, ont déclaré quatre sources.")
    assert record["reading_time"] == 3
