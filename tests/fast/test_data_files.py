"""The interface labels and word lists read with libyaml give the values the pure-Python parser
gives: the fast loader changes the time, never a word."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from briefing.text import normalize
from pelican.plugins.briefing.settings import UI_LANGUAGES, interface_labels


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_interface_labels_are_what_the_pure_python_parser_reads(lang):
    labels = yaml.safe_load(resources.files("briefing.data").joinpath("ui.yaml").read_text("utf-8"))
    assert interface_labels(lang) == labels[lang] and interface_labels(lang)["entities"]


@pytest.mark.parametrize("lang", ("fr", "en"))
def test_the_word_lists_read_with_libyaml_are_what_the_pure_python_parser_reads(lang):
    """briefing.lexicon reads briefing/data/<lang>.yaml with libyaml (ingest, and the build's
    honorifics and titles); every list is the one pure-Python PyYAML gives."""
    from briefing.lexicon import lexicon, words

    pure = yaml.safe_load(resources.files("briefing.data").joinpath(f"{lang}.yaml").read_text("utf-8"))
    assert lexicon(lang) == pure and len(lexicon(lang)) > 10
    for key in ("entity_honorifics", "entity_titles", "entity_determiners"):
        assert words(key, lang) and words(key, lang) == frozenset(normalize(w) for w in pure[key])
