"""Where the analysis's own Python goes: cProfile (CPU time) of `enrich_texts` over a raw folder.

    python -m bench.enrich_profile RAW_DIR [N] [--dump FILE]

The first N raw files (default 120) are extracted as ingest does it (`briefing.ingest.prepare`),
the models loaded on two of them first, then `enrich_texts` over all of them runs under
cProfile with `time.process_time` as its clock (CPU seconds, steadier than wall time on a
shared machine). Prints briefing's functions by cumulative time, then every function by own
time. Run it with another checkout first on PYTHONPATH (and `python -P`) to profile that one
on the same texts.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

from briefing.config import IngestOptions
from briefing.errors import InputError


def main(argv: list[str]) -> int:
    from briefing.enrich import enrich_texts
    from briefing.ingest import prepare

    dump = None
    if "--dump" in argv:
        at = argv.index("--dump")
        dump, argv = argv[at + 1], argv[:at] + argv[at + 2:]
    count = int(argv[1]) if len(argv) > 1 else 120
    items = []
    for path in sorted(Path(argv[0]).iterdir())[:count]:
        try:
            story, article = prepare(path, IngestOptions())
        except InputError:
            continue
        items.append((article.lang, article.title, story.paragraphs))
    enrich_texts(items[:2])  # the models loaded before the profile
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    enrich_texts(items)
    profile.disable()
    stats = pstats.Stats(profile)
    if dump:
        stats.dump_stats(dump)
    stats.sort_stats("cumulative").print_stats("briefing", 60)
    stats.sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
