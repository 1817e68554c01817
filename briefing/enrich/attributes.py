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
        self._known: dict[tuple, tuple[tuple[int, ...], frozenset, dict]] = {}
        # Each one-token spec filed under a value it requires (its LOWER, else TAG, else POS
        # as a plain string): a new combination is tested against the specs filed under its
        # own values and the few that require none, not against all of them.
        self._filed: dict[tuple[str, str], list[tuple[int, dict]]] = {}
        self._general: list[tuple[int, dict]] = []
        for number, spec in self.single:
            key = next(((k, spec[k]) for k in ("LOWER", "TAG", "POS") if isinstance(spec.get(k), str)), None)
            (self._filed.setdefault(key, []) if key else self._general).append((number, spec))

    def _decide(self, token: Token) -> tuple[tuple[int, ...], frozenset, dict]:
        """(the one-token patterns it matches, (multi-token pattern, position) pairs it fits,
        the attributes the one-token patterns set, merged in the order they apply)."""
        candidates = [*self._general, *self._filed.get(("LOWER", token.lower_), ()),
                      *self._filed.get(("TAG", token.tag_), ()), *self._filed.get(("POS", token.pos_), ())]
        singles = tuple(sorted({n for n, spec in candidates if _matches(spec, token)}))
        fits = frozenset((m, k) for m, (_n, specs, _i) in enumerate(self.multi)
                         for k, spec in enumerate(specs) if _matches(spec, token))
        merged: dict = {}
        for number in singles:
            merged.update(self.attrs[number])
        return singles, fits, merged

    def __call__(self, doc: Doc) -> Doc:
        values = doc.to_array(self.columns).reshape(len(doc), -1).tolist() if len(doc) else []
        decided = []
        for i, row in enumerate(values):  # every token's matches before any attribute changes
            key = tuple(row)
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
