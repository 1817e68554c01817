"""Pelican settings for publishing: absolute URLs under the production address."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("BRIEFING_SITEURL", "https://briefing.example.org")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
