"""Saved HTML pages: main text with trafilatura, metadata from the page's own markup."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
import trafilatura.utils
from lxml import etree
from lxml.html import HtmlElement

from briefing.extract.headline import choose_headline, site_names
from briefing.text import escape_markdown

# Where a page states its publication date, most trusted first (attribute, value).
DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("property", "og:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "DC.date.issued"),
    ("name", "sailthru.date"),
    ("property", "article:modified_time"),
)
SECTION_META = (("property", "article:section"), ("name", "section"), ("itemprop", "articleSection"))
TITLE_META = (("property", "og:title"), ("name", "twitter:title"))
SITE_NAME_META = (("property", "og:site_name"), ("name", "application-name"), ("name", "publisher"))
URL_META = (("property", "og:url"),)
HEADING_WORDS = 20
LAYOUT_BLOCKS = {"p", "head", "list", "quote", "table"}  # what a data table's cell never holds: a page's blocks
ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "webpage", "report", "backgroundnewsarticle"}
# trafilatura's precision mode drops any block or span whose class is the word "link" (a list of
# links, most often); CBS News wraps each link inside a sentence in <span class="link">, and the
# sentence then lost its words ("especially high for ." for "... for Joe Biden."). A span inside
# a paragraph is a piece of its text: unwrapped before extraction, its text and children kept.
INLINE_LINK_SPANS = etree.XPath(r'//p//span[re:test(@class, "(^|\s)link(\s|$)")]',
                                namespaces={"re": "http://exslt.org/regular-expressions"})
# A hover card inside a paragraph: The Hill follows each politician's linked name with a hidden
# box (`rollover-people-block`: a photo, the name again, three headlines and "MORE") that
# trafilatura keeps as text, so the sentence read "Rep. Alexandria Ocasio-CortezAlexandria
# Ocasio-CortezSanders doubles down on Bolivia 'coup' ... MORE (D-N.Y.)" and the name became an
# entity. An element of a paragraph whose class names a rollover, tooltip, popover or hover card,
# that holds an image and a link (a card, not a word of the sentence styled as a tooltip's
# trigger) and comes after the element it explains, is no part of the sentence: dropped, the
# text after it kept.
HOVER_CARDS = etree.XPath(r'//p//*[re:test(@class, "rollover|tooltip|popover|hovercard|hover-card", "i")]'
                          r'[preceding-sibling::*][.//img and .//a]',
                          namespaces={"re": "http://exslt.org/regular-expressions"})


@dataclass
class ExtractedPage:
    title: str | None
    blocks: list[str]  # Markdown blocks of the main text
    paragraphs: list[str]  # the same as plain text
    dates: list[datetime]  # every publication date the page's markup states, most trusted first
    category: str | None
    url: str | None
    guessed_date: datetime | None = None  # trafilatura's date finder (htmldate), when the markup says nothing
    site_name: str | None = None  # the publication, as the page names itself (og:site_name, JSON-LD publisher)
    meta: dict[str, str] = field(default_factory=dict)


def extract_page(html: str) -> ExtractedPage:
    """Main text with trafilatura, metadata from the page's own markup; the page is parsed
    once (with trafilatura's own loader) and both read the same tree."""
    tree = trafilatura.utils.load_html(html)
    if tree is None:
        return ExtractedPage(None, [], [], [], None, None)
    ld = _json_ld_articles(tree)
    metas = _metas(tree)
    for span in INLINE_LINK_SPANS(tree):
        span.drop_tag()
    for card in HOVER_CARDS(tree):
        card.drop_tree()
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                           include_tables=True, favor_precision=True, deduplicate=False)
    blocks: list[tuple[str, str]] = []
    if document is not None and document.body is not None:
        blocks = list(_markdown_blocks(document.body))
    url = _canonical_url(tree, metas) or _first_ld(ld, "url") or (document.url if document is not None else None)
    site_name = _clean((_meta(metas, SITE_NAME_META) or _publisher(ld) or "").rstrip("/"))  # "tdg.ch/"
    names = site_names([site_name, _publisher(ld)], url)
    title = choose_headline([_text_of(h1) for h1 in tree.iter("h1")],
                            [_first_ld(ld, "headline"), *(_meta(metas, [key]) for key in TITLE_META),
                             _tag_text(tree, "title"), document.title if document is not None else None], names)
    stated = [_first_ld(ld, "datePublished"), *(_meta(metas, [key]) for key in DATE_META), _time_datetime(tree)]
    dates = [moment for moment in map(_parse_iso, stated) if moment is not None]
    guessed = _parse_iso(document.date) if document is not None and document.date else None
    category = (_first_ld(ld, "articleSection") or _meta(metas, SECTION_META)
                or (document.categories[0] if document is not None and document.categories else None))
    return ExtractedPage(title=_clean(title), blocks=[md for md, _ in blocks],
                         paragraphs=[text for _, text in blocks], dates=dates, guessed_date=guessed, site_name=site_name,
                         category=_clean(category), url=url)


def _markdown_blocks(body: etree._Element):
    """(Markdown, plain text) of each block of trafilatura's XML body."""
    for element in body:
        tag = element.tag
        if tag == "list":
            for item in element.iter("item"):
                text = _text(item)
                if text:
                    yield "- " + escape_markdown(text), text
        elif tag == "table":
            yield from _table_blocks(element)
        elif tag == "head" and _is_heading(_text(element)):
            for text in _lines(element):  # "by Jeff Foust<br>Monday, November 18, 2019": two lines
                yield "## " + escape_markdown(text), text
        elif tag != "graphic":
            marker = "> " if tag == "quote" else ""
            for text in _lines(element):  # <br> inside a paragraph separates paragraphs
                yield marker + escape_markdown(text), text


def _table_blocks(table: etree._Element):
    """A data table gives a line per row ("a | b | c"). A table laid out to hold the page (cells
    of headings and paragraphs: thespacereview.com, old sites) gives the blocks of its cells:
    read as rows, the whole story was one paragraph, its headline glued to its first words."""
    for row in table.iter("row"):
        if next(row.iterancestors("table"), None) is not table:
            continue  # a table inside a cell: read with that cell
        cells = row.findall("cell")
        if any(child.tag in LAYOUT_BLOCKS for cell in cells for child in cell):
            for cell in cells:
                yield from _markdown_blocks(cell)
            continue
        text = " | ".join(c for c in map(_text, cells) if c)
        if text:
            yield escape_markdown(text), text


def _is_heading(text: str) -> bool:
    """A subheading is short and ends no sentence; a long 'heading' is a lead styled big."""
    return bool(text) and len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", "…"))


def _text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _lines(element: etree._Element) -> list[str]:
    for line_break in element.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(element.itertext()).split("\n"))
    return [line for line in lines if line]


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _metas(tree: HtmlElement) -> list[dict[str, str]]:
    """The attributes of every <meta> of the page, in document order."""
    return [dict(meta.attrib) for meta in tree.iter("meta")]


def _meta(metas: list[dict[str, str]], keys) -> str | None:
    """The content of the first meta tag named by the first key that has one (names compared
    without case)."""
    for attribute, name in keys:
        tag = next((m for m in metas if m.get(attribute, "").lower() == name.lower()), None)
        if tag and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def _tag_text(tree: HtmlElement, name: str) -> str | None:
    tag = next(tree.iter(name), None)
    return None if tag is None else _text_of(tag)


def _text_of(tag: HtmlElement) -> str:
    return " ".join(piece.strip() for piece in tag.itertext() if piece.strip())


def _publisher(ld: list[dict]) -> str | None:
    """The JSON-LD publisher's name."""
    for item in ld:
        publisher = item.get("publisher")
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return publisher["name"]
    return None


def _time_datetime(tree: HtmlElement) -> str | None:
    times = [tag for tag in tree.iter("time") if tag.get("datetime") is not None]
    for tag in times:
        if tag.get("pubdate") is not None or "publish" in tag.get("class", "").lower() \
                or tag.get("itemprop") == "datePublished":
            return tag.get("datetime")
    return times[0].get("datetime") if times else None


def _canonical_url(tree: HtmlElement, metas: list[dict[str, str]]) -> str | None:
    link = next((tag for tag in tree.iter("link")
                 if "canonical" in tag.get("rel", "").split() and tag.get("href") is not None), None)
    href = link.get("href").strip() if link is not None else _meta(metas, URL_META)
    return href if href and href.startswith(("http://", "https://")) else None


def _json_ld_articles(tree: HtmlElement) -> list[dict]:
    """The article objects of the page's JSON-LD blocks (graphs flattened)."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if not re.search(r"ld\+json", script.get("type", ""), re.I):
            continue
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack.extend(g for g in item.get("@graph", []) if isinstance(g, dict))
            types = item.get("@type", [])
            types = [types] if isinstance(types, str) else types
            if any(str(t).lower() in ARTICLE_TYPES for t in types):
                found.append(item)
    found.sort(key=lambda i: "webpage" in str(i.get("@type", "")).lower())  # articles first
    return found


def _first_ld(items: list[dict], key: str) -> str | None:
    for item in items:
        value = item.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _parse_iso(value: str | None) -> datetime | None:
    """A machine-readable date (ISO 8601 and its common variants), else None."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)  # +0100 -> +01:00
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
        return datetime.fromisoformat(match.group(1)) if match else None
