"""Language identification (py3langid, a bundled model) and per-language stop words (jusText's lists)."""

from __future__ import annotations

from functools import cache

import justext
import py3langid
from babel import Locale, UnknownLocaleError

from briefing.lexicon import LANGUAGES


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; 'und' when there is nothing to judge."""
    sample = " ".join(text.split())[:20000]
    if sum(ch.isalpha() for ch in sample) < 3:
        return "und"
    code, _score = py3langid.classify(sample)
    return code


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Function words of a language, for telling prose from menus; French and English
    together when the language has no list."""
    names = set(justext.get_stoplists())
    try:
        name = Locale.parse(lang).english_name
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        name = None
    if name in names:
        return frozenset(justext.get_stoplist(name))
    return frozenset().union(*(stopwords(code) for code in LANGUAGES))
