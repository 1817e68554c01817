"""Saved HTML pages: the main text and the page's own metadata; nothing executable gets through."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from briefing.config import IngestOptions
from briefing.extract.html import extract_page
from briefing.ingest import build_article
from conftest import SEEDS, needs_corpus
from evaluation.corpus import EXTRACTION_BENCHMARK, TRAFILATURA_PAGES

SPACE_REVIEW = "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4.html.gz"
PARAGRAPH = ("Le conseil municipal a adopté lundi soir le budget de la ville pour l'année prochaine, "
             "après un débat de plus de quatre heures entre la majorité et l'opposition.")


def _page(head: str = "", body: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='fr'><head><title>Budget adopté | La Gazette</title>{head}</head>"
            f"<body><nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav><article>"
            f"<h1>Le budget de la ville est adopté</h1>{body}"
            + "".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(4))
            + "</article><footer>Mentions légales</footer></body></html>")


def test_metadata_from_json_ld_comes_first():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Le budget est adopté",
          "datePublished": "2024-03-04T21:15:00+01:00", "articleSection": "Politique"}
    head = (f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
            "<meta property='article:published_time' content='2020-01-01T00:00:00Z'>"
            "<link rel='canonical' href='https://gazette.example/budget'>")
    page = extract_page(_page(head))
    assert page.title == "Le budget de la ville est adopté"  # the visible <h1>: JSON-LD's headline agrees with it
    assert page.dates[0].isoformat() == "2024-03-04T21:15:00+01:00"
    assert page.category == "Politique"
    assert page.url == "https://gazette.example/budget"


def test_meta_tags_and_time_element_when_there_is_no_json_ld():
    page = extract_page(_page("<meta property='og:title' content='Budget : feu vert'>"
                              "<meta property='article:section' content='Ville'>",
                              "<time datetime='2024-03-04T21:15:00+0100' pubdate>4 mars</time>"))
    assert page.title == "Budget : feu vert"
    assert page.category == "Ville"
    assert page.dates[0].isoformat() == "2024-03-04T21:15:00+01:00"


def test_scripts_styles_iframes_and_handlers_never_reach_the_markdown(tmp_path: Path):
    body = ("<script>document.write('PIRATE')</script><style>p{color:red}</style>"
            "<iframe src='https://evil.example'>IFRAME</iframe>"
            "<p onclick=\"alert('x')\">" + PARAGRAPH + " <img src=x onerror=alert(1)></p>"
            "<p>" + PARAGRAPH.replace("lundi", "mardi") + " <a href='javascript:alert(1)'>lien</a></p>")
    path = tmp_path / "page.html"
    path.write_text(_page(body=body), "utf-8")
    article = build_article(path, IngestOptions())
    for needle in ("PIRATE", "color:red", "IFRAME", "onclick", "onerror", "javascript:", "<script", "<iframe"):
        assert needle not in article.body and needle not in article.summary
    assert "débat de plus de quatre heures" in article.body
    assert "Mentions légales" not in article.body


def test_html_seeds_give_their_dates_and_urls():
    expected = {
        "francais.radio.cz-ministre.html": ("2020-10-23T10:03:19+02:00", "fr"),
        "kaieteurnewsonline.com-essequibo.html": ("2022-05-06T04:27:36+00:00", "en"),
        "politico.com.retirement.html": ("2019-12-30T05:03:00-05:00", "en"),
        "tdg.ch.chlorothalonil.html": ("2019-12-12T07:36:53+00:00", "fr"),
    }
    for name, (date, lang) in expected.items():
        article = build_article(SEEDS / name, IngestOptions())
        assert (article.date, article.date_source, article.lang) == (date, "metadata", lang), name
        assert article.source.startswith("https://"), name
        assert article.source_file == f"seeds/{name}"
        assert not article.body.startswith("## " + article.title)  # the headline is not repeated


def test_line_breaks_inside_a_paragraph_separate_paragraphs():
    article = build_article(SEEDS / "kaieteurnewsonline.com-essequibo.html", IngestOptions())
    assert len(article.body.split("\n\n")) > 10


def test_a_section_list_gives_its_first_real_section_and_a_keyword_soup_none(tmp_path: Path):
    """Pages state sections as lists ("à la une,Société") or stuff keywords there (one corpus
    page had 370 characters of them, which broke the build with a too-long file name)."""
    sections = {"liste": ("À la une, Société", "Société"), "english": ("Home | World", "International"),  # a French page: the taxonomy speaks French
                "soupe": (" ".join(["politique", "budget", "conseil", "municipal"] * 8), "Repli")}
    for name, (given, expected) in sections.items():
        path = tmp_path / f"{name}.html"
        path.write_text(_page(f"<meta property='article:section' content='{given}'>"), "utf-8")
        assert build_article(path, IngestOptions(category="Repli")).category == expected, name


@needs_corpus
def test_a_link_wrapped_in_a_link_span_keeps_its_words_in_the_sentence():
    # cbsnews.com wraps each link of a sentence in <span class="link">, which trafilatura's
    # precision mode drops as a list of links: "especially high for ." for "… for Joe Biden."
    html = (TRAFILATURA_PAGES / "html" / "cbsnews.com.carolina.html").read_text("utf-8", "replace")
    text = "\n".join(extract_page(html).paragraphs)
    assert "But they're especially high for Joe Biden." in text
    assert "in the state, but has dropped in recent polls, notably" in text
    assert "pulling for Elizabeth Warren, Bernie Sanders and Pete Buttigieg." in text
    # a block of links named so outside any paragraph still goes
    page = _page(body="<div class='link'><a href='/a'>Lire aussi : la dette</a> <a href='/b'>Le budget 2023</a></div>")
    assert not any("Lire aussi" in p for p in extract_page(page).paragraphs)


THE_HILL = "6ebac05f637ece8aa57c298a2a5e3a8047f546f855d0f29cc683cea60ce85c85.html.gz"


@needs_corpus
def test_a_hover_card_after_a_name_is_no_part_of_its_sentence():
    # thehill.com follows a politician's linked name with a hidden box (photo, the name again, three
    # headlines, "MORE"): trafilatura kept it, and the name became "Alexandria Ocasio-CortezAlexandria
    # Ocasio-CortezSanders doubles down on Bolivia 'coup' ... MORE"
    html = gzip.decompress((EXTRACTION_BENCHMARK / "html" / THE_HILL).read_bytes()).decode("utf-8")
    text = "\n".join(extract_page(html).paragraphs)
    assert "Rep. Alexandria Ocasio-Cortez (D-N.Y.) shortly after the arrest" in text
    assert "Rep. Ilhan Omar (D-Minn.), the U.S. Attorney" in text
    assert "Hillicon Valley" not in text and "MORE" not in text
    # words of the sentence in a tooltip's class, a link among them, hold no card: they stay
    page = _page(body="<p>Le <a href='/m'>maire</a> <span class='has-tooltip'><a href='/d'>Jean Dupont</a></span>"
                      " a parlé.</p>")
    assert any("Le maire Jean Dupont a parlé." in p for p in extract_page(page).paragraphs)


@needs_corpus
def test_a_table_laid_out_to_hold_the_page_gives_its_paragraphs_and_a_data_table_its_rows():
    # thespacereview.com sets its story in a table cell (headline, byline, paragraphs): read as a
    # row, the story was one paragraph, "Seeking a bigger role for a big rocketby Jeff Foust…"
    html = gzip.decompress((EXTRACTION_BENCHMARK / "html" / SPACE_REVIEW).read_bytes()).decode("utf-8")
    page = extract_page(html)
    assert page.paragraphs[:3] == ["Seeking a bigger role for a big rocket", "by Jeff Foust", "Monday, November 18, 2019"]
    assert page.paragraphs[3].startswith("Earlier this month, NASA announced the newest milestone")
    assert len(page.paragraphs) > 20 and max(map(len, page.paragraphs)) < 2000
    table = ("<table><tr><th>Ville</th><th>Budget</th></tr><tr><td>Lyon</td><td>1,2 milliard</td></tr>"
             "<tr><td>Nantes</td><td>0,8 milliard</td></tr></table>")
    assert {"Lyon | 1,2 milliard", "Nantes | 0,8 milliard"} <= set(extract_page(_page(body=table)).paragraphs)
