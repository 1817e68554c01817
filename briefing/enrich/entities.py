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
from functools import cache, lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from briefing.aliases import alias_table
from briefing.enrich.gazetteer import is_capital, is_family_name, is_given_name, is_place, is_territory, postal_codes
from briefing.enrich.nlp import headwords, is_common_word, stop_words
from briefing.lexicon import lexicon, prefix_pattern, words
from briefing.person_names import joined_names
from briefing.record import ENTITY_TYPES, Entity
from briefing.text import fold, normalize

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
# What a curly apostrophe, a footnote or a bracket the model cut leaves at a name's end: "Monsanto
# n" (n’est), "Clerc(1", "Croatia (Group E" (a bracket opened and not closed, and what follows it).
# And "& co" (and the others, "We support Anders Tegnell & co"): a company writes its "Co" capitalised.
ELIDED_END = re.compile(r"(?:\s+(?:n|l|d|j|m|s|c|t|qu|jusqu|lorsqu|puisqu)|\([^()]*|\s+\d+|\s+&(?:amp;)?\s+co)$")
# A name ends with a name word, never with the link to the next one: "Agence des participations
# de[ l’État]", "Bank of[ America]" cut by the model.
DANGLING_END = re.compile(r"(?:\s+(?:de|des|du|de la|d|of|the|and|et|for|à|au|aux|pour|sur))+$")
# Lower-case words closing an English place's name are no part of it: "Illinois[ city]".
LOWER_END = re.compile(r"(?:\s+[a-z]+)+$")  # plain words: "Deir al-Balah" keeps its particle
PHRASE_BREAK = re.compile(r"\s?[:|]\s|\s[–—]\s")  # a name holds no colon, bar or spaced dash: two phrases meet there
FORMER = re.compile(r"^ex-(?=[A-ZÀ-ÖØ-Þ])", re.I)  # "ex-Yougoslavie": French writes a former state, union so
PASSING_TEXT = 1000  # characters: in a shorter text no mention is in passing
ALL_CAPS_WORDS = 3  # "LIRE AUSSI SUR REGARDS.FR": a menu line, not a name
PERSON_VOTES = 3, 0.4  # the model calling a name a person this often (and this share) is not chance
# A capital closing a word: "AgricultureL'Office", "DembéléP", "FilhoA. Lopes" (a name, then an initial)
GLUED = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ](?=['’\s.]|$)")
CAMEL = re.compile(r"\b([A-ZÀ-Þ][a-zß-ÿ]{2,})([A-ZÀ-Þ][a-zß-ÿ]{2,})\b")  # "NoemKristi", "SoftBank"


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named, after cleaning."""

    text: str
    type: str
    start: int  # character offsets in the document
    end: int


def find_mentions(doc: Doc, lang: str, text: str | None = None) -> list[Mention]:
    """Cleaned, typed mentions of persons, organisations and places, in text order; `text`,
    the document's text if the caller has it (the string the pipeline read)."""
    mentions = []
    text_of_doc = doc.text if text is None else text  # Doc.text joins every token: once per document, not per entity
    written_inside = _words_inside_sentences(doc, text_of_doc)
    starts = frozenset(ent.start_char for ent in doc.ents)
    reach = 0  # where the last name extended over the model's spans ends ("Agence des participations de l’Etat")
    for ent in doc.ents:
        if ent.start_char < reach:
            continue
        kind = LABELS.get(ent.label_)
        start, text = ent.start_char, ent.text
        if kind == PERSON and _after_model_number(ent):
            continue  # "737 Max jets": a product's model, not a person
        person = _person_after_title(ent, lang)
        if person is not None:
            kind, start, text = PERSON, person.start_char, person.text
        elif kind is None:
            if ent.label_ not in EVENT_LABELS:
                continue
            place = _place_in_event(text, lang) or _region(text, lang)
            if place is None:
                continue
            kind, start, text = PLACE, start + text.rfind(place), place
        elif _is_common_word(ent, text_of_doc, written_inside) or _is_portfolio(text_of_doc[:start], lang):
            continue
        else:
            span = _with_complements(ent, kind, lang)
            reach = span.end_char if span.end > ent.end else reach
            text = _without_clause(span)
        for piece, at, piece_kind in _place_then_person(_linked(_coordinated(text, start, kind), lang), kind, lang):
            mention = _cleaned(piece, at, piece_kind, lang, _article_of_name(piece, at, text_of_doc, lang))
            if mention is not None and not _names_event(mention, text_of_doc) and not _designation(mention, text_of_doc) \
                    and not _button(mention, text_of_doc, lang):
                mention = _with_institution_word(_with_seat_institution(mention, text_of_doc, lang), text_of_doc, starts)
                mention = _without_label(_with_state_name(mention, text_of_doc), lang)
                mentions.append(_with_honorific(mention, text_of_doc, lang))
    mentions += _after_nationality(doc, mentions)
    named = {m.text: m.type for m in mentions}
    mentions = [piece for mention in mentions for piece in _pair(mention, named, text_of_doc, lang)]
    return _joined_regions(sorted(mentions, key=lambda m: m.start), text_of_doc, lang)


PAIR = re.compile(r"([A-ZÀ-ÖØ-Þ][\w.'’]*)-([A-ZÀ-ÖØ-Þ][\w.'’]*)")
LOWER_WORD_BEFORE = re.compile(r"\b([a-zß-ÿ]+) $")


def _pair(mention: Mention, named: dict[str, str], text: str, lang: str) -> list[Mention]:
    """Two names joined by a hyphen that qualify a noun name two referents, when each is a known
    place or is named alone elsewhere in the article: "the U.S.-Mexico border", "the
    Baghdad-Damascus highway", "the Browns-Steelers game", "la frontière Mexique-Guatemala".
    A name the gazetteer knows whole stays one ("Guinée-Bissau"), and so does one used as a
    name ("en Guinée-Conakry"); "Coca-Cola" or "Rose-Lynn" name nothing apart."""
    match = PAIR.fullmatch(mention.text)
    glued_to = text[mention.start - 1] if mention.start else " "
    if match is None or is_place(mention.text) or mention.text in alias_table(lang) or glued_to.isalpha() \
            or glued_to in "’'":
        return [mention]  # "Info’Com-CGT" cut by the model
    if lang == "en":
        if not _qualifies_next_noun(mention, text, lang):
            return [mention]
    elif (noun := LOWER_WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)) is None \
            or noun.group(1) in stop_words(lang):
        return [mention]
    kinds = [alias_table(lang).get(part, (None, None))[1] or named.get(part) or (PLACE if is_place(part) else None)
             for part in match.groups()]
    if None in kinds:
        return [mention]
    return [Mention(part, kind, mention.start + match.start(i + 1), mention.start + match.end(i + 1))
            for i, (part, kind) in enumerate(zip(match.groups(), kinds))]


TOWN_AND_COMMA = re.compile(r"[A-ZÀ-ÖØ-Þ][\w.'’-]*, $")


def _with_state_name(mention: Mention, text: str) -> Mention:
    """A state's or province's postal code after a town and a comma is that state, a place
    ("Houston, TX", "Toronto, ON" in a list of tour dates): the model calls the code an
    organisation, and the reader knows the state by its name."""
    name = postal_codes().get(mention.text)
    if name is None or not TOWN_AND_COMMA.search(text, max(0, mention.start - 40), mention.start) \
            or text[mention.end:mention.end + 1].isalnum():
        return mention
    return Mention(name, PLACE, mention.start, mention.end)


def _after_nationality(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Persons the model did not propose, named right after their nationality: "American Kevin
    King and Australian Timothy Weeks" (the model: "Australian", a nationality, and "Weeks", a
    date): two or three capitalised words opening with a given name that is no place ("British
    Columbia", "American Express" open with none), in no name found already."""
    found = []
    taken = [(m.start, m.end) for m in mentions]
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        end = ent.end
        while end < len(doc) and end - ent.end < 3 and doc[end].is_alpha and doc[end].is_title:
            end += 1
        span = doc[ent.end:end]
        if len(span) < 2 or not is_given_name(span[0].text) or is_place(span[0].text):
            continue
        start, stop = span.start_char, span.end_char
        if not any(a < stop and start < b for a, b in taken):
            found.append(Mention(span.text, PERSON, start, stop))
    return found


REGION_LINK = re.compile(r" (?:de l['’]|de la |du |des |de |of the |of )")


def _joined_regions(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """'Nord de l'Afrique', not 'Nord' then 'Afrique': a capitalised point of the compass and the
    place it is a part of name one region."""
    compass = words("compass_words", lang)
    joined: list[Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (last is not None and mention.type == PLACE and normalize(last.text) in compass
                and REGION_LINK.fullmatch(text, last.end, mention.start)):
            joined[-1] = Mention(text[last.start:mention.end], PLACE, last.start, mention.end)
        else:
            joined.append(mention)
    return joined


def _with_seat_institution(mention: Mention, text: str, lang: str) -> Mention:
    """'cour d'appel de Rennes', 'tribunal de grande instance de Nanterre', 'parquet de Brest':
    a place named as the seat of an institution written in lower case right before it is part
    of the institution's name (an organisation), not a place the story is in."""
    heads = words("seat_institutions", lang)
    if mention.type != PLACE or not heads:
        return mention
    before = text[max(0, mention.start - 60):mention.start]
    found = re.search(r"(?:^|[\s'’])(%s)((?: [a-zà-öø-ÿ'’-]+?){0,4} (?:de |d['’]|du |des ))$" % "|".join(
        re.escape(h) for h in sorted(heads, key=len, reverse=True)), before)
    if found is None:
        return mention
    start = mention.start - len(before) + found.start(1)
    return Mention(text[start:mention.end], ORGANIZATION, start, mention.end)


DESIGNATION = re.compile(r"[A-Za-z]{2,5}-(?:\d{1,3}|[A-Z])")
DESIGNATION_END = re.compile(r"-(?:\d{1,3}|[A-Z])(?![\w’'-])")


def _designation(mention: Mention, text: str) -> bool:
    """A standard's, a model's or a virus's designation, letters and a code joined by a hyphen,
    is no referent, whole or cut by the model before its code: "USB-C", "Covid-19", "IL-25",
    "USB" of "USB-C"."""
    return DESIGNATION.fullmatch(mention.text) is not None or (
        mention.text.isupper() and DESIGNATION_END.match(text, mention.end) is not None)


ANY_NEXT_WORD = re.compile(r" (\w+)(?![\w'’-])")


def _names_event(mention: Mention, text: str) -> bool:
    """'Critics Choice award', 'Nobel prize': a name an event's word follows, in any case, names
    the event (none of our three types); a place's stays ("the Paris summit" is in Paris)."""
    match = ANY_NEXT_WORD.match(text, mention.end)
    return match is not None and _bare(match.group(1)) in words("event_words") and not is_place(mention.text)


NEXT_WORD = re.compile(r" ([A-ZÀ-ÖØ-Þ]\w*)(?![\w'’-])")


def _with_institution_word(mention: Mention, text: str, starts: frozenset[int]) -> Mention:
    """'Miami-Dade Police', not 'Miami-Dade' then 'Police said': capitalised words that make an
    institution, written right after a name and in no name of the model's own, end that name
    (an organisation's); unless an event's word follows them ("Dubai Air Show")."""
    if mention.type == PERSON:
        return mention
    end = mention.end
    while (match := NEXT_WORD.match(text, end)) and match.start(1) not in starts \
            and _bare(match.group(1)) in words("organization_words"):
        end = match.end()
    after = NEXT_WORD.match(text, end)
    if end == mention.end or after and _bare(after.group(1)) in words("event_words"):
        return mention
    return Mention(text[mention.start:end], ORGANIZATION, mention.start, end)


def _after_model_number(ent) -> bool:
    """A name written right after a number of digits that is no year ("737 Max", "A 320 Neo")
    names a product's model: a count or a date is followed by a noun, not by a person."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    digits = before.text
    return digits.isascii() and digits.isdigit() and before.whitespace_ == " " and not 1800 <= int(digits) <= 2100


# "Assemblée et le Sénat", "the House and the Senate": two names the model read as one (a
# determiner after the conjunction opens a second noun group; "Pacific Gas and Electric" has none).
COORDINATED = re.compile(r"\s+(?:et|and|&)\s+(?:les?|la|l['’]|the)\s*(?=[A-ZÀ-ÖØ-Þ])")
LISTED = re.compile(r",\s+(?=[A-ZÀ-ÖØ-Þ])")


def _coordinated(text: str, start: int, kind: str) -> list[tuple[str, int]]:
    """(name, offset) of each name of a span that coordinates two, or lists them with commas."""
    match = COORDINATED.search(text)
    if match is None:
        return _listed(text, start, kind)
    return [(text[:match.start()], start), (text[match.end():], start + match.end())]


# "Thibaut Courtois to Real Madrid", "SLS at Michoud Assembly Facility", "American Music Awards
# after Swift": an English preposition in small letters between two names ends the first.
LINKED = re.compile(r"\s+(?:to|at|after|before|from|with|against|versus|vs\.?)\s+(?=[A-Z])")


def _linked(pieces: list[tuple[str, int]], lang: str) -> list[tuple[str, int]]:
    """(name, offset) of each name of the pieces, split where an English preposition links two
    names the model read as one; a name that links its own words in small letters is one
    institution's ("National Society for the Prevention of Cruelty to Children")."""
    if lang != "en":
        return pieces
    found = []
    for piece, at in pieces:
        cut = 0
        for match in LINKED.finditer(piece):
            if re.search(r"\s[a-z]", piece[cut:match.start()]):
                break
            found.append((piece[cut:match.start()], at + cut))
            cut = match.end()
        found.append((piece[cut:], at + cut))
    return found


def _listed(text: str, start: int, kind: str) -> list[tuple[str, int]]:
    """(name, offset) of each name of a span the model took across the commas of a list
    ("Bleacher Report, Uber Eats", "Fargo, Legion", "CBS All Access, Disney"). A comma inside
    one name stays: before a suffix of three letters or fewer ("CollectiveBias, Inc", "King,
    Jr."), a company's word ("Corporation") or an organisation's seat ("University of
    California, Berkeley"), and in a name whose words a lower-case one or a sign joins
    ("Ministry of Trade, Industry and Energy", "Boeing Defense, Space & Security")."""
    pieces, at = [], 0
    for match in LISTED.finditer(text):
        rest = text[match.end():]
        words_after = rest.split()
        if (any(w[:1].islower() or not any(ch.isalpha() for ch in w) for w in words_after)
                or len(words_after) == 1 and len(_bare(rest)) <= 3
                or any(_bare(w).lower() in words("organization_words") for w in words_after)
                or (kind != PLACE and is_place(rest))):
            return [(text, start)]
        pieces.append((text[at:match.start()], start + at))
        at = match.end()
    return [*pieces, (text[at:], start + at)]


def _place_then_person(pieces: list[tuple[str, int]], kind: str, lang: str) -> list[tuple[str, int, str]]:
    """(name, offset, type) of each piece, a country or region the model glued to the person
    named after it split off: "special envoy to Ukraine Kurt Volker" -> Ukraine (place), Kurt
    Volker (person)."""
    found = []
    for piece, at in pieces:
        parts = piece.split()
        split = next((n for n in range(min(3, len(parts) - 2), 0, -1)
                      if is_territory(" ".join(parts[:n])) and _opens_with_given_name(parts[n:], lang)), 0)
        if split:
            person = piece.index(parts[split], len(" ".join(parts[:split])))
            found += [(piece[:person].rstrip(), at, PLACE), (piece[person:], at + person, PERSON)]
        else:
            found.append((piece, at, kind))
    return found


def _with_honorific(mention: Mention, text: str, lang: str) -> Mention:
    """A name as written: 'M. Soudani' (a person's honorific), 'groupe Bolloré' (an
    organisation's kind), not 'Soudani' and 'Bolloré'."""
    key = {PERSON: "entity_honorifics", ORGANIZATION: "organization_prefixes"}.get(mention.type)
    for word in _longest_first(lang, key) if key else ():
        start = mention.start - len(word) - 1
        if start >= 0 and text.startswith(word + " ", start) and (start == 0 or not text[start - 1].isalnum()):
            return Mention(text[start:mention.end], mention.type, start, mention.end)
    return mention


def _without_label(mention: Mention, lang: str) -> Mention:
    """A common word before a given name and a family name is a title or a label the model took
    in, no part of the name: "Superintendent Jennifer McCormick", "Coach Bill Belichick", "Email
    Tariq Malik" (a link's word); "Bong Joon Ho" keeps its family name. English only: French
    writes such titles in small letters, and a capitalised common word there opens no one's
    name ("Blog Mille Babords", see _credible)."""
    first, _, rest = mention.text.partition(" ")
    if lang != "en" or mention.type != PERSON or len(rest.split()) < 2 or not is_given_name(rest.split()[0]) \
            or not is_common_word(first, lang) or is_given_name(first) or is_family_name(first) \
            or _has_honorific(mention.text):
        return mention
    return Mention(rest, PERSON, mention.end - len(rest), mention.end)


@cache
def _longest_first(lang: str, key: str) -> tuple[str, ...]:
    return tuple(sorted(lexicon(lang).get(key, ()), key=len, reverse=True))


def _person_after_title(ent, lang: str):
    """'Premier ministre Mohammad Chia al-Soudani', 'ministre de la Santé Roman Prymula': the
    model took the function with the name; the name is the capitalised run at the end."""
    lowered = normalize(ent.text)
    titles = words("entity_titles", lang)  # a title and a space open it: the text before one of its spaces is a title
    if not any(lowered[:at] in titles for at, ch in enumerate(lowered) if ch == " "):
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


COMPLEMENT_LINKS = {"de", "d'", "d’", "du", "des", "pour"}
COMPLEMENT_ARTICLES = {"la", "l'", "l’", "le", "les"}


def _with_complements(ent, kind: str, lang: str):
    """A French institution's name with the complements the model cut off: "Haut Conseil de
    l’[évaluation de la recherche et de l’enseignement supérieur]", "Office fédéral de la sécurité
    alimentaire[ et des affaires vétérinaires]", "Agence des participations de l’[Etat]", "Haute
    Autorité[ pour la transparence de la vie publique]": after the name, a link ("de", "du", "pour",
    "et des"...), an article, a common noun (in lower case, or a word of the language: "État") and
    its adjectives, as often as they come. A proper name after the link ("de Bruxelles") is no
    complement."""
    if lang != "fr" or kind != ORGANIZATION or any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in ent[1:]):
        return ent  # "Commission diverge de la position du": a clause, not a name cut short
    doc, end = ent.doc, ent.end
    while end > ent.start + 1 and (doc[end - 1].lower_ in COMPLEMENT_LINKS | COMPLEMENT_ARTICLES):
        end -= 1  # "Haut Conseil de l’": the link the model kept is read again below
    while True:
        at = end
        if at + 1 < len(doc) and doc[at].lower_ == "et" and doc[at + 1].lower_ in COMPLEMENT_LINKS:
            at += 1
        if at >= len(doc) or doc[at].lower_ not in COMPLEMENT_LINKS:
            break
        at += 1
        if at < len(doc) and doc[at].lower_ in COMPLEMENT_ARTICLES:
            at += 1
        if at >= len(doc) or not _complement_noun(doc[at]):
            break
        at += 1
        while at < len(doc) and doc[at].pos_ == "ADJ" and doc[at].is_lower:
            at += 1
        end = at
    return doc[ent.start:end] if end > ent.end else ent


def _complement_noun(token) -> bool:
    """A common noun; capitalised, a word of the language that opens no name of several words of
    the model's own ("de l’Etat"; not "CGT des Rapides de la Meuse")."""
    if token.is_lower:
        return token.pos_ == "NOUN"
    opens_name = token.ent_iob_ == "B" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I"
    return (token.is_title and token.pos_ in ("NOUN", "PROPN") and not opens_name
            and _is_common_word_in(token.text, "fr"))


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
    """The tokens' texts, read from the text at their offsets (no Token made per word)."""
    if not len(doc):
        return frozenset()
    return frozenset(text[at:at + length] for at, length in doc.to_array([IDX, LENGTH]).tolist()
                     if not _opens_sentence(text, at))


def _opens_sentence(text: str, at: int) -> bool:
    """Nothing but spaces between the start of the text, a line break or a sentence end and `at`."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] in "\n.!?…:"


def _is_portfolio(before: str, lang: str) -> bool:
    """'Santé' in 'ministre de la Santé' names a minister's portfolio, not an organisation
    ('directeur de la Banque d'Indochine' does name one)."""
    joined = " ".join(normalize(before[-40:]).split())
    return any(pattern.search(joined) for pattern in _portfolio_patterns(lang))


@cache
def _portfolio_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per portfolio title, compiled once (the set's order: any one matching counts)."""
    return tuple(re.compile(rf"(^|\s){re.escape(title)} (de la|de l'|du|des|de|of the|of|for)$")
                 for title in words("portfolio_titles", lang))


def _region(text: str, lang: str) -> str | None:
    """A region of the world the model called MISC ("Moyen Orient"), the name as written
    without its determiner: CLDR's territories or the regions news names that it lacks."""
    name = text
    while (lead := _leading_word(name, lang)) and normalize(lead) in words("entity_determiners", lang):
        name = name[len(lead):]
    key = normalize(name).replace("-", " ")
    return name if is_territory(name) or key in {r.replace("-", " ") for r in words("world_regions")} else None


def _place_in_event(text: str, lang: str) -> str | None:
    pattern = lexicon(lang).get("place_events")
    match = re.match(pattern, text, re.I) if pattern else None
    return match.group(1) if match and match.group(1)[:1].isupper() else None


def _cleaned(text: str, start: int, kind: str, lang: str, keep_article: bool = False) -> Mention | None:
    """Strip determiners and titles from the front, punctuation from the edges; None when
    what is left is not a name. `keep_article`: the article that opens the text is the name's."""
    if text in alias_table(lang):
        return Mention(text, kind, start, start + len(text))
    stripped, after_title, portfolio = text, False, False
    while not keep_article:
        lead = _leading_word(stripped, lang)
        if not lead:
            break
        if after_title and normalize(lead) in PORTFOLIO_LINKS and portfolio:
            return None  # "ministre de la Santé": a function, not an organisation
        if normalize(lead) in words("entity_titles", lang):
            after_title, portfolio = True, normalize(lead) in words("portfolio_titles", lang)
        stripped = stripped[len(lead):]
    trimmed = re.split(r"['’]s\b", stripped)[0].strip(EDGE_PUNCTUATION)  # "Walker's district"
    trimmed = FORMER.sub("", trimmed)  # "l'ex-Union européenne", "l'ex-URSS": the name of what it was
    trimmed = PHRASE_BREAK.split(trimmed)[0].strip(EDGE_PUNCTUATION)  # "Apple Arcade[: So]", "France 2[ – Grève]"
    trimmed = ELIDED_END.sub("", trimmed).strip(EDGE_PUNCTUATION)  # "Monsanto n[’est]", "Denis Clerc(1"
    trimmed = DANGLING_END.sub("", trimmed).strip(EDGE_PUNCTUATION)  # "Agence des participations de[ l’État]"
    if kind == PLACE and lang == "en":
        trimmed = LOWER_END.sub("", trimmed)  # "Illinois[ city]": English writes a place's name capitalised
    if not _is_name(trimmed, kind, after_title):
        return None
    offset = start + text.find(trimmed)
    return Mention(trimmed, kind, offset, offset + len(trimmed))


NAME_ARTICLE = re.compile(r"(?:Le|La|Les) (?=[A-ZÀ-ÖØ-Þ])|L['’](?=[A-ZÀ-ÖØ-Þ])")


def _article_of_name(name: str, at: int, text: str, lang: str) -> bool:
    """In French an article is written with a capital inside a sentence only where it is part of
    the name: "Hamel décale Le Goff", "selon Le Figaro", "chez L’Oréal" (opening a sentence, or a
    quotation, its capital says nothing); not before a word of the language, where the capital
    is more often a slip ("le démantèlement de L’État social")."""
    article = NAME_ARTICLE.match(name) if lang == "fr" else None
    if article is None or _is_common_word_in(_bare(name[article.end():].split()[0]), lang):
        return False
    before = text[:at].rstrip(" \t")
    return not _opens_sentence(text, at) and not before.endswith(("«", "“", '"', "(", "-", "–", "—"))


def _leading_word(text: str, lang: str) -> str:
    """The determiner or title at the start of a name, with its space, or ''."""
    lowered = text.lower().replace("’", "'")
    for phrase in _leading_phrases(lang):
        if lowered.startswith(phrase) and (phrase.endswith("'") or lowered[len(phrase):len(phrase) + 1] in (" ", "")):
            return text[:len(phrase) + (0 if phrase.endswith("'") else 1)]
    return ""


@cache
def _leading_phrases(lang: str) -> tuple[str, ...]:
    """Titles and determiners, longest first (sorted once: `words` gives the same set each time)."""
    return tuple(sorted(words("entity_titles", lang) | words("entity_determiners", lang), key=len, reverse=True))


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
    if {key} & (words("entity_titles") | words("entity_honorifics")):
        return False
    parts = text.split()
    if len(parts) >= ALL_CAPS_WORDS and all(p.isupper() for p in parts):
        return False
    if kind != ORGANIZATION and any(ch.isdigit() for ch in text):
        return False  # "March 16", "February 17": a date
    if kind == PERSON and any(p[:1].islower() and re.split(r"[-‐'’]", p.lower())[0] not in NAME_PARTICLES for p in parts):
        return False  # "Maybe worth": a person's name has no common word
    return True


def group_entities(mentions: list[Mention], text: str, lang: str, lead_end: int | None = None,
                   title_end: int | None = None) -> tuple[Entity, ...]:
    """One Entity per referent: names merged, canonical = fullest, mentions counted.
    `lead_end`, where the headline and the lead end in `text`: a name met once after it, in
    passing, is weighed as such (`_credible`); without it no name is. `title_end`, where the
    headline ends: a name only a title-cased headline writes is weighed as such (`_headline_only`)."""
    mentions = [_with_given_name(m, text, lang) for m in mentions]
    mentions = [*mentions, *_cued_names(mentions, text, lang)]
    mentions = [*mentions, *_quoted_speakers(mentions, text, lang)]
    mentions = sorted([*mentions, *_missed_places(mentions, text, lang)], key=lambda m: m.start)
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
    _merge_one_person_names(mentions, union)
    in_headline_only: frozenset[str] = frozenset()
    if title_end and _title_cased(text[:title_end], text[title_end:], lang):  # read once, not once a name
        in_headline_only = frozenset({m.text for m in mentions if m.end <= title_end}
                                     - {m.text for m in mentions if m.end > title_end})
    _merge_short_person_names(mentions, union, find, in_headline_only)
    _merge_prefixed_names(names, union)
    _merge_institution_heads(mentions, union)
    _merge_capitalised_names(names, union)

    titles = _quoted_titles(text, lang)
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(find(mention.text), []).append(mention)
    entities = []
    evidenced: set[str] = set()
    located: set[str] = set()
    passing: set[str] = set()
    surnamed: set[str] = set()  # persons by their surname alone: no city for _typed ("Anderson")
    surnames = {parts[-1] for parts in (_without_honorific(m.text).split() for m in mentions if m.type == PERSON)
                if len(parts) > 1}
    known_names = set(table) | {canonical for canonical, _kind in table.values()}
    listed = _listed_with_people(mentions, text)
    place_listed = _listed_before_place_noun(mentions, text, lang)
    for root, members in groups.items():
        if all(_in_credit(m, text, lang) for m in members):
            continue  # "Par Jacques Munier", "© Denis Meyer", "Photo: Jonathan Nackstrand/AFP"
        forms = list(dict.fromkeys(m.text for m in members))
        known = next((table[f] for f in forms if f in table), None)
        if not known and all(any(a <= m.start and m.end <= b for a, b in titles) for m in members):
            continue  # "“The Marvelous Mrs Maisel”", "« Gender gap report »": a name in a work's title only
        if not known and title_end is not None and _headline_only(forms, members, text, title_end, lang):
            continue
        if not known and _subheads_only(forms, members, text, lang):
            continue
        if not known and _written_small(forms, members, text, lang):
            continue
        if not known and any(_glued_names(f, text) for f in forms):
            continue
        # the fullest name, without the honorific it may be written with: "Dr. Sanjay Gupta" and
        # "Gupta" are Sanjay Gupta, "M. Soudani" alone is Soudani; an organisation's kind in front
        # ("groupe Bolloré") is left out where the article writes the name without it
        bare = {f: _without_honorific(f) for f in forms}
        written = max(forms, key=lambda f: (not _has_honorific(bare[f]), len(bare[f]), not _has_honorific(f),
                                            not f.isupper(), -forms.index(f)))
        canonical = known[0] if known else bare[written]
        votes = Counter(m.type for m in members)
        canonical_type = next(m.type for m in members if m.text == written) if not known else known[1]
        voted = max(votes, key=lambda t: (votes[t], t == PLACE and is_place(canonical), t == canonical_type))
        if canonical_type == PERSON and len(canonical.split()) > 1 and not _has_honorific(canonical):
            voted = PERSON  # "Zashay Tastas" (person), then "Tastas told AFP" (organisation)
        elif votes[PERSON] >= PERSON_VOTES[0] and votes[PERSON] >= PERSON_VOTES[1] * len(members):
            voted = PERSON  # "Trump" 8 times a person, 10 times an organisation: the small model wavers
        kind = known[1] if known else _retyped(canonical, voted, members, text, lang)
        if kind == PLACE and not known and all(_inside_longer_name(m, text, lang, title_end) for m in members):
            continue  # "Real Madrid", "Paris Match", "STX France": the model cut a name that holds a place's
        if kind in (PERSON, PLACE) and not known and canonical in surnames and not is_territory(canonical):
            kind = PERSON  # "Anderson" where Zoe and Chris Anderson are named is one of them, no city
            surnamed.add(canonical)
        elif not known and any(bare[f] != f for f in forms):
            kind = PERSON  # "Mr Anderson": an honorific names a person, whatever place has the name
            surnamed.add(canonical)
        elif not known and not is_territory(canonical) \
                and any(_after_title(m, text, lang) and _could_be_a_name(m.text, lang) for m in members):
            kind = PERSON  # "Queen Elizabeth", "Senator Warren": a title names a person, not the city of the name
            surnamed.add(canonical)
        if kind != PERSON and not known and any(m.start in listed for m in members) and _listed_person(canonical):
            kind = PERSON  # "Justin Beiber, Demi Lovato and Ariana Grande": a given name in a list of people
        elif kind == PERSON and not known and canonical not in surnamed and lang == "en" \
                and _after_the(members, text, lang):
            if _is_common_word_in(canonical, lang) and not canonical.endswith("s"):
                continue  # "the Moon", "the Gateway": a thing the model took for a person
            kind = ORGANIZATION  # "the Browns", "the Doobie Brothers", "the Thunder": a team, a band
        if not known and kind != PLACE and any(m.start in place_listed for m in members):
            kind = PLACE  # "Cass, Kalamazoo and Van Buren counties": the noun says what the list names
            surnamed.discard(canonical)
        if not known and any(_after_cue(m, members, text, lang) for m in members):
            evidenced.add(canonical)
        if any(_after_locative(m, text, lang) for m in members):
            located.add(canonical)
        elif kind == PERSON and votes[PERSON] == len(members) > 1 and is_family_name(canonical) \
                and not is_capital(canonical) and not is_territory(canonical):
            surnamed.add(canonical)  # "Nelson won it", "Nelson tapped": a surname the model reads
            # alike every time, put nowhere, is a person's, whatever town has the name (_typed)
        if lead_end is not None and len(text) > PASSING_TEXT and len(members) == 1 and members[0].start >= lead_end:
            passing.add(canonical)
        aliases = tuple(sorted({f for f in forms if f != canonical}, key=lambda f: forms.index(f)))
        entities.append((members[0].start, Entity(canonical, kind, len(members), aliases)))
    spelled = _spelled_out_acronyms(text)
    entities = [(start, entity if entity.name in surnamed else _typed(entity, lang)) for start, entity in entities
                if (entity.name not in spelled or entity.name in known_names)
                and _credible(entity, known_names, lang, frozenset(evidenced), frozenset(located), frozenset(passing),
                              frozenset(surnames))]
    entities.sort(key=lambda pair: (-pair[1].mentions, pair[0]))
    return tuple(entity for _start, entity in entities)


QUOTED = re.compile(r"[“«\"]\s?([^“”«»\"\n]{1,80}?)\s?[”»\"]")
QUOTED_TITLE_WORDS = 6  # a longer quotation is someone's words, where a name is a referent


def _quoted_titles(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of the short quotations of a few words and no punctuation: the title of a
    film, a show, a report ("Comedy “The Marvelous Mrs Maisel”", "« Gender gap report »"), a
    phrase quoted in another language ("« scramble for Africa »"): a name inside is the work's,
    not the story's; unless a noun that says "organisation" stands before the quotation
    ("l'association « Les voix des Femmes »")."""
    return [(m.start(1), m.end(1)) for m in QUOTED.finditer(text)
            if len(m.group(1).split()) <= QUOTED_TITLE_WORDS and m.group(1)[:1].isalpha()
            and not re.search(r"[.!?,;:]", m.group(1)) and not _cue_at_end(_before(text, m.start()), lang)]


GIVEN_NAME_BEFORE = re.compile(r"(?<![\w.'’-])([A-ZÀ-ÖØ-Þ][a-zß-ÿ]+) $")


def _with_given_name(mention: Mention, text: str, lang: str) -> Mention:
    """A surname the model typed a person without the given name written right before it
    ("Brock Nelson's second goal": the model said "Nelson"), with it: a given name no word of
    the language is (not "Will", "Judge"), nor a place's. Alone, the surname would be joined
    site-wide to another person of that name."""
    if mention.type != PERSON or " " in mention.text:
        return mention
    found = GIVEN_NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if found is None or not is_given_name(given := found.group(1)) or _is_common_word_in(given, lang) \
            or is_place(given):
        return mention
    return Mention(f"{given} {mention.text}", PERSON, found.start(1), mention.end)


LIST_SEPARATOR = re.compile(r"(,)? (?:and|et|&) |(, )")


def _listed_with_people(mentions: list[Mention], text: str) -> set[int]:
    """Where the mentions start that a list joins to a mention the model calls a person
    ("Jonathan Huberdeau, Colton Sceviour and Mike Hoffman", "Eric Robinson and Boone Jenner"):
    names with only a comma, "and" or "et" between them, the last two joined by the
    conjunction (a comma alone may open an apposition: "Chris Tang, Hong Kong's new police
    commissioner")."""
    listed: set[int] = set()
    run = [mentions[0]] if mentions else []
    for previous, mention in zip(mentions, mentions[1:] + [None]):
        joined = mention is not None and LIST_SEPARATOR.fullmatch(text[previous.end:mention.start])
        if joined:
            run.append(mention)
            if not joined.group(2):  # a conjunction ends the list
                if any(m.type == PERSON for m in run):
                    listed.update(m.start for m in run)
                run = [mention]
        else:
            run = [mention] if mention is not None else []
    return listed


LIST_TAIL = re.compile(r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3})+"
                       r"\s+([a-z]+)\b")


def _listed_before_place_noun(mentions: list[Mention], text: str, lang: str) -> set[int]:
    """Where the mentions start that a list of names closes with a plural noun of places ("in
    Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties": the model called Cass and
    Van Buren persons): each name of it is a place. English writes such lists so."""
    nouns = words("place_list_nouns", lang)
    if not nouns:
        return set()
    listed: set[int] = set()
    for m in mentions:  # a list of two names at least: "Amnesty International states that" is none
        tail = LIST_TAIL.match(text, m.end)
        if tail is not None and tail.group(1) in nouns:
            listed.update(other.start for other in mentions if m.start <= other.start < tail.end())
    return listed


def _listed_person(name: str) -> bool:
    """A name a list of people may make a person's: two or three capitalised words opening
    with a given name, no place's name, no word that makes an institution or a place
    ("Boone Jenner", "Ariana Grande"; not "Hong Kong", "Columbus Police Department")."""
    parts = name.split()
    return (2 <= len(parts) <= 3 and all(p[:1].isupper() and not p.isupper() for p in parts)
            and is_given_name(parts[0]) and not is_place(name) and not is_territory(parts[0])
            and not any(is_place(p) for p in parts[1:])
            and not any(_bare(p) in words("organization_words") or _bare(p) in words("place_words") for p in parts))


def _after_the(members: list[Mention], text: str, lang: str) -> bool:
    """Half the mentions or more follow "the" and stand for themselves ("the Browns won", "to the
    Moon"): English never writes a person's name so. A name that qualifies what follows it does
    not count ("the Trump administration", "the Bush-era whistleblower")."""
    bare = [m for m in members if re.search(r"(?:^|[^\w])[Tt]he $", text[max(0, m.start - 4):m.start])
            and not _qualifies_next_noun(m, text, lang) and text[m.end:m.end + 1] != "-"]
    return bool(bare) and 2 * len(bare) >= len(members)


def _headline_only(forms: list[str], members: list[Mention], text: str, title_end: int, lang: str) -> bool:
    """A name only the headline writes, when the headline capitalises its words ("Keyboard
    Expected", "Release Clause", "Future of Banking Is" in "13-Inch MacBook Pro With Scissor
    Keyboard Expected in First Half of 2020"): there a capital says nothing of a name, and the
    story never names it; a place the gazetteer knows stays."""
    return (all(m.end <= title_end for m in members) and _title_cased(text[:title_end], text[title_end:], lang)
            and not _named_in(forms, text[title_end:]))


def _named_in(forms: list[str], text: str) -> bool:
    """One of the forms is a place the gazetteer knows, or `text` writes it as a whole word."""
    return any(is_place(f) or re.search(r"(?<!\w)%s(?!\w)" % re.escape(f), text) for f in forms)


def _written_small(forms: list[str], members: list[Mention], text: str, lang: str) -> bool:
    """One English word the model calls a person or a place that the story also writes in small
    letters, as the common noun it is ("Meth" and "meth use", "Mindset" and "a winning
    mindset"); a given or a family name, a place the gazetteer knows stay ("Rose", "Price",
    "Bush": "prices rose" says nothing of them)."""
    return (lang == "en" and len(forms) == 1 and " " not in forms[0] and forms[0][:1].isupper()
            and not forms[0].isupper() and all(m.type in (PERSON, PLACE) for m in members)
            and not is_given_name(forms[0]) and not is_family_name(forms[0]) and not is_place(forms[0])
            and re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(forms[0].lower()), text) is not None)


SUBHEAD_WORDS = 20  # a line of the story this short, in title case, is a subheading


@lru_cache(maxsize=4)
def _words_written(text: str, lang: str) -> frozenset[str]:
    """The words of a text as written, and the language's grammar words: read once a text, not
    once a mention (a long text of short lines has thousands of them)."""
    return frozenset(TITLE_WORD.findall(text)) | stop_words(lang)


def _subheads_only(forms: list[str], members: list[Mention], text: str, lang: str) -> bool:
    """A name only the story's subheadings write, when they capitalise their words as a
    headline may ("Stadia Is Essentially A Beta Version", "Streaming Quality Seems To Be Mostly
    Excellent"): there a capital says nothing of a name, and the story never names it
    elsewhere; a place the gazetteer knows stays."""
    lines = set()
    for m in members:
        start, end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
        line = text[start:len(text) if end < 0 else end]
        if len(line.split()) > SUBHEAD_WORDS or not _title_cased(line, "", lang, _words_written(text, lang)):
            return False
        lines.add((start, start + len(line)))
    pieces, at = [], 0
    for start, end in sorted(lines):
        pieces += [text[at:start], " " * (end - start)]
        at = end
    return not _named_in(forms, "".join(pieces) + text[at:])


ACRONYM_AFTER = re.compile(r"(?:\(|,? or |,? ou )([A-Z]{2,6})s?(?=[)\s.,;:]|$)")  # "burst (FRB)", "pneumonitis, or HP"
ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,6})s? \(([^()\n]{3,80})\)")  # "HP (hypersensitivity pneumonitis)"
EXPANSION_WORD = re.compile(r"[^\W\d_]+")


def _spelled_out_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text spells out in common nouns, written in lower case: "a repeating fast
    radio burst (FRB)", "hypersensitivity pneumonitis, or HP", "Binge eating disorder (BED)" (a
    capital only where the sentence opens), "assemblée générale (AG)": a thing, none of our three
    types. "Centers for Disease Control and Prevention (CDC)" spells a name: its words are capitalised."""
    found = set()
    for match in ACRONYM_AFTER.finditer(text):
        acronym = match.group(1)
        before = text[max(0, match.start() - 120):match.start()]
        line_start = max(0, match.start() - len(before))
        if _spells(acronym, list(EXPANSION_WORD.finditer(before))[::-1], before, text, line_start, last=True):
            found.add(acronym)
    for match in ACRONYM_BEFORE.finditer(text):
        inside = match.group(2)
        if _spells(match.group(1), list(EXPANSION_WORD.finditer(inside)), inside, text, match.start(2), last=False):
            found.add(match.group(1))
    return frozenset(found)


@cache
def _grammar_words() -> frozenset[str]:
    """French and English grammar words: an acronym's expansion may be in either."""
    return stop_words("en") | stop_words("fr")


def _spells(acronym: str, words_: list[re.Match], where: str, text: str, offset: int, last: bool) -> bool:
    """Whether the content words next to the acronym (`words_`, nearest first; grammar words
    passed over) give its letters, each word in lower case unless it opens a sentence."""
    grammar = _grammar_words()
    content = [w for w in words_ if w.group(0).lower() not in grammar]
    if not last and len(content) != len(acronym):
        return False  # "HP (hypersensitivity pneumonitis)": the brackets hold the expansion and nothing else
    content = content[:len(acronym)]
    if len(content) < len(acronym):
        return False
    ordered = content[::-1] if last else content
    if "".join(w.group(0)[0] for w in ordered).upper() != acronym:
        return False
    return all(w.group(0)[0].islower() or _opens_sentence(text, offset + w.start()) for w in ordered)


WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][\w&’'-]*) $")
WORD_AFTER = re.compile(r" ([A-ZÀ-ÖØ-Þ][\w&’'-]*)(?![\w’'-])")


@cache
def _no_name_before(lang: str) -> frozenset[str]:
    """Words that stand beside a name without being part of it: titles, honorifics, grammar words."""
    return words("entity_titles", lang) | words("entity_honorifics", lang) | stop_words(lang)


def _inside_longer_name(mention: Mention, text: str, lang: str, title_end: int | None) -> bool:
    """A place's name the model cut out of a longer name: a capitalised word stands right before
    or after it on its line ("Real Madrid", "Paris Match", "Chantiers de l'Atlantique/STX France"),
    that is no grammar word, title or honorific ("U.S. President", "California Gov.", "In Paris"),
    no possessive ("China's Inner Mongolia"), no place, and does not open a sentence; not in a
    headline, where every word may be capitalised."""
    if title_end is None or mention.start < title_end:
        return False
    titles = _no_name_before(lang)
    before = WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    after = WORD_AFTER.match(text, mention.end)
    for match in (before, after):
        if match is None:
            continue
        word = normalize(match.group(1))
        if (not {word, word + "."} & titles and not re.search(r"['’]s?$", word)
                and not _opens_sentence(text, match.start(1)) and not is_place(word)):
            return True
    return False


def _glued_names(name: str, text: str) -> bool:
    """Two names of the page run together where its lines were joined: a word made of two
    capitalised words that the text also writes apart ("Kristi NoemKristi", "NoemSouth Dakota"
    where the story names Kristi Noem and South Dakota); "SoftBank", "MacBook" are written so."""
    return any(re.search(rf"(?<!\w){first}(?!\w)", text) and re.search(rf"(?<!\w){second}(?!\w)", text)
               for first, second in CAMEL.findall(name))


TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_cased(title: str, body: str, lang: str, written: frozenset[str] | None = None) -> bool:
    """A headline in title case: after its first word, it capitalises more words of the
    language (grammar words, or words the story writes in lower case) than it writes in lower
    case, two at least ("Rolling Blackouts in California Have Power Experts Stumped": "Have",
    the story's "power", "experts"; not "Black voters in South Carolina are crucial").
    `written`: the story's words and the grammar words, when already read (`_words_written`)."""
    written = written if written is not None else set(TITLE_WORD.findall(body)) | stop_words(lang)
    words_ = [w for w in TITLE_WORD.findall(title)[1:] if not w.isupper()]
    capitalised = sum(w[:1].isupper() and w.lower() in written for w in words_)
    return capitalised >= 2 and capitalised > sum(w[:1].islower() for w in words_)


def _in_credit(mention: Mention, text: str, lang: str) -> bool:
    """A name in a byline or a credit line, not in the story: the line opens with a byline word
    right before it ("Par Jacques Munier"), or a credit word stands before it on its line
    ("Photo: Jonathan Nackstrand/AFP", "(Credit: Clayton Aldern / Grist)", "© Denis Meyer",
    "Lire aussi Martine Bulard"); the credit word alone is no name either ("Crédit photo"); or
    the line opens with a label of the credits at a story's foot ("Auteur : Kossivi Tiassou",
    "Reporting by Jill Serjeant; Editing by Mary Milliken"): every name after it is a credit; or
    the sentence closes with a credit's ending ("Associated Press writers Alan Fram and Jill
    Colvin contributed to this report"): every name before it is a credit."""
    if _before_credit_ending(mention, text, lang) or _signs_off(mention, text):
        return True
    line = text[text.rfind("\n", 0, mention.start) + 1:mention.start]
    before = " ".join(line.lower().replace("’", "'").split())
    credits = _credit_words(lang)
    if normalize(mention.text) in {normalize(word) for word in credits}:
        return True
    if before in words("byline_prefixes", lang) or _on_byline_line(mention, text, lang):
        return True
    if any(before.startswith(label + " ") for label in _credit_words(lang, "credit_labels")):
        return True
    return any(before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum())
               for word in credits)


PROMOTION_REACH = 60  # characters before a button's name where its invitation may stand


def _button(mention: Mention, text: str, lang: str) -> bool:
    """A page's button or menu word ("Facebook", "Twitter", "Comments") on a line of its own, or
    in the page's invitation to follow it ("Follow us on Twitter @Spacedotcom and on Facebook",
    "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram"); the same words in the
    story name what they name ("Instagram began testing hiding public like counts")."""
    if normalize(mention.text) not in words("chrome_lines"):
        return False
    start, end = _line_around(text, mention)
    if text[start:end].strip(" \t" + EDGE_PUNCTUATION) == mention.text:
        return True
    reach = max(start, mention.start - PROMOTION_REACH)
    pieces = re.split(r"[.!?…]\s", text[reach:mention.start])
    sentence = pieces[-1].lstrip(" \t\"“«")  # this sentence's words only
    opening, phrases = _promotion_patterns(lang)
    opens = len(pieces) > 1 or reach == start  # the sentence's first word is in reach
    return opens and opening.match(sentence) is not None or phrases.search(sentence) is not None


@cache
def _promotion_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The imperative that opens an invitation ("Follow The New York Times Opinion section on
    Facebook"), and the phrases that make one anywhere ("or follow us on Twitter"); "expected to
    follow Twitter in banning" is the story's."""
    def alternatives(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(words(key, lang), key=len, reverse=True)) or "(?!)"
    return (re.compile(r"(?:%s)(?!\w)" % alternatives("promotion_openers"), re.IGNORECASE),
            re.compile(r"(?<!\w)(?:%s)(?!\w)" % alternatives("promotion_phrases"), re.IGNORECASE))


def _line_around(text: str, mention: Mention) -> tuple[int, int]:
    """Where the line that holds the mention starts and ends (its line break excluded)."""
    end = text.find("\n", mention.end)
    return text.rfind("\n", 0, mention.start) + 1, len(text) if end < 0 else end


BYLINE_NAMES = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|and|et|&|,| )+")  # capitalised words, commas, "and"
BYLINE_WORDS = 10


def _on_byline_line(mention: Mention, text: str, lang: str) -> bool:
    """The mention stands on a byline's line: a byline word opens it and names alone follow, a
    few ("By Nada Tawfik, BBC News, New York": the writer, the publication, where she files
    from; none of them is a referent of the story)."""
    line_start, line_end = _line_around(text, mention)
    line = text[line_start:line_end].strip()
    folded = normalize(line)
    prefix = next((p for p in words("byline_prefixes", lang) if folded.startswith(p + " ")), None)
    if prefix is None:
        return False
    rest = line[len(prefix) + 1:].strip()
    return rest[:1].isupper() and len(rest.split()) <= BYLINE_WORDS and BYLINE_NAMES.fullmatch(rest) is not None


FOOTNOTE = re.compile(r"\s*(?:\(\d{1,2}\)|\[\d{1,2}\]|\d{1,2}[.)]\s|\*)")  # "(1) Ces chiffres…", "[2] Voir…"


def _signs_off(mention: Mention, text: str) -> bool:
    """The mention is the whole of a line that ends the story, or that only footnotes follow: the
    author's signature ("Denis Clerc", then "(1) Ces chiffres, ainsi que…")."""
    line_start, line_end = _line_around(text, mention)
    if text[line_start:line_end].strip(" .") != mention.text or len(mention.text.split()) < 2:
        return False
    return all(FOOTNOTE.match(line) for line in text[line_end:].split("\n") if line.strip())


SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?]\s")  # "said. Associated Press…": initials ("Dianna E. Anderson") are no break


def _before_credit_ending(mention: Mention, text: str, lang: str) -> bool:
    """The rest of the mention's sentence, on its line, is other names and a credit's ending
    ("…, Lolita Baldor and Jill Colvin contributed to this report.")."""
    line_end = text.find("\n", mention.end)
    rest = " ".join(text[mention.end:len(text) if line_end < 0 else line_end].lower().replace("’", "'").split())
    for ending in _credit_words(lang, "credit_endings"):
        at = rest.find(ending)
        if at >= 0 and not SENTENCE_BREAK.search(rest[:at] + " "):
            return True
    return False


@cache
def _credit_words(lang: str, key: str = "credit_words") -> tuple[str, ...]:
    return tuple(" ".join(w.lower().replace("’", "'").split()) for w in lexicon(lang).get(key, ()))


def _typed(entity: Entity, lang: str) -> Entity:
    """A country or region the gazetteer knows is a place whatever the model said, a city when
    the model took it for a person (by the name the article gives it: "Joaquin Phoenix" stays
    a person though "Phoenix" is a city); a place's name of several words may still name an
    organisation ("Paris Saint-Germain")."""
    names = (entity.name, *entity.aliases)
    if entity.type == PLACE or (entity.type == ORGANIZATION and len(entity.name.split()) > 1):
        return entity
    if any(is_territory(n) for n in names) or (entity.type == PERSON and is_place(entity.name)):
        return Entity(entity.name, PLACE, entity.mentions, entity.aliases)
    return entity  # a city's name typed an organisation may be one ("Independence", a club)


def _retyped(name: str, kind: str, members: list[Mention], text: str, lang: str) -> str:
    """What the name and its context say it is, over the model's vote: a noun in front that
    says "organisation" ("les entreprises Lime et Bird", "le tabloïd Blesk", even where a town
    has the name); for names no country or region has, a word that makes an institution
    ("Nooksack Indian Tribe", "Cour de cassation"); a name of two to four capitalised words
    opening with a given name that is no common word is a person's ("Anders Tegnell", not
    "Golden Globes"); and a place the gazetteer does not know is one only where the text puts
    something in it, at or near it ("à Domdidier", "in Wedding"): "Alibaba's shares",
    "Mediapart révèle" are organisations."""
    if any(is_territory(m.text) for m in members):
        return kind
    parts = name.split()
    if kind != ORGANIZATION and any(_after_cue(m, members, text, lang) for m in members):
        return ORGANIZATION
    if kind != PERSON and any(_after_person_cue(m, text, lang) for m in members):
        return PERSON
    if kind == PLACE and not is_capital(name) and not any(is_given_name(p) or is_family_name(p) for p in parts) \
            and any(_speaks(m, text, lang) for m in members):
        return ORGANIZATION  # "Tottenham said in a statement": a club, a firm; a capital speaks for its country,
        # and "Anderson said" is a person's surname the model took for a town
    if is_place(name):
        return kind
    if kind == PERSON and len(parts) == 1 and GLUED.search(name):
        return ORGANIZATION  # "SpaceX": no one's name ends with a capital after a small letter
    if len(parts) > 1 and any(_bare(p) in words("organization_words") for p in parts):
        return ORGANIZATION
    if len(parts) > 1 and any(_bare(p) in words("place_words") for p in parts):
        return PLACE  # "Los Angeles County", "San Francisco Bay Area", "Miller Drive"
    if any(_bare(parts[-1]).endswith(suffix) for suffix in words("place_suffixes")):
        return PLACE  # "Petersallee", "Cornelius-Fredericks-Strasse", "Nachtigalplatz": streets
    if kind != PERSON and _opens_with_given_name(parts, lang):
        return PERSON
    if kind == PLACE and _ends_with_family_name(parts, lang) and not any(_after_locative(m, text, lang) for m in members):
        return PERSON  # "Pavle Petrović (Serbia)": no place the gazetteer knows, nothing put in it, a family name last
    if kind == PLACE and len(parts) == 1 and not name.isupper() and not _is_common_word_in(name, lang) \
            and not any(_after_locative(m, text, lang) for m in members):
        return ORGANIZATION  # one word ("Earth" is a word first, "FR" a fragment: left as the model said)
    return kind


def _speaks(mention: Mention, text: str, lang: str) -> bool:
    """The mention is the subject of a verb that says who spoke, right after it ("Tottenham
    said in a statement", "Tottenham says")."""
    after = text[mention.end:mention.end + 20]
    return after[:1] == " " and prefix_pattern("speech_verbs", lang).match(normalize(after[1:])) is not None


def _before(text: str, at: int, lower: bool = True) -> str:
    """The 40 characters before `at`, lower-cased (unless `lower` is false: as written), one
    kind of apostrophe, single spaces (kept at the end: "entreprises " is a word before the
    name, "entreprises" is not)."""
    before = text[max(0, at - 40):at]
    return re.sub(r"\s+", " ", (before.lower() if lower else before).replace("’", "'"))


def _after_locative(mention: Mention, text: str, lang: str) -> bool:
    """Whether a word that puts something in a place stands right before the mention ("à Valence",
    "in Wedding"); in English, the place must end what it governs: in "in Netflix domestic
    drama", "in Eurogamer's Stadia review" the name qualifies the noun after it ("in Qinghai
    province" names a place still)."""
    before = re.sub(r"(?:^| )(?:la|le|les|l'|the) ?$", " ", _before(text, mention.start))
    if lang == "en" and _qualifies_next_noun(mention, text, lang):
        return False
    return any(before.endswith(" " + word + " ") or before.endswith(" " + word) and word.endswith("'")
               for word in words("locative_words", lang))


NEXT_LOWER_WORD = re.compile(r"(['’]s\b)| ([a-z]+)(?![\w'’-])")


def _qualifies_next_noun(mention: Mention, text: str, lang: str) -> bool:
    """A possessive ending, or a lower-case word that is no grammar word and no place's word,
    follows the name."""
    match = NEXT_LOWER_WORD.match(text, mention.end)
    return match is not None and (match.group(1) is not None or match.group(2) not in stop_words(lang)
                                  and match.group(2) not in words("place_words", lang))


def _bare(word: str) -> str:
    return normalize(word).strip(EDGE_PUNCTUATION)


def _ends_with_family_name(parts: list[str], lang: str) -> bool:
    """Two or three capitalised words, none a word of the language, the last a family name
    ("Pavle Petrović"; not "Forest Hill", "Grand Rapids")."""
    return (2 <= len(parts) <= 3 and all(p[:1].isupper() and not p.isupper() for p in parts)
            and not any(_is_common_word_in(_bare(p), lang) for p in parts) and is_family_name(_bare(parts[-1])))


def _opens_with_given_name(parts: list[str], lang: str) -> bool:
    """A given name first that is no word of the language ("Anders Tegnell"), or one that is ("Fabien",
    "Pierre", "Jean" are French words too) before a family name that is none ("Fabien Lemoine")."""
    return (2 <= len(parts) <= 4 and len(parts[0]) > 2 and not parts[0].isupper() and is_given_name(parts[0])
            and (not is_common_word(parts[0], lang) or _ends_with_plain_family_name(parts[-1], lang))
            and (not is_place(parts[0])  # "France Culture", "Virginia Democrats"; a town's name before a
                 or not is_territory(parts[0]) and _ends_with_plain_family_name(parts[-1], lang))  # family name
            # is a given name still ("Mason Rudolph")
            and all(p[:1].isupper() or _bare(p) in NAME_PARTICLES for p in parts))


def _ends_with_plain_family_name(last: str, lang: str) -> bool:
    return (last[:1].isupper() and not last.isupper() and is_family_name(_bare(last))
            and not _is_common_word_in(_bare(last), lang))


def _after_cue(mention: Mention, members: list[Mention], text: str, lang: str) -> bool:
    """Whether a common noun that says "organisation" stands right before the mention, or
    before the name it is coordinated with ("les entreprises Lime et Bird"), written in small
    letters: in "the European Union Gordon Sondland" the union is a name's last word."""
    before = _before(text, mention.start)
    joined = re.search(r"^(.*?)\S+ (?:et|and|&) $", before)
    for candidate in (before, joined.group(1) if joined else None):
        if candidate is not None and _cue_at_end(candidate, lang) \
                and not re.search(r"[A-ZÀ-ÖØ-Þ][\w-]* $", _before(text, mention.start, lower=False)[:len(candidate)]):
            return True
    return False


def _after_title(mention: Mention, text: str, lang: str) -> bool:
    """A person's title or honorific stands right before the mention, capitalised ("His mother,
    Queen Elizabeth", "Senator Warren", "M. Lyon"): the model took the name alone for a place or
    an organisation."""
    found = re.search(r"(?<![\w.])([A-ZÀ-ÖØ-Þ][\w.]*) $", text[max(0, mention.start - 30):mention.start])
    return found is not None and normalize(found.group(1)) in words("entity_titles", lang) | words("entity_honorifics", lang)


def _could_be_a_name(name: str, lang: str) -> bool:
    """Its first word is a given or a family name, or no word of the language ("Elizabeth",
    "Warren"; not the "Assembly" of "General Assembly", "general" being a title too)."""
    first = _bare(name.split()[0])
    return is_given_name(first) or is_family_name(first) or not _is_common_word_in(first, lang)


def _after_person_cue(mention: Mention, text: str, lang: str) -> bool:
    """Whether a noun that says "a person" stands right before the mention, or before it and a
    comma: "fils de Cha Soona", "une femme, Cha Soona", "the widow of ..."."""
    before = _before(text, mention.start)
    return _cue_at_end(before[:-2] + " " if before.endswith(", ") else before, lang, "person_cues")


def _cue_at_end(before: str, lang: str, key: str = "organization_cues") -> bool:
    """Whether `before` ends with a space and, before it, a cue that opens it or follows a
    space or an elided article ("l'hebdomadaire Respekt"): the text after one of its spaces or
    apostrophes (or all of it) is a cue."""
    if not before.endswith(" "):
        return False
    cues = words(key, lang)
    head = before[:-1]
    return head in cues or any(head[at + 1:] in cues for at, ch in enumerate(head) if ch in " '")


PLACE_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?: [A-ZÀ-ÖØ-Þ][\w'’-]*){0,2}")


def _missed_places(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """Places the model did not propose, where the text puts something in them ("three streets
    in Wedding"): a name the gazetteer knows, after a locative word, that the article names at
    least twice (or a country or region, named once)."""
    locatives = words("locative_words", lang)
    if not locatives:
        return []
    taken = [(m.start, m.end) for m in mentions]
    pattern = re.compile(r"(?<![\w'’])(?:%s) (?=[A-ZÀ-ÖØ-Þ])" % "|".join(
        re.escape(w).replace("'", "['’]") for w in sorted(locatives, key=len, reverse=True) if not w.endswith("'")))
    candidates = []
    for cue in pattern.finditer(text):
        match = PLACE_NAME.match(text, cue.end())
        if not match or not cue.group(0)[:1].islower():
            continue
        name = re.sub(r"['’]s$", "", match.group(0))
        while name and not is_place(name) and " " in name:
            name = name.rsplit(" ", 1)[0]  # "Wedding Petersallee" -> "Wedding"
        start, end = match.start(), match.start() + len(name)
        if name and is_place(name) and not any(a < end and start < b for a, b in taken) and not text[end:end + 1].isalnum():
            candidates.append(Mention(name, PLACE, start, end))
    named = Counter(m.text for m in candidates)
    return [m for m in candidates if (named[m.text] + sum(t.text == m.text for t in mentions) > 1 or is_territory(m.text))
            and not is_common_word(m.text, lang) or named[m.text] > 1]


CUED_NAME = re.compile(r"(?:(?:Les|Le|La|L'|L’|The) )?[A-ZÀ-ÖØ-Þ][\w’'&-]*(?: [A-ZÀ-ÖØ-Þ][\w’'&-]*){0,2}")


def _cued_names(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """Organisations the model did not propose, named right after a noun that says what they
    are: "le site d'information Les Jours", "la revue Effeuillage". Not a common word, not a
    name already found there."""
    cues = words("organization_cues", lang)
    if not cues:
        return []
    taken = [(m.start, m.end) for m in mentions]
    pattern = re.compile(r"(?<![\w'’])(?:%s) (?=(?-i:[A-ZÀ-ÖØ-Þ]))" % "|".join(
        re.escape(c).replace("'", "['’]") for c in sorted(cues, key=len, reverse=True)), re.I)
    found = []
    for cue in pattern.finditer(text):
        match = CUED_NAME.match(text, cue.end())
        if match is None or not cue.group(0)[:1].islower():
            continue  # "Groupe" opening a sentence is no cue
        name = match.group(0).rstrip(".")
        start, end = match.start(), match.start() + len(name)
        if any(a < end and start < b for a, b in taken) or text[end:end + 1].isalnum():
            continue
        if len(name) < 2 or is_territory(name) or key_of(name) in calendar_words():
            continue
        if len(name.split()) == 1 and not name.isupper() and is_common_word(name, lang):
            continue  # "la société Générale" is a company, but "le site Internet" names none
        found.append(Mention(name, ORGANIZATION, start, end))
    return found


SPEAKER = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?: (?:[A-ZÀ-ÖØ-Þ][\w’'-]*|de|du|van|von|al|el|ben)){0,3}(?<![’'-])")


def _quoted_speakers(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """Persons the model did not propose, named right after a quotation and the verb that says
    who spoke: "« ... », glisse Zineb, étudiante", '"...," said Brennan.' (the name followed by a
    comma or a sentence's end). Not a name already found there, not a place or a known alias."""
    verbs = words("speech_verbs", lang)
    if not verbs:
        return []
    taken = [(m.start, m.end) for m in mentions]
    pattern = re.compile(r"[»\"”],? ?(?:%s) (?=[A-ZÀ-ÖØ-Þ])" % "|".join(
        re.escape(v) for v in sorted(verbs, key=len, reverse=True)))
    found = []
    for cue in pattern.finditer(text):
        match = SPEAKER.match(text, cue.end())
        if match is None or text[match.end():match.end() + 1] not in (",", ".", ";"):
            continue
        name, start, end = match.group(0), match.start(), match.end()
        if any(a < end and start < b for a, b in taken) or is_place(name) or name in alias_table(lang) \
                or any(_bare(w) in words("organization_words") for w in name.split()):
            continue
        found.append(Mention(name, PERSON, start, end))
    return found


CAPITALS_WORD = 6  # letters from which a word in capitals that the dictionary holds is no acronym ("SUD", "AIDES" are)


def _credible(entity: Entity, known: set[str], lang: str, evidenced: frozenset[str] = frozenset(),
              located: frozenset[str] = frozenset(), passing: frozenset[str] = frozenset(),
              surnames: frozenset[str] = frozenset()) -> bool:
    """A name a reader can trust: not a common word of the language ("État", "Ville",
    "Danger"; in English only when named once, "Trump" and "Apple" are words too), not a
    capitalised fragment ("FR", "LUTTE"), unless the alias table or the gazetteer knows it, or
    the text says what it is (`evidenced`: "les entreprises Lime et Bird").
    A French dictionary headword typed a place ("Nord", "Union", "Valence": towns and
    departments too) is one only where the text puts something in it (`located`: "à Valence",
    "dans le Nord") or names it twice: "pays du Nord" names no department ("Paris", "Tours" are
    only inflected forms of words: they stay; an acronym, "SUD", is no word).
    English capitalises institutions ("the Senate"): there an organisation is trusted.
    An organisation named once in passing (`passing`: after the headline and the lead of an
    article longer than PASSING_TEXT) by one plain capitalised word is not one a reader must
    see: on the gold set's tuned and dev parts such names are mostly the model's guesses
    ("Galaxy", "Universe", "Turnpike", "Hauser", "Buttigieg" typed organisations) or asides
    ("Audi", "Apple"); an acronym, a word with a capital inside, an institution's word, a name
    the text or the alias table vouches for stay ("CDC", "SunExpress", "the Senate", "les
    entreprises Lime et Bird")."""
    names = (entity.name, *entity.aliases)
    if (lang == "fr" and entity.type == PLACE and entity.name not in known and len(entity.name.split()) == 1
            and entity.mentions == 1 and not entity.name.isupper() and entity.name not in located | evidenced
            and not is_territory(entity.name) and _is_headword(entity.name, lang)):
        return False
    if lang == "fr" and entity.name not in known and " " not in entity.name and entity.name.lower() in stop_words(lang):
        return False  # "Parce [que]", "Malgré": a grammar word opening a sentence, taken for a name
    if entity.name not in known and _bare(entity.name.split()[-1]) in words("event_words"):
        return False  # "Golden Globes", "Dubai Air Show", "Berlin Conference": an event, none of our three types
    if GLUED.search(entity.name) and entity.mentions == 1:
        return False  # "AgricultureL'Office", "DembéléP": two lines of the page glued together, once
        # (a name the story writes so again and again is spelled so: "SpaceX")
    if entity.name in passing and normalize(entity.name) in words("chrome_lines"):
        return False  # "Kejriwal turned to Twitter last month": a network named once in passing
    if any(n in known or is_place(n) for n in names) or entity.name in evidenced:
        return True
    if (lang == "en" and entity.type == PERSON and entity.mentions == 1 and " " not in entity.name
            and entity.name not in surnames and not is_given_name(entity.name) and not is_family_name(entity.name)):
        return False  # "Altima", "Singleframe", "Kosmos": one word the model typed a person once, no one's name
    first, last = entity.name.split()[0], entity.name.split()[-1]
    if (entity.type == PERSON and len(entity.name.split()) in ({2} if lang == "en" else range(2, 99))
            and not _has_honorific(entity.name) and is_common_word(first, lang) and not is_given_name(first)
            and not (lang == "en" and _one_syllable_family_name(first, last))):
        return False  # "Affaire Benalla", "Magic Box", "Starry Night": a common word opens no one's name
        # (in English only of two words: "Bong Joon Ho" opens with a family name, "Rabbi Seth Goldstein" with a title)
    if (lang == "en" and entity.type == PERSON and entity.name.rpartition(" ")[0] in entity.aliases
            and is_common_word(last, lang) and not is_family_name(last) and not is_given_name(first)):
        return False  # "Stadia Offer" then "Stadia", "Xbox Live" then "Xbox": a brand and a common word, a
        # product (a person is called by the family name, "Sui-Lee Wee" then "Wee")
    if (lang == "fr" and entity.type == ORGANIZATION and entity.name in passing and len(entity.name.split()) > 1
            and _plain_words(entity.name, lang)):
        return False  # "Crédit d'Impôt Recherche", "Affaires européennes": common nouns capitalised, once, in passing
    if len(entity.name.split()) > 1:
        return True
    word = entity.name
    if key_of(word) in calendar_words():
        return False  # "February", "Lundi": a date, not a referent
    if any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word[1:]):
        return True  # "MoDem", "SunExpress": no dictionary writes a word so
    if word.isupper() and entity.type != ORGANIZATION:
        return False
    if word.isupper() and len(word) >= CAPITALS_WORD and entity.mentions == 1 and _is_common_word_in(word.lower(), lang):
        return False  # "DONNEZ", "PARTAGEZ", "ARBITRE" once: a word in capitals (a button, a heading), no acronym
        # ("POLITICO", named twice, is a name the publication writes so)
    if word.isupper():
        return True  # an acronym: "CNRS", "UCU"
    if entity.type == ORGANIZATION and entity.name in passing and _bare(word) not in words("organization_words"):
        return False  # "Galaxy", "Turnpike": one plain word the model typed an organisation, once, in passing
    if not _is_common_word_in(word, lang):
        return True
    return lang != "fr" and (entity.mentions > 1 or entity.type == ORGANIZATION)  # "Senate", "Congress"


SYLLABLE_FAMILY_NAME = 4  # letters: "Xi", "Fan", "Hu", "Moon", "Sang"


def _one_syllable_family_name(first: str, last: str) -> bool:
    """A Chinese or Korean name written family name first ("Xi Jinping", "Fan Mengguang", "Moon
    Jae-in"): a short family name that is an English word too, then a given name that is no word
    of the language, in letters, not in capitals ("Magic Box", "Dolby Atmos", "Ruskin KJ" are none)."""
    bare = _bare(last)
    return (len(first) <= SYLLABLE_FAMILY_NAME and first.isalpha() and last[:1].isupper() and not last.isupper()
            and bare.replace("-", "").isalpha() and not _is_common_word_in(bare, "en"))


def _plain_words(name: str, lang: str) -> bool:
    """Every word of the name is a word of the language, none a place, a given name or a word
    that makes an institution ("Traités internationaux"; not "Union européenne", "Aéroports de
    Paris", "Forum Zineb")."""
    parts = [_bare(w) for w in re.split(r"[\s'’]+", name)]
    parts = [w for w in parts if w and w not in PORTFOLIO_LINKS | {"la", "le", "les", "l", "d", "et"}]
    return bool(parts) and all(
        _is_common_word_in(w, lang) and not is_place(w) and not is_given_name(w) and w not in words("organization_words")
        for w in parts)


def key_of(word: str) -> str:
    return word.casefold()


@cache
def calendar_words() -> frozenset[str]:
    """Month and day names in French and English (CLDR through Babel)."""
    from babel import Locale

    found = set()
    for lang in ("fr", "en"):
        locale = Locale(lang)
        for table in (locale.months, locale.days):
            found |= {key_of(name) for name in table["format"]["wide"].values()}
    return frozenset(found)


def _is_headword(word: str, lang: str) -> bool:
    """A lemma of the model's dictionary itself ("nord", "union"), not an inflected form that
    spells a name ("paris", plural of "pari")."""
    lemmas = headwords(lang)
    return any(spelled.lower() in lemmas for spelled in _spellings(word, lang))


def _is_common_word_in(word: str, lang: str) -> bool:
    """A word of the language, also when French typography left the accent off a capital
    ("Etat" is "État")."""
    return any(is_common_word(spelled, lang) for spelled in _spellings(word, lang))


def _spellings(word: str, lang: str) -> tuple[str, ...]:
    """The word, and in French its accented capital where typography left the accent off
    ("Etat" is "État")."""
    return (word, "É" + word[1:]) if lang == "fr" and word[:1] == "E" else (word,)


def _parenthesised_pairs(mentions: list[Mention], text: str):
    """(name, alias) for 'Name (Alias)' in the text."""
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end:second.start]
        if (between.strip() == "(" and text[second.end:second.end + 1] == ")"
                and first.type == second.type != PLACE):  # "Domdidier (FR)" is a canton, not a name
            yield first.text, second.text


def _name_parts(name: str) -> set[str]:
    """The words of a person's name that identify them (no particles, no honorifics)."""
    parts = {p for p in re.split(r"[\s\-‐]+", fold(name)) if p}
    return parts - NAME_PARTICLES - words("entity_honorifics")


def _without_honorific(name: str) -> str:
    """'Dr. Sanjay Gupta' -> 'Sanjay Gupta', 'M. Soudani' -> 'Soudani'; any other name as it is."""
    first, _, rest = name.partition(" ")
    return rest if rest and normalize(first) in words("entity_honorifics") else name


def _has_honorific(name: str) -> bool:
    """'M. Soudani', 'groupe Bolloré': a name with a word in front that is not the name."""
    first = normalize(name.split()[0]) if name.split() else ""
    return first in words("entity_honorifics") | words("organization_prefixes")


def _merge_prefixed_names(names: list[str], union) -> None:
    """'groupe LREM', 'parti LREM' are 'LREM' where the article also names it bare: the kind of
    organisation in front is not part of the name (as an honorific is not part of a person's)."""
    known = set(names)
    prefixes = words("organization_prefixes")
    for name in names:
        first, _, rest = name.partition(" ")
        if rest in known and normalize(first) in prefixes:
            union(name, rest)


def _merge_capitalised_names(names: list[str], union) -> None:
    """'GAZA', 'TOYOTA' (a dateline, a spec sheet's heading) are the 'Gaza', 'Toyota' the
    article writes in small letters: one name in capitals and in mixed case, accents aside."""
    mixed = {fold(n): n for n in names if not n.isupper()}
    for name in names:
        if name.isupper() and fold(name) in mixed:
            union(name, mixed[fold(name)])


def _merge_institution_heads(mentions: list[Mention], union) -> None:
    """'l'Union' is the 'Union européenne', 'the Commission' the 'European Commission', where
    the article names one organisation only that its word heads (opens, or in English closes):
    the word that says what kind of institution it is stands for it, whatever type the model gave
    it. Two candidates ("Union européenne", "Union suisse des paysans"): not merged."""
    organizations = {m.text for m in mentions if m.type == ORGANIZATION}
    for short in {m.text for m in mentions if " " not in m.text and m.text[:1].isupper() and not m.text.isupper()}:
        if _bare(short) not in words("organization_words"):
            continue
        longer = {n for n in organizations if n.startswith(short + " ") or n.endswith(" " + short)}
        if len(longer) == 1:
            union(short, longer.pop())


def _merge_one_person_names(mentions: list[Mention], union) -> None:
    """Full names of one person the article writes apart: "Pat Carlineo", "Patrick Carlineo Jr."
    (a nickname, a suffix), "Josh Apte" and "Joshua Apte" (briefing/person_names.py)."""
    bare: dict[str, str] = {}  # the name without its honorific -> the first form written so
    for m in mentions:
        if m.type == PERSON:
            bare.setdefault(_without_honorific(m.text), m.text)
    for group in joined_names(list(bare)):
        for name in group[1:]:
            union(bare[name], bare[group[0]])


def _merge_short_person_names(mentions: list[Mention], union, find, in_headline_only: frozenset[str] = frozenset()) -> None:
    """'Soudani' (from 'M. Soudani') is 'Mohammad Chia al-Soudani' when only one person in
    the article has that name part (whatever type the model gave the short form); a single
    word is the one name of two or three capitalised words that ends with it, whatever the
    model typed either ('Claure', typed an organisation and a place, is 'Marcelo Claure', typed
    an organisation), unless the model typed the word a place the gazetteer knows ("India" is
    not "North India"). Of several such names, the one that opens with a given name. A name
    only a title-cased headline writes (`in_headline_only`) takes no other unless it opens with
    a given name ("SpaceX", three times in the story, is not "NASA Picks SpaceX")."""
    persons = sorted({m.text for m in mentions if m.type == PERSON}, key=len)
    names = sorted({m.text for m in mentions}, key=len)
    places = {m.text for m in mentions if m.type == PLACE and is_place(m.text)}
    for short in names:
        parts = _name_parts(short)
        if short not in persons and len(short.split()) != 1:  # "Waller-Bridge" is one word
            continue
        longer = [p for p in persons if len(p) > len(short) and parts and parts < _name_parts(p)]
        if not longer and len(short.split()) == 1 and short not in places:
            longer = [n for n in names if 2 <= len(n.split()) <= 3 and n.split()[-1] == short
                      and all(w[:1].isupper() for w in n.split())]  # "Soona" after "Cha Soona" (typed a place)
        longer = [p for p in longer if p not in in_headline_only or is_given_name(p.split()[0])]
        if len({find(p) for p in longer}) > 1:  # "Alexander Vindman" and a subheading's "Questioning
            longer = [p for p in longer if is_given_name(p.split()[0])]  # Vindman": the one with a given name
        if len({find(p) for p in longer}) == 1:
            union(short, longer[-1])


def entities_of(doc: Doc, lang: str) -> tuple[Entity, ...]:
    return group_entities(find_mentions(doc, lang), doc.text, lang)
