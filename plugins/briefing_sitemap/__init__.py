from .briefing_sitemap import *  # noqa: F401,F403
