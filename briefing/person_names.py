"""When two written names are one person's: a given name and its nickname ("Pat" and
"Patrick", "Josh" and "Joshua"; the hand-curated list of the `nicknames` package), a middle
initial or a generational suffix ("Jr.", "III") said or not. Used to join the names of one
person within an article (briefing/enrich/entities.py) and across the site (plugins/briefing/
identity.py), where two people of one surname stay apart. No NLP: the build imports it.
"""

from __future__ import annotations

import unicodedata
from functools import cache

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Patrick W. Carlineo Jr.": the same family name


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().rstrip(".")


@cache
def _namer():
    from nicknames import NickNamer

    return NickNamer()


@cache
def given_name_forms(word: str) -> frozenset[str]:
    """A given name, the names it is short for and its own short forms, compared case aside:
    "Pat" -> pat, patrick, patricia, patience."""
    found = _key(word)
    return frozenset({found, *_namer().canonicals_of(found), *_namer().nicknames_of(found)})


def canonical_names(word: str) -> frozenset[str]:
    """The given names a nickname is short for: "Pat" -> patrick, patricia, patience."""
    return frozenset(_namer().canonicals_of(_key(word)))


def same_given_name(a: str, b: str) -> bool:
    """"Pat" and "Patrick", "Joe" and "Joseph", "Alexander" and "Alexander"; not "Joe" and "Hunter"."""
    return _key(a) == _key(b) or _key(b) in given_name_forms(a)


def name_words(name: str) -> list[str]:
    """A person's name without a generational suffix: "Patrick W. Carlineo Jr." ->
    ["Patrick", "W.", "Carlineo"]."""
    words = name.replace(",", " ").split()
    while len(words) > 2 and _key(words[-1]) in SUFFIXES:
        words.pop()
    return words


def one_person(a: str, b: str) -> bool:
    """Whether two full names (a given and a family name at least, honorifics left out) are one
    person's: the same family name, given names equal or one the other's nickname, and middle
    names that agree where both say one ("Patrick W. Carlineo Jr." and "Pat Carlineo", "Josh
    Apte" and "Joshua Apte"; not "Joe Biden" and "Hunter Biden")."""
    first, second = name_words(a), name_words(b)
    if len(first) < 2 or len(second) < 2 or _key(first[-1]) != _key(second[-1]):
        return False
    if not same_given_name(first[0], second[0]):
        return False
    middles = [[_key(w)[:1] for w in words[1:-1]] for words in (first, second)]  # "W." and "William" agree
    return not (middles[0] and middles[1]) or middles[0] == middles[1]


def joined_names(names: list[str]) -> list[tuple[str, ...]]:
    """The sets of full names that are one person's, each name with every name `one_person`
    pairs it with, when those all pair with each other: "Pat Carlineo", "Patrick Carlineo Jr."
    and "Patrick W. Carlineo" are one set; "Pat Smith" beside "Patrick Smith" and "Patricia
    Smith" joins neither (two people it may be), while those two stay apart."""
    by_family: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        words = name_words(name)
        if len(words) >= 2:
            by_family.setdefault(_key(words[-1]), []).append(name)
    found: dict[frozenset[str], tuple[str, ...]] = {}
    for same in by_family.values():
        groups = {name: (name, *(other for other in same if other != name and one_person(name, other))) for name in same}
        unsure = {name for name, group in groups.items()
                  if not all(one_person(a, b) for i, a in enumerate(group) for b in group[i + 1:])}
        for group in groups.values():
            if len(group) > 1 and not unsure & set(group):
                found.setdefault(frozenset(group), group)
    return list(found.values())
