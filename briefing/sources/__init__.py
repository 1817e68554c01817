"""Where articles come from besides files saved by hand: RSS/Atom feeds, OPML lists of feeds,
lists of URLs and sitemaps, fetched politely (robots.txt, a rate per host, conditional
requests) and safely (guard.py: only http(s), no private address unless allowed, bounded).

The package turns sources into raw files in `sources/` beside the content folder, each with a
small sidecar of what the feed said about it (item.py); ingest then reads them as any raw file
and takes the sidecar's title, date and address where the page gives none. Importing the
package imports nothing heavy: ingest reads sidecars without loading httpx or feedparser.
"""
