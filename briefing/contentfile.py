"""The content file: YAML front matter (read by Pelican through the plugin's reader) + Markdown body.

YAML rather than Pelican's native `Key: value` header because entities and key figures are
lists of records: YAML carries them (with accents, quotes, numbers) without a private format,
an editor can fix them by hand, and a maintained Pelican plugin reads them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from typing import Any

import markdown
import yaml

from briefing.errors import ContentError
from briefing.record import Article, RecordError

FRONT_MATTER = re.compile(r"\A---\n(?P<header>.*?\n)(?:---|\.\.\.)\n(?P<body>.*)\Z", re.S)
CHECKSUM_KEY = "ingest_sha256"
CHECKSUM_LINE = re.compile(rf"^{CHECKSUM_KEY}: *(\S*)\n", re.M)
# libyaml's parser and emitter when the PyYAML wheel has them (about 5x faster on our headers):
# the same safe constructor and representer, the same text (tests/fast/test_markdown.py compares).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def render(article: Article) -> str:
    """The content file for an article, with the checksum of what was generated."""
    text = ("---\n" + dump_yaml(article.header())
            + f"{CHECKSUM_KEY}: \n---\n\n" + article.body.strip() + "\n")
    return text.replace(f"{CHECKSUM_KEY}: \n", f"{CHECKSUM_KEY}: {checksum(text)}\n", 1)


def dump_yaml(data: dict[str, Any]) -> str:
    """Front matter lines for `data`, the way every content file writes them."""
    return yaml.dump(data, Dumper=FAST_DUMPER, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=None)


def add_to_front_matter(text: str, data: dict[str, Any], path: str = "<content>") -> str:
    """The content file with `data` added at the end of its front matter; every line the
    editor wrote, header and body, stays as it was."""
    match = _split(text, path)
    return text[:match.end("header")] + dump_yaml(data) + text[match.end("header"):]


def checksum(text: str) -> str:
    """Hash of a content file without its checksum value: tells whether an editor changed it."""
    return hashlib.sha256(CHECKSUM_LINE.sub(f"{CHECKSUM_KEY}: \n", text, count=1).encode()).hexdigest()


def edited_by_hand(text: str) -> bool:
    """True when the file is not byte for byte what ingest wrote (or has no checksum)."""
    match = CHECKSUM_LINE.search(text)
    return not match or match.group(1) != checksum(text)


def load_yaml(text: str) -> Any:
    """yaml.safe_load, fast; a broken document is parsed again by the pure-Python parser so the
    error names the same line and problem on every machine."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def _split(text: str, path: str) -> re.Match:
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(path, 1, "no YAML front matter (the file must start with a '---' line)")
    return match


def front_matter_scalars(text: str, keys: Collection[str], path: str = "<content>") -> dict[str, str]:
    """The top-level text values of `keys` in a content file's front matter, as written, without
    building the rest (entities, figures): the store indexes every content file by four keys,
    and a full load costs several times more. ContentError when the header is broken.

    A file as ingest wrote it (its checksum holds) is read key by key: each top-level key of
    dump_yaml's output starts a line and its value runs to the next such line, so only the
    lines of the keys asked for are parsed (the header's entities and figures are most of it)."""
    header = _split(text, path).group("header")
    if not edited_by_hand(text):
        found = _generated_scalars(header, keys)
        if found is not None:
            return found
    try:
        node = yaml.compose(header, Loader=FAST_LOADER)
    except yaml.YAMLError as exc:
        raise ContentError(path, None, f"invalid YAML: {exc}") from exc
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(path, 2, "the front matter is not a set of 'key: value' lines")
    return {key.value: value.value for key, value in node.value
            if isinstance(key, yaml.ScalarNode) and key.value in keys and isinstance(value, yaml.ScalarNode)}


TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)  # how dump_yaml starts each key of the header


def _generated_scalars(header: str, keys: Collection[str]) -> dict[str, str] | None:
    """front_matter_scalars of a header dump_yaml wrote, from the lines of `keys` alone; None
    when a key's lines are not one text value (the caller then reads the whole header)."""
    starts = [(m.start(), m.group(1)) for m in TOP_LEVEL_KEY.finditer(header)] + [(len(header), "")]
    found: dict[str, str] = {}
    for (start, key), (end, _next) in zip(starts, starts[1:]):
        if key not in keys:
            continue
        try:
            node = yaml.compose(header[start:end], Loader=FAST_LOADER)
        except yaml.YAMLError:
            return None
        if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
            return None
        name, value = node.value[0]
        if isinstance(value, yaml.ScalarNode) and name.value == key:
            found[key] = value.value
    return found


def read_front_matter(text: str, path: str = "<content>") -> tuple[dict[str, Any], str]:
    """(metadata, body) of a content file, or ContentError naming the line at fault."""
    match = _split(text, path)
    try:
        meta = load_yaml(match.group("header"))
    except yaml.YAMLError as exc:
        # where the broken construct starts (an unclosed '['), else where YAML noticed
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for '---', +1 for 1-based
        raise ContentError(path, line, f"invalid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(meta, dict):
        raise ContentError(path, 2, "the front matter is not a set of 'key: value' lines")
    return meta, match.group("body")


def read_metadata(text: str, path: str = "<content>") -> tuple[dict[str, Any], str]:
    """(metadata, body) of any content file Pelican reads: YAML front matter, or Pelican's own
    `Key: value` header (keys in lower case, as Pelican gives them)."""
    if text.lstrip().startswith("---"):
        meta, body = read_front_matter(text.lstrip(), path)
        return {str(key).lower(): value for key, value in meta.items()}, body  # Pelican lower-cases keys
    md = markdown.Markdown(extensions=["meta"])
    md.convert(text)
    meta = {key.lower(): (lines[0] if len(lines) == 1 else lines) for key, lines in md.Meta.items()}
    return meta, text.split("\n\n", 1)[1] if "\n\n" in text else ""


def parse(text: str, path: str = "<content>") -> Article:
    """The article a content file holds (the inverse of render)."""
    meta, body = read_front_matter(text, path)
    try:
        return Article.from_record(meta, body.strip())
    except (RecordError, TypeError, ValueError) as exc:
        raise ContentError(path, None, f"bad metadata: {exc}") from exc
