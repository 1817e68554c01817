"""What following a feed costs: `briefing ingest` from a local feed of N corpus pages served on
127.0.0.1, against `briefing ingest` of the same pages saved as files, measured in the same run.

    python -m bench.sources [--pages 20] [--runs 3] [--work DIR]

Stages (each a separate process, start-up included; --runs times; medians reported):
1. files cold: the N pages as files into an empty content folder (the baseline);
2. feed cold: the feed's address into an empty content folder and an empty sources/ (every
   page fetched, saved, checked for an article, then ingested), `--rate 1000` so that the
   politeness delay does not hide the cost (the default, 1 request per second to one host,
   adds about N seconds: timed once, last);
3. files again / feed again: a second run of each over what the first wrote (for the feed:
   one conditional request answered 304, the saved pages hashed).
The server (http.server in a thread of this process) logs each request: the report gives the
requests of a second run. Results go to stdout as Markdown and to WORK/sources.json.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from evaluation.corpus import PROJECT, TRAFILATURA_PAGES

BRIEFING = [sys.executable, "-m", "briefing"]


class Logged(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        self.server.requests.append(self.path)


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Logged, directory=str(folder)))
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-sources-"))
    site, files = work / "site", work / "files"
    (site / "p").mkdir(parents=True, exist_ok=True)
    files.mkdir(exist_ok=True)
    server = serve(site)
    address = f"http://127.0.0.1:{server.server_address[1]}"
    items = []
    for number, page in enumerate(sorted((TRAFILATURA_PAGES / "html").glob("*.html"))[:args.pages], 1):
        shutil.copy(page, site / "p" / f"{number}.html")
        shutil.copy(page, files / f"{number}.html")
        items.append(f"<item><title>Article {number}</title><link>{address}/p/{number}.html?utm_source=rss</link>"
                     f"<guid>urn:bench:{number}</guid><pubDate>Mon, 06 Jan 2020 10:00:00 +0000</pubDate></item>")
    (site / "feed.xml").write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench'
                                   f"</title><link>{address}/</link><description>d</description>{''.join(items)}"
                                   "</channel></rss>", "utf-8")
    feed = [*BRIEFING, "ingest", f"{address}/feed.xml", "--allow-private"]
    times: dict[str, list[float]] = {}
    again_requests: list[str] = []
    for _run in range(args.runs):
        for folder in ("from-files", "from-feed", "sources"):
            shutil.rmtree(work / folder, ignore_errors=True)
        times.setdefault("files cold", []).append(timed([*BRIEFING, "ingest", str(files), "--content-dir", str(work / "from-files")]))
        times.setdefault("feed cold", []).append(timed([*feed, "--rate", "1000", "--content-dir", str(work / "from-feed")]))
        times.setdefault("files again", []).append(timed([*BRIEFING, "ingest", str(files), "--content-dir", str(work / "from-files")]))
        server.requests.clear()
        times.setdefault("feed again", []).append(timed([*feed, "--content-dir", str(work / "from-feed")]))
        again_requests = list(server.requests)
        print(f"  run: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items()), file=sys.stderr, flush=True)
    for folder in ("from-feed", "sources"):
        shutil.rmtree(work / folder, ignore_errors=True)
    polite = timed([*feed, "--content-dir", str(work / "from-feed")])  # the default rate, once
    written = len(list((work / "from-feed").glob("*.md")))
    server.shutdown()
    median = {stage: statistics.median(values) for stage, values in times.items()}
    results = {"pages": args.pages, "runs": args.runs, "articles from the feed": written, "medians": median,
               "feed cold at the default rate (1/s), once": polite, "requests of a second feed run": again_requests}
    (work / "sources.json").write_text(json.dumps(results, indent=1), "utf-8")
    print(f"| stage ({args.pages} pages, median of {args.runs}) | seconds | ratio |\n| --- | ---: | ---: |")
    print(f"| files cold (baseline) | {median['files cold']:.1f} | 1.00 |")
    print(f"| feed cold (`--rate 1000`) | {median['feed cold']:.1f} | {median['feed cold'] / median['files cold']:.2f} |")
    print(f"| files again (baseline) | {median['files again']:.1f} | 1.00 |")
    print(f"| feed again (one 304) | {median['feed again']:.1f} | {median['feed again'] / median['files again']:.2f} |")
    print(f"\nfeed cold at the default rate (1 request/s per host), once: {polite:.1f} s; "
          f"{written} articles; a second feed run sent {len(again_requests)} request(s): {', '.join(again_requests)}")


if __name__ == "__main__":
    main()
