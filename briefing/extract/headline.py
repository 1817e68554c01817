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

SEPARATOR = re.compile(r"\s+[-|—–·•»]\s+|\s*::\s*|\s+\|\s*|\s*\|\s+")
AGREEMENT = 0.4  # share of words two statements of one headline have in common, at least
DOMAIN_NOISE = {"www", "m", "amp", "news", "com", "org", "net", "fr", "co", "uk", "de", "ch", "be", "info", "jp"}


def site_names(names: list[str | None], url: str | None) -> list[str]:
    """The names the site goes by: the ones the page states, and its address's main label."""
    found = [name for name in names if name and name.strip()]
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label and label not in DOMAIN_NOISE]
    if labels:
        found.append(labels[0])
    return found


def strip_site_name(headline: str, names: list[str]) -> str:
    """The headline without a site's name (and what follows it) glued on with a separator, or
    before it with a separator or a colon."""
    parts = SEPARATOR.split(headline)
    if len(parts) > 1:
        for i in range(len(parts) - 1, 0, -1):  # "Headline | Site | 23.05.2011": from the site's name on
            if _is_site_name(parts[i], names):
                return _rejoined(headline, parts[:i])
        if _is_site_name(parts[0], names):  # "Site | Headline"
            return _rejoined(headline, parts[1:])
    head, colon, rest = headline.partition(": ")
    if colon and rest and _is_site_name(head, names):
        return rest.strip()
    return headline.strip()


def shared_suffix_names(candidates: list[str]) -> list[str]:
    """A site's name the page does not state: the last part after a separator that all the
    candidates but one carry ("X | Site", "Y - Site"), when one candidate carries none."""
    tails = [SEPARATOR.split(c)[-1] for c in candidates if len(SEPARATOR.split(c)) > 1]
    plain = [c for c in candidates if len(SEPARATOR.split(c)) == 1]
    common = {t for t in tails if tails.count(t) == len(tails)}
    return sorted(common) if tails and plain else []


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
    for h1 in (strip_site_name(h, names) or h for h in visible):
        if not others or any(agree(h1, other) for other in others):
            return h1
    return others[0] if others else None


def agree(one: str, other: str) -> bool:
    """Two statements of one headline: enough of their words in common."""
    a, b = set(_words(one)), set(_words(other))
    return bool(a and b) and len(a & b) / len(a | b) >= AGREEMENT


def _is_site_name(part: str, names: list[str]) -> bool:
    key = _letters(part)
    if not key:
        return False
    for name in names:
        name_key = _letters(name)
        if name_key and (key == name_key or (len(name_key) >= 3 and name_key in key and len(key) <= 3 * len(name_key))):
            return True
    return False


def _rejoined(headline: str, parts: list[str]) -> str:
    """The first parts as the headline wrote them (its own separators kept)."""
    end = 0
    for part in parts:
        end = headline.index(part, end) + len(part)
    start = headline.index(parts[0])
    return headline[start:end].strip()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if ch.isalnum())


def _clean(value: str | None) -> str | None:
    text = re.sub(r"\s+", " ", value or "").strip()
    return text or None
