"""A page's headline, without the site's name glued on.

A page states its headline several times: JSON-LD `headline`, `og:title`, `twitter:title`, the
visible `<h1>`, the `<title>` (and a text dump repeats some of them). Each may carry the site's
name after a separator ("… - Bondy Blog", "… | The Japan Times", "… | DW | 23.05.2011"). The
site's name is known from `og:site_name`, the JSON-LD publisher, the address's domain, or the
part every candidate but one carries; it is cut wherever it is glued on, and a headline's own
colon ("Coronavirus: New York …") is never cut unless what stands before it is the site's name.
The headline is the visible `<h1>` when another candidate agrees with it (the reader sees that
one), else the first candidate, most trusted first.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SEPARATOR = re.compile(r"\s+[-|—–·•»]\s+|\s+::\s+|\s+\|\s*|\s*\|\s+")
AGREEMENT = 0.4  # share of words two statements of one headline have in common, at least
SUFFIXES = {"com", "org", "net", "info", "fr", "co", "uk", "de", "ch", "be", "jp", "it", "es", "ca", "au", "eu", "io",
            "ac", "gov", "edu", "news"}  # the public suffix's labels: the name stands just before them
NAME_WORDS = 4  # a site's name that a dump glues on is at most this many words


def site_names(names: list[str | None], url: str | None) -> list[str]:
    """The names the site goes by: the ones the page states, and its address's main label."""
    found = [name for name in names if name and name.strip()]
    labels = (urlsplit(url or "").hostname or "").split(".")
    while labels and labels[-1] in SUFFIXES:
        labels.pop()
    if labels and labels[-1]:
        found.append(labels[-1])  # edition.cnn.com -> cnn, www.japantimes.co.jp -> japantimes
    return found


def strip_site_name(headline: str, names: list[str]) -> str:
    """The headline without a site's name (and what follows it) glued on with a separator, or
    before it with a separator or a colon."""
    cuts = list(SEPARATOR.finditer(headline))
    if cuts:
        ends = [cut.start() for cut in cuts] + [len(headline)]
        starts = [0] + [cut.end() for cut in cuts]
        parts = [headline[a:b] for a, b in zip(starts, ends)]
        for i in range(len(parts) - 1, 0, -1):  # "Headline | Site | 23.05.2011": from the site's name on
            if _is_site_name(parts[i], names, loose=True):
                return headline[:ends[i - 1]].strip()
        if _is_site_name(parts[0], names):  # "Site | Headline"
            return headline[starts[1]:].strip()
    head, colon, rest = headline.partition(": ")
    if colon and rest and _is_site_name(head, names):
        return rest.strip()
    return headline.strip()


def shared_suffix_names(candidates: list[str]) -> list[str]:
    """A site's name the page does not state: the last part after a separator that all the
    candidates but one carry ("X | Site", "Y - Site"), when one candidate carries none."""
    split = [SEPARATOR.split(c) for c in candidates]
    tails = [parts[-1] for parts in split if len(parts) > 1]
    heads = {_letters(" - ".join(parts[:-1])) for parts in split if len(parts) > 1}
    plain = [c for c, parts in zip(candidates, split) if len(parts) == 1 and _letters(c) in heads]
    common = {t for t in tails if tails.count(t) == len(tails)}
    return sorted(common) if len(tails) >= 2 and plain else []


def choose_headline(h1s: list[str], stated: list[str | None], names: list[str]) -> str | None:
    """The headline among the page's statements of it (its <h1>s, then the others, most trusted
    first), without the site's name: the first <h1> another statement agrees with, else the
    first statement."""
    others = [c for c in (_clean(x) for x in stated) if c]
    visible = [c for c in (_clean(x) for x in h1s) if c]
    if not others and not visible:
        return None
    names = names + shared_suffix_names(others)
    others = [strip_site_name(c, names) or c for c in others]
    visible = [strip_site_name(h, names) or h for h in visible]
    if not others:
        return visible[0]
    scored = [(max(agreement(h1, other) for other in others), -i, h1) for i, h1 in enumerate(visible)]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= AGREEMENT else others[0]


def agreement(one: str, other: str) -> float:
    """How much two statements of a headline say the same: the share of their words in common."""
    a, b = set(_words(one)), set(_words(other))
    return len(a & b) / len(a | b) if a and b else 0.0


def _is_site_name(part: str, names: list[str], loose: bool = False) -> bool:
    """The part is one of the site's names; `loose` (after the headline, where sites put their
    name, edition or motto: "AOC media", "Le Monde Afrique") also takes a part that starts or
    ends with one."""
    key = _letters(part)
    if not key:
        return False
    for name in names:
        name_key = _letters(name)
        if name_key and (key == name_key or (loose and len(name_key) >= 3 and len(key) <= 3 * len(name_key)
                                             and (key.startswith(name_key) or key.endswith(name_key)))):
            return True
    return False


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if ch.isalnum())


def _clean(value: str | None) -> str | None:
    text = re.sub(r"\s+", " ", value or "").strip()
    return text or None
