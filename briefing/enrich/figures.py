"""Key figures: every quantity an article states, what it counts, and how sure it is.

Digits are read with the article's own decimal convention ("2 500", "2.500", "2,500" are
thousands; "12,5" is a decimal in French); number words go through text2num ("quatre", "two
hundred"); scale words ("millions"), approximate nouns ("une trentaine", "des centaines"),
percentages and currencies are data per language (briefing/data/<lang>.yaml, `figures`).
Dates, years, times, references ("article 49") and ordinals are not quantities. The label is
the noun the number counts; a count of events written with a verb is named by the verb's noun
("attaquées environ 150 fois" -> ~150 attaques). Figures are ranked by salience.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from babel.dates import get_month_names
from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from briefing.record import KeyFigure
from briefing.lexicon import lexicon

DIGITS = re.compile(r"(?<![\w.,\-/:])(\d+(?:[ \u00a0\u202f.,’']\d{3}(?!\d))*(?:[.,]\d+)?)(?![\w\-/]|[.,:]\d)")
THOUSANDS = re.compile(r"[ \u00a0\u202f’']")
MAX_WORD_NUMBER = 5  # tokens in "deux cent cinquante mille"
LABEL_WINDOW = 4  # tokens after a number where its noun may be
VERB_WINDOW = 6
LABEL_WORD = re.compile(r"^[^\W\d_](?:[\w’'.\-]*\w)?$")  # "soldats", "wikimédien.ne.s"  # tokens before "fois" where the counted verb may be


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
    kind: str = "count"  # count | percent | money
    vague: bool = False
    first_token: int = 0  # token span, scale and unit words included
    last_token: int = 0
    phrase: str = ""  # what the site shows after the number

    def key_figure(self) -> KeyFigure:
        value = int(self.value) if float(self.value).is_integer() else round(self.value, 6)
        return KeyFigure(value=value, display=self.display, label=self.label, sentence=self.sentence,
                         qualifier=self.qualifier, phrase=self.phrase)


@cache
def _data(lang: str) -> dict:
    return lexicon(lang).get("figures", {})


@cache
def _months(lang: str) -> frozenset[str]:
    names = set()
    for width in ("wide", "abbreviated"):
        names |= {m.lower().rstrip(".") for m in get_month_names(width, locale=lang).values()}
    return frozenset(names)


@cache
def _reference_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in _data(lang).get("reference_words", ()))


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


def find_figures(doc: Doc, lang: str) -> list[Figure]:
    """Every quantity of the document, in text order."""
    if not _data(lang):
        return []
    text = doc.text  # Doc.text joins every token: once per document, not per number
    mark, shown = decimal_mark(text, lang)
    figures: list[Figure] = []
    for sent in doc.sents:
        taken: set[int] = set()
        for found in (*_digit_quantities(doc, text, sent, mark, shown, lang), *_word_quantities(sent, lang)):
            start_token, end_token, value, qualifier, vague = found
            if taken & set(range(start_token, end_token)):
                continue
            previous = next((f.label for f in reversed(figures) if f.sentence == sent.text.strip()), "")
            figure = _describe(doc, sent, start_token, end_token, value, qualifier, vague, lang, previous)
            if figure is not None:
                taken.update(range(figure.first_token, figure.last_token))
                figures.append(figure)
    figures.sort(key=lambda f: f.start)
    return figures


def _digit_quantities(doc: Doc, text: str, sent: Span, mark: str, shown: bool, lang: str):
    for match in DIGITS.finditer(sent.text):
        raw = match.group(1)
        start = sent.start_char + match.start(1)
        span = doc.char_span(start, start + len(raw), alignment_mode="expand")
        if span is None or _not_a_quantity(doc, text, span, raw, lang):
            continue
        yield span.start, span.end, parse_digits(raw, mark, shown), None, False


def _not_a_quantity(doc: Doc, text: str, span: Span, raw: str, lang: str) -> bool:
    """Dates, years, times, references, phone-like groups, leading zeros."""
    data = _data(lang)
    before = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    after = doc[span.end].lower_.rstrip(".") if span.end < len(doc) else ""
    digits = THOUSANDS.sub("", raw)
    if (digits.startswith("0") and len(digits) > 1 and "," not in raw and "." not in raw) or \
            before in _months(lang) or after in _months(lang):
        return True
    if before in _reference_words(lang):
        return True
    if after in data.get("time_words", ()) or text[span.end_char:span.end_char + 1] in (":", "h"):
        return True
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", raw):  # a year unless it plainly counts something
        next_token = doc[span.end] if span.end < len(doc) else None
        counts = next_token is not None and next_token.pos_ == "NOUN" and next_token.lower_ not in _months(lang)
        if before in data.get("year_words", ()) or not counts:
            return True
    return False


def _word_quantities(sent: Span, lang: str):
    """Number words, approximate nouns ("une trentaine") and vague counts ("plusieurs")."""
    data = _data(lang)
    tokens = list(sent)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        lower = token.lower_
        approx = data.get("approximate_nouns", {}).get(lower.rstrip("s")) if token.is_alpha else None
        if approx and (i + 1 == len(tokens) or tokens[i + 1].lower_ in ("de", "d'", "d’", "of")
                       or tokens[i + 1].pos_ == "NOUN"):
            plural = lower.endswith("s")
            first = tokens[i - 1].i if i > 0 and tokens[i - 1].pos_ == "DET" else token.i  # "des centaines"
            yield first, token.i + 1, float(approx), (">" if plural else "~"), False
            i += 1
            continue
        vague = _vague(tokens, i, data)
        if vague:
            length, value, qualifier = vague
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


def _vague(tokens: list[Token], i: int, data: dict):
    for phrase, (value, qualifier) in data.get("vague_counts", {}).items():
        words = phrase.split()
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
            return length, value
    return None


@lru_cache(maxsize=65536)
def _number_value(words: str, lang: str) -> int | None:
    try:
        return text2num(words, lang)
    except ValueError:
        return None


def _describe(doc: Doc, sent: Span, start: int, end: int, value: float, qualifier: str | None,
              vague: bool, lang: str, elided: str = "") -> Figure | None:
    """Scale, unit, qualifier and label around a quantity; None when it counts nothing."""
    data = _data(lang)
    kind, label = "count", ""
    # scale words: "2,5 millions"
    if end < sent.end and doc[end].lower_ in data.get("scales", {}) and not vague:
        value *= data["scales"][doc[end].lower_]
        end += 1
    # currency before ("$ 5", "€5") or after ("5 euros", "3 milliards d'euros")
    currencies = data.get("currencies", {})
    if start > sent.start and doc[start - 1].lower_ in currencies and not doc[start - 1].is_alpha:
        kind, label, start = "money", currencies[doc[start - 1].lower_], start - 1
    else:
        unit_at = end + (1 if end < sent.end and doc[end].lower_ in ("de", "d'", "d’", "of") else 0)
        unit = _phrase_at(doc, unit_at, sent.end, currencies)
        percent = _phrase_at(doc, end, sent.end, {p: p for p in data.get("percent", ())})
        if percent:
            kind, label, end = "percent", "%", end + len(percent[0].split())
        elif unit:
            kind, label, end = "money", unit[1], unit_at + len(unit[0].split())
    # qualifier before ("environ 150") or after ("150 fois environ")
    if qualifier is None:
        qualifier = _qualifier_before(doc, sent, start, lang)
    if qualifier is None:
        qualifier = _qualifier_after(doc, sent, end, data)
    if kind == "count":
        label = _label(doc, sent, start, end, data)
        if not label and end < sent.end and doc[end].is_punct and not vague:
            label = elided  # "tuant les 8 assaillants et en capturant 2."
        if not label:
            return None
    return Figure(value=value, display=doc[start:end].text, qualifier=qualifier, label=label, sentence=sent.text.strip(),
                  start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1]), kind=kind, vague=vague,
                  first_token=start, last_token=end, phrase=_shown_phrase(doc, sent, end, label))


COUNT_LINKS = {"de": " ", "d'": "", "d’": "", "of": " "}  # a link word and the space after it


def _shown_phrase(doc: Doc, sent: Span, end: int, label: str) -> str:
    """What the site shows after the number, as the sentence says it: "de soldats" after "Des
    centaines", "soldats" after "2 500", nothing after "12,5 %"."""
    if label == "%":
        return ""
    if end >= sent.end or not doc[end - 1].whitespace_:
        return label
    at, link = end, ""
    if at + 1 < sent.end and COUNT_LINKS.get(doc[at].lower_) == doc[at].whitespace_:
        at, link = at + 1, doc[at].text_with_ws
    offset = doc[at].idx - sent.start_char
    return link + label if sent.text[offset:offset + len(label)].lower() == label.lower() else label


def _phrase_at(doc: Doc, at: int, limit: int, table: dict):
    """(phrase, value) of the longest table phrase starting at token `at`."""
    best = None
    for phrase, value in table.items():
        words = str(phrase).lower().split()
        if at + len(words) <= limit and [t.lower_ for t in doc[at:at + len(words)]] == words:
            if best is None or len(words) > len(best[0].split()):
                best = (str(phrase), value)
    return best


@cache
def _qualifier_phrases(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(symbol, words) of every qualifier phrase, longest first."""
    pairs = [(symbol, tuple(phrase.lower().replace("’", "'").split()))
             for symbol, phrases in _data(lang).get("qualifiers", {}).items() for phrase in phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(" ".join(pair[1]))))


def _qualifier_before(doc: Doc, sent: Span, start: int, lang: str) -> str | None:
    """'environ 150', 'plus de 3 millions': the qualifier in the words before the quantity."""
    for symbol, words in _qualifier_phrases(lang):
        begin = start - len(words)
        if begin >= sent.start and tuple(t.lower_.replace("’", "'") for t in doc[begin:start]) == words:
            return symbol
    return None


def _qualifier_after(doc: Doc, sent: Span, end: int, data: dict) -> str | None:
    for symbol, phrases in data.get("qualifiers_after", {}).items():
        for phrase in phrases:
            words = phrase.lower().split()
            for skip in (0, 1):  # "150 fois environ"
                at = end + skip
                if at + len(words) <= sent.end and [t.lower_ for t in doc[at:at + len(words)]] == words:
                    return symbol
    return None


def _label(doc: Doc, sent: Span, start: int, end: int, data: dict) -> str:
    """The noun the quantity counts; for 'N fois/times', the noun of the counted verb."""
    following = [t for t in doc[end:min(sent.end, end + LABEL_WINDOW)]]
    if following and following[0].lower_ in data.get("times_words", ()):
        verbs = data.get("verb_nouns", {})
        for token in reversed(doc[max(sent.start, start - VERB_WINDOW):start]):
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in verbs:
                return verbs[token.lemma_.lower()]
        return following[0].lower_
    fallback = ""
    for token in following:
        if token.lower_ in ("de", "d'", "d’", "des", "of"):
            continue
        if token.pos_ in ("NOUN", "PROPN") and LABEL_WORD.match(token.text):
            return token.text if token.pos_ == "PROPN" else token.lower_
        if token.pos_ in ("ADJ", "VERB") and LABEL_WORD.match(token.text):
            fallback = fallback or token.lower_  # "80 blessées": an adjective used as a noun
            continue
        break
    return fallback


def rank(figures: list[Figure], title_end: int, lead_end: int, lang: str) -> list[Figure]:
    """The story's numbers first: what they count (people, casualties, troops, money, events),
    where they stand (headline, lead), their size; the same fact once."""
    data = _data(lang)
    salient, minor = set(data.get("salient_labels", ())), set(data.get("minor_labels", ()))

    def salience(f: Figure) -> float:
        score = 3.0 if f.label in salient else -1.0 if f.label in minor else 1.0
        score += 2.0 if f.start < title_end else 1.0 if f.start < lead_end else 0.0
        score += 0.3 * math.log10(max(f.value, 1.0))
        score += {"money": 1.0, "percent": 0.5}.get(f.kind, 0.0)
        return score - (1.5 if f.vague else 0.0) - (0.5 if f.qualifier == ">" and f.display[:1].isalpha() else 0.0)

    ordered = sorted(figures, key=lambda f: (-salience(f), f.start))
    seen, kept = set(), []
    for figure in ordered:
        key = (round(figure.value, 6), figure.label)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def key_figures_of(doc: Doc, lang: str, title_end: int, lead_end: int) -> tuple[KeyFigure, ...]:
    return tuple(f.key_figure() for f in rank(find_figures(doc, lang), title_end, lead_end, lang))
