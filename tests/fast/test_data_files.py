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
