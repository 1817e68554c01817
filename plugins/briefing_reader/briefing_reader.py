"""The reader of our content files: pelican-yaml-metadata's, with libyaml's parser.

Reading the YAML headers was most of a cold build (pure-Python PyYAML); this reader parses
them with `briefing.markdown.load_yaml` (libyaml when available, the same values) and hands the
result to the plugin's own conversion, so articles get exactly the metadata they got before.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from briefing.markdown import load_yaml

log = logging.getLogger(__name__)


class BriefingReader(YAMLMetadataReader):
    def _load_yaml_metadata(self, text, source_path):
        try:
            metadata = load_yaml(text)
        except Exception:  # noqa: BLE001 - as the base reader: log the file, keep building
            log.error("Error parsing YAML for file '%s'", source_path, exc_info=True)
            return {}
        if not isinstance(metadata, dict):
            log.error("YAML header didn't parse as a dict for file '%s'", source_path)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)


def add_reader(readers) -> None:
    for extension in BriefingReader.file_extensions:
        readers.reader_classes[extension] = BriefingReader


def register():
    signals.readers_init.connect(add_reader)
