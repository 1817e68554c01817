"""Dates that are not publication dates are never taken for one; the next source is used and
`date_source` says which; a time of day written after a date is kept."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from briefing.config import IngestOptions
from briefing.extract.dates import date_in_text, date_in_url
from briefing.ingest import prepare

LEAD = ("Le port de Marseille a rouvert mardi après trois semaines de grève, a annoncé la direction, qui estime "
        "les pertes à 40 millions d'euros pour les entreprises de la région.")
SAVED = 1_700_000_000  # 2023-11-14T23:13:20+01:00, the file's time


def page(tmp_path: Path, published: str, url: str = "", meta: str = "") -> Path:
    ld = {"@type": "NewsArticle", "headline": "Le port rouvre", "datePublished": published}
    canonical = f"<link rel='canonical' href='{url}'>" if url else ""
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script>{canonical}{meta}"
                    f"</head><body><article><h1>Le port rouvre</h1><p>{LEAD}</p><p>{LEAD}</p></article></body></html>",
                    "utf-8")
    os.utime(path, (SAVED, SAVED))
    return path


def dated(path: Path, **options) -> tuple[str, str]:
    _story, article = prepare(path, IngestOptions(**options))
    return article.date, article.date_source


def test_a_placeholder_date_gives_way_to_the_date_in_the_address(tmp_path: Path):
    path = page(tmp_path, "0001-01-01T00:00:00Z", "https://port.example/2019/11/19/le-port-rouvre")
    assert dated(path) == ("2019-11-19T00:00:00+01:00", "url")


def test_without_another_source_the_option_then_the_file_time(tmp_path: Path):
    path = page(tmp_path, "1970-01-01T00:00:00Z")
    assert dated(path) == ("2023-11-14T23:13:20+01:00", "file")
    assert dated(path, date=datetime(2023, 6, 1)) == ("2023-06-01T00:00:00+02:00", "option")


def test_a_date_after_the_page_was_saved_is_not_its_publication_date(tmp_path: Path):
    path = page(tmp_path, "2031-05-01T08:00:00+02:00",
                meta="<meta property='article:published_time' content='2023-02-03T10:00:00+01:00'>")
    assert dated(path) == ("2023-02-03T10:00:00+01:00", "metadata")


def test_a_time_of_day_after_the_date_is_kept():
    assert date_in_text(["Publié le 14 mars 2024 à 07h45"], "fr") == datetime(2024, 3, 14, 7, 45)
    assert date_in_text(["Mis à jour le 2 février 2024, 18:30"], "fr") == datetime(2024, 2, 2, 18, 30)
    assert date_in_text(["January 25, 2024 at 7:45 p.m."], "en") == datetime(2024, 1, 25, 19, 45)
    assert date_in_text(["Le 25 janvier 2024, 12 personnes"], "fr") == datetime(2024, 1, 25)  # a count, no time


def test_a_dump_keeps_the_time_it_states(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(f"Le port rouvre\n\nPublié le 14 mars 2023 à 07h45\n\n{LEAD}\n", "utf-8")
    os.utime(path, (SAVED, SAVED))
    assert dated(path) == ("2023-03-14T07:45:00+01:00", "text")


def test_dates_in_addresses():
    assert date_in_url("https://a.example/2019/11/19/titre") == datetime(2019, 11, 19)
    assert date_in_url("https://a.example/news/2019-11-19-titre") == datetime(2019, 11, 19)
    assert date_in_url("https://a.example/2019/02/31/titre") is None
    assert date_in_url("https://a.example/article/2019/1234567") is None
