"""Ingest: raw pages (text dumps, saved HTML) become article records."""
