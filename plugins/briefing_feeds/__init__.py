from .briefing_feeds import *  # noqa: F401,F403
