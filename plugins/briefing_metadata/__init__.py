from .briefing_metadata import *  # noqa: F401,F403
