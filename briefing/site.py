"""Building and serving the site with Pelican (the same code for the CLI and tasks.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings


def site_settings(settings_file: Path, content_dir: Path, output_dir: Path, **overrides) -> dict:
    """Pelican settings from a settings file, with the content and output folders given."""
    override = {"PATH": str(content_dir.resolve()), "OUTPUT_PATH": str(output_dir.resolve()), **overrides}
    return read_settings(str(settings_file), override=override)


def build(settings_file: Path, content_dir: Path, output_dir: Path, **overrides) -> None:
    """One Pelican run over the content folder."""
    logging.getLogger("pelican").setLevel(logging.WARNING)
    Pelican(site_settings(settings_file, content_dir, output_dir, **overrides)).run()


def pelican_arguments(settings_file: Path, content_dir: Path, output_dir: Path) -> list[str]:
    """Arguments for Pelican's own command line (serve, autoreload), same folders as build()."""
    return [str(content_dir), "--settings", str(settings_file), "--output", str(output_dir)]
