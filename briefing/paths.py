"""Where the theme is, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def theme_path() -> str:
    """The briefing theme's folder, for Pelican's THEME setting. The wheel carries the theme
    as briefing/theme; a source checkout (an editable install) has it at the top level."""
    here = Path(__file__).resolve().parent
    packaged = here / "theme"
    return str(packaged if packaged.is_dir() else here.parent / "theme")
