"""One referent, one page, site-wide: the names that articles give one person, organisation or
place ("Trump", "Mr. Trump", "President Trump", "Donald Trump", "Donald J. Trump") are joined
at build, from the records, by rules an editor can read and override. Records are never
rewritten.

The rules, in order:
1. the names one article already joined (an entity and its aliases) stay joined, except a bare
   surname ("Mme Macron" may be Brigitte or Emmanuel elsewhere): rule 4 decides;
2. the site's aliases file (BRIEFING_ALIASES, `aliases.yaml` beside the content folder) joins
   every name of an entry, and `alone: true` keeps a name out of rule 4;
3. honorifics and titles are not part of a name ("M.", "Mme", "Mr.", "President", "le
   ministre"), and a middle initial, a generational suffix or a nickname does not make another
   person ("Donald J. Trump"; "Pat Carlineo" and "Patrick W. Carlineo Jr.", by the `nicknames`
   package's list, unless another person of the site could be the nickname's: "Pat Smith"
   beside "Patrick Smith" and "Patricia Smith" joins neither);
4. a person's bare surname joins the one full name of the site that ends with it, never when
   two people of the site share it ("Sasse" -> "Ben Sasse"; "Meadows" stays alone beside
   "Mark Meadows" and "Debbie Meadows").
A group's name is the editor's, else the full name most articles use.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from briefing.lexicon import words
from briefing.person_names import SUFFIXES, canonical_names, joined_names
from briefing.record import ENTITY_TYPES, Entity
from briefing.text import normalize, reading_order

from .records import EntityLink

log = logging.getLogger(__name__)
PERSON = ENTITY_TYPES[0]
LANGUAGES = ("fr", "en")
PARTICLES = {"al", "el", "de", "du", "da", "di", "van", "von", "der", "bin", "ben", "ibn", "abu", "d", "le", "la"}


@cache
def _prefixes() -> tuple[str, ...]:
    """Honorifics, titles and determiners of both languages, longest first."""
    return tuple(sorted({normalize(w) for lang in LANGUAGES
                         for w in (*words("entity_honorifics", lang), *words("entity_titles", lang),
                                   *words("entity_determiners", lang))}, key=len, reverse=True))


@cache
def _prefix_pattern() -> re.Pattern:
    """Any of the prefixes then a space, tried longest first (as the alternatives are listed)."""
    return re.compile("|".join(re.escape(prefix) + " " for prefix in _prefixes()))


@cache  # a site names the same entities in many articles
def bare_name(name: str) -> str:
    """A name without the honorifics and titles in front of it: "Mr. Trump" -> "Trump",
    "le Premier ministre Gabriel Attal" -> "Gabriel Attal"."""
    text = name.strip()
    while found := _prefix_pattern().match(lowered := normalize(text)):
        prefix = found.group()[:-1]  # the longest prefix the name starts with
        if len(text) <= len(prefix) + 1:  # nothing would be left: a shorter one may leave something
            prefix = next((p for p in _prefixes() if lowered.startswith(p + " ") and len(text) > len(p) + 1), None)
            if prefix is None:
                break
        text = text[len(prefix) + 1:].lstrip()
    return text or name


@cache  # asked again for each name of each group
def _parts(name: str) -> tuple[str, ...]:
    """The words of a person's name that identify them: no initials ("J."), no particles."""
    words_ = [p for p in re.split(r"[\s\-‐]+", normalize(name)) if p and not re.fullmatch(r"\w\.?", p)]
    while len(words_) > 2 and words_[-1].rstrip(".") in SUFFIXES:
        words_.pop()  # "Patrick W. Carlineo Jr.": the family name is Carlineo
    return (*words_[:1], *(p for p in words_[1:] if p not in PARTICLES))  # "Ben Sasse", "Osama bin Laden"


class _Groups:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, key: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def read_aliases(path: Path) -> list[dict]:
    """The editor's entries; a file that cannot be read is one warning, never a failed build."""
    if not path.is_file():
        return []
    try:
        entries = yaml.safe_load(path.read_text("utf-8")) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        log.warning("%s: not read (%s); names are joined by the rules alone", path, str(exc).splitlines()[0])
        return []
    good = [e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)] if isinstance(entries, list) else []
    if len(good) != (len(entries) if isinstance(entries, list) else -1):
        log.warning("%s: entries without a `name` are left out (each entry: name, type, aliases, alone)", path)
    return good


def referents(entities: list[Entity], editor: list[dict]) -> dict[tuple[str, str], Entity]:
    """(type, name as an article gives it) -> the site's entity for it (canonical name, type,
    every name it goes by)."""
    groups = _Groups()
    known: dict[tuple[str, str], tuple[str, str]] = {}

    def key(kind: str, name: str) -> tuple[str, str]:
        found = known.get((kind, name))
        if found is None:
            found = known[(kind, name)] = (kind, normalize(bare_name(name)))
        return found
    written: dict[tuple[str, str], Counter] = defaultdict(Counter)  # group key -> names as written, by articles
    for entity in entities:
        names = (entity.name, *entity.aliases)
        for name in names:
            if entity.type == PERSON and len(_parts(bare_name(name))) == 1 and len(_parts(entity.name)) > 1:
                groups.find(key(entity.type, name))  # "Mme Macron" is a surname: rule 4 decides whose
                continue
            groups.union(key(entity.type, name), key(entity.type, entity.name))
        written[key(entity.type, entity.name)][bare_name(entity.name)] += 1
    alone, chosen = set(), {}
    for entry in editor:
        kind = entry.get("type") if entry.get("type") in ENTITY_TYPES else None
        kinds = [kind] if kind else list(ENTITY_TYPES)
        for kind_ in kinds:
            for alias in entry.get("aliases") or []:
                if isinstance(alias, str):
                    groups.union(key(kind_, alias), key(kind_, entry["name"]))
            chosen[key(kind_, entry["name"])] = entry["name"]
            if entry.get("alone"):
                alone.add(key(kind_, entry["name"]))
    # rule 3: one person whatever the middle initial, a generational suffix or a nickname
    full: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for k in list(groups.parent):
        parts = _parts(k[1])
        if k[0] == PERSON and len(parts) >= 2:
            full[(parts[0], parts[-1])].append(k)
    for same in full.values():
        for k in same[1:]:
            groups.union(k, same[0])
    by_name = {k[1]: k for same in full.values() for k in same}  # and whatever the nickname: "Pat" and
    for group in joined_names(list(by_name)):  # "Patrick Carlineo", never "Pat Smith" beside Patrick and Patricia
        for name in group[1:]:
            groups.union(by_name[name], by_name[group[0]])
    # rule 4: a bare surname joins the one full name that ends with it
    by_surname: dict[str, set] = defaultdict(set)
    for (first, last), same in full.items():
        by_surname[last].add(groups.find(same[0]))
    for k in list(groups.parent):
        parts = _parts(k[1])
        if k[0] == PERSON and len(parts) == 1 and k not in alone and len(by_surname.get(parts[0], ())) == 1:
            groups.union(k, next(iter(by_surname[parts[0]])))
    # one entity per group
    members: dict[tuple[str, str], set] = defaultdict(set)
    for k in list(groups.parent):
        members[groups.find(k)].add(k)
    names_of: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for k, names in written.items():
        names_of[groups.find(k)].update(names)
    aliases_of: dict[tuple[str, str], set] = defaultdict(set)
    for entity in entities:
        aliases_of[groups.find(key(entity.type, entity.name))].update((entity.name, *entity.aliases))
    result = {}
    for root, keys in members.items():
        editor_name = next((chosen[k] for k in sorted(keys) if k in chosen), None)
        counted = names_of[root]
        name = editor_name or (min(counted, key=lambda n: (-counted[n], -len(_parts(n)), _shortened(n, counted),
                                                           len(n), reading_order(n)))
                               if counted else None)  # most used, fullest, no nickname, without a middle initial
        if name is None:
            continue
        site = Entity(name, root[0], 0, tuple(sorted(aliases_of[root] - {name}, key=reading_order)))
        for k in keys:
            result[k] = site
    return {(kind, name): result[key(kind, name)] for kind, name in
            {(e.type, n) for e in entities for n in (e.name, *e.aliases)} if key(kind, name) in result}


def _shortened(name: str, names) -> bool:
    """Whether the name's given name is the nickname of another of `names`' ("Pat Carlineo"
    beside "Patrick Carlineo")."""
    parts = _parts(name)
    if not parts:  # "N. A": initials only (an archive of 2,000 pages has two)
        return False
    short_for = canonical_names(parts[0])
    return any((other_parts := _parts(other)) and other_parts[0] != parts[0] and other_parts[0] in short_for
               for other in names)


def unify(articles, settings) -> None:
    """Each article's entity links re-pointed to the site's referents (their page and name,
    the article's own mentions), before the index and the pages are made."""
    path = Path(settings["BRIEFING_ALIASES"])
    if not path.is_absolute():
        path = Path(settings["PATH"]).resolve().parent / path
    links = [link for article in articles for kind in ENTITY_TYPES for link in article.briefing_entities[kind]]
    site = referents([link.entity for link in links], read_aliases(path))
    pattern = settings["BRIEFING_ENTITY_URL"]
    for article in articles:
        joined: dict[str, EntityLink] = {}
        for link in (link for kind in ENTITY_TYPES for link in article.briefing_entities[kind]):
            found = site.get((link.type, link.entity.name))
            if found is None:
                joined.setdefault(link.slug, link)
                continue
            names = tuple(dict.fromkeys(n for n in (*found.aliases, link.entity.name, *link.aliases) if n != found.name))
            mentions = link.mentions + (joined[found.slug].mentions if found.slug in joined else 0)
            entity = Entity(found.name, found.type, mentions, names)
            joined[found.slug] = EntityLink(entity, pattern.format(slug=entity.slug))
        ordered = sorted(joined.values(), key=lambda link: (-link.mentions, reading_order(link.name)))
        article.briefing_entities = {kind: [link for link in ordered if link.type == kind] for kind in ENTITY_TYPES}
        article.briefing_entity_slugs = {link.slug for link in ordered}
