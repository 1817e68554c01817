"""The factoring of a long expression whose alternatives share a large ending
(briefing/enrich/french_tokens.py, for spaCy's French TOKEN_MATCH), on an expression of the
same shape built here: the factored one matches exactly the words the original matches."""

from __future__ import annotations

import itertools
import re

from briefing.enrich.french_tokens import LONG_PATTERN, factor, quick_compile, quick_french_compile

# A large class like spaCy's lower-case letters: Latin, accented, Greek and Cyrillic, as escapes.
LETTERS = "[a-z\\u00e0-\\u00f6" + "".join(f"\\u{code:04x}" for code in [*range(0x3b1, 0x3ca), *range(0x430, 0x450)]) + "]"
LETTERS_AND_MARKS = LETTERS[:-1] + "'\\-]"
HEADS = ["".join(word) for word in itertools.islice(itertools.product("bcdfglmnp", "aeiou", "rst", "eéa"), 400)]


def expression() -> str:
    alternatives = []
    for i, head in enumerate(HEADS):
        ending = [f"{LETTERS}+$", f"{LETTERS}*$", f"{LETTERS}{LETTERS_AND_MARKS}*$"][i % 3]
        alternatives.append(f"^{head}[-–]{head[::-1]}{ending}")
    alternatives += ["^qu[’']est[-–]ce$", f"^x(?:a|b)[-–]{LETTERS}+$", f"^top{LETTERS}+$|^bottom$"]
    return "(?iu)" + "|".join(f"(?:{alternative})" for alternative in alternatives)


def words() -> list[str]:
    found = ["qu'est-ce", "QU’EST–CE", "xa-b", "xb-", "top", "tops", "bottom", "bottoms", ""]
    for head in HEADS[:60]:
        for tail in ["", "s", "x'-y", "ЖЖ", "жж", "É", "1", "'", " "]:
            found += [f"{head}-{head[::-1]}{tail}", f"{head.upper()}–{head[::-1]}{tail}", f"{head}{head[::-1]}{tail}"]
    return found


def test_the_factored_expression_matches_the_same_words():
    original = expression()
    assert len(original) >= LONG_PATTERN
    factored = factor(original)
    assert factored is not None and len(factored) < len(original) / 10
    slow, fast = re.compile(original), re.compile(factored)
    matched = [word for word in words() if slow.match(word)]
    assert len(matched) > 300  # the sample holds words that match, of every kind
    assert [bool(fast.match(word)) for word in words()] == [bool(slow.match(word)) for word in words()]


def test_alternatives_without_a_shared_ending_are_kept_whole():
    factored = factor(expression())
    assert "(?:^qu[’']est[-–]ce$)" in factored
    assert "(?:^top" in factored and "|^bottom$)" in factored  # an alternative with its own "|"


def test_only_long_expressions_compiled_without_flags_are_replaced():
    original = expression()
    with quick_french_compile():
        assert re.compile(original) is quick_compile(original)
        assert re.compile(original, re.I) is not quick_compile(original)
        assert re.compile("(?i)short[a-z]+$").pattern == "(?i)short[a-z]+$"
    assert re.compile("x").pattern == "x"
    assert factor("(?iu)" + "|".join(["(?:^a$)"] * 30_000)) is None  # nothing to factor
