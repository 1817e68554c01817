"""What a link preview and a search engine read: schema.org `NewsArticle` JSON-LD on every
article page (the Open Graph and Twitter card tags are the theme's, in _social.html).

The JSON-LD names the headline, the publication date, the language, the source it is based on
(the page's address, else its publication) and the entities: the most mentioned are what the
article is `about`, the others what it `mentions`, each typed Person, Organization or Place and
linked to its entity page.
"""

from __future__ import annotations

import json

from .settings import site_address

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}
# Inside <script>, "</script>" or "<!--" in a title would end the block: JSON's own escapes keep them text.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def add_structured_data(generator) -> None:
    """Receiver of `article_generator_finalized` (each article's record is attached by then):
    article.briefing_jsonld, the JSON-LD block's text (safe inside <script>)."""
    settings = generator.settings
    root = site_address(settings)
    for article in generator.articles:
        article.briefing_jsonld = json.dumps(news_article(article, root, settings), ensure_ascii=False,
                                             sort_keys=True).translate(SCRIPT_SAFE)


def news_article(article, root: str, settings: dict) -> dict:
    """The schema.org NewsArticle of one article."""
    links = sorted((link for kind in SCHEMA_TYPES for link in article.briefing_entities[kind]),
                   key=lambda link: -link.mentions)  # stable: the record's order among equals
    about = settings["BRIEFING_JSONLD_ABOUT"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(article.title),
        "datePublished": article.date.isoformat(),
        "inLanguage": str(getattr(article, "lang", "") or settings.get("DEFAULT_LANG", "")),
        "url": f"{root}/{article.url}",
        "mainEntityOfPage": f"{root}/{article.url}",
        "articleSection": str(article.category),
        "publisher": {"@type": "Organization", "name": str(settings.get("SITENAME", ""))},
        "about": [_thing(link, root) for link in links[:about]],
        "mentions": [_thing(link, root) for link in links[about:]],
    }
    source, publication = str(getattr(article, "source", "") or ""), getattr(article, "publication", None)
    if source.startswith(("http://", "https://")):
        data["isBasedOn"] = source
    elif publication:
        data["isBasedOn"] = {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": str(publication)}}
    return {key: value for key, value in data.items() if value not in ([], "")}


def _thing(link, root: str) -> dict:
    thing = {"@type": SCHEMA_TYPES[link.type], "name": link.name, "url": f"{root}/{link.url}"}
    if link.aliases:
        thing["alternateName"] = list(link.aliases)
    return thing
