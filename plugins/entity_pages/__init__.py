from .entity_pages import *  # noqa: F401,F403
