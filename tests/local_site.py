"""A small web site on 127.0.0.1 for the fetching tests, in a thread of the test process that
stops when the test ends (and serves nothing beyond the folder it is given).

Besides the folder's files (with Last-Modified, and 304 to If-Modified-Since, as
http.server does) it has the pages a polite fetcher must cope with: /missing (404),
/loop/a <-> /loop/b (a redirect loop), /slow (an answer that never completes in time),
/huge (more than a megabyte), /private/... (disallowed by /robots.txt), /etag/<file> (the
file with an ETag, 304 to If-None-Match), /gzip/<file> (gzip-encoded), /redirect?to=<address>
(a redirect anywhere) and /metadata (a redirect to the cloud metadata address).
Every request is logged: (method, path, time)."""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
HUGE_BYTES = 2 * 1024 * 1024
SLOW_SECONDS = 5


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.command, self.path, time.monotonic()))
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            return self._send(200, ROBOTS, "text/plain")
        if path == "/missing":
            return self.send_error(404, "Not Found")
        if path.startswith("/loop/"):
            return self._redirect("/loop/b" if path == "/loop/a" else "/loop/a")
        if path == "/redirect":
            return self._redirect(parse_qs(urlsplit(self.path).query)["to"][0])
        if path == "/metadata":
            return self._redirect("http://169.254.169.254/latest/meta-data/")
        if path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(SLOW_SECONDS * 4):  # a byte now and then: no read ever times out
                if self.server.stopping.wait(0.25):
                    return None
                self.wfile.write(b" ")
                self.wfile.flush()
            return None
        if path == "/huge":
            return self._send(200, b"<html><body>" + b"<p>mot " * (HUGE_BYTES // 7) + b"</body></html>", "text/html",
                              length=False)
        if path.startswith("/etag/"):
            data = (Path(self.directory) / path.removeprefix("/etag/")).read_bytes()
            tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return None
            return self._send(200, data, self.guess_type(path), extra={"ETag": tag})
        if path.startswith("/gzip/"):
            data = (Path(self.directory) / path.removeprefix("/gzip/")).read_bytes()
            return self._send(200, gzip.compress(data, mtime=0), self.guess_type(path), extra={"Content-Encoding": "gzip"})
        return super().do_GET()

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, data: bytes, kind: str, extra: dict | None = None, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(data)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        if not length:
            self.close_connection = True


@contextmanager
def local_site(folder: Path):
    """Serve `folder` on 127.0.0.1 (a free port) while the block runs: yields the server,
    whose `.address` is its base URL and `.requests` its log."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    server.daemon_threads = True
    server.requests = []
    server.stopping = threading.Event()
    server.address = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def pages(server, prefix: str = "/p/") -> list[str]:
    """The paths of the page requests the server saw, in order."""
    return [path for _method, path, _time in server.requests if path.startswith(prefix)]
