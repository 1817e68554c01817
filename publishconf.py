"""Pelican settings for publishing the site: absolute addresses under the site's public URL.

`briefing build --settings publishconf.py`; the environment variable BRIEFING_SITEURL overrides
the address written here.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("BRIEFING_SITEURL", "https://briefing.example.org")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
