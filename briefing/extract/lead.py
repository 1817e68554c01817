"""What a summary leaves out of a story's opening: the notes above the lead ("Article mis à jour
le 7 janvier 2020.", "This post originally appeared on Grist.", "05/10/2018 - Publicado por: …"),
a byline line ("By Jill Serjeant"), and the dateline or credit the lead opens with
("WASHINGTON (AP) —", "NEW YORK (Reuters) -", "(CNN)", "MADRID —", "KVELLER via JTA —", the
publication's own name: "Kaieteur News –"): where and by whom it was filed, not what happened.
The record keeps the dateline as `dateline` and the byline as `byline`; the body keeps them all."""

from __future__ import annotations

import re
import unicodedata

from briefing.extract.dates import date_pattern
from briefing.lexicon import prefix_pattern, words
from briefing.text import WORD, normalize

# Capitals (a place, with its state or country: "SANTA FE, N.M.", "ST CATHERINE, Jamaica"), an agency in brackets or not, then a
# dash; or an agency in brackets alone. A colon is no dateline mark ("DEAR ABBY: My husband").
DATELINE = re.compile(
    r"\A(?P<dateline>(?:[A-ZÀ-Ý][A-ZÀ-Ý.'’/-]*(?:[ ,]+[A-ZÀ-Ý][A-ZÀ-Ý.'’/-]*){0,4}\.?"
    r"(?:,\s*[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,3})?\s*(?:\([A-Za-z][\w .&-]{0,24}\))?"
    r"|\([A-Z][\w .&-]{0,24}\)))\s*(?:[—–]|--?)?\s*(?=[A-ZÀ-Ý«\"“‘'0-9])")
# A credit and its source: "KVELLER via JTA —", "Reuters via Yahoo -".
VIA = re.compile(r"\A(?P<dateline>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s+via\s+[A-Z][\w.&'’-]*"
                 r"(?:\s+[A-Z][\w.&'’-]*){0,3})\s*(?:[—–]|--?)\s*(?=[A-ZÀ-Ý«\"“‘'0-9])")
# A name before a dash: the publication crediting itself ("Kaieteur News – Police investigators…").
NAMED = re.compile(r"\A(?P<dateline>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*[—–-]\s+(?=[A-ZÀ-Ý«\"“‘'0-9])")
NOTE_WORDS = 25  # a note above the lead is short
NOTES = 3  # and there are few of them
BYLINE_WORDS = 10
BYLINE = re.compile(r"^\W*\w+(?:\s+\w+)*?\s*:?\s+(?P<name>[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|de|van|von|al|el|da|di))"
                    r"{0,4})")
SENTENCE_END = re.compile(r"[.!?…][»\"”’')\]]*\s*$")


def split_dateline(lead: str, publication: str | None = None) -> tuple[str | None, str]:
    """(dateline, the lead without it), or (None, the lead) when it opens with none."""
    for pattern in (VIA, NAMED):
        match = pattern.match(lead)
        if match and (pattern is VIA or _same_name(match.group("dateline"), publication)):
            return match.group("dateline").strip(" ,"), lead[match.end():]
    match = DATELINE.match(lead)
    if not match:
        return None, lead
    dateline = match.group("dateline").strip(" ,")
    dashed = re.match(r"\s*(?:[—–]|--?)", lead[match.end("dateline"):])
    if not dashed and "(" not in dateline:  # "USA Today", "NASA Goddard": capitals, no dateline
        return None, lead
    return dateline, lead[match.end():]


def lead_paragraphs(paragraphs: list[str], lang: str, publication: str | None = None
                    ) -> tuple[str | None, str | None, list[str]]:
    """(dateline, byline, the paragraphs a summary is made of): the notes and the byline line
    above the lead left out, the dateline or credit the lead opens with split off."""
    byline = None
    start = 0
    while start < min(NOTES, len(paragraphs) - 1):
        paragraph = paragraphs[start]
        found = _byline(paragraph)
        if found:
            byline = byline or found
        elif not _is_note(paragraph, lang):
            break
        start += 1
    if not paragraphs:
        return None, byline, []
    dateline, lead = split_dateline(paragraphs[start], publication)
    return dateline, byline, [lead, *paragraphs[start + 1:]]


def _is_note(paragraph: str, lang: str) -> bool:
    """A line above the lead that is no part of it: an update or republication note, or a line
    of the page's metadata (a date, no sentence: "05/10/2018 - Publicado por: … - Categoria: …")."""
    if len(WORD.findall(paragraph)) > NOTE_WORDS:
        return False
    key = normalize(paragraph)
    if any(prefix_pattern(name).match(key) for name in ("lead_notes", "story_openers", "date_prefixes")):
        return True
    return not SENTENCE_END.search(paragraph) and bool(date_pattern(lang).search(paragraph))


def _byline(paragraph: str) -> str | None:
    """The author's name in a byline line ("By Jill Serjeant", "Par Kab Niang"), else None."""
    if len(WORD.findall(paragraph)) > BYLINE_WORDS or SENTENCE_END.search(paragraph) \
            or not prefix_pattern("byline_prefixes").match(normalize(paragraph)):
        return None  # "By Monday, the deal was done." is a sentence
    match = BYLINE.match(paragraph)
    return match.group("name").strip() if match else None


def _same_name(text: str, publication: str | None) -> bool:
    """The text is the publication's name (case, accents and spaces aside)."""
    letters = lambda s: "".join(c for c in unicodedata.normalize("NFKD", s.casefold()) if c.isalnum())  # noqa: E731
    return bool(publication) and letters(text) == letters(publication)


GLUED_KICKER = re.compile(r"\A(?P<kicker>[A-ZÀ-Ý][a-zà-ÿ]{4,})(?=[A-ZÀ-Ý](?:['’][A-ZÀ-Ýa-zà-ÿ]|[a-zà-ÿ]+\s))")
KICKER_REST_WORDS = 8


def split_kicker(paragraph: str, lang: str) -> tuple[str | None, str]:
    """(kicker, the paragraph without it) when a page glued its kicker to the lead (a label
    and the paragraph in two elements with no space: "AgricultureL'Office fédéral…"): the
    glued part opens with a word that opens sentences ("L'", "Le", "The": data/<lang>.yaml),
    so "SoundCloud", "PowerPoint" and "LinkedIn" stay whole."""
    match = GLUED_KICKER.match(paragraph)
    if not match:
        return None, paragraph
    rest = paragraph[match.end():]
    first = re.split(r"['’]", WORD.findall(rest)[0].lower())[0]  # "L'Office": l
    if first not in words("sentence_openers", lang) or len(WORD.findall(rest)) < KICKER_REST_WORDS:
        return None, paragraph
    return match.group("kicker"), rest
