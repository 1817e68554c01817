"""A Markdown article an editor wrote in the content folder: its front matter as written, and
the story NLP reads (the headline and the text of its Markdown body)."""

from __future__ import annotations

from typing import Any

import markdown
from bs4 import BeautifulSoup

from briefing.contentfile import read_front_matter
from briefing.errors import ContentError
from briefing.extract.language import detect_language

TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td")
KEY_VALUE_HEADER = ("a 'Key: value' header cannot carry entities: write the header as YAML front matter "
                    "between '---' lines to have it enriched")


def front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """(metadata, body) of a Markdown article, or ContentError saying why it cannot be enriched."""
    if not text.startswith("---"):
        raise ContentError(path, 1, KEY_VALUE_HEADER)
    return read_front_matter(text, path)


def story_of(meta: dict[str, Any], body: str, path: str, lang: str | None = None) -> tuple[str, str, list[str]]:
    """(language, headline, paragraphs) of a hand-written article, for enrichment."""
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ContentError(path, 1, "missing 'title'")
    paragraphs = markdown_paragraphs(body)
    return str(meta.get("lang") or lang or detect_language(" ".join([title, *paragraphs]))), title, paragraphs


def markdown_paragraphs(body: str) -> list[str]:
    """The text of each block of a Markdown body (a quote's paragraphs once, not twice)."""
    soup = BeautifulSoup(markdown.markdown(body), "html.parser")
    blocks = [tag for tag in soup.find_all(TEXT_BLOCKS) if not tag.find_parent(TEXT_BLOCKS)]
    return [text for tag in blocks if (text := tag.get_text(" ", strip=True))]
