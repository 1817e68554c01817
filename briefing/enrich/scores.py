"""A match's final score as a key figure: "Wales beat Hungary 2-0", "Eastern Michigan rolled
past Northern Illinois, 45-17", "Lyon a battu Marseille 3-1".

A score is two small numbers joined by a dash in a sentence that tells a result (one of the
language's `scores.cues`: beat, lost, victoire, score...). It is not a range ("10-15 people":
a noun follows), a date ("Oct. 5-7", "18-24 November"), a team's record in a list ("The
Gophers (9-1, 6-1)"), nor one set of a tennis match ("6-7 (4), 6-4, 7-5"). Its value is the
first number, as an editor writes it; its phrase, the two sides named around the word that
tells the result, the second right before the score ("Wales – Hungary"); without both, no
figure ("un score nul (1-1)", "Paris won 3-1 against Lyon" name them otherwise: not read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

SCORE = re.compile(r"(?<![\w.,/$€£:–-])(\d{1,3}) ?[-–] ?(\d{1,3})(?![\w/%:]|[.,]\d| ?[-–] ?\d)")
MAX_POINTS = 200  # a basketball score; more is no match's
MAX_SCORES = 2  # a sentence with more lists a tennis match's sets or a table of results


@dataclass(frozen=True)
class Score:
    first_token: int
    last_token: int
    value: int
    display: str
    phrase: str


def scores_in(doc: Doc, sent: Span, sent_text: str, data: dict, months: frozenset[str]) -> list[Score]:
    """The final scores of a sentence (`sent_text`, its text), with `data` the language's
    `scores` table ({cues, nouns}) and `months` its month names."""
    if not data or not SCORE.search(sent_text):
        return []
    matches = list(SCORE.finditer(sent_text))
    if len(matches) > MAX_SCORES:
        return []  # "6-7 (4), 6-4, 7-5": a tennis match's sets, a table of results
    cues = frozenset(data.get("cues", ()))
    found = []
    for k, match in enumerate(matches):
        if any(other is not match and not sent_text[min(other.end(), match.end()):max(other.start(), match.start())].strip()
               for other in matches[max(k - 1, 0):k + 2]):
            continue  # "6-4 6-3": sets side by side
        first, second = int(match.group(1)), int(match.group(2))
        span = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if span is None or max(first, second) > MAX_POINTS or _not_a_score(doc, span, sent, data, months):
            continue
        phrase = _sides(doc, sent, span, cues)
        if phrase:
            found.append(Score(span.start, span.end, first, f"{first}-{second}", phrase))
    return found


def _not_a_score(doc: Doc, span: Span, sent: Span, data: dict, months: frozenset[str]) -> bool:
    """A range before its noun, a date, a record or a set in a list of them."""
    after = doc[span.end] if span.end < sent.end else None
    before = doc[span.start - 1] if span.start > sent.start else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and after.lower_ not in data.get("nouns", ()) \
            and after.lower_ not in data.get("time_nouns", ()):
        return True  # "10-15 people", "18-24 November"; "a 5-2 victory", "5-4 Tuesday night" are scores
    if before is not None and (before.lower_.rstrip(".") in months or before.lower_.rstrip(".") in data.get("months", ())):
        return True  # "Oct. 5-7", "Sept. 3-5"
    if after is not None and after.text == "," and span.end + 1 < sent.end and doc[span.end + 1].like_num:
        return True  # "(9-1, 6-1)": one of a list
    if before is not None and before.text == "," and span.start - 2 >= sent.start and doc[span.start - 2].like_num:
        return True  # "6-3, 7-5": the last of a list
    return after is not None and after.text == "(" and span.end + 1 < sent.end and doc[span.end + 1].like_num
    # "7-6 (5)": a tennis set and its tie-break


def _sides(doc: Doc, sent: Span, span: Span, cues: frozenset[str]) -> str:
    """The two sides of the match, named around the word that tells its result, the nearest
    before the score: "Wild beat Sabres 4-1", "Eastern Michigan rolled past Northern Illinois,
    45-17", "Lakers hold off OKC 112-107": "Wild – Sabres"; "" when either side is no name."""
    for cue in range(span.start - 1, sent.start, -1):
        if doc[cue].lower_ not in cues:
            continue
        left_end = cue
        while left_end > sent.start and doc[left_end - 1].pos_ in ("AUX", "ADV", "PART"):
            left_end -= 1  # "have beaten", "easily beat"
        left = _name_before(doc, sent, left_end)
        right_start = cue + 1
        while right_start < span.start and doc[right_start].pos_ in ("ADP", "DET", "PART", "ADV") \
                and not doc[right_start].text[:1].isupper():
            right_start += 1  # "rolled past", "hold off the"
        right = _name_after(doc, right_start, span.start)
        gap = doc[right_start + len(right.split()):span.start].text.strip() if right else ""
        if left and right and left != right and gap in ("", ","):  # "Wales beat Hungary 2-0", "rolled past
            return f"{left} – {right}"  # Northern Illinois, 45-17"; not "Apple over Samsung was 60-40"
    return ""


def _in_name(token) -> bool:
    """A word of a side's name: a proper noun, or a capitalised noun ("Lakers", which the model
    reads as the plural it also is)."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.text[:1].isupper()


def _name_before(doc: Doc, sent: Span, end: int) -> str:
    start = end
    while start > sent.start and _in_name(doc[start - 1]):
        start -= 1
    return doc[start:end].text if start < end else ""


def _name_after(doc: Doc, start: int, limit: int) -> str:
    end = start
    while end < limit and _in_name(doc[end]):
        end += 1
    return doc[start:end].text if end > start else ""
