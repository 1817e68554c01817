"""Named entities of an article: spaCy's mentions, cleaned, typed, and merged per referent.

spaCy (`fr_core_news_sm`, `en_core_web_sm`) proposes spans; we keep what names a person, an
organisation or a place, strip titles and determiners ("le Premier ministre", "M."), recover
places named inside events ("guerre de Gaza" -> Gaza), drop site chrome and words that are not
names, then merge the names of one referent: the curated alias table (data/aliases.yaml), a
name followed by another in parentheses, and a person's shorter name ("M. Soudani" ->
"Mohammad Chia al-Soudani"). The fullest name is canonical; mentions count over all names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from briefing.aliases import alias_table
from briefing.enrich.gazetteer import is_place, is_territory
from briefing.enrich.nlp import is_common_word
from briefing.lexicon import lexicon, words
from briefing.record import ENTITY_TYPES, Entity
from briefing.text import normalize

PERSON, ORGANIZATION, PLACE = ENTITY_TYPES
LABELS = {
    "PER": PERSON, "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "LOC": PLACE, "GPE": PLACE, "FAC": PLACE,
}
EVENT_LABELS = {"MISC", "EVENT"}  # only kept when they name a place ("guerre de Gaza")
NAME_PARTICLES = {"al", "el", "de", "du", "da", "di", "van", "von", "der", "bin", "ben", "ibn", "abu", "d", "le", "la"}
PORTFOLIO_LINKS = {"de", "du", "des", "d'", "of"}
EDGE_PUNCTUATION = " \t\n,;:.!?«»\"“”'’()[]{}-–—/"
# What a curly apostrophe or a footnote leaves at a name's end: "Monsanto n" (n’est), "Clerc(1".
ELIDED_END = re.compile(r"(?:\s+(?:n|l|d|j|m|s|c|t|qu|jusqu|lorsqu|puisqu)|\(\d*|\s+\d+)$")
ALL_CAPS_WORDS = 3  # "LIRE AUSSI SUR REGARDS.FR": a menu line, not a name


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named, after cleaning."""

    text: str
    type: str
    start: int  # character offsets in the document
    end: int


def find_mentions(doc: Doc, lang: str) -> list[Mention]:
    """Cleaned, typed mentions of persons, organisations and places, in text order."""
    mentions = []
    text_of_doc = doc.text  # Doc.text joins every token: once per document, not per entity
    written_inside = _words_inside_sentences(doc, text_of_doc)
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        start, text = ent.start_char, ent.text
        person = _person_after_title(ent, lang)
        if person is not None:
            kind, start, text = PERSON, person.start_char, person.text
        elif kind is None:
            if ent.label_ not in EVENT_LABELS:
                continue
            place = _place_in_event(text, lang)
            if place is None:
                continue
            kind, start, text = PLACE, start + text.rfind(place), place
        elif _is_common_word(ent, text_of_doc, written_inside) or _is_portfolio(text_of_doc[:start], lang):
            continue
        else:
            text = _without_clause(ent)
        mention = _cleaned(text, start, kind, lang)
        if mention is not None:
            mentions.append(_with_honorific(mention, text_of_doc, lang))
    return mentions


def _with_honorific(mention: Mention, text: str, lang: str) -> Mention:
    """A name as written: 'M. Soudani' (a person's honorific), 'groupe Bolloré' (an
    organisation's kind), not 'Soudani' and 'Bolloré'."""
    key = {PERSON: "entity_honorifics", ORGANIZATION: "organization_prefixes"}.get(mention.type)
    for word in _longest_first(lang, key) if key else ():
        start = mention.start - len(word) - 1
        if start >= 0 and text.startswith(word + " ", start) and (start == 0 or not text[start - 1].isalnum()):
            return Mention(text[start:mention.end], mention.type, start, mention.end)
    return mention


@cache
def _longest_first(lang: str, key: str) -> tuple[str, ...]:
    return tuple(sorted(lexicon(lang).get(key, ()), key=len, reverse=True))


def _person_after_title(ent, lang: str):
    """'Premier ministre Mohammad Chia al-Soudani', 'ministre de la Santé Roman Prymula': the
    model took the function with the name; the name is the capitalised run at the end."""
    lowered = normalize(ent.text)
    if not any(lowered.startswith(title + " ") for title in words("entity_titles", lang)):
        return None
    doc, first = ent.doc, ent.end
    while first > ent.start:
        token = doc[first - 1]
        capitalised = any(ch.isupper() for ch in token.text) and token.is_alpha
        if not (capitalised or token.text in "-‐" or token.lower_ in NAME_PARTICLES):
            break
        first -= 1
    while first < ent.end and not any(ch.isupper() for ch in doc[first].text):
        first += 1  # the run starts with a capital, not with "de la" or "al-"
    while sum(t.is_title for t in doc[first:ent.end]) > 2 and doc[first - 1].pos_ in ("DET", "ADP"):
        first += 1  # "de la Santé Roman Prymula": Santé is the portfolio
    names = sum(t.is_alpha and any(ch.isupper() for ch in t.text) for t in doc[first:ent.end])
    return doc[first:ent.end] if names >= 2 and first > ent.start else None


def _without_clause(ent) -> str:
    """A name holds no conjugated verb: 'Commission diverge de la position du' -> 'Commission'."""
    end = ent.end
    for token in ent[1:]:
        if token.pos_ in ("VERB", "AUX") and token.is_lower:
            end = token.i
            break
    while end - 1 > ent.start and ent.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PRON", "PUNCT"):
        end -= 1
    return ent.doc[ent.start:end].text


def _is_common_word(ent, text: str, written_inside: frozenset[str]) -> bool:
    """One word that is no name: a plural ("Tchèques", "Céréales") or a capitalised common
    word opening a sentence ("Membre de la coalition") that the article never writes
    mid-sentence (`written_inside`: the words it does write there)."""
    if len(ent) != 1 or "-" in ent.text or ent.text in alias_table(ent.doc.lang_):
        return False
    token = ent[0]
    if "Plur" in token.morph.get("Number") and token.pos_ != "PROPN":
        return True
    if token.pos_ == "PROPN" or not _opens_sentence(text, token.idx):
        return False
    return token.text not in written_inside


def _words_inside_sentences(doc: Doc, text: str) -> frozenset[str]:
    return frozenset(t.text for t in doc if not _opens_sentence(text, t.idx))


def _opens_sentence(text: str, at: int) -> bool:
    """Nothing but spaces between the start of the text, a line break or a sentence end and `at`."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in "\n.!?…:"


def _is_portfolio(before: str, lang: str) -> bool:
    """'Santé' in 'ministre de la Santé' names a minister's portfolio, not an organisation
    ('directeur de la Banque d'Indochine' does name one)."""
    joined = " ".join(normalize(before[-40:]).split())
    return any(re.search(rf"(^|\s){re.escape(title)} (de la|de l'|du|des|de|of the|of|for)$", joined)
               for title in words("portfolio_titles", lang))


def _place_in_event(text: str, lang: str) -> str | None:
    pattern = lexicon(lang).get("place_events")
    match = re.match(pattern, text, re.I) if pattern else None
    return match.group(1) if match and match.group(1)[:1].isupper() else None


def _cleaned(text: str, start: int, kind: str, lang: str) -> Mention | None:
    """Strip determiners and titles from the front, punctuation from the edges; None when
    what is left is not a name."""
    if text in alias_table(lang):
        return Mention(text, kind, start, start + len(text))
    stripped, after_title, portfolio = text, False, False
    while True:
        lead = _leading_word(stripped, lang)
        if not lead:
            break
        if after_title and normalize(lead) in PORTFOLIO_LINKS and portfolio:
            return None  # "ministre de la Santé": a function, not an organisation
        if normalize(lead) in words("entity_titles", lang):
            after_title, portfolio = True, normalize(lead) in words("portfolio_titles", lang)
        stripped = stripped[len(lead):]
    trimmed = re.split(r"['’]s\b", stripped)[0].strip(EDGE_PUNCTUATION)  # "Walker's district"
    trimmed = ELIDED_END.sub("", trimmed).strip(EDGE_PUNCTUATION)  # "Monsanto n[’est]", "Denis Clerc(1"
    if not _is_name(trimmed, kind, after_title):
        return None
    offset = start + text.find(trimmed)
    return Mention(trimmed, kind, offset, offset + len(trimmed))


def _leading_word(text: str, lang: str) -> str:
    """The determiner or title at the start of a name, with its space, or ''."""
    lowered = text.lower().replace("’", "'")
    for phrase in sorted(words("entity_titles", lang) | words("entity_determiners", lang), key=len, reverse=True):
        if lowered.startswith(phrase) and (phrase.endswith("'") or lowered[len(phrase):len(phrase) + 1] in (" ", "")):
            return text[:len(phrase) + (0 if phrase.endswith("'") else 1)]
    return ""


def _is_name(text: str, kind: str, after_title: bool = False) -> bool:
    """A name has a capital, more than one letter, is no menu word and no title alone; only an
    organisation may start in lower case, with a word that heads institutions ("ministère
    irakien des Affaires étrangères"), and not what is left of a function ("[ministre] irakien")."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2 or not any(ch.isupper() for ch in text):
        return False
    if not text[:1].isupper():
        first = normalize(text.split()[0])
        if after_title or kind != ORGANIZATION or first not in words("organization_heads"):
            return False  # "irakien", "pro-iraniens"
    key = normalize(text)
    if {key} & (words("chrome_lines") | words("entity_titles") | words("entity_honorifics")):
        return False
    parts = text.split()
    if len(parts) >= ALL_CAPS_WORDS and all(p.isupper() for p in parts):
        return False
    if kind != ORGANIZATION and any(ch.isdigit() for ch in text):
        return False  # "March 16", "February 17": a date
    if kind == PERSON and any(p[:1].islower() and re.split(r"[-‐'’]", p.lower())[0] not in NAME_PARTICLES for p in parts):
        return False  # "Maybe worth": a person's name has no common word
    return True


def group_entities(mentions: list[Mention], text: str, lang: str) -> tuple[Entity, ...]:
    """One Entity per referent: names merged, canonical = fullest, mentions counted."""
    if not mentions:
        return ()
    table = alias_table(lang)
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    def union(alias: str, main: str) -> None:
        a, b = find(alias), find(main)
        if a != b:
            parent[a] = b

    names = list(dict.fromkeys(m.text for m in mentions))
    for name in names:
        parent.setdefault(name, name)
        if name in table:
            canonical = table[name][0]
            parent.setdefault(canonical, canonical)
            union(name, canonical)
    for first, second in _parenthesised_pairs(mentions, text):
        union(second, first)
    _merge_short_person_names(mentions, union, find)

    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(find(mention.text), []).append(mention)
    entities = []
    known_names = set(table) | {canonical for canonical, _kind in table.values()}
    for root, members in groups.items():
        forms = list(dict.fromkeys(m.text for m in members))
        known = next((table[f] for f in forms if f in table), None)
        canonical = known[0] if known else max(
            forms, key=lambda f: (not _has_honorific(f), len(f), -forms.index(f)))
        votes = Counter(m.type for m in members)
        canonical_type = next(m.type for m in members if m.text == canonical) if not known else known[1]
        kind = known[1] if known else max(votes, key=lambda t: (votes[t], t == canonical_type))
        aliases = tuple(sorted({f for f in forms if f != canonical}, key=lambda f: forms.index(f)))
        entities.append((members[0].start, Entity(canonical, kind, len(members), aliases)))
    entities = [(start, _typed(entity, lang)) for start, entity in entities if _credible(entity, known_names, lang)]
    entities.sort(key=lambda pair: (-pair[1].mentions, pair[0]))
    return tuple(entity for _start, entity in entities)


def _typed(entity: Entity, lang: str) -> Entity:
    """A country or region the gazetteer knows is a place whatever the model said, a city when
    the model took it for a person; a place's name of several words may still name an
    organisation ("Paris Saint-Germain")."""
    names = (entity.name, *entity.aliases)
    if entity.type == PLACE or (entity.type == ORGANIZATION and len(entity.name.split()) > 1):
        return entity
    if any(is_territory(n) for n in names) or (entity.type == PERSON and any(is_place(n) for n in names)):
        return Entity(entity.name, PLACE, entity.mentions, entity.aliases)
    return entity  # a city's name typed an organisation may be one ("Independence", a club)


def _credible(entity: Entity, known: set[str], lang: str) -> bool:
    """A name a reader can trust: not a common word of the language ("État", "Ville",
    "Danger"; in English only when named once, "Trump" and "Apple" are words too), not a
    capitalised fragment ("FR", "LUTTE"), unless the alias table or the gazetteer knows it.
    English capitalises institutions ("the Senate"): there an organisation is trusted."""
    names = (entity.name, *entity.aliases)
    if any(n in known or is_place(n) for n in names) or len(entity.name.split()) > 1:
        return True
    word = entity.name
    if word.isupper() and entity.type != ORGANIZATION:
        return False
    if word.isupper():
        return True  # an acronym: "CNRS", "UCU"
    if not is_common_word(word, lang):
        return True
    return lang != "fr" and (entity.mentions > 1 or entity.type == ORGANIZATION)  # "Senate", "Congress"


def _parenthesised_pairs(mentions: list[Mention], text: str):
    """(name, alias) for 'Name (Alias)' in the text."""
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end:second.start]
        if (between.strip() == "(" and text[second.end:second.end + 1] == ")"
                and first.type == second.type != PLACE):  # "Domdidier (FR)" is a canton, not a name
            yield first.text, second.text


def _name_parts(name: str) -> set[str]:
    """The words of a person's name that identify them (no particles, no honorifics)."""
    parts = {p for p in re.split(r"[\s\-‐]+", name.lower()) if p}
    return parts - NAME_PARTICLES - words("entity_honorifics")


def _has_honorific(name: str) -> bool:
    """'M. Soudani', 'groupe Bolloré': a name with a word in front that is not the name."""
    first = normalize(name.split()[0]) if name.split() else ""
    return first in words("entity_honorifics") | words("organization_prefixes")


def _merge_short_person_names(mentions: list[Mention], union, find) -> None:
    """'Soudani' (from 'M. Soudani') is 'Mohammad Chia al-Soudani' when only one person in
    the article has that name part (whatever type the model gave the short form)."""
    persons = sorted({m.text for m in mentions if m.type == PERSON}, key=len)
    for short in sorted({m.text for m in mentions}, key=len):
        parts = _name_parts(short)
        if short not in persons and len(parts) != 1:
            continue
        longer = [p for p in persons if len(p) > len(short) and parts and parts < _name_parts(p)]
        if len({find(p) for p in longer}) == 1:
            union(short, longer[-1])


def entities_of(doc: Doc, lang: str) -> tuple[Entity, ...]:
    return group_entities(find_mentions(doc, lang), doc.text, lang)
