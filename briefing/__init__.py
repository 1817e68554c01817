"""briefing: raw news articles in, a static briefing site and feeds out."""

__version__ = "0.1.0"
