"""The reader of content files: pelican-yaml-metadata's (YAML front matter, or Pelican's own
`Key: value` header), with libyaml's parser.

Reading the YAML headers was most of a cold build (pure-Python PyYAML); this reader parses
them with `briefing.contentfile.load_yaml` (libyaml when available, the same values) and hands
the result to pelican-yaml-metadata's conversion, so articles get the metadata it would give.
In a cold build it takes what a second process has read already (prefetch.py).
"""

from __future__ import annotations

import logging

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from briefing.contentfile import load_yaml

log = logging.getLogger(__name__)


class BriefingReader(YAMLMetadataReader):
    prefetch = None  # prefetch.Prefetch while a second process reads the articles

    def read(self, source_path):
        if self.prefetch is not None:
            found = self.prefetch.take(source_path)
            if found is not None:
                return found
        return super().read(source_path)

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


def add_yaml_reader(readers) -> None:
    """Receiver of `readers_init`: Markdown files are read by BriefingReader."""
    for extension in BriefingReader.file_extensions:
        readers.reader_classes[extension] = BriefingReader
