"""A hand-written article in the content folder: the front matter as the editor wrote it, and
the story NLP reads (the headline and the text of its Markdown body)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import markdown
from bs4 import BeautifulSoup

from briefing.contentfile import read_front_matter
from briefing.errors import ContentError
from briefing.extract.language import detect_language

TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td")


@dataclass(frozen=True)
class HandWritten:
    meta: dict[str, Any]
    title: str
    lang: str
    paragraphs: list[str]

    @property
    def enriched(self) -> bool:
        """Ingest has given it entities already (an editor may have emptied the list since)."""
        return "entities" in self.meta


def read_hand_written(text: str, path: str, lang: str | None = None) -> HandWritten:
    """The article a Markdown file with YAML front matter holds (ContentError saying why not)."""
    if not text.startswith("---"):
        raise ContentError(path, 1, "a 'Key: value' header cannot carry entities: write the header as YAML "
                                    "front matter between '---' lines to have it enriched")
    meta, body = read_front_matter(text, path)
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ContentError(path, 1, "missing 'title'")
    paragraphs = markdown_paragraphs(body)
    lang = str(meta.get("lang") or lang or detect_language(" ".join([title, *paragraphs])))
    return HandWritten(meta=meta, title=title, lang=lang, paragraphs=paragraphs)


def markdown_paragraphs(body: str) -> list[str]:
    """The text of each block of a Markdown body (a quote's paragraphs once, not twice)."""
    soup = BeautifulSoup(markdown.markdown(body), "html.parser")
    blocks = [tag for tag in soup.find_all(TEXT_BLOCKS) if not tag.find_parent(TEXT_BLOCKS)]
    return [text for tag in blocks if (text := tag.get_text(" ", strip=True))]
