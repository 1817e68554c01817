"""Derived metadata: slugs, sentences, summaries, dates written in the text, language."""

from __future__ import annotations

import pytest

from briefing.extract.language import detect_language
from briefing.extract.dates import date_in_text
from briefing.lexicon import abbreviations
from briefing.text import make_slug, reading_minutes, split_sentences, summarize


@pytest.mark.parametrize("title, slug", [
    ("Les États-Unis et l'Irak", "les-etats-unis-et-l-irak"),
    ("../../etc/passwd", "etc-passwd"),
    ("CON", "article-con"),
    ("«  »", "article"),
    ("Москва: переговоры", "moskva-peregovory"),
    ("北京", "bei-jing"),
])
def test_slugs_are_ascii_and_safe(title: str, slug: str):
    assert make_slug(title, 80) == slug


def test_slugs_are_cut_at_a_word():
    slug = make_slug("mot " * 100, 30)
    assert slug == "-".join(["mot"] * 7) and len(slug) <= 30


def test_abbreviations_do_not_end_sentences():
    text = ("Le gouvernement de M. Soudani a reçu la lettre. Les États-Unis ont 2 500 soldats. "
            "Mr. Smith met Dr. Jones in the U.S. on Monday. « C'est fini. » Il part.")
    assert split_sentences(text, abbreviations("fr")) == [
        "Le gouvernement de M. Soudani a reçu la lettre.", "Les États-Unis ont 2 500 soldats.",
        "Mr. Smith met Dr. Jones in the U.S. on Monday.", "« C'est fini. »", "Il part."]


def test_summary_is_cut_after_the_last_sentence_that_fits():
    lead = "Première phrase assez longue pour compter dans le résumé. Deuxième phrase. " + "Troisième " * 40
    assert summarize([lead], abbreviations("fr"), 80) == "Première phrase assez longue pour compter dans le résumé. Deuxième phrase."
    one_long = "mot " * 200
    summary = summarize([one_long.strip() + "."], abbreviations("fr"), 50)
    assert summary.endswith("…") and len(summary) <= 51


@pytest.mark.parametrize("lines, lang, date", [
    (["Publié le 25 janvier 2024 à 10h30"], "fr", "2024-01-25"),
    (["Publié sur 18/02/2020"], "fr", "2020-02-18"),
    (["1er mars 2021"], "fr", "2021-03-01"),
    (["Last Modified: Feb 18, 2020"], "en", "2020-02-18"),
    (["Updated January 5th, 2023"], "en", "2023-01-05"),
    (["02/03/2020"], "en", "2020-02-03"),
    (["2019-12-30T05:03"], "en", "2019-12-30"),
    (["La guerre a commencé en octobre 2023", "mercredi"], "fr", None),  # no day: not a date line
    (["8 min lues", "il y a 3 heures"], "fr", None),  # relative: would change every run
])
def test_dates_in_header_lines(lines: list[str], lang: str, date: str | None):
    found = date_in_text(lines, lang)
    assert (found.date().isoformat() if found else None) == date


def test_language_detection():
    assert detect_language("Les États-Unis et l'Irak entament des discussions sur la fin de la coalition.") == "fr"
    assert detect_language("The United States and Iraq are set to begin talks on ending the coalition.") == "en"
    assert detect_language("12 34") == "und"


def test_reading_time():
    assert reading_minutes("mot " * 230, 230) == 1
    assert reading_minutes("mot " * 231, 230) == 2
    assert reading_minutes("", 230) == 1


@pytest.mark.parametrize("stated, lang, shown", [
    ("Economie", "fr", "Économie"), ("IPOs and fundraising", "en", "Business"), ("Science &amp; Health", "en", "Science"),
    ("News", "en", None), ("General-news", "en", None), ("À la une", "fr", None),  # a feed's label is no section
    ("suisse", "fr", "Suisse"), ("Sécurité", "fr", "Sécurité"),  # unknown: kept as the page states it
    ("Santé", "en", "Health"),  # the article's language
    ("Economy & Business", "en", "Business"), ("Business News", "en", "Business"),  # corpus pages' labels
    ("Politique scientifique française", "fr", "Politique scientifique française"),  # no part of it is a section
])
def test_sections_map_to_a_small_taxonomy(stated, lang, shown):
    from briefing.sections import section_name

    assert section_name(stated, lang) == shown


@pytest.mark.parametrize("url, section", [
    ("https://www.ledevoir.com/politique/montreal/573258/la-fin-des-trottinettes-en-libre-service-a-montreal", "Politique"),
    ("https://wsvn.com/news/local/miami-dade/15-year-old-driver-killed/", "Société"),  # "news" is no section
    ("https://www.japantimes.co.jp/news/2020/02/18/national/crime-legal/6000-surgical-masks-stolen/", "Société"),
    ("https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH", None),
    ("https://www.tdg.ch/suisse/berne-interdit-chlorothalonil/story/18348200", None),  # unknown folders name none
    ("https://example.org/science", None),  # the page's own name is no folder
    (None, None),
])
def test_a_page_address_names_its_section(url, section):
    from briefing.sections import url_section

    assert url_section(url, "fr") == section


def test_the_address_gives_the_section_a_page_states_none_of():
    from briefing.extract.story import extract_story

    page = ("<html><head><title>La fin des trottinettes</title><link rel=canonical "
            "href='https://www.ledevoir.com/politique/montreal/573258/la-fin-des-trottinettes'></head><body><article>"
            "<h1>La fin des trottinettes</h1>" + "<p>Les entreprises de trottinettes en libre-service ont enregistré "
            "365 000 déplacements entre le 21 juin et le 15 novembre, dont une grande part la nuit.</p>" * 4
            + "</article></body></html>")
    assert extract_story(page, "html", "fr").category == "Politique"
    stated = page.replace("<head>", "<head><meta property='article:section' content='Santé'>")
    assert extract_story(stated, "html", "fr").category == "Santé"  # the page's own section first
