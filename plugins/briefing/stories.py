"""One story, several sources, on the site: the copies ingest grouped (`story:` in their front
matter) are listed once, on the front page, the section pages and in every feed, by their
first-published copy; each copy's page names the others ("Aussi publié par")."""

from __future__ import annotations


def group_copies(generator) -> None:
    """Receiver of `article_generator_finalized`: article.briefing_also (the story's other
    copies, first published first) and article.briefing_story_copy (True for all but the first
    copy, which stands for the story in lists and feeds)."""
    stories: dict[str, list] = {}
    for article in generator.articles:
        article.briefing_also, article.briefing_story_copy = [], False
        story = article.metadata.get("story")
        if story:
            stories.setdefault(str(story), []).append(article)
    for copies in stories.values():
        if len(copies) < 2:
            continue  # the other copies are not on this site
        copies.sort(key=lambda a: (a.date, a.slug))
        for article in copies:
            article.briefing_also = [other for other in copies if other is not article]
            article.briefing_story_copy = article is not copies[0]


def listed_once(articles) -> list:
    """The articles a list or a feed shows: one per story."""
    return [a for a in articles if not getattr(a, "briefing_story_copy", False)]
