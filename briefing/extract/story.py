"""A raw page's story: title, section, text and date, from a saved HTML page or a text dump."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

import nh3

from briefing.extract.dates import date_in_text, date_in_url, is_publication_date, relative_date
from briefing.extract.dump import clean_text_dump
from briefing.extract.html import extract_page
from briefing.extract.language import detect_language
from briefing.extract.lead import split_kicker
from briefing.lexicon import words
from briefing.sections import taxonomy_section, url_section
from briefing.text import escape_markdown, normalize

HEADER_LINE_WORDS = 20  # a longer line above the story is prose, where "hier" is an event, not a date
SECTION_CHARS = 40  # a longer "section" is a keyword list or a headline, not a section
MARKUP = re.compile(r"<(?:[a-zA-Z][\w:-]*|/[a-zA-Z]|!--)")


@dataclass
class Story:
    """What a raw page says, before the record's derived fields."""

    title: str | None
    category: str | None  # the page's section, when it states one
    url: str | None
    lang: str
    paragraphs: list[str]  # plain text
    blocks: list[str]  # the same as Markdown
    dates: list[tuple[datetime, str]]  # (date, where it is stated: metadata, url, text), most trusted first
    publication: str | None = None  # the site's name, as the page gives it

    @property
    def date(self) -> datetime | None:
        """The most trusted date that is no placeholder (the page's own: no file time known)."""
        found = self.publication_date(None, "UTC")
        return found[0] if found else None

    def publication_date(self, saved: datetime | None, timezone: str) -> tuple[datetime, str] | None:
        """(date, where it is stated) of the most trusted date that can be the publication
        date of a page saved at `saved`."""
        return next(((moment, where) for moment, where in self.dates if is_publication_date(moment, saved, timezone)),
                    None)


def extract_story(text: str, kind: str, lang: str | None = None, fetched: datetime | None = None) -> Story:
    """Title, section, text and dates of a page (kind 'html') or a text dump (kind 'text').
    A dump fetched at a known time (`fetched`) may date itself relatively ("il y a 3 heures")
    in its header lines; a file's own time is too unsure a base for that."""
    if kind == "html":
        page = extract_page(text)
        dates = [(moment, "metadata") for moment in page.dates] + [(date_in_url(page.url), "url"),
                                                                    (page.guessed_date, "metadata")]
        story = Story(page.title, page_section(page.category), page.url, "", page.paragraphs, page.blocks,
                      [(moment, where) for moment, where in dates if moment is not None], page.site_name)
    else:
        text = strip_markup(text)
        dump_lang = lang or detect_language(text)
        cleaned = clean_text_dump(text, dump_lang)
        date = date_in_text(cleaned.header + cleaned.paragraphs[:1], dump_lang)
        if date is None and fetched is not None:
            date = next(filter(None, (relative_date(line, fetched, dump_lang) for line in cleaned.header
                                      if len(line.split()) <= HEADER_LINE_WORDS)), None)
        story = Story(cleaned.title, page_section(cleaned.category), None, "", cleaned.paragraphs,
                      [escape_markdown(p) for p in cleaned.paragraphs], [(date, "text")] if date else [])
    story.lang = lang or detect_language(" ".join([story.title or "", *story.paragraphs]))
    if not taxonomy_section(story.category, story.lang):  # "/politique/article/…": the address names it
        story.category = url_section(story.url, story.lang) or story.category
    if story.title and story.paragraphs and normalize(story.paragraphs[0]) == normalize(story.title):
        del story.paragraphs[0], story.blocks[0]  # the page's own headline above the text
    kicker, lead = split_kicker(story.paragraphs[0], story.lang) if story.paragraphs else (None, "")
    if kicker and story.blocks[0].startswith(kicker):  # "AgricultureL'Office fédéral…": the label goes
        story.paragraphs[0], story.blocks[0] = lead, story.blocks[0][len(kicker):]
    return story


def strip_markup(text: str) -> str:
    """A text dump may hold markup too: nh3 removes every tag, and drops what scripts and
    styles contain (code is not article text); the rest stays as plain text."""
    if not MARKUP.search(text):
        return text
    return html.unescape(nh3.clean(text, tags=set(), clean_content_tags={"script", "style", "template"}))


def page_section(category: str | None) -> str | None:
    """The section a page states, when it is one: the first item of a list ("à la une,Société"
    gives "Société"), not a front-page label in any language, not a keyword soup."""
    labels = words("front_page_sections")
    for item in re.split(r"[,;|]", category or ""):
        item = " ".join(item.split())
        if item and normalize(item) not in labels:
            return item if len(item) <= SECTION_CHARS else None
    return None
