"""The interface labels read with libyaml give the values the pure-Python parser gives: the
fast loader changes the time, never a word."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from pelican.plugins.briefing.settings import UI_LANGUAGES, interface_labels


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_interface_labels_are_what_the_pure_python_parser_reads(lang):
    labels = yaml.safe_load(resources.files("briefing.data").joinpath("ui.yaml").read_text("utf-8"))
    assert interface_labels(lang) == labels[lang] and interface_labels(lang)["entities"]


@pytest.mark.parametrize("lang", ("fr", "en"))
def test_the_word_lists_the_build_reads_with_libyaml_are_the_lexicons(lang):
    """identity.py reads briefing/data/<lang>.yaml with libyaml; every list is the one
    briefing.lexicon (pure-Python PyYAML, ingest's reader) gives."""
    from briefing.lexicon import lexicon, words
    from pelican.plugins.briefing.identity import _lexicon, _words

    assert _lexicon(lang) == lexicon(lang) and len(_lexicon(lang)) > 10
    for key in ("entity_honorifics", "entity_titles", "entity_determiners"):
        assert _words(key, lang) == words(key, lang) and _words(key, lang)
