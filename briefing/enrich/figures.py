"""Key figures: every quantity an article states, what it counts, and how sure it is.

Digits are read with the article's own decimal convention ("2 500", "2.500", "2,500" are
thousands; "12,5" is a decimal in French); number words go through text2num ("quatre", "two
hundred"); scale words ("millions"), approximate nouns ("une trentaine", "des centaines"),
percentages and currencies are data per language (briefing/data/<lang>.yaml, `figures`).
Dates, years, times, references ("article 49") and ordinals are not quantities, except a place
in a ranking ("la 124e place", data `ranks`). The label is
the noun the number counts; a count of events written with a verb is named by the verb's noun
("attaquées environ 150 fois" -> ~150 attaques). Figures are ranked by salience.
"""

from __future__ import annotations

import math
from collections import Counter
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from babel.dates import get_month_names
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from briefing.enrich.scores import scores_in
from briefing.enrich.nlp import lemma
from briefing.record import Entity, KeyFigure
from briefing.lexicon import lexicon

# A number, and the scale a money figure may have glued to it ("$12.9bn", "£10bn", "$5m").
DIGITS_PATTERN = (r"(?<![\w.,\-/:])(?<!\w\[)(\d+(?:[{separators}]\d{{3}}(?!\d))*(?:[.,]\d+)?)(?<=\d)((?:bn|m)(?![\w/]))?"
                  r"(?![\w/]|-(?![^\W\d_])|[.,:]\d)")  # "1.2-billion-yuan": see _glued_word
DIGITS = {"space": re.compile(DIGITS_PATTERN.format(separators=" \u00a0\u202f.,’'")),
          "no space": re.compile(DIGITS_PATTERN.format(separators="\u202f.,’'"))}
GROUPED = re.compile(r"\d[ \u00a0\u202f.,’']\d")  # "60,000", "1.5": thousands in groups, or decimals
THOUSANDS = re.compile(r"[ \u00a0\u202f’']")
MAX_WORD_NUMBER = 5  # tokens in "deux cent cinquante mille"
LABEL_WINDOW = 4  # tokens after a number where its noun may be
VERB_WINDOW = 6  # tokens before "fois" where the counted verb may be
# "soldats"; French inclusive writing with a full stop or a middle dot: "wikimédien.ne.s", "chercheur·eus·e·s"
LABEL_WORD = re.compile(r"^[^\W\d_](?:[\w’'.·\-]*\w)?$")


@dataclass
class Figure:
    """A quantity found in the text, with what ranking needs."""

    value: float
    display: str
    qualifier: str | None
    label: str
    sentence: str
    start: int  # character span of the display in the document
    end: int
    kind: str = "count"  # count | percent | money | measure (a technical specification: "16 GB") | age | rank | score
    vague: bool = False
    first_token: int = 0  # token span, scale and unit words included
    last_token: int = 0
    phrase: str = ""  # what the site shows after the number
    title: bool = False  # counted in a title's capitals ("11 Fascinating Facts About…"): see rank
    named_from: int | None = None  # an age said alone ("The 56-year-old said"): whose it is, see name_ages

    def key_figure(self) -> KeyFigure:
        value = int(self.value) if float(self.value).is_integer() else round(self.value, 6)
        return KeyFigure(value=value, display=self.display, label=self.label, sentence=self.sentence,
                         qualifier=self.qualifier, phrase=self.phrase)


@cache
def _data(lang: str) -> dict:
    return lexicon(lang).get("figures", {})


@cache
def currency_symbols(lang: str) -> dict[str, str]:
    """Currency signs as the language's locales print them before a sum (CLDR through Babel),
    each with the noun of its currencies' plural name: "Rs" -> "rupees" (Pakistani, Mauritian,
    Seychellois rupees), "₹" -> "rupees", "R$" -> "reals" ("roupies", "réals" in French). A
    sign that names currencies of different nouns is left out ("K": kina, kwachas), so is the
    sign of no currency ("¤"), and so is one that may be a word or an abbreviation: a single
    character that is a letter, letters all in capitals ("RM", "SR"), a function word of either
    language ("Le"). A sign written with letters is also taken with a full stop ("Rs."). The
    language's own data (`currencies`) comes first."""
    from babel import localedata
    from babel.numbers import get_currency_name

    function_words = {w.lower() for code in ("en", "fr") for key in ("sentence_openers", "entity_determiners")
                      for w in lexicon(code).get(key, ())}
    nouns: dict[str, set[str]] = {}
    for identifier in localedata.locale_identifiers():
        if identifier.split("_")[0] != lang:
            continue  # each locale's own signs (its parents are in the list too): 0.05 s, not 4 s
        for code, sign in localedata.load(identifier, merge_inherited=False).get("currency_symbols", {}).items():
            if sign.upper() == code or code == "XXX":  # the ISO code itself (the data's `usd`), no currency
                continue
            name = get_currency_name(code, count=2, locale=lang).split()
            nouns.setdefault(sign, set()).add((name[0] if lang == "fr" else name[-1]).lower())
    signs: dict[str, str] = {}
    for sign, found in sorted(nouns.items()):
        letters = "".join(c for c in sign if c.isalpha())
        if len(found) != 1 or not next(iter(found)).isalpha() or sign.lower() in _data(lang).get("currencies", {}) \
                or sign.isalpha() and (len(sign) < 2 or sign.isupper() or sign.lower() in function_words) \
                or len(sign) == 1 and letters:
            continue
        signs[sign] = next(iter(found))
        if sign.isalpha():
            signs[f"{sign}."] = signs[sign]
    return signs


@cache
def _months(lang: str) -> frozenset[str]:
    names = set()
    for width in ("wide", "abbreviated"):
        names |= {m.lower().rstrip(".") for m in get_month_names(width, locale=lang).values()}
    return frozenset(names)


@cache
def _reference_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in _data(lang).get("reference_words", ()))


@cache
def _figure_words(lang: str, key: str) -> frozenset[str]:
    """A word list of the language's figures data, as a set: read once, asked for every number."""
    return frozenset(w.lower() for w in _data(lang).get(key, ()))


@cache
def _percent_openers(lang: str) -> frozenset[str]:
    """The first words of the language's ways to write a share ("%", "percent", "per")."""
    return frozenset(w.split()[0].lower() for w in _data(lang).get("percent", ()))


def decimal_mark(text: str, lang: str) -> tuple[str, bool]:
    """The article's decimal mark, and whether the text shows it ("12,5" or "12.5")."""
    commas = len(re.findall(r"\d,\d{1,2}(?!\d)", text))
    dots = len(re.findall(r"(?<![\d.])\d+\.\d{1,2}(?![\d.])", text))
    if commas != dots:
        return ("," if commas > dots else "."), True
    return ("," if lang == "fr" else "."), False


def parse_digits(raw: str, mark: str, shown: bool) -> float:
    """'2 500' -> 2500, '2.500' -> 2500, '12,5' (French) -> 12.5, '2,500' -> 2500 unless the
    article writes decimals with a comma."""
    raw = THOUSANDS.sub("", raw)
    other = "." if mark == "," else ","
    raw = raw.replace(other, "") if re.search(rf"\{other}\d{{3}}(?!\d)", raw) else raw
    if mark in raw:
        head, _, tail = raw.rpartition(mark)
        thousands = len(tail) == 3 and not shown and head.replace(mark, "").isdigit()
        raw = head.replace(mark, "") + ("" if thousands else ".") + tail
    return float(raw.replace(other, ".")) if raw.count(".") <= 1 else float(raw.replace(".", ""))


def find_figures(doc: Doc, lang: str, text: str | None = None) -> list[Figure]:
    """Every quantity of the document, in text order; `text`, the document's text if the
    caller has it (the string the pipeline read: Doc.text joins every token again)."""
    if not _data(lang):
        return []
    text = doc.text if text is None else text  # Doc.text joins every token: once per document, not per number
    mark, shown = decimal_mark(text, lang)
    figures: list[Figure] = []
    texts = _token_texts(doc, text)  # the word-by-word passes read texts; Tokens are made where needed
    in_names = _numbers_in_names(doc, lang, texts=texts)
    for sent in doc.sents:
        taken: set[int] = set()
        sent_text = text[sent.start_char:sent.end_char]  # what Span.text joins, sliced once a sentence
        sentence = sent_text.strip()
        for score in scores_in(doc, sent, sent_text, _data(lang).get("scores") or {}, _months(lang)):
            taken.update(range(score.first_token, score.last_token))  # "Wales beat Hungary 2-0": a final score
            last = doc[score.last_token - 1]
            figures.append(Figure(value=score.value, display=score.display, qualifier=None, label=score.display,
                                  sentence=sentence, start=doc[score.first_token].idx, end=last.idx + len(last),
                                  kind="score", first_token=score.first_token, last_token=score.last_token,
                                  phrase=score.phrase))
        for found in (*_digit_quantities(doc, text, sent, mark, shown, lang, in_names, sent_text),
                      *_word_quantities(sent, lang, texts=texts[sent.start:sent.end]),
                      *_ranks(sent, lang, texts[sent.start:sent.end])):
            start_token, end_token, value, qualifier, vague = found
            if taken & set(range(start_token, end_token)):
                continue
            previous = next((f for f in reversed(figures) if f.sentence == sentence), None)
            if previous is not None and previous.kind == "money" and _conversion(doc, previous.last_token, start_token):
                continue  # "$12.9bn (£10bn)": the same sum in another currency
            figure = _describe(doc, sent, start_token, end_token, value, qualifier, vague, lang,
                               previous.label if previous is not None and previous.kind == "count" else "", sentence)
            if figure is not None and not figure.phrase and previous is not None and previous.kind == figure.kind \
                    and figure.kind in ("percent", "money") and previous.phrase \
                    and figure.first_token - previous.last_token <= SAME_SHARE_GAP:
                figure.phrase = previous.phrase  # "a baissé de 23,1 % en 2018 à 10 % en 2019": the same share
            if figure is not None and not figure.phrase and figure.display == sentence:
                figure.phrase = _heading_above(text, sent.start_char)  # "MONTANT REVERSÉ AUX GRÉVISTES\n\n1 545 500 EUROS"
            if figure is not None and _converted(doc, figure, lang):
                continue  # "1,200 miles (1,931 kilometers)": the same measure in other units
            if figure is not None:
                taken.update(range(figure.first_token, figure.last_token))
                figures.append(figure)
    figures.sort(key=lambda f: f.start)
    return figures


SAME_SHARE_GAP = 4  # tokens between two shares of one thing: "de 23,1 % en 2018 à 10 % en 2019"


def _heading_above(text: str, at: int) -> str:
    """What a figure alone on its line counts, said by the line above when that is a heading:
    a tally under its caption ("MONTANT REVERSÉ AUX GRÉVISTES DEPUIS 2016" then "1 545 500
    EUROS") -> ": Montant reversé aux grévistes depuis 2016". A heading is short (PHRASE_WORDS
    words at most) and closes no sentence; one in capitals is written in sentence case."""
    above = text[:at].rstrip().rsplit("\n", 1)[-1].strip()
    if not above or len(above.split()) > PHRASE_WORDS or above[-1] in ".!?:;," or not above[:1].isupper():
        return ""
    if above.isupper():
        above = above[:1] + above[1:].lower()
    return f": {above}"


def _conversion(doc: Doc, previous_end: int, start: int) -> bool:
    """Whether the quantity at `start` is in parentheses right after a sum ("$12.9bn (£10bn)",
    "176 Hong Kong dollars (£17.43)"): the same sum converted, if it is money."""
    between = doc[previous_end:start]
    return 1 <= len(between) <= 2 and between[0].text == "(" and all(not t.is_alpha or len(t) == 1 for t in between)


CONVERTED_WORDS = 5  # unit and link words between a measure and the parenthesis: "1,900-mile-wide ("


def _converted(doc: Doc, figure: Figure, lang: str) -> bool:
    """Whether a measure is written in parentheses right after another measure: "1,200 miles
    (1,931 kilometers)", "55 mph (88.5 kph)", "2,300 tons (2,095 metric tons)", "the
    1,900-mile-wide (3,100 kilometers) moon": the same figure in other units, said once already."""
    units = _figure_words(lang, "converted_units")
    words_ = units | _figure_words(lang, "conversion_links")
    at = figure.first_token - 1
    label = figure.label.lower().split()
    if at < 1 or doc[at].text != "(" or not label or not set(label) <= words_ or not set(label) & units:
        return False
    i, unit = at - 1, False
    while i >= 0 and at - 1 - i < CONVERTED_WORDS and doc[i].lower_ in words_:
        unit = unit or doc[i].lower_ in units
        i -= 1
    return unit and i >= 0 and any(c.isdigit() for c in doc[i].text)


def _token_texts(doc: Doc, text: str) -> list[str]:
    """Every token's text, sliced from the document's text at its offset (no Token made)."""
    if not len(doc):
        return []
    return [text[at:at + length] for at, length in doc.to_array([IDX, LENGTH]).tolist()]


class _Tokens:
    """A sentence's tokens, each made when read (indexing and slicing as a list's)."""

    def __init__(self, doc: Doc, start: int, length: int):
        self.doc, self.start, self.length = doc, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self.doc[self.start + j] for j in range(self.length)[key]]
        return self.doc[self.start + range(self.length)[key]]


def _numbers_in_names(doc: Doc, lang: str, tokens: list[Token] | None = None,
                      texts: list[str] | None = None) -> frozenset[str]:
    """Numbers the document writes as part of a name ("Boeing 737", or "737 Max" twice): the
    same number elsewhere ("its 737 Max jets", "the 787 jets") is that name again, no count.
    A currency's sign is no name ("Rs 300")."""
    signs = currency_symbols(lang)
    if texts is not None:  # by the texts: Token.is_digit is str.isdigit of its text (spaCy's lexeme attribute)
        digits = [i for i, word in enumerate(texts) if len(word) >= 3 and word.isdigit()]
        after_name = {texts[i] for i in digits if i >= 1 and doc[i - 1].pos_ == "PROPN"
                      and texts[i - 1][:1].isupper() and doc[i - 1].whitespace_ and texts[i - 1] not in signs}
        model_words = Counter((texts[i], texts[i + 1]) for i in digits if i + 1 < len(texts)
                              and doc[i + 1].pos_ == "PROPN" and texts[i + 1][:1].isupper())
        return frozenset(after_name | {number for (number, _word), n in model_words.items() if n > 1})
    tokens = list(doc) if tokens is None else tokens
    pairs = list(zip(tokens, tokens[1:]))  # (token, the next one)
    after_name = {t.text for before, t in pairs if t.is_digit and len(t.text) >= 3 and before.pos_ == "PROPN"
                  and before.text[:1].isupper() and before.whitespace_ and before.text not in signs}
    model_words = Counter((t.text, following.text) for t, following in pairs if t.is_digit and len(t.text) >= 3
                          and following.pos_ == "PROPN" and following.text[:1].isupper())
    return frozenset(after_name | {number for (number, _word), n in model_words.items() if n > 1})  # "737 Max", twice


NUMBER = {"space": r"\d+(?:[ \u00a0\u202f.,’']\d{3}(?!\d))*(?:[.,]\d+)?", "no space": r"\d+(?:[\u202f.,’']\d{3}(?!\d))*(?:[.,]\d+)?"}


@cache
def _range_pattern(lang: str) -> re.Pattern[str]:
    """'12 à 13 %', '1 % à 1,5 %', 'entre 61 et 63 ans', '$40-50 billion', '242 to 330
    passengers': two numbers of one quantity, the first one's value kept ("at least")."""
    number = NUMBER["space" if _data(lang).get("space_thousands", True) else "no space"]
    ranges = _data(lang).get("ranges", {})
    between = "|".join(re.escape(w) for w in ranges.get("between", ()))
    links = "|".join(re.escape(w) for w in ranges.get("links", ()))
    tail = "|".join(re.escape(w) for w in ranges.get("between_links", ()))
    percent = "|".join(re.escape(w) for w in _data(lang).get("percent", ()))
    return re.compile(rf"(?<![\w.,\-/:])(?:(?P<between>{between}) )?(?P<low>{number})(?: ?(?:{percent}))?"
                      rf"(?:(?P<dash>[-–])| (?P<link>{links}|{tail}) )(?P<high>{number})(?![\w/]|[.,:]\d)", re.I)


def _ranges(doc: Doc, text: str, sent: Span, mark: str, shown: bool, lang: str, sent_text: str | None = None):
    """Ranges, as (first token, last token + 1, low value); the unit and the label are the
    second number's ("12 à 13 %" is a percent of what "13 %" is)."""
    if not _data(lang).get("ranges"):
        return
    between_links = set(_data(lang)["ranges"].get("between_links", ()))
    for match in _range_pattern(lang).finditer(sent.text if sent_text is None else sent_text):
        if (match.group("link") or "").lower() in between_links and not match.group("between"):
            continue  # "61 et 63": a range only after "entre"
        low, high = parse_digits(match.group("low"), mark, shown), parse_digits(match.group("high"), mark, shown)
        first = doc.char_span(sent.start_char + match.start("low"), sent.start_char + match.end("low"), alignment_mode="expand")
        last = doc.char_span(sent.start_char + match.start("high"), sent.start_char + match.end("high"), alignment_mode="expand")
        if first is None or last is None or not low < high or _not_a_quantity(doc, text, first, match.group("low"), lang):
            continue  # "787-9", "2019-2020"
        yield first.start, last.end, low, None, False


def _digit_quantities(doc: Doc, text: str, sent: Span, mark: str, shown: bool, lang: str,
                      in_names: frozenset[str] = frozenset(), sent_text: str | None = None):
    sent_text = sent.text if sent_text is None else sent_text
    yield from _ranges(doc, text, sent, mark, shown, lang, sent_text)
    for match in DIGITS["space" if _data(lang).get("space_thousands", True) else "no space"].finditer(sent_text):
        raw = match.group(1)
        start = sent.start_char + match.start(1)
        if _data(lang).get("space_thousands", True) and re.search(r"\d[ \u00a0\u202f]$", text[max(0, start - 2):start]):
            continue  # "oeuvre.1 456 heures": the tail of a number the text glued to a word
        glued = re.match(r"-([^\W\d_]+)", sent_text[match.end():])
        if glued and glued.group(1).lower() not in _glued_words(lang) and not re.match(r"-years?[- ]old\b", sent_text[match.end():]):
            continue  # "3-D", "10-day", "G-7": a word, not a quantity and its unit
        span = doc.char_span(start, start + len(raw), alignment_mode="expand")
        if span is None or raw in in_names or _not_a_quantity(doc, text, span, raw, lang):
            continue
        value = parse_digits(raw, mark, shown)
        if match.group(2) and span.end_char >= sent.start_char + match.end(2):  # "$12.9bn", one token; "$5 m" is two
            # only after a currency sign: "5m" may be metres
            if not (span.start > sent.start and not doc[span.start - 1].is_alpha
                    and doc[span.start - 1].lower_ in _data(lang).get("currencies", {})):
                continue
            value *= _data(lang)["scales"][match.group(2)]
        yield span.start, span.end, value, None, False
    glued = _spec_patterns(lang)[1]
    for match in glued.finditer(sent_text) if glued is not None else ():  # "2.6GHz", "1080p": one word
        start = sent.start_char + match.start()
        span = doc.char_span(start, start + len(match.group()), alignment_mode="expand")
        if span is not None and span.end_char == start + len(match.group()):
            number = match.groupdict().get("number") or match.group("resolution")
            yield span.start, span.end, parse_digits(number, mark, shown), None, False


@cache
def _rank_pattern(lang: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The ordinal written in digits ("124e", "5th") and the nouns of a place in a ranking."""
    ranks = _data(lang).get("ranks")
    if not ranks:
        return None, frozenset()
    suffixes = "|".join(re.escape(s) for s in sorted(ranks["suffixes"], key=len, reverse=True))
    return re.compile(rf"(\d+)(?:{suffixes})", re.I), frozenset(ranks["nouns"])


@cache
def _ordinal_words(lang: str) -> tuple[dict[str, int], frozenset[str]]:
    """Ordinals written in words ("third": 3, "septième": 7), and the nouns an ordinal puts in an
    order that is no news ("the third time", "the fourth quarter", "the 21st century")."""
    ranks = _data(lang).get("ranks") or {}
    return ({w.lower(): int(v) for w, v in (ranks.get("ordinal_words") or {}).items()},
            frozenset(w.lower() for w in ranks.get("not_counted", ())))


def _ordinal(doc: Doc, i: int, end: int, lang: str, text: str | None = None, after: str | None = None) -> float | None:
    """The value of the ordinal at token `i` when it ranks the noun right after it: a place in a
    ranking ("124e place", "in 5th place"), or an event in its series from the third on ("a 6th
    fatality", "the third case of plague", "pour la septième année consécutive"). Not the first
    or second (too common to tell anything), not a name's ("5th Avenue", "21st Century Fox": a
    noun in lower case follows), not an order of no news (`not_counted`: times, quarters,
    centuries, a list's steps). `text`, `after`: the tokens' texts when the caller has them."""
    if i + 1 >= end:
        return None
    word = doc[i].text if text is None else text
    after = doc[i + 1].text if after is None else after
    ordinal, nouns = _rank_pattern(lang)
    found = ordinal.fullmatch(word) if ordinal is not None and word[:1].isdigit() else None
    if found is not None and after.lower() in nouns:
        return float(found.group(1))
    in_words, not_counted = _ordinal_words(lang)
    value = float(found.group(1)) if found is not None else in_words.get(word.lower())
    if value is None or value < 3 or not after.islower() or after in not_counted or after in nouns \
            or lemma(doc[i + 1]).lower() in not_counted \
            or i > 0 and doc[i - 1].lower_.rstrip(".") in _months(lang):  # "his July 25th call": a date
        return None
    return value if doc[i + 1].pos_ == "NOUN" else None


def _ranks(sent: Span, lang: str, texts: list[str]):
    """Places in a ranking and events in their series, "la 124e place", "in 5th place", "a 6th
    fatality": (token, token + 1, rank)."""
    ordinal, _nouns = _rank_pattern(lang)
    if ordinal is None:
        return
    in_words = _ordinal_words(lang)[0]
    for j, word in enumerate(texts[:-1]):
        if word[:1].isdigit() or word.lower() in in_words:
            value = _ordinal(sent.doc, sent.start + j, sent.end, lang, word, texts[j + 1])
            if value is not None:
                yield sent.start + j, sent.start + j + 1, value, None, False


def _rank(doc: Doc, sent: Span, start: int, end: int, lang: str) -> bool:
    """Whether the quantity is a place in a ranking or an event in its series (`_ranks`)."""
    return end == start + 1 and _ordinal(doc, start, sent.end, lang) is not None


@cache
def _glued_words(lang: str) -> frozenset[str]:
    """Words a number may be written as one with ("1.2-billion-yuan fine", "$23-million",
    "500-metre-wide dish", "an 18-year insurgency", "15-year-old driver"): scales, currencies,
    units of measure and of time."""
    data = _data(lang)
    words = {*data.get("scales", {}), *(c for c in data.get("currencies", {}) if c.isalpha()),
             *data.get("measure_units", ()), *data.get("duration_units", ())}
    return frozenset(w.lower() for w in words)


def _glued(doc: Doc, i: int, limit: int) -> int:
    """The token after a hyphen written inside one word ("23-million"), else `i`."""
    if i + 1 < limit and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        return i + 1
    return i


@cache
def _spec_patterns(lang: str) -> tuple[frozenset[str], re.Pattern[str] | None]:
    """(the symbols of a technical specification, a number written as one word with one of
    them or a video resolution: "2.6GHz", "30fps", "1080p", "4K"; its number in the group
    named "number" or "resolution")."""
    data = _data(lang)
    units, resolutions = frozenset(data.get("spec_units", ())), data.get("resolutions", ())
    either = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    written = [rf"(?P<number>\d+(?:[.,]\d+)?)(?:{either(units)})"] if units else []
    written += [rf"(?=(?:{either(resolutions)})(?![\w/]))(?P<resolution>\d+)[^\W\d_]"] if resolutions else []
    return units, re.compile(rf"(?<![\w.,\-/:])(?:{'|'.join(written)})(?![\w/])") if written else None


def _spec(doc: Doc, sent: Span, start: int, end: int, lang: str) -> tuple[int, str] | None:
    """(end, unit) of a technical specification: a number and its symbol, spaced ("16 GB") or
    as one word ("2.6GHz", "1080p"); None for anything else."""
    units, glued = _spec_patterns(lang)
    if glued is not None and glued.fullmatch(doc[start:end].text):
        return end, doc[start:end].text.lstrip("0123456789.,")
    if end < sent.end and doc[end].text in units and doc[end - 1].text[-1:].isdigit() and not (
            end + 1 < sent.end and doc[end + 1].pos_ == "NOUN" and "Plur" in doc[end + 1].morph.get("Number")):
        return end + 1, doc[end].text  # "500 TB cases" counts cases (of tuberculosis)
    return None


def _not_a_quantity(doc: Doc, text: str, span: Span, raw: str, lang: str) -> bool:
    """Dates, years, times, references, phone-like groups, leading zeros."""
    data = _data(lang)
    before = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    after = doc[span.end].lower_.rstrip(".") if span.end < len(doc) else ""
    digits = THOUSANDS.sub("", raw)
    if (digits.startswith("0") and len(digits) > 1 and "," not in raw and "." not in raw) or \
            before in _months(lang) and data.get("day_after_month", True) or after in _months(lang):
        return True
    if before in _reference_words(lang) or _model_number(doc, span.start, len(doc)):
        return True
    if before in _figure_words(lang, "ranking_words") and after not in _percent_openers(lang):
        return True  # "the party's top 10 face off", "the Top 40 list": a ranking, not a count ("the top 1
        # percent" is a share)
    if span.start > 0 and doc[span.start - 1].pos_ == "PROPN" and doc[span.start - 1].whitespace_ \
            and doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].text not in currency_symbols(lang) and not (
                span.end < len(doc) and doc[span.end].pos_ == "NOUN" and "Plur" in doc[span.end].morph.get("Number")):
        return True  # "Boeing 737", "Paris 2024": part of a name ("Aclasta 2 semaines" counts weeks)
    if after in data.get("clock_hours", ()):  # "à 15 heures", "en 24 heures" tell a time; "les 35 heures",
        return parse_digits(raw, ".", False) <= 24  # "192 heures annuelles" count hours of work
    if after in data.get("time_words", ()) or text[span.end_char:span.end_char + 1] in (":", "h"):
        return True
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", raw):  # a year unless it plainly counts something
        if data.get("years_ungrouped"):
            return True  # "the 2001 attacks", "2016 elections": English groups a count ("2,000 troops")
        next_token = doc[span.end] if span.end < len(doc) else None
        counts = (next_token is not None and next_token.pos_ == "NOUN" and next_token.lower_ not in _months(lang)
                  and "Plur" in next_token.morph.get("Number"))  # "2000 soldats", not "2019 resource"
        if before in data.get("year_words", ()) or not counts:
            return True
    return False


def _word_quantities(sent: Span, lang: str, tokens: list[Token] | None = None, texts: list[str] | None = None):
    """Number words, approximate nouns ("une trentaine") and vague counts ("plusieurs");
    `tokens` or `texts`, the sentence's tokens or their texts if the caller has them."""
    data = _data(lang)
    if texts is not None:
        tokens = _Tokens(sent.doc, sent.start, len(texts))
    else:
        tokens = list(sent) if tokens is None else tokens
        texts = [t.text for t in tokens]
    opens = _opening_words(lang)
    i = 0
    while i < len(tokens):
        may_open = opens.get(texts[i])
        if may_open is None:
            may_open = opens[texts[i]] = _may_open(tokens[i], lang)
        if not may_open:  # none of the three below can start at this word: what they would find
            i += 1
            continue
        token = tokens[i]
        lower = token.lower_
        approx = _approximate(lower, data) if token.is_alpha else None
        if approx and (i + 1 == len(tokens) or tokens[i + 1].lower_ in APPROXIMATE_LINKS
                       or tokens[i + 1].pos_ == "NOUN"):
            plural = lower.endswith("s")
            first = tokens[i - 1].i if i > 0 and tokens[i - 1].pos_ == "DET" else token.i  # "des centaines"
            times = _approximate(tokens[i + 2].lower_, data) if plural and i + 2 < len(tokens) \
                and tokens[i + 1].lower_ in APPROXIMATE_LINKS and tokens[i + 2].lower_.endswith("s") else None
            if times:  # "tens of thousands", "des centaines de milliers": one order of size
                yield first, tokens[i + 2].i + 1, float(approx * times), ">", False
                i += 3
                continue
            yield first, token.i + 1, float(approx), (">" if plural else "~"), False
            i += 1
            continue
        vague = _vague(tokens, i, lang)
        if vague:
            length, value, qualifier = vague
            size = _approximate(tokens[i + length].lower_, data) if i + length < len(tokens) else None
            if size and size >= 100:  # "several thousand teachers", "quelques centaines de personnes": about
                # so many hundreds or thousands; "plusieurs milliers" (more than one) is an order of size
                yield token.i, token.i + length + 1, float(size * (1 if qualifier == ">" else value)), qualifier, False
                i += length + 1
                continue
            yield token.i, token.i + length, float(value), qualifier, True
            i += length
            continue
        number = _number_words(tokens, i, lang)
        if number:
            length, value = number
            yield token.i, token.i + length, float(value), None, False
            i += length
            continue
        i += 1


APPROXIMATE_LINKS = ("de", "d'", "d’", "of")


def _approximate(lower: str, data: dict) -> int | None:
    """The value of an approximate noun ("trentaine", "hundreds"), or of a plural one ("tens")."""
    return data.get("approximate_nouns", {}).get(lower.rstrip("s")) or data.get("approximate_plurals", {}).get(lower)


@cache
def _opening_words(lang: str) -> dict[str, bool]:
    """Token text -> whether `_may_open` holds (it reads only the word's lexeme: its text,
    lower-case form and whether it is alphabetic)."""
    return {}


def _may_open(token: Token, lang: str) -> bool:
    """Whether an approximate noun, a vague count or a run of number words may start at the
    token in `_word_quantities` (each of them needs what is tested here before anything else)."""
    lower = token.lower_
    if token.is_alpha and _approximate(lower, _data(lang)):
        return True
    if _vague_counts(lang).get(lower, ()):
        return True
    return bool(token.is_alpha and lower not in _data(lang).get("not_numbers", ())
                and _number_value(token.text, lang) is not None)


@cache
def _vague_counts(lang: str) -> dict[str, list[tuple[list[str], object, object]]]:
    """The vague counts of the language by their first word, each word's in the word list's order."""
    phrases: dict[str, list[tuple[list[str], object, object]]] = {}
    for phrase, (value, qualifier) in _data(lang).get("vague_counts", {}).items():
        words = phrase.split()
        phrases.setdefault(words[0], []).append((words, value, qualifier))
    return phrases


def _vague(tokens: list[Token], i: int, lang: str):
    for words, value, qualifier in _vague_counts(lang).get(tokens[i].lower_, ()):
        if [t.lower_ for t in tokens[i:i + len(words)]] == words:
            return len(words), value, qualifier
    return None


def _number_words(tokens: list[Token], i: int, lang: str):
    """(length, value) of the longest run of number words starting at i."""
    if not tokens[i].is_alpha or tokens[i].lower_ in _data(lang).get("not_numbers", ()) \
            or _number_value(tokens[i].text, lang) is None:  # a run of number words opens with one
        return None
    for length in range(min(MAX_WORD_NUMBER, len(tokens) - i), 0, -1):
        words = tokens[i:i + length]
        if not all(t.is_alpha or t.text == "-" for t in words):
            continue
        value = _number_value(" ".join(t.text for t in words).replace(" - ", "-"), lang)
        if value is not None:
            half = _and_a_half(tokens, i + length, lang)
            return (length + half, value + 0.5) if half else (length, value)
    return None


def _and_a_half(tokens: list[Token], at: int, lang: str) -> int:
    """How many tokens from `at` say "and a half" after number words ("five-and-a-half years",
    "two and a half years"; the language's `and_a_half` words, hyphens between them or not), else 0."""
    words = _data(lang).get("and_a_half", ())
    i = at
    for word in words:
        if i < len(tokens) and tokens[i].text == "-":  # "five-and-a-half"
            i += 1
        if i >= len(tokens) or tokens[i].lower_ != word:
            return 0
        i += 1
    return i - at


@lru_cache(maxsize=65536)
def _number_value(words: str, lang: str) -> int | None:
    try:
        return text2num(words, lang)
    except ValueError:
        return None


def _describe(doc: Doc, sent: Span, start: int, end: int, value: float, qualifier: str | None,
              vague: bool, lang: str, elided: str = "", sentence: str | None = None) -> Figure | None:
    """Scale, unit, qualifier, label and phrase around a quantity; None when it counts nothing
    a reader needs (a name, an attribution count, a phone number, an index level)."""
    data = _data(lang)
    sentence = sent.text.strip() if sentence is None else sentence
    if _rank(doc, sent, start, end, lang):  # "la 124e place au niveau mondial", "a 6th fatality linked to
        # Eastern Equine Encephalitis": what the place or the event is of, else none (see rank)
        phrase = _words(doc[end + 1:_complement_end(doc, end + 1, sent.end, lang)]) \
            or _participle_after(doc, sent, end + 1, lang)
        return Figure(value=value, display=doc[start:end + 1].text, qualifier=qualifier, label=doc[end].lower_,
                      sentence=sentence, start=doc[start].idx, end=doc[end].idx + len(doc[end]), kind="rank",
                      first_token=start, last_token=end + 1, phrase=phrase)
    kind, label, head = "count", "", None
    # scale words: "2,5 millions", "$23-million"
    scale_at = _glued(doc, end, sent.end)
    if scale_at < sent.end and doc[scale_at].lower_ in data.get("scales", {}) and not vague:
        value *= data["scales"][doc[scale_at].lower_]
        end = scale_at + 1
    # currency before ("$ 5", "€5") or after ("5 euros", "3 milliards d'euros", "88 billion Hong Kong dollars")
    currencies = data.get("currencies", {})
    spec = None if vague else _spec(doc, sent, start, end, lang)
    if spec is not None:  # "16 GB of memory", "a 2.6GHz processor", "1080p"
        kind, (end, label) = "measure", spec
    elif start > sent.start and doc[start - 1].lower_ in currencies and not doc[start - 1].is_alpha:
        kind, label, start = "money", currencies[doc[start - 1].lower_], start - 1
    elif start > sent.start and doc[start - 1].text in currency_symbols(lang):  # "Rs 300", "₹300", "RM 5"
        kind, label, start = "money", currency_symbols(lang)[doc[start - 1].text], start - 1
    else:
        unit_at = end + (1 if end < sent.end and doc[end].lower_ in ("de", "d'", "d’", "of") else 0)
        glued_at = _glued(doc, unit_at, sent.end)  # "1.2-billion-yuan fine"; "a 243-pound man" is a weight
        unit = _phrase_at(doc, glued_at, sent.end, currencies, _currency_index(lang))
        if glued_at > unit_at and unit and unit[0].lower() in data.get("measure_units", ()):
            unit = None
        unit_at = glued_at
        percent = _phrase_at(doc, end, sent.end, *_percent_table(lang))
        if percent:
            kind, label, end = "percent", "%", end + len(percent[0].split())
        elif unit:
            kind, label, end = "money", unit[1], unit_at + len(unit[0].split())
    if kind == "percent" and value >= 1000:  # "27,934.02 %": an index level read as a share
        return None
    # qualifier before ("environ 150") or after ("150 fois environ")
    if qualifier is None:
        qualifier = _qualifier_before(doc, sent, start, lang)
    if qualifier is None:
        qualifier = _qualifier_after(doc, sent, end, data)
    age = _age(doc, sent, start, end, lang) if kind == "count" and not vague else None
    if age is not None:
        end, phrase = age
        return Figure(value=value, display=doc[start:end].text, qualifier=qualifier, label=data["ages"]["label"],
                      sentence=sentence, start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]),
                      kind="age", first_token=start, last_token=end, phrase="" if phrase == NAMED_BEFORE else phrase,
                      named_from=_named_from(doc, sent) if phrase == NAMED_BEFORE else None) if phrase else None
    if kind == "count" and not vague:
        size = _size(doc, sent, end, lang)
        if size is not None:  # "a 500-metre-wide dish"
            unit_end, label, phrase = size
            return Figure(value=value, display=doc[start:unit_end].text, qualifier=qualifier, label=label,
                          sentence=sentence, start=doc[start].idx,
                          end=doc[unit_end - 1].idx + len(doc[unit_end - 1]), first_token=start,
                          last_token=unit_end, phrase=phrase) if phrase else None
        if _glued(doc, end, sent.end) > end:
            return None  # "a 13.8-billion-year period": a compound not read as a quantity
    said_before = ""
    if kind == "count":
        label, head = _label(doc, sent, start, end, data)
        if not label and not vague:
            label = _verb_after(doc, sent, end, lang) or _verb_before(doc, sent, start, lang)  # "of whom 7,844
            # have died", "the virus has killed nearly 3,000": deaths
        if not label and not vague:
            label, head = _number_of(doc, sent, start, lang)  # "bringing the number of Americans out of
            # work to 16.8 million": Americans out of work
        if not label and not vague:
            said_before = _reached(doc, sent, start, lang)  # "the toll rose to 3,100": the toll
            label = said_before.split()[-1].lower() if said_before else ""
        if not label and not vague and (end < sent.end and doc[end].is_punct
                                         or start > sent.start and doc[start - 1].lower_ in data.get("part_of", ())
                                         or _compared(doc, sent, start, data)):
            label = elided  # "tuant les 8 assaillants et en capturant 2.", "333 constats, dont 324 concernant…",
            # "lower than the 46,797 he saw"
        if not label or _not_news(doc, sent, start, end, head, value, lang):
            return None
        if head is not None and doc[start].is_alpha and doc[head].pos_ == "PROPN" and doc[head].text[:1].isupper():
            return None  # "Mille Babords", "three Washington": a name, not a count ("cinquante wikimédien.ne.s" is one)
    phrase = f": {said_before}" if said_before else _phrase(doc, sent, start, end, head, label, kind, lang)  # may be empty: see rank
    return Figure(value=value, display=doc[start:end].text, qualifier=qualifier, label=label, sentence=sentence,
                  start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]), kind=kind, vague=vague,
                  first_token=start, last_token=end, phrase=phrase,
                  title=head is not None and _in_title_case(doc, sent, end, head, lang))


def _in_title_case(doc: Doc, sent: Span, end: int, head: int, lang: str) -> bool:
    """"11 Fascinating Facts About Our Milky Way Galaxy", "7 Strange Signs You're Having an
    Allergic Reaction": the counted noun and a word beside it capitalised mid-sentence, that
    word no name (an adjective, a preposition, a pronoun), in a language that writes titles in
    Title Case: the title of another article, not a count ("450 Dreamers", "Two United States
    service members" are counts)."""
    if not _data(lang).get("title_case") or head == sent.start or not doc[head].text[:1].isupper():
        return False
    beside = [doc[i] for i in (head - 1, head + 1) if end <= i < sent.end]
    return any(t.text[:1].isupper() and t.pos_ not in ("PROPN", "NUM") for t in beside)


COUNT_LINKS = {"de", "d'", "d’", "des", "du", "of"}
PHRASE_WORDS = 8  # the longest phrase the box shows
BEFORE_WINDOW = 4  # verb and link words between a share and what it is a share of ("a atteint")
MONEY_WINDOW = 5  # "la firme a versé 79 millions de dollars": who paid
SMALL_MONEY = 10  # "$1": a price in passing, not a key figure


def _phrase(doc: Doc, sent: Span, start: int, end: int, head: int | None, label: str, kind: str, lang: str) -> str:
    """What the box shows after the number, taken from the sentence: the counted noun and its
    complement ("soldats en Irak"), the verb's events and their target ("attaques contre les
    troupes américaines"), what a percent is a share of ("des femmes", ": taux de chômage")."""
    if head is None and kind == "count":
        return label  # an elided noun or a verb's events
    if kind == "count" and doc[head].lower_ in _data(lang).get("times_words", ()):
        target = _passive_target(doc, sent, start, lang)
        return f"{label} {target}" if target else label
    if kind == "count" and head < start:  # "the number of Americans out of work … to 16.8 million"
        return _words(doc[head:_complement_end(doc, head + 1, start, lang)])
    if kind == "count":
        return _words(doc[end:_complement_end(doc, head + 1, sent.end, lang)])
    # a percent or money: "de/of" + what it is a share of, or "pour/for" + what it pays for
    if kind == "money" and end < sent.end and doc[end].lower_ in _data(lang).get("currencies", {}):
        end += 1  # "$7.9 million dollars of unpaid royalties": the unit once
    if end < sent.end and doc[end].text == "(":  # "$12.9bn (£10bn) from its listing", "the 1.2-billion-yuan
        # (US$171-million) telescope": past the aside
        close = next((t.i for t in doc[end:min(sent.end, end + 8)] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    if end < sent.end and (doc[end].pos_ == "NOUN" or kind == "measure" and doc[end].pos_ == "PROPN"):
        return _words(doc[end:_complement_end(doc, end, sent.end, lang)])  # "$250 billion list of goods", "the
        # 3 percent level", "a 2.6GHz Intel Core i7 processor"
    if end + 1 < sent.end and doc[end].pos_ == "DET" and doc[end + 1].pos_ == "NOUN" and kind == "percent":
        return _words(doc[end:_complement_end(doc, end + 1, sent.end, lang)])  # "à plus de 60 % une immigration de travail"
    if end < sent.end and (doc[end].pos_ == "ADP" or doc[end].lower_ in COUNT_LINKS):  # "10 000 euros d’amende"
        after = _complement_end(doc, end, sent.end, lang)
        if after > end + 1:
            return _words(doc[end:after])
    before = _noun_phrase_before(doc, sent, _qualifier_start(doc, sent, start, lang),  # "debt of more than $700
                                 BEFORE_WINDOW if kind == "percent" else MONEY_WINDOW,  # million": the debt's
                                 _figure_words(lang, "value_words") if kind == "money" else frozenset())
    if before and before.split()[-1].lower() in _unit_words(lang):
        before = ""  # "rose 3.5 percent to $27.2 billion": another quantity's unit
    if not before:
        before = _subject_of_change(doc, sent, start, lang)
    if not before and kind == "money":
        return _participle_after(doc, sent, end, lang)
    return f": {before}" if before else ""


def _participle_after(doc: Doc, sent: Span, end: int, lang: str) -> str:
    """What a sum with no noun of its own went to, told by the past participle right after it
    and its complement ("555 000 euros recueillis au total", "$5 million raised from
    investors"), else ""."""
    if end >= sent.end or doc[end].pos_ != "VERB":
        return ""
    morph = doc[end].morph
    if "Part" not in morph.get("VerbForm") or "Past" not in morph.get("Tense"):
        return ""
    return _words(doc[end:_complement_end(doc, end + 1, sent.end, lang)])


@cache
def _unit_words(lang: str) -> frozenset[str]:
    """The one-word units of shares and sums ("percent", "%", "dollars", "euros")."""
    data = _data(lang)
    return frozenset(w.lower() for w in (*data.get("percent", ()), *data.get("currencies", {})) if " " not in w)


@cache
def _size_units(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(units of measure, units of time) a number is written as one word with before its noun."""
    data = _data(lang)
    return frozenset(data.get("measure_units", ())), frozenset(data.get("duration_units", ()))


def _size(doc: Doc, sent: Span, end: int, lang: str) -> tuple[int, str, str] | None:
    """(end, unit, phrase) of a size or a span of time written as one word before its noun: "a
    500-metre-wide dish" -> "500-metre-wide" of "dish", "an 18-year insurgency against the
    government" -> "18-year" of "insurgency against the government"; None when no unit of
    measure or of time is glued to the number."""
    at = _glued(doc, end, sent.end)
    measures, durations = _size_units(lang)
    if at == end or doc[at].lower_ not in measures | durations:
        return None
    if doc[at].lower_ in durations and doc[end - 1].lower_ in _data(lang).get("scales", {}):
        return None  # "a 13.8-billion-year period": the age of things, no news
    noun = at + 1
    after = _glued(doc, noun, sent.end)
    if after > noun and doc[after].pos_ in ("ADJ", "ADV") and doc[after].is_alpha:  # "-wide", "-long"
        noun = after + 1
    if noun >= sent.end or doc[noun].pos_ != "NOUN" or not LABEL_WORD.match(doc[noun].text) or doc[at].text[:1].isupper():
        return noun, doc[at].lower_, ""  # "the 16-inch MacBook Pro", "the Six-Day War": a name, no size to report
    return noun, doc[at].lower_, _words(doc[noun:_complement_end(doc, noun, sent.end, lang)])


def _verb_after(doc: Doc, sent: Span, end: int, lang: str) -> str:
    """The events a count without a noun is the subject of ("of whom 7,844 have died" ->
    deaths, "dont 324 ont été tués" -> morts): a verb of the `verb_nouns` table right after
    the number, auxiliaries between."""
    i = end
    while i < sent.end and doc[i].pos_ == "AUX":
        i += 1
    return _events_of(doc[i], lang) if i < sent.end else ""


def _verb_before(doc: Doc, sent: Span, start: int, lang: str) -> str:
    """The events a count without a noun is the object of: "the virus has killed nearly 3,000"
    -> deaths, "l'épidémie a tué 30" -> morts (a verb of the `verb_nouns` table right before the
    number, a qualifier between; not "were killed 3 times", where "fois" names them)."""
    i = _qualifier_start(doc, sent, start, lang) - 1
    return _events_of(doc[i], lang) if i >= sent.start else ""


def _events_of(token: Token, lang: str) -> str:
    """The noun of the events a verb of the `verb_nouns` table tells ("died" -> deaths), else ""."""
    if token.pos_ != "VERB":
        return ""
    return _data(lang).get("verb_nouns", {}).get(lemma(token).lower(), "")


def _reached(doc: Doc, sent: Span, start: int, lang: str) -> str:
    """What a count without a noun is the new level of ("The death toll rose to 3,100",
    "le bilan est passé à 3 100"): the noun group before a verb of change right before it
    (a link word and a qualifier between)."""
    at = _qualifier_start(doc, sent, start, lang)
    i = at - 1
    while i > sent.start and (doc[i].pos_ == "ADP" or doc[i].lower_ in COUNT_LINKS) and at - i <= 2:
        i -= 1
    if i <= sent.start:
        return ""
    level = doc[i].pos_ == "VERB" and lemma(doc[i]).lower() in _data(lang).get("change_verbs", ())
    copula = doc[i].pos_ == "AUX" and lemma(doc[i]).lower() in _data(lang).get("copulas", ()) \
        and not doc[start].is_alpha  # "the caseload is nearly 162,000", "le bilan est de 3 100"; not "was one"
    if not (level or copula):
        return ""
    opening = _opening_group(doc, sent, i, lang) if copula else ""  # "The daily rise in coronavirus
    # deaths announced in New York state on Friday was 777": the subject, not "Friday"
    return opening or _noun_phrase_before(doc, sent, i + 1, BEFORE_WINDOW)


NUMBER_OF_WINDOW = 20  # tokens between "the number of" and the count it is given


def _number_of(doc: Doc, sent: Span, start: int, lang: str) -> tuple[str, int | None]:
    """A count without a noun that is the level of "the number of" something said before it in
    its clause ("bringing the number of Americans out of work over the last three weeks to 16.8
    million", "le nombre de chômeurs a atteint 3,2 millions"): (label, head), the counted noun
    the phrase opens with; ("", None) otherwise. The count must follow a link word, a verb of
    change or a copula, as a level does ("to", "à", "reached", "is"): "the number of cases
    doubled in 3 days" gives the days nothing."""
    words = _data(lang).get("number_of", ())
    at = _qualifier_start(doc, sent, start, lang) - 1
    if not words or at <= sent.start or not (
            doc[at].lower_ in _data(lang).get("change_targets", ()) or doc[at].lower_ in COUNT_LINKS
            or doc[at].pos_ in ("VERB", "AUX") and lemma(doc[at]).lower() in (
                *_data(lang).get("change_verbs", ()), *_data(lang).get("copulas", ()))):
        return "", None
    scan = at - 1
    while scan > sent.start and doc[scan].pos_ in ("AUX", "PART", "ADV"):
        scan -= 1  # "a atteint", "has reached": the level's own verb group
    for i in range(scan, max(sent.start, start - NUMBER_OF_WINDOW) - 1, -1):
        if doc[i].text in (";", ":", ",") or doc[i].pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") \
                or doc[i].lower_ in words and i + 2 >= at:
            return "", None  # another clause: "The number of tests doubled, but deaths reached 30"
        if doc[i].lower_ in words and doc[i + 1].lower_ in COUNT_LINKS:
            if i == sent.start or "Def" not in doc[i - 1].morph.get("Definite"):
                return "", None  # "a number of companies" is several of them, no count of them
            noun = i + 2
            while noun < at and doc[noun].pos_ in ("DET", "ADJ"):
                noun += 1
            last = noun
            while last + 1 < at and doc[last + 1].pos_ in ("NOUN", "PROPN") and LABEL_WORD.match(doc[last + 1].text):
                last += 1  # "new coronavirus cases": the cases
            if noun < at and doc[noun].pos_ in ("NOUN", "PROPN") and LABEL_WORD.match(doc[last].text):
                return doc[last].text, noun
            return "", None
    return "", None


def _subject_of_change(doc: Doc, sent: Span, start: int, lang: str) -> str:
    """'Renewable energy from hydroelectricity, solar power (…), increased 6 percent': what rose
    or fell by the share, the noun group that opens the sentence, when a verb of change stands
    right before the share ("increased 6 percent", "a baissé de 23 %")."""
    verb, target = start - 1, False
    if verb > sent.start and doc[verb].lower_ in _data(lang).get("change_targets", ()):
        at = verb - 1  # "revenue rose 3.5 percent to $27.2 billion": past the change, to the verb
        while at > sent.start and (doc[at].like_num or doc[at].lower_ in _unit_words(lang)):
            at -= 1
        verb, target = (at, True) if at < verb - 1 else (verb, False)
    if verb > sent.start and doc[verb].lower_ in COUNT_LINKS:
        verb -= 1
    if verb <= sent.start or doc[verb].pos_ != "VERB" or lemma(doc[verb]).lower() not in _data(lang).get("change_verbs", ()):
        return ""
    if target:  # what rose is the verb's own subject, right before it ("as revenue rose")
        return _noun_phrase_before(doc, sent, verb + 1, BEFORE_WINDOW)
    return _opening_group(doc, sent, verb, lang)


def _opening_group(doc: Doc, sent: Span, verb: int, lang: str) -> str:
    """The noun group that opens the sentence, before `verb`; past a possessor ("The state's
    confirmed caseload of Covid-19" -> "confirmed caseload of Covid-19"); "" when the sentence
    opens otherwise."""
    first = sent.start
    while True:
        while first < verb and doc[first].pos_ == "DET":
            first += 1
        if first >= verb or doc[first].pos_ not in ("NOUN", "PROPN", "ADJ"):
            return ""
        end = _complement_end(doc, first, verb, lang)
        if end + 1 < verb and doc[end].lower_ in ("'s", "’s"):
            first = end + 1  # the possessor's thing is the group
            continue
        return _words(doc[first:end])


FOOTNOTE = re.compile(r"(?<=\w)\[\d+\]?")  # "per shift[1]": a note's number glued to a word


def _words(span: Span) -> str:
    """A phrase of at most PHRASE_WORDS words, never ending on a link word, without a note's
    number, and with the bracket its last word opens closed ("a 401(k)")."""
    tokens = list(span)[:PHRASE_WORDS]
    while tokens and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT") or tokens[-1].lower_ in COUNT_LINKS):
        tokens.pop()
    phrase = FOOTNOTE.sub("", "".join(t.text_with_ws for t in tokens).strip())
    if tokens and phrase.count("(") > phrase.count(")"):
        after = tokens[-1].i + 1
        if after < len(span.doc) and span.doc[after].text == ")" and not tokens[-1].whitespace_:
            phrase += ")"
        else:
            phrase = phrase[:phrase.rindex("(")].rstrip()
    return phrase


def _complement_end(doc: Doc, at: int, limit: int, lang: str) -> int:
    """Where the noun group from `at` ends: adjectives, nouns of a compound or a name, and up
    to two complements ("d'autres pays", "en Irak", "against the troops")."""
    complements, i = 0, at
    while i < limit:
        token = doc[i]
        if token.pos_ in ("ADJ", "NOUN", "PROPN") and not token.is_punct and LABEL_WORD.match(token.text):
            i += 1
            continue
        if token.text in "-‐" and i > at and not doc[i - 1].whitespace_ and not token.whitespace_ \
                and i + 1 < limit and doc[i + 1].is_alpha:  # "record-breaking": one word the tokenizer split
            i += 2
            continue
        if (token.pos_ == "ADP" or token.lower_ in COUNT_LINKS) and complements < 2 \
                and token.lower_ not in _data(lang).get("not_complements", ()):
            j = i + 1
            while j < limit and (doc[j].pos_ in ("DET", "ADJ") or doc[j].pos_ == "NUM" and j > i + 1
                                 or doc[j].pos_ == "PRON" and "Yes" in doc[j].morph.get("Poss")) and not doc[j].is_punct:
                j += 1
            if j < limit and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].lower_ not in _months(lang) \
                    and doc[j].lower_ not in _data(lang).get("time_nouns", ()):
                complements, i = complements + 1, j + 1
                continue
        break
    return i


def _noun_phrase_before(doc: Doc, sent: Span, start: int, window: int, value_words: frozenset[str] = frozenset()) -> str:
    """The noun group the quantity is said of ("Le taux de chômage des femmes a atteint 22 %"
    -> "taux de chômage des femmes"): the nearest one before it in its clause. After one of
    `value_words`, the noun group right before it, whose value the sum is ("The masks, worth
    ¥40,000" -> "masks", "a deal worth $600 million" -> "deal")."""
    i = start - 1
    if i > sent.start and doc[i].text in (":", "("):
        i -= 1  # "Coût de l’opération : 100 000 euros", "une partie des salariés (17 %)"
    if i > sent.start and doc[i].lower_ in value_words:
        i -= 2 if doc[i - 1].text == "," and i - 1 > sent.start else 1  # "The masks, worth": past the comma
        if doc[i].pos_ not in ("NOUN", "PROPN") or not LABEL_WORD.match(doc[i].text):
            return ""
        first = i
        while first - 1 >= sent.start and doc[first - 1].pos_ in ("NOUN", "PROPN", "ADJ") and LABEL_WORD.match(doc[first - 1].text):
            first -= 1
        return _words(doc[max(first, i + 1 - 6):i + 1])
    while i >= max(sent.start, start - window) and not doc[i].is_punct and \
            doc[i].pos_ in ("VERB", "AUX", "ADV", "ADP", "DET", "PART"):
        i -= 1
    if i < sent.start or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ") or not LABEL_WORD.match(doc[i].text):
        return ""  # an adjective ends a group too: "l'Afrique subsaharienne a dépassé les 40 %"
    last, first = i, i
    while first - 1 >= sent.start:
        if first - 2 >= sent.start and _hyphenated_end(doc, first - 2, first + 1) == first:
            first -= 2  # "long-term debt": one word the tokenizer split
        elif not doc[first - 1].is_punct and (
                doc[first - 1].pos_ in ("NOUN", "PROPN", "ADJ")
                or ((doc[first - 1].pos_ in ("ADP", "DET") or doc[first - 1].lower_ in COUNT_LINKS)
                    and first - 2 >= sent.start and doc[first - 2].pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET"))):
            first -= 1
        else:
            break
    while first < last and doc[first].pos_ in ("ADP", "DET") and _hyphenated_end(doc, first, last + 1) == first:
        first += 1  # the link words before the group, not the first part of "in-feed units"
    if first - 1 >= sent.start and doc[first - 1].like_num and not doc[first - 1].whitespace_:
        first -= 1  # "512GB of storage", "4K UHD Smart HDTV": a symbol is said with its number
    if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[first:last + 1]):
        return ""  # "Satechi’s awesome $29 charger", "for as little as Rs 599": an adjective alone says nothing
    return _words(doc[max(first, last + 1 - 6):last + 1])


def _passive_target(doc: Doc, sent: Span, start: int, lang: str) -> str:
    """'Les troupes américaines ... ont été attaquées 150 fois' -> 'contre les troupes
    américaines': the subject of a passive verb is what the events were aimed at."""
    link = _data(lang).get("passive_target")
    verb = next((t for t in reversed(doc[max(sent.start, start - VERB_WINDOW):start]) if t.pos_ == "VERB"), None)
    if not link or verb is None or "Part" not in verb.morph.get("VerbForm") or \
            not any(lemma(t) in ("être", "be") for t in doc[max(sent.start, verb.i - 2):verb.i]):
        return ""
    subject = next((t for t in doc[sent.start:verb.i] if t.pos_ == "NOUN"), None)
    if subject is None:
        return ""
    determiner = doc[subject.i - 1].text_with_ws.lower() if subject.i > sent.start and doc[subject.i - 1].pos_ == "DET" else ""
    group = doc[subject.i:subject.i + 1]
    if subject.i + 1 < verb.i and doc[subject.i + 1].pos_ == "ADJ":
        group = doc[subject.i:subject.i + 2]
    return f"{link} {determiner}{group.text}"


MIN_AGE, MAX_AGE = 14, 110  # a number set off by commas after a name is an age between these
AGE_NOUN_WINDOW = 4  # tokens after "15-year-old" where the noun and its adjectives may be


def _age(doc: Doc, sent: Span, start: int, end: int, lang: str) -> tuple[int, str] | None:
    """(end, phrase) of an age: "un conducteur de 15 ans", "le conducteur, âgé de 15 ans" ->
    ": âge du conducteur"; "a 15-year-old driver" -> "driver"; "the nearly 60-year-old younger
    brother" -> "younger brother of heir"; "a man aged 45" -> ": age of the man"."""
    data = _data(lang).get("ages")
    if not data:
        return None
    for compound in data.get("compounds", ()):  # "a 15-year-old driver", "the driver, 15 years old"
        after = end + len(compound)
        if [t.lower_ for t in doc[end:after]] == compound:
            noun_end = _complement_end(doc, after, min(sent.end, after + AGE_NOUN_WINDOW), lang)
            if noun_end > after and any(t.pos_ in ("NOUN", "PROPN") for t in doc[after:noun_end]):
                return after, _words(doc[after:noun_end])  # adjectives first: "younger brother"
            det = start > sent.start and doc[start - 1].pos_ == "DET"
            person = _person_before(doc, sent, start - (1 if det else 0))
            if person is None and det and (after >= sent.end or doc[after].pos_ in ("VERB", "AUX", "PUNCT")):
                return after, NAMED_BEFORE  # "The 56-year-old said": the person last named (name_ages)
            return (after, ": " + _of_noun(person, data, lang)) if person is not None else None
    unit = end < sent.end and doc[end].lower_ in data["units"]
    before = doc[start - 1].lower_ if start > sent.start else ""
    after = end + (1 if unit else 0)
    if before == "," and start - 2 >= sent.start and doc[start - 2].pos_ == "PROPN" and doc[start].is_digit \
            and MIN_AGE <= int(doc[start].text) <= MAX_AGE and (after >= sent.end or doc[after].text in (",", ")", ";")):
        first = start - 2  # "Montoya-Lewis, 51, to serve": a person's age
        while first > sent.start and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].text in "-‐" and not doc[first - 1].whitespace_):
            first -= 1
        return after, _age_of(doc[first:start - 1].text, data, lang)
    if before in data.get("aged", ()):  # "a man aged 45"
        person_at = start - 2
    elif unit and before in data.get("links", ()):
        person_at = start - 2
        if person_at >= sent.start and doc[person_at].lower_ in data.get("aged_before_link", ()):
            person_at -= 1  # "âgé de"
    else:
        return None
    person = _person_before(doc, sent, person_at + 1)
    return (end + (1 if unit else 0), ": " + _of_noun(person, data, lang)) if person is not None else None


NAMED_BEFORE = "\x00"  # the phrase of an age whose person name_ages finds
NAMED_PERSON_SENTENCES = 2, 6  # sentences before an age said alone where its person is named: at least, at most
NAMED_PERSON_CHARS = 250  # and at least this many characters (a page's hard line breaks cut sentences short)


def _named_from(doc: Doc, sent: Span) -> int:
    """Where the person an age said alone is of may be named from (character offset): two
    sentences before `sent`, further back while they hold under NAMED_PERSON_CHARS characters."""
    first, back = sent, 0
    while first.start > 0 and back < NAMED_PERSON_SENTENCES[1] and (
            back < NAMED_PERSON_SENTENCES[0] or sent.start_char - first.start_char < NAMED_PERSON_CHARS):
        first, back = doc[first.start - 1].sent, back + 1
    return first.start_char


def name_ages(figures: list[Figure], mentions: list, entities: tuple[Entity, ...], lang: str) -> list[Figure]:
    """The figures, each age said alone ("Jose Mourinho's representatives... The Portuguese boss
    had been out of work... The 56-year-old said") given the person the article names last
    before it, in its sentence or the two before (`_named_from`): ": age of Jose Mourinho", by
    the entities as grouped, not by the model's label on that mention (it called "Mourinho" an
    organisation there, "Manchester United" a person); an age no person is named before is left
    out."""
    persons = {form: entity.name for entity in entities if entity.type == "person"
               for form in (entity.name, *entity.aliases)}
    kept = []
    for figure in figures:
        if figure.named_from is not None:
            named = [m for m in mentions if figure.named_from <= m.start and m.end <= figure.start and m.text in persons]
            if not named:
                continue
            figure.phrase = _age_of(persons[max(named, key=lambda m: m.start).text], _data(lang)["ages"], lang)
        kept.append(figure)
    return kept


def _age_of(name: str, data: dict, lang: str) -> str:
    """': age of Montoya-Lewis', ": âge d'Emmanuel Macron"."""
    link = ("d'" if name[:1].lower() in "aeiouyéèêàâîôûh" else "de ") if lang == "fr" else "of "
    return f": {data['age']} {link}{name}"


def _person_before(doc: Doc, sent: Span, at: int) -> Token | None:
    """The noun right before `at` (a comma between allowed): whose age it is."""
    i = at - 1
    while i >= sent.start and doc[i].is_punct:
        i -= 1
    return doc[i] if i >= sent.start and doc[i].pos_ in ("NOUN", "PROPN") and LABEL_WORD.match(doc[i].text) else None


def _of_noun(noun: Token, data: dict, lang: str) -> str:
    """'âge du conducteur', 'âge de la conductrice', 'âge de l'élève', 'âge des victimes';
    'age of the man'."""
    if noun.pos_ == "PROPN":
        return f"{data['age']} {'de' if lang == 'fr' else 'of'} {noun.text}"
    word = noun.lower_
    if lang != "fr":
        return f"{data['age']} of the {word}"
    if "Plur" in noun.morph.get("Number"):
        return f"{data['age']} des {word}"
    if word[:1] in "aeiouyéèêàâîôûh":
        return f"{data['age']} de l'{word}"
    return f"{data['age']} {'de la' if 'Fem' in noun.morph.get('Gender') else 'du'} {word}"


def _not_news(doc: Doc, sent: Span, start: int, end: int, head: int | None, value: float, lang: str) -> bool:
    """Counts an editor leaves out: attributions ("selon trois sources", "four people familiar
    with"), phone numbers ("911 calls"), list numbers ("1. Le premier…")."""
    data = _data(lang)
    if head is not None:
        after = " ".join(t.lower_ for t in doc[head + 1:head + 3])
        if doc[head].lower_ in data.get("attribution_labels", ()) or \
                any(after.startswith(w) for w in data.get("attribution_after", ())):
            return True
    if head == end and value >= 2 and _names_one_thing(doc, sent, start, head, lang):
        return True
    near = {t.lower_ for t in doc[max(sent.start, start - 2):min(sent.end, end + 2)]}
    if value in data.get("phone_numbers", ()) and near & set(data.get("phone_words", ())):
        return True
    return start == sent.start and end < sent.end and doc[end].text in (".", ")")


def _names_one_thing(doc: Doc, sent: Span, start: int, noun: int, lang: str) -> bool:
    """"The 777 program": a number between a definite article and one thing (a singular noun,
    not a unit or a time: "the 5,150 km", "the 47 year old") names it, it counts nothing. A
    number written in groups of thousands or with decimals names nothing ("The 60,000
    projection", "the 1.5 rise")."""
    return (start > sent.start and doc[start].like_num and not GROUPED.search(doc[start].text) and doc[start - 1].pos_ == "DET"
            and "Def" in doc[start - 1].morph.get("Definite") and doc[noun].pos_ == "NOUN"
            and doc[noun].morph.get("Number") == ["Sing"] and doc[noun].lower_ not in _units_and_times(lang))


@cache
def _units_and_times(lang: str) -> frozenset[str]:
    return frozenset((*_data(lang).get("measure_units", ()), *_data(lang).get("time_nouns", ())))


def _phrase_at(doc: Doc, at: int, limit: int, table: dict, index: dict | None = None):
    """(phrase, value) of the longest table phrase starting at token `at` (the first in the
    table's order among the longest). `index`, the table by first word (`_by_first_word`),
    saves trying the phrases that cannot start there."""
    if index is not None:
        if at >= limit:
            return None
        candidates = index.get(doc[at].lower_, ())
        if not candidates:
            return None
        best, best_length = None, -1
        for words, phrase, value in candidates:  # in the table's order
            if len(words) > best_length and at + len(words) <= limit \
                    and [t.lower_ for t in doc[at:at + len(words)]] == words:
                best, best_length = (phrase, value), len(phrase.split())
        return best
    best = None
    for phrase, value in table.items():
        words = str(phrase).lower().split()
        if at + len(words) <= limit and [t.lower_ for t in doc[at:at + len(words)]] == words:
            if best is None or len(words) > len(best[0].split()):
                best = (str(phrase), value)
    return best


def _by_first_word(table: dict) -> dict | None:
    """A table's phrases by their first lower-case word, each (words, phrase, value), in the
    table's order; None when a phrase has no word (it would match anywhere: no index)."""
    index: dict[str, list] = {}
    for phrase, value in table.items():
        words = str(phrase).lower().split()
        if not words:
            return None
        index.setdefault(words[0], []).append((words, str(phrase), value))
    return index


@cache
def _currency_index(lang: str) -> dict | None:
    return _by_first_word(_data(lang).get("currencies", {}))


@cache
def _percent_table(lang: str) -> tuple[dict, dict | None]:
    table = {p: p for p in _data(lang).get("percent", ())}
    return table, _by_first_word(table)


@cache
def _qualifier_phrases(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(symbol, words) of every qualifier phrase, longest first."""
    pairs = [(symbol, tuple(phrase.lower().replace("’", "'").split()))
             for symbol, phrases in _data(lang).get("qualifiers", {}).items() for phrase in phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(" ".join(pair[1]))))


@cache
def _qualifier_table(lang: str) -> tuple[tuple[int, ...], dict[tuple[str, ...], tuple[int, str]]]:
    """(the lengths of the qualifier phrases, words -> (rank, symbol) of the first phrase with
    those words in `_qualifier_phrases`' order): the first phrase that matches there is the
    matching one of lowest rank."""
    table: dict[tuple[str, ...], tuple[int, str]] = {}
    for rank_, (symbol, words) in enumerate(_qualifier_phrases(lang)):
        table.setdefault(words, (rank_, symbol))
    return tuple(sorted({len(words) for words in table})), table


def _qualifier_match(doc: Doc, sent: Span, start: int, lang: str) -> tuple[int, str] | None:
    """(begin, symbol) of the first qualifier phrase in `_qualifier_phrases`' order that ends
    right before `start`: the words before it read once per length, not once per phrase."""
    lengths, table = _qualifier_table(lang)
    best = None
    for length in lengths:
        begin = start - length
        if begin < sent.start:
            break
        found = table.get(tuple(t.lower_.replace("’", "'") for t in doc[begin:start]))
        if found is not None and (best is None or found[0] < best[0]):
            best = (found[0], found[1], begin)
    return (best[2], best[1]) if best is not None else None


def _qualifier_before(doc: Doc, sent: Span, start: int, lang: str) -> str | None:
    """'environ 150', 'plus de 3 millions': the qualifier in the words before the quantity."""
    found = _qualifier_match(doc, sent, start, lang)
    return found[1] if found is not None else None


def _qualifier_start(doc: Doc, sent: Span, start: int, lang: str) -> int:
    """Where the qualifier before a quantity begins ("injured more than 160"), else `start`."""
    found = _qualifier_match(doc, sent, start, lang)
    return found[0] if found is not None else start


def _qualifier_after(doc: Doc, sent: Span, end: int, data: dict) -> str | None:
    for symbol, phrases in data.get("qualifiers_after", {}).items():
        for phrase in phrases:
            words = phrase.lower().split()
            for skip in (0, 1):  # "150 fois environ"
                at = end + skip
                if at + len(words) <= sent.end and [t.lower_ for t in doc[at:at + len(words)]] == words:
                    return symbol
    return None


def _label(doc: Doc, sent: Span, start: int, end: int, data: dict) -> tuple[str, int | None]:
    """The noun the quantity counts and its token; for 'N fois/times', the noun of the counted
    verb. In a compound or a name the last noun counts ("two prison officers")."""
    following = doc[end:min(sent.end, end + LABEL_WINDOW)]
    if len(following) and following[0].lower_ in data.get("times_words", ()):
        verbs = data.get("verb_nouns", {})
        for token in reversed(doc[max(sent.start, start - VERB_WINDOW):start]):
            if token.pos_ in ("VERB", "AUX") and lemma(token).lower() in verbs:
                return verbs[lemma(token).lower()], following[0].i
        return following[0].lower_, following[0].i
    fallback: tuple[str, int | None] = ("", None)
    part = _partitive(doc, sent, end, data)
    if part is not None:  # "Four of the 12 boxes": a part of what the second number counts
        return doc[part].lower_, part
    at = end
    while at < min(sent.end, end + LABEL_WINDOW):
        token = doc[at]
        at += 1
        if token.lower_ in ("de", "d'", "d’", "des", "of"):
            continue
        if token.lower_ in data.get("time_nouns", ()) and token.lower_ not in data.get("minor_labels", ()):
            break  # "passé à 3 100 lundi": when, not what
        if _model_number(doc, token.i, sent.end):
            continue  # "roughly 400 737 Max jets": the model's number, then what is counted
        joined = _hyphenated_end(doc, token.i, sent.end)  # "light-years": one word the tokenizer split
        if joined > token.i and doc[joined].pos_ not in ("NOUN", "PROPN"):
            at = joined + 1
            if doc[joined].pos_ in ("ADJ", "VERB"):  # "40 anti-war protesters", "five state-owned banks"
                continue
            break
        if token.pos_ in ("NOUN", "PROPN") and LABEL_WORD.match(token.text) and len(token.text) > 1 \
                or joined > token.i and LABEL_WORD.match(doc[joined].text):
            last = doc[joined]
            while (following_at := _past_model_number(doc, last.i + 1, sent.end)) < sent.end \
                    and doc[following_at].pos_ in ("NOUN", "PROPN") and LABEL_WORD.match(doc[following_at].text) \
                    and (last.pos_ == "PROPN" or doc[following_at].pos_ == "NOUN"):
                last = doc[following_at]  # "50 Airbus A350-900 jets": the jets
            if last.pos_ == "PROPN":  # "30 Rohingyas" counts people; "30 Boeing" names a maker
                plural = last.i == token.i and ("Plur" in token.morph.get("Number") or token.text[:1].islower())
                return (token.text, token.i) if plural else ("", None)
            if last.i == joined > token.i:
                return doc[token.i:joined + 1].text.lower(), last.i  # "230 million light-years"
            return last.lower_, last.i
        if token.pos_ == "ADJ" and LABEL_WORD.match(token.text):
            fallback = fallback if fallback[0] else (token.lower_, token.i)  # "80 blessées": an adjective used as a noun
            continue
        if token.pos_ == "CCONJ" and fallback[0] and at < sent.end and doc[at].pos_ == "ADJ":
            continue  # "13,000 false or misleading claims": the adjectives of one noun
        if token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense") \
                and LABEL_WORD.match(token.text):
            fallback = fallback if fallback[0] else (token.lower_, token.i)
            continue
        break
    return fallback


def _hyphenated_end(doc: Doc, i: int, limit: int) -> int:
    """The last token of a word the tokenizer split at its hyphens ("light-years": light, -,
    years), when one starts at `i`; else `i`."""
    while i + 2 < limit and doc[i].is_alpha and doc[i + 1].text in "-‐" and not doc[i].whitespace_ \
            and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
        i += 2
    return i


def _compared(doc: Doc, sent: Span, start: int, data: dict) -> bool:
    """Whether the quantity at `start` is compared with one said before ("than the 46,797",
    "contre 800"), so that it counts the same thing."""
    before = start - 1 - (start - 1 > sent.start and doc[start - 1].pos_ == "DET")
    return before >= sent.start and doc[before].lower_ in data.get("compared_links", ())


def _model_number(doc: Doc, i: int, limit: int) -> bool:
    """'737' in "400 737 Max jets": a number right after another one and before a capitalised
    name is a model's designation, not a second quantity."""
    return (0 < i and i + 1 < limit and any(c.isdigit() for c in doc[i].text) and doc[i - 1].like_num
            and doc[i - 1].whitespace_ and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper())


def _past_model_number(doc: Doc, i: int, limit: int) -> int:
    """Past the number of a model's name ("Boeing 787", "787-9", "A350-900"): the next token;
    else `i`."""
    if i < limit and doc[i].text.isdigit() and doc[i - 1].pos_ == "PROPN" and doc[i - 1].whitespace_:
        i += 1  # "Boeing 787"
    glued = _glued(doc, i, limit)
    return glued + 1 if glued > i and doc[glued].text.isdigit() else i  # "-9", "-900"


def _partitive(doc: Doc, sent: Span, end: int, data: dict) -> int | None:
    """The noun a part is taken from: "Four of the 12 boxes of masks", "trois des cinq juges"
    (a link, a determiner, a number, then the noun); None otherwise."""
    i = end
    if i < sent.end and doc[i].lower_ in data.get("partitive_links", ()):
        i += 1
        while i < sent.end and doc[i].pos_ == "DET":
            i += 1
        if i + 1 < sent.end and doc[i].like_num and doc[i + 1].pos_ == "NOUN" and LABEL_WORD.match(doc[i + 1].text):
            return i + 1
    return None


MAX_FIGURES = 8  # the box is a compact list
SMALL_WORD_NUMBER = 3  # "deux visions", "three times": words that count what no editor picks


# A share's size says nothing of its weight ("2 % de la population" is news as much as "60 %"):
# every percent counts as one of typical size, so shares are ordered by what they are a share of
# and where they stand, not by how big they are.
TYPICAL_SHARE = 20.0

FULL_BOX = 4  # figures that give a number: with as many, orders of size stay out


def _order_of_size(f: Figure) -> bool:
    """'des centaines', 'thousands of customers': a size without a number."""
    return f.qualifier == ">" and f.display[:1].isalpha()


def _significant(value: float) -> int:
    """Significant digits of a value as written: 9e9 -> 1, 8.8e9 -> 2, 2500 -> 2."""
    digits = f"{value:.6e}".split("e")[0].replace(".", "").rstrip("0")
    return max(len(digits), 1)


def _precise_twin(f: Figure, figures: list[Figure], title_end: int) -> Figure | None:
    """The body's precise form of `f` when `f` is the headline's round form of a sum or count
    ("$9 billion order" in the headline, "valued at $8.8 billion" below): one fact, the
    precise figure kept in the headline's place. Shares are left alone (every share has the
    label "%")."""
    if f.start >= title_end or f.kind == "percent" or f.vague or not f.value:
        return None
    digits = _significant(f.value)
    for other in figures:
        if other.start < title_end or other.kind != f.kind or other.label != f.label or other.vague \
                or not other.value or _significant(other.value) <= digits:
            continue
        if float(f"{other.value:.{digits - 1}e}") == f.value:
            return other
    return None


# The ranking's weights, measured (issue 14, ninth round): a logistic fit of "an editor picks
# it" over the 256 figures of the gold set's tune and dev pages, rounded. What an editor picks:
# the headline's figures 0.78 of the time, the lead's 0.65, the body's 0.49; a figure written in
# digits 0.64, in words 0.25; a phrase of one word 0.37, of three or four 0.65; a value under 10
# 0.22, under 100 0.44, above 0.70; a minor unit (days, times) 0.34; a label of the old
# `salient_labels` list 0.56 against 0.58 for the others, so that list no longer weighs. The
# same features fitted without a page rank it about as well as with it (leave-one-page-out),
# so no weight rests on one page. The headline's and the lead's figures come first.
HEADLINE, LEAD = 10.0, 9.0
SIZE = 0.5  # per order of size (a share counts as one of typical size)
PHRASE = 0.4  # per word of the phrase, up to four: a figure that says what it counts and where
REPEATED = 1.0  # per doubling of how often the article says it ("35 heures" again and again)
IN_WORDS = -1.0  # "three streets", "une trentaine": written in words, a count in passing
MINOR = -1.0  # days, times, sources, pages: the data's minor_labels
SHARE, AGE = 0.5, 0.5


def rank(figures: list[Figure], title_end: int, lead_end: int, lang: str) -> list[Figure]:
    """The figures an editor would pick, best first: the headline's and the lead's first (a
    headline's round figure by the body's precise one), then by measured weights (size, a
    phrase that says what is counted, repetition; less for a count in words or of a minor
    unit); the same fact once (the better phrase kept), vague quantities only when nothing
    better exists, nothing without a phrase (a share of nothing, money for nothing), at most
    MAX_FIGURES."""
    data = _data(lang)
    salient, minor = set(data.get("salient_labels", ())), set(data.get("minor_labels", ()))
    generic = set(data.get("generic_labels", ()))
    said = Counter((round(f.value, 6), f.label) for f in figures)
    twins = [(f, _precise_twin(f, figures, title_end)) for f in figures]
    in_headline = {id(twin) for _f, twin in twins if twin is not None}  # the headline's fact, said precisely
    figures = [f for f, twin in twins if twin is None and not (f.title and f.start >= title_end)]  # a title
    # in the body is another article's; the headline's own figures stay, in Title Case or not

    def salience(f: Figure) -> float:
        score = 0.0
        if not _order_of_size(f):  # an order of size is no number: not first for where it stands
            score += HEADLINE if f.start < title_end or id(f) in in_headline else LEAD if f.start < lead_end else 0.0
        score += SIZE * math.log10(max(TYPICAL_SHARE if f.kind in ("percent", "measure")
                                       else 1.0 if f.kind in ("rank", "score") else f.value, 1.0))  # "1080p" is no
        # larger than "60fps", nor "112-107" than "2-0"
        score += PHRASE * min(len(f.phrase.split()), 4)
        score += REPEATED * math.log2(said[(round(f.value, 6), f.label)])
        score += IN_WORDS if f.display[:1].isalpha() else 0.0
        score += MINOR if f.label in minor else 0.0
        return score + {"percent": SHARE, "age": AGE}.get(f.kind, 0.0)

    def trivial(f: Figure) -> bool:  # "deux visions", "trois mois" in the body
        return (f.kind == "count" and f.display[:1].isalpha() and not f.vague and f.value <= SMALL_WORD_NUMBER
                and f.label not in salient and f.start >= lead_end)

    kept: list[Figure] = []
    for figure in sorted(figures, key=lambda f: (-salience(f), f.start)):
        same = [k for k in kept if round(k.value, 6) == round(figure.value, 6) and k.kind == figure.kind]
        vaguer = [k for k in same if k.label in generic and figure.label not in generic]
        if vaguer:  # "two men" beside "Two loggers": one fact, the precise phrase kept
            kept[kept.index(vaguer[0])] = figure
        elif not any(k.label == figure.label or figure.label in generic for k in same):
            kept.append(figure)
    kept = [f for f in kept if f.phrase and not trivial(f) and not (f.kind == "money" and f.value < SMALL_MONEY)]
    if any(not f.vague for f in kept):
        kept = [f for f in kept if not f.vague]
    if sum(not _order_of_size(f) for f in kept) >= FULL_BOX:  # "des centaines" fills a thin box, not a full one
        kept = [f for f in kept if not _order_of_size(f)]
    return kept[:MAX_FIGURES]


def key_figures_of(doc: Doc, lang: str, title_end: int, lead_end: int) -> tuple[KeyFigure, ...]:
    return tuple(f.key_figure() for f in rank(find_figures(doc, lang), title_end, lead_end, lang))
