"""spaCy's French tokenizer without its four-second regular expression.

spaCy's French data carry one regular expression, ``TOKEN_MATCH``: the hyphenated and elided
words its tokenizer keeps whole ("New-York", "états-unis", "hip-hop"). It is 1.4 MB long: a few
hundred alternatives ``(?:^a[-–—]sexualis[<letters>]+$)|(?:^black[-–—]out[<letters>]*$)|...``,
each ending in a class of the lower-case letters of every script, compiled case-insensitively.
Python's ``re`` folds the case of that class anew at each of its 482 occurrences: 4.4 s, paid
by every process that imports ``spacy.lang.fr``.

The same language, written so that each such class is compiled a few times only: alternatives
that end the same way share that ending, ``(?:^a[-–—]sexualis|^fleur[-–—]bleuis|...)[<letters>]+$``.
A union of concatenations with one right factor is that factor after the union of the left
parts, so a word matches the new expression exactly when it matches the old one (spaCy asks
only whether it matches); the engine, the flags and every piece of the source stay ``re``'s
own. tests/real/test_attributes.py checks the French tokenizer splits the corpus as spaCy's.

:func:`quick_french_compile` hands the factored expression to spaCy in place of the slow one
while it imports its French data and loads the French model (its tokenizer compiles the same
source again when read from disk); every other expression is compiled by ``re`` as usual.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import cache

# An expression this long is worth factoring; spaCy's French TOKEN_MATCH is the only one we
# meet (1.45 MB), the next longest of its tokenizer is 30 kB.
LONG_PATTERN = 100_000
# A class this long (in characters of its source) is worth compiling once, not per alternative.
LARGE_CLASS = 200

# Pieces of an expression's source: an escape, a character class, a run of anything else.
_PIECES = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|[^\\\[]+", re.S)
_ENDING = frozenset("*+?$")  # what may follow the large classes of a shared ending
_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_compile = re.compile  # re's own, whatever quick_french_compile puts in its place meanwhile


def pieces(source: str) -> list[str]:
    return [piece.group() for piece in _PIECES.finditer(source)]


def alternatives(parts: list[str]) -> list[list[str]] | None:
    """The top-level alternatives of an expression given as pieces (each alternative as its
    pieces), or None if its parentheses are not balanced."""
    found: list[list[str]] = [[]]
    depth = 0
    for piece in parts:
        if piece.startswith(("\\", "[")):
            found[-1].append(piece)
            continue
        start = 0
        for i, char in enumerate(piece):
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
            elif char == "|" and depth == 0:
                found[-1].append(piece[start:i])
                found.append([])
                start = i + 1
        found[-1].append(piece[start:])
    return [[piece for piece in alternative if piece] for alternative in found] if depth == 0 else None


def split_ending(alternative: list[str]) -> tuple[str, str] | None:
    """(head, ending) of one alternative "(?:HEAD ENDING)", given as pieces, whose ending is
    made of large classes, quantifiers and "$" only; None when it has no such ending or has
    alternatives of its own."""
    if not (alternative and alternative[0].startswith("(?:") and alternative[-1].endswith(")")):
        return None
    parts = [alternative[0][3:], *alternative[1:-1], alternative[-1][:-1]] if len(alternative) > 1 else [alternative[0][3:-1]]
    parts = [piece for piece in parts if piece]
    split = alternatives(parts)
    if split is None or len(split) != 1:
        return None
    start = len(parts)
    while start > 0 and (len(parts[start - 1]) >= LARGE_CLASS and parts[start - 1].startswith("[")
                         or set(parts[start - 1]) <= _ENDING):
        start -= 1
    while start < len(parts) and not parts[start].startswith("["):
        start += 1  # a quantifier first belongs to the head's last piece
    if start == len(parts) or start == 0:
        return None
    return "".join(parts[:start]), "".join(parts[start:])


def _top(pattern: str) -> tuple[str, list[list[str]] | None]:
    """(the expression's leading flags, its top-level alternatives as pieces)."""
    flags = _FLAGS.match(pattern)
    prefix = flags.group() if flags else ""
    return prefix, alternatives(pieces(pattern[len(prefix):]))


def factor(pattern: str) -> str | None:
    """The expression with alternatives of a shared large ending factored; None when there is
    nothing to factor (not a long expression, or not a union of such alternatives)."""
    if not isinstance(pattern, str) or len(pattern) < LONG_PATTERN:
        return None
    prefix, parts = _top(pattern)
    if parts is None:
        return None
    heads: dict[str, list[str]] = {}
    kept: list[str] = []
    for alternative in parts:
        split = split_ending(alternative)
        if split is None:
            kept.append("".join(alternative))
        else:
            heads.setdefault(split[1], []).append(split[0])
    if not any(len(group) > 1 for group in heads.values()):
        return None
    shared = [f"(?:(?:{'|'.join(group)}){ending})" for ending, group in heads.items()]
    return prefix + "|".join(shared + kept)


@cache
def quick_compile(pattern: str):
    """``re.compile`` of the factored expression (None: nothing to factor)."""
    source = factor(pattern)
    return _compile(source) if source is not None else None


@contextmanager
def quick_french_compile():
    """While it runs, ``re.compile`` of a long expression with many alternatives of a shared
    large ending (spaCy's French TOKEN_MATCH, at the import of ``spacy.lang.fr`` and when the
    tokenizer is read from disk) compiles its factored equivalent; anything else is compiled
    by ``re`` itself."""
    original = re.compile

    def compile(pattern, flags=0):
        if not flags and isinstance(pattern, str) and len(pattern) >= LONG_PATTERN:
            quick = quick_compile(pattern)
            if quick is not None:
                return quick
        return original(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = original

