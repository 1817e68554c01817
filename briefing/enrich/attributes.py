"""The models' attribute ruler, same patterns and same result, by table rather than Matcher.

spaCy's AttributeRuler runs a Matcher with every pattern over every token: 179 patterns in
the English model (the tag map to parts of speech and morphology, and exceptions), about 40
microseconds a token, as much as a sixth of the English pipeline. Nearly all of those patterns
test one token, and what one-token patterns match depends only on the few attributes they read
(its tag, lower-case form, dependency, whether it is a space): `TableAttributeRuler` decides it
once per distinct combination, keeps the answer, and applies what matched in the order the
AttributeRuler applies it (by pattern, later patterns winning). The few patterns of several
tokens ("gon na") are matched from the same per-token answers.

Only the shapes of pattern the models use are taken (plain values, IN, NOT_IN, REGEX over the
attributes in READERS, no operators); a ruler with any other shape is left as spaCy made it.
tests/real/test_attributes.py checks that both rulers give every token of the corpus the same
tag, part of speech, morphology, lemma and dependency.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# What a pattern may read, and how a token gives it (as the Matcher compares it).
READERS = {
    "ORTH": (ORTH, lambda t: t.text), "TEXT": (ORTH, lambda t: t.text), "LOWER": (LOWER, lambda t: t.lower_),
    "TAG": (TAG, lambda t: t.tag_), "POS": (POS, lambda t: t.pos_), "DEP": (DEP, lambda t: t.dep_),
    "IS_SPACE": (IS_SPACE, lambda t: t.is_space),
}
PREDICATES = {"IN", "NOT_IN", "REGEX"}
NAME = "attribute_ruler"


def _supported(spec: dict) -> bool:
    return all(key in READERS and (isinstance(value, (str, bool)) or (
        isinstance(value, dict) and len(value) == 1 and set(value) <= PREDICATES)) for key, value in spec.items())


def _matches(spec: dict, token: Token) -> bool:
    for key, wanted in spec.items():
        value = READERS[key][1](token)
        if isinstance(wanted, dict):
            (kind, argument), = wanted.items()
            if kind == "REGEX":
                if not re.search(argument, value):
                    return False
            elif (value in argument) != (kind == "IN"):
                return False
        elif value != wanted:
            return False
    return True


def _tests(spec: dict) -> tuple[tuple[str, int, object], ...]:
    """A spec as (attribute, test, argument) triples for `_passes`, which gives what
    `_matches` gives: 0 IN, 1 NOT_IN, 2 REGEX (compiled once, as re.search compiles it),
    3 equal. An IN list of strings becomes a set (the same membership, hashed)."""
    tests = []
    for key, wanted in spec.items():
        if isinstance(wanted, dict):
            (kind, argument), = wanted.items()
            if kind == "REGEX":
                tests.append((key, 2, re.compile(argument)))
            else:
                if isinstance(argument, (list, tuple)) and all(isinstance(a, str) for a in argument) and key != "IS_SPACE":
                    argument = frozenset(argument)
                tests.append((key, 0 if kind == "IN" else 1, argument))
        else:
            tests.append((key, 3, wanted))
    return tuple(tests)


def _passes(tests: tuple[tuple[str, int, object], ...], values: dict) -> bool:
    for key, kind, argument in tests:
        value = values[key]
        if kind == 3:
            if value != argument:
                return False
        elif kind == 2:
            if not argument.search(value):
                return False
        elif (value in argument) != (kind == 0):
            return False
    return True


class TableAttributeRuler:
    """Called on a Doc like the AttributeRuler it was made from, with the same effect."""

    def __init__(self, ruler):
        patterns = ruler.patterns
        self.attrs = list(ruler.attrs)  # normalised as the AttributeRuler sets them
        self.single: list[tuple[int, dict]] = []  # (pattern, token spec)
        self.multi: list[tuple[int, list[dict], int]] = []  # (pattern, token specs, index of the token set)
        for number, pattern in enumerate(patterns):
            for alternative in pattern["patterns"]:
                if len(alternative) == 1 and pattern["index"] in (0, -1):
                    self.single.append((number, alternative[0]))
                else:
                    self.multi.append((number, alternative, pattern["index"]))
        read = sorted({key for p in patterns for alternative in p["patterns"] for spec in alternative for key in spec})
        self.columns = sorted({READERS[key][0] for key in read if key in READERS})
        self.usable = all(_supported(spec) for p in patterns for alternative in p["patterns"] for spec in alternative) \
            and all(0 <= (index if index >= 0 else len(specs) + index) < len(specs) for _n, specs, index in self.multi)
        self._known: dict[bytes, tuple[tuple[int, ...], frozenset, dict]] = {}  # by the row of values
        # Each one-token spec filed under a value it requires (its LOWER, else TAG, else POS
        # as a plain string): a new combination is tested against the specs filed under its
        # own values and the few that require none, not against all of them.
        self._filed: dict[tuple[str, str], list[tuple[int, dict]]] = {}
        self._general: list[tuple[int, dict]] = []
        for number, spec in self.single:
            key = next(((k, spec[k]) for k in ("LOWER", "TAG", "POS") if isinstance(spec.get(k), str)), None)
            (self._filed.setdefault(key, []) if key else self._general).append((number, spec))
        # The same filing, specs as tests, for single patterns and for each token of the
        # multi-token ones: (pattern or (multi pattern, position), tests).
        self._read = tuple(sorted({key for _n, spec in self.single for key in spec}
                                  | {key for _n, specs, _i in self.multi for spec in specs for key in spec}))
        self._single_filed: dict[tuple[str, str], list[tuple[int, tuple]]] = {}
        self._single_general: list[tuple[int, tuple]] = []
        self._multi_filed: dict[tuple[str, str], list[tuple[tuple[int, int], tuple]]] = {}
        self._multi_general: list[tuple[tuple[int, int], tuple]] = []
        if self.usable:
            for number, spec in self.single:
                key = next(((k, spec[k]) for k in ("LOWER", "TAG", "POS") if isinstance(spec.get(k), str)), None)
                (self._single_filed.setdefault(key, []) if key else self._single_general).append((number, _tests(spec)))
            for m, (_n, specs, _i) in enumerate(self.multi):
                for k, spec in enumerate(specs):
                    key = next(((a, spec[a]) for a in ("LOWER", "TAG", "POS") if isinstance(spec.get(a), str)), None)
                    (self._multi_filed.setdefault(key, []) if key else self._multi_general).append(((m, k), _tests(spec)))

    def _decide(self, token: Token) -> tuple[tuple[int, ...], frozenset, dict]:
        """(the one-token patterns it matches, (multi-token pattern, position) pairs it fits,
        the attributes the one-token patterns set, merged in the order they apply).
        Each attribute is read once; only the specs filed under the token's own LOWER, TAG
        and POS and those filed under none are tested (a spec filed under another value
        requires that value: it cannot match)."""
        values = {key: READERS[key][1](token) for key in self._read}
        lower, tag, pos = token.lower_, token.tag_, token.pos_
        filed, multi = self._single_filed, self._multi_filed
        singles = tuple(sorted({n for n, tests in (*self._single_general, *filed.get(("LOWER", lower), ()),
                                                   *filed.get(("TAG", tag), ()), *filed.get(("POS", pos), ()))
                                if _passes(tests, values)}))
        fits = frozenset(place for place, tests in (*self._multi_general, *multi.get(("LOWER", lower), ()),
                                                    *multi.get(("TAG", tag), ()), *multi.get(("POS", pos), ()))
                         if _passes(tests, values))
        merged: dict = {}
        for number in singles:
            merged.update(self.attrs[number])
        return singles, fits, merged

    def __call__(self, doc: Doc) -> Doc:
        # Each token's row of values as one bytes key (a view of the array: no Python int per value)
        array = numpy.ascontiguousarray(doc.to_array(self.columns).reshape(len(doc), -1)) if len(doc) else None
        rows = array.view(numpy.dtype((numpy.void, array.dtype.itemsize * array.shape[1]))).ravel().tolist() \
            if array is not None else []
        decided = []
        for i, key in enumerate(rows):  # every token's matches before any attribute changes
            found = self._known.get(key)
            if found is None:
                found = self._known[key] = self._decide(doc[i])
            decided.append(found)
        extra: dict[int, set[int]] = {}  # token -> multi-token patterns that set it
        for start, (_singles, fits, _merged) in enumerate(decided):
            for m, first in fits:
                number, specs, index = self.multi[m]
                if first == 0 and start + len(specs) <= len(doc) and \
                        all((m, k) in decided[start + k][1] for k in range(1, len(specs))):
                    extra.setdefault(start + (index if index >= 0 else len(specs) + index), set()).add(number)
        for i, (singles, _fits, merged) in enumerate(decided):
            if i in extra:
                merged = {}
                for number in sorted({*singles, *extra[i]}):
                    merged.update(self.attrs[number])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


@Language.factory("table_attribute_ruler")
def _make(nlp: Language, name: str) -> TableAttributeRuler:
    """Made from the pipeline's attribute ruler, which `use_table_ruler` then takes out."""
    return TableAttributeRuler(nlp.get_pipe(NAME))


def use_table_ruler(nlp: Language) -> bool:
    """Put a TableAttributeRuler in place of the pipeline's attribute ruler, under its name,
    when every pattern has a shape it takes (True); else leave spaCy's (False)."""
    if NAME not in nlp.pipe_names or not TableAttributeRuler(nlp.get_pipe(NAME)).usable:
        return False
    nlp.add_pipe("table_attribute_ruler", name="table_attribute_ruler", after=NAME)
    nlp.remove_pipe(NAME)
    nlp.rename_pipe("table_attribute_ruler", NAME)
    return True
