"""`briefing serve`: the full build (search index included), served on 127.0.0.1, built again
when the content, the settings or the theme change; one process (the server is a thread), so
SIGTERM or Ctrl-C stops everything it started."""

from __future__ import annotations

import html
import signal
import threading
import time
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from briefing.site import build, site_settings

POLL_SECONDS = 1.0  # how often the watched files are looked at


class SiteHandler(SimpleHTTPRequestHandler):
    """Files of the output folder; a missing page is a 404 page that leads back home."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND or self.command == "HEAD":
            super().send_error(code, message, explain)
            return
        body = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>404</title></head><body>"
                f"<h1>404</h1><p>{html.escape(self.path)}: no such page on this site.</p>"
                f"<p><a href='/'>Home</a></p></body></html>").encode("utf-8")
        self.send_response(code, "Not Found")
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # one line per request would drown the build messages


def watched_files(settings_file: Path, content_dir: Path, theme: Path) -> dict[Path, tuple[int, int]]:
    """(mtime, size) of every file whose change calls for a new build (an editor's swap and
    backup files come and go: one that vanishes while it is looked at is left out)."""
    files = [*settings_file.resolve().parent.glob("*conf.py")]
    for folder in (content_dir, theme):
        files += [p for p in folder.rglob("*") if not p.name.startswith(".")]
    state = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        if not path.is_dir():
            state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def serve(settings_file: Path, content_dir: Path, output_dir: Path, port: int, say: Callable[[str], None],
          **overrides) -> None:
    """Build, serve, build again on change, until SIGINT or SIGTERM. The feeds point at this
    server (BRIEFING_FEED_BASE_URL) unless the settings give a public address."""
    overrides.setdefault("BRIEFING_FEED_BASE_URL", f"http://localhost:{port}")
    theme = Path(site_settings(settings_file, content_dir, output_dir, **overrides)["THEME"])
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    # the port first: a busy one is said at once, not after a build
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(SiteHandler, directory=str(output_dir.resolve())))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    try:
        # the files as this build reads them: an edit made while it runs, or as serving starts,
        # is a change the loop below sees (taken after, it would be missed for good)
        seen = watched_files(settings_file, content_dir, theme)
        _build(settings_file, content_dir, output_dir, say, stop, **overrides)
        output_dir.mkdir(parents=True, exist_ok=True)
        thread.start()
        say(f"serving http://127.0.0.1:{port}/ (Ctrl-C stops)")
        while not stop.wait(POLL_SECONDS):
            now = watched_files(settings_file, content_dir, theme)
            if now != seen:
                seen = now
                _build(settings_file, content_dir, output_dir, say, stop, **overrides)
    finally:
        if thread.is_alive():
            server.shutdown()
            thread.join()
        server.server_close()
        say("stopped")


def _build(settings_file: Path, content_dir: Path, output_dir: Path, say: Callable[[str], None],
           stop: threading.Event, **overrides) -> None:
    """One full build; a failure is said in one line and the previous site stays served (a
    build cut short by Ctrl-C, which reaches pagefind too, is no failure to report)."""
    started = time.monotonic()
    try:
        build(settings_file, content_dir, output_dir, **overrides)
    except Exception as exc:  # Pelican raises many kinds; serving goes on with the last good site
        if not stop.is_set():
            say(f"error: build failed: {type(exc).__name__}: {exc}")
        return
    say(f"built {output_dir} in {time.monotonic() - started:.1f} s")
