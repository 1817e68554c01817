from .briefing_reader import *  # noqa: F401,F403
