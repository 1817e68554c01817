"""The spaCy models are the ones models.lock pins, and load without any network."""

from __future__ import annotations

import spacy

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
