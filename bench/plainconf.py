"""Plain Pelican for the scale benchmark: the default theme and default pages and feeds, no
plugin besides the YAML front-matter reader our content files need to be read at all."""

SITENAME = "plain"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
PLUGINS = ["pelican.plugins.yaml_metadata"]
RELATIVE_URLS = True
