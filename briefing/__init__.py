"""briefing: raw news articles in, a static briefing site and feeds out."""

from __future__ import annotations

from briefing.paths import theme_path

__version__ = "0.1.0"
__all__ = ["register", "theme_path"]


def register() -> None:
    """The Pelican plugin, for `PLUGINS = ["briefing"]` where Pelican cannot list it as the
    namespace plugin `pelican.plugins.briefing` (an editable install keeps it in plugins/):
    Pelican then imports this package by that name and calls this."""
    from pelican.plugins.briefing import register as register_plugin

    register_plugin()
