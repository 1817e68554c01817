"""One story, several sources: the near-duplicate copies in the content folder, grouped.

The same story saved as HTML and as a text dump, a wire story republished by another site with
its own chrome and small edits, or a lightly updated version: their texts share most of their
word shingles; two different stories about the same people share names, not sentences.
`story_groups` is a pure function over the copies (their texts): MinHash signatures over
5-word shingles (datasketch) find the candidate pairs with LSH, and a pair is one story when
the exact shingle sets overlap enough (the thresholds below, chosen on the labelled pairs of
evaluation/story_pairs.tsv: `python -m evaluation.stories`). Groups are the connected pairs;
a group's id is the slug of its first-published copy.

`regroup` applies the groups to a content folder after ingest has written it: each copy's
front matter gets `story:` (the group id) and `also:` (the other copies' sources); a copy
that is no longer in a group loses them. Only files as ingest wrote them are rewritten (an
editor's file is kept, as everywhere), and only the header: the same folder gives the same
bytes whatever runs came before (warm equals cold).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from briefing.contentfile import edited_by_hand, parse, render
from briefing.errors import ContentError
from briefing.files import write_atomically
from briefing.report import UPDATED, Report

SHINGLE_WORDS = 5  # a shingle: five words in a row (one sentence gives several)
PERMUTATIONS = 128  # MinHash signature length: Jaccard estimated to about +-0.09
CANDIDATE_JACCARD = 0.2  # LSH's threshold: pairs above it are compared exactly
SAME_STORY = 0.5  # one story: the shorter copy's shingles found in the other, at least this share
MIN_SHINGLES = 20  # a text shorter than this (a brief, a caption) is never grouped
WORD = re.compile(r"\w+")
MARKDOWN_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>&|])")


@dataclass(frozen=True)
class Copy:
    """One content file as the grouping sees it."""

    key: str  # its slug (the content file's name)
    date: str  # ISO 8601: the first-published copy names the story
    source: str  # what `also:` says of it: the page's address, else the raw file's path
    text: str  # the story's text (the Markdown body)


@dataclass(frozen=True)
class Membership:
    story: str  # the group's id: the first-published copy's key
    also: tuple[str, ...]  # the other copies' sources, in the group's order


def shingles(text: str) -> set[bytes]:
    """The 5-word shingles of a text, lower case, Markdown escapes and punctuation ignored."""
    words = WORD.findall(MARKDOWN_ESCAPE.sub("", text).casefold())
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def story_groups(copies: Sequence[Copy], same_story: float = SAME_STORY) -> dict[str, Membership]:
    """Each copy that shares its story with another -> its group's id and the others' sources.
    The same copies give the same groups in any order."""
    ordered = sorted(copies, key=lambda c: c.key)
    sets = {c.key: shingles(c.text) for c in ordered}
    usable = [c for c in ordered if len(sets[c.key]) >= MIN_SHINGLES]
    signatures = MinHash.bulk([sorted(sets[c.key]) for c in usable], num_perm=PERMUTATIONS)
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=PERMUTATIONS)
    parent = {c.key: c.key for c in usable}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for copy, signature in zip(usable, signatures):
        for other in sorted(lsh.query(signature)):
            if containment(sets[copy.key], sets[other]) >= same_story:
                a, b = sorted((root(copy.key), root(other)))
                parent[b] = a
        lsh.insert(copy.key, signature)
    groups: dict[str, list[Copy]] = {}
    for copy in usable:
        groups.setdefault(root(copy.key), []).append(copy)
    found: dict[str, Membership] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda c: (c.date, c.key))  # the first published first
        for copy in members:
            found[copy.key] = Membership(members[0].key, tuple(m.source for m in members if m is not copy))
    return found


def containment(a: set, b: set) -> float:
    """The share of the smaller set found in the other: an updated copy that adds a paragraph,
    or a dump that keeps a caption, is still contained in its story."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def regroup(content_dir: Path, written: set[Path]) -> Iterator[Report]:
    """Write each content file's story group into its front matter; a Report for each file
    changed that this run had not written already (those were reported as written)."""
    copies, articles = [], {}
    for path in sorted(content_dir.glob("*.md")):
        try:
            text = path.read_text("utf-8")
            article = parse(text, str(path))
        except (ContentError, OSError, UnicodeDecodeError):
            continue  # not a content file ingest can read: check and build say why
        if not article.source_file:
            continue  # written by hand: an editor's own article, not a copy of a source
        if not edited_by_hand(text):  # an editor's change is never overwritten here (ingest --force does it)
            articles[path] = article
        copies.append(Copy(path.stem, article.date, article.source or article.source_file, article.body))
    groups = story_groups(copies)
    for path, article in articles.items():
        membership = groups.get(path.stem)
        story, also = (membership.story, membership.also) if membership else (None, ())
        if (article.story, article.also) == (story, also):
            continue
        write_atomically(path, render(dataclasses.replace(article, story=story, also=also)))
        if path not in written:
            yield Report(path, UPDATED, path, f"one story with {', '.join(also)}" if also else "no longer a copy of another story")
