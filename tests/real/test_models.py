"""The spaCy models are the ones models.lock pins, and load without any network."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.util import get_package_path

from briefing.enrich.lookups import quick_lookups
from briefing.enrich.nlp import MODELS, pipeline


def test_french_model_is_the_official_small_model():
    meta = spacy.load(MODELS["fr"]).meta
    assert (meta["lang"], meta["name"], meta["version"]) == ("fr", "core_news_sm", "3.8.0")


def test_english_model_is_the_reupload_of_en_core_web_sm_3_8_0():
    meta = spacy.load(MODELS["en"]).meta
    assert (meta["lang"], meta["version"], meta["author"]) == ("en", "3.8.0", "Explosion")
    assert meta["spacy_git_version"] == "5010fcbd3"  # the build of the official 3.8.0 release
    assert set(meta["labels"]["ner"]) >= {"PERSON", "ORG", "GPE", "LOC", "NORP"}
    assert [c for c in meta["pipeline"]] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_pipelines_run_only_what_we_use():
    for lang in ("fr", "en"):
        names = pipeline(lang).pipe_names
        assert "parser" not in names and "senter" in names and "ner" in names
        assert names.index("entity_ruler") < names.index("ner")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lemmatizer_tables_read_quickly_are_the_tables_spacy_reads(lang):
    # briefing.enrich.lookups builds the lemmatizer's tables without a Python call per entry:
    # the same entries in the same order, the same attributes, the same Bloom filter bits
    (path,) = Path(get_package_path(MODELS[lang])).glob("*/lemmatizer/lookups/lookups.bin")
    data = path.read_bytes()
    spacys = Lookups().from_bytes(data)
    with quick_lookups():
        ours = Lookups().from_bytes(data)
    assert Lookups.from_bytes.__module__ == "spacy.lookups"  # spaCy's own reading is back
    assert spacys.tables == ours.tables and spacys.tables
    for name in spacys.tables:
        theirs, mine = spacys.get_table(name), ours.get_table(name)
        assert type(mine) is type(theirs) and list(mine.items()) == list(theirs.items())
        assert {k: v for k, v in vars(mine).items() if k != "bloom"} == {k: v for k, v in vars(theirs).items() if k != "bloom"}
        assert mine.bloom.to_bytes() == theirs.bloom.to_bytes()
    if lang == "fr":  # the large table this is for
        assert len(ours.get_table("lemma_lookup")) > 200_000
