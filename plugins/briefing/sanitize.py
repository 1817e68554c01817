"""Only safe HTML reaches the reader: whatever HTML an article's Markdown holds (an editor may
type some) loses scripts, event handlers, javascript:/data: URLs, iframes and objects."""

from __future__ import annotations

import nh3
from pelican.contents import Article, Page

URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(content) -> None:
    """Receiver of `content_object_init`: an article's or page's body and summary, cleaned."""
    if not isinstance(content, (Article, Page)):
        return
    content._content = nh3.clean(content._content or "", url_schemes=URL_SCHEMES)
    if content.metadata.get("summary"):
        content.metadata["summary"] = nh3.clean(str(content.metadata["summary"]))
        content._summary = content.metadata["summary"]
