"""Fuzz the whole ingest over mutated corpus pages, for a bounded time.

    python scripts/fuzz_ingest.py [--seconds 120] [--seed 1]

Each round takes a real page (HTML, or its naive text dump), mutates it (bytes flipped,
truncated mid-character, re-encoded, hostile markup spliced in, blocks shuffled or repeated,
made long, nested thousands of elements deep, cut into thousands of tiny paragraphs), ingests
it through the same code as `briefing ingest` and renders the Markdown body to HTML. A crash
is an exception, or a refusal that is no reasoned one (an unexpected error turned into that
file's line, a failed analysis or worker); a script leak is executable markup in the rendered
body. Prints the counts (the goal is 0 and 0).
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from briefing.config import IngestOptions  # noqa: E402
from briefing.errors import InputError  # noqa: E402
from briefing.ingest import build_articles  # noqa: E402
from evaluation.corpus import naive_text_dump, trafilatura_pages  # noqa: E402

HOSTILE = [
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>', "<object data=x></object>", '<embed src="x">',
    '<div style="width: expression(alert(1))">x</div>', '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "\x00\x07\x1b", "\u202e\u05d0\u05d1\u05d2 ", "🧨" * 20, "a" * 5000, "&amp;&lt;&#0;&#xD800;", "\ufeff", "\r\r\n",
]
EXECUTABLE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "meta", "link", "style"}


def executable(html: str) -> list[str]:
    """What in rendered HTML could run: tags, event handlers, script URLs, CSS expressions
    (escaped text that merely mentions them is not counted)."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in EXECUTABLE_TAGS:
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or re.match(r"\s*(javascript|data|vbscript):", value, re.I) \
                    or "expression(" in value.lower():
                found.append(f"{tag.name}[{name}]")
    return found


UNREASONED = ("unexpected", "analysis failed", "its worker process failed")  # a bug reported, not a reason


def mutate(data: bytes, rng: random.Random) -> bytes:
    choice = rng.randrange(10)
    if choice == 0:  # flip bytes
        data = bytearray(data)
        for _ in range(rng.randrange(1, 50)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if choice == 1:  # truncate, possibly inside a UTF-8 sequence
        return data[:rng.randrange(1, len(data))]
    if choice == 2:  # another encoding
        return data.decode("utf-8", "replace").encode(rng.choice(["utf-16", "latin-1", "cp1252"]), "replace")
    if choice == 3:  # hostile markup anywhere
        text = data.decode("utf-8", "replace")
        for _ in range(rng.randrange(1, 6)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(HOSTILE) + text[at:]
        return text.encode("utf-8", "surrogatepass")
    if choice == 4:  # blocks shuffled
        blocks = data.split(b"\n\n")
        rng.shuffle(blocks)
        return b"\n\n".join(blocks)
    if choice == 5:  # blocks repeated
        blocks = data.split(b"\n\n")
        return b"\n\n".join(blocks + rng.sample(blocks, min(len(blocks), 5)))
    if choice == 6:  # long: the page over and over, past one analysis piece (100,000 characters)
        return b"\n\n".join([data] * (300_000 // max(len(data), 1) + 1))
    if choice == 7:  # nested thousands of elements deep
        depth = rng.randrange(500, 5000)
        return b"<div>" * depth + data + b"</div>" * depth
    if choice == 8:  # thousands of tiny paragraphs
        words, size = data.split(), rng.randrange(1, 4)
        return b"\n\n".join(b" ".join(words[i:i + size]) for i in range(0, len(words), size))
    return data[:0] if rng.random() < 0.1 else b"\x00" + data  # empty or binary


def main(argv: list[str]) -> int:
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 120.0
    rng = random.Random(int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1)
    sources = []
    for page in trafilatura_pages():
        raw = page.path.read_bytes()
        sources += [(".html", raw), (".txt", naive_text_dump(raw).encode("utf-8"))]
    tried = refused = crashes = leaks = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() - started < seconds:
            suffix, data = rng.choice(sources)
            path = Path(folder) / f"case{tried}{suffix}"
            path.write_bytes(mutate(data, rng))
            tried += 1
            try:
                for _path, result in build_articles([path], IngestOptions(lang=None)):
                    if isinstance(result, InputError):
                        if result.reason.startswith(UNREASONED):
                            crashes += 1
                            print(f"CRASH in case {tried}: {result}", file=sys.stderr)
                        else:
                            refused += 1
                        continue
                    html = markdown.markdown(result.body) + markdown.markdown(result.summary)
                    found = executable(html)
                    if found:
                        leaks += 1
                        print(f"LEAK in case {tried}: {found}", file=sys.stderr)
            except Exception:  # noqa: BLE001 - counting crashes is the point
                crashes += 1
                print(f"CRASH in case {tried}:\n{traceback.format_exc()}", file=sys.stderr)
            path.unlink()
    print(f"{tried} mutated pages in {seconds:.0f} s: {refused} refused with a reason, "
          f"{crashes} crashes, {leaks} script leaks")
    return 1 if crashes or leaks else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
