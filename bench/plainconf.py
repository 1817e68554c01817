"""Plain Pelican for the scale benchmark: the default theme and default pages and feeds, no
plugin besides the YAML front-matter reader our content files need to be read at all."""

SITENAME = "plain"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
PLUGINS = ["pelican.plugins.yaml_metadata"]
RELATIVE_URLS = True
# Pelican's default category feed path collides with its all-articles feed when a category is
# called "All" (one corpus page's is): the only default changed.
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
