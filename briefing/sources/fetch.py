"""Fetching, politely and within bounds: one httpx client whose every connection passes the
guard, redirects followed by hand (each hop checked again), robots.txt obeyed (protego), at
most `rate` requests per second to one host (or robots.txt's Crawl-delay, when longer), a whole
response within `timeout` seconds and `max_bytes` (after gzip), conditional requests."""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from briefing.config import MEGABYTE, FetchOptions
from briefing.sources.guard import MAX_REDIRECTS, GuardedBackend, Refused, check_url

USER_AGENT = f"briefing/{importlib.metadata.version('briefing')} (news briefing generator; follows robots.txt)"
ROBOTS_AGENT = "briefing"
ROBOTS_MAX_BYTES = 512 * 1024  # Google reads the first 500 KiB of a robots.txt
MAX_CRAWL_DELAY = 30.0  # seconds: a longer Crawl-delay is read as this
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A page or feed that could not be fetched: the reason, for one line of output."""


@dataclass(frozen=True)
class Response:
    url: str  # where the content came from, after redirects
    status: int  # 200, or 304 when unchanged since the ETag / Last-Modified given
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # where a redirect points


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over sockets the guard opens, ignoring proxy settings from the
    environment (a proxy would connect for us, past the guard)."""

    def __init__(self, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             max_connections=8, max_keepalive_connections=4,
                                             network_backend=GuardedBackend(allow_private))


class Fetcher:
    """One run's fetching: the client, the time of the last request to each host, each
    origin's robots.txt, and how many requests went out."""

    def __init__(self, options: FetchOptions, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        """`clock` and `sleep` pace the requests to one host (a test passes a clock of its own
        to read the pacing exactly, without waiting)."""
        self.options = options
        self._clock, self._sleep = clock, sleep
        self.client = httpx.Client(transport=GuardedTransport(options.allow_private), trust_env=False,
                                   timeout=httpx.Timeout(options.timeout), follow_redirects=False,
                                   headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"})
        self.requests = 0
        self._last: dict[str, float] = {}
        self._robots: dict[str, Protego | str | None] = {}  # origin -> rules, or why nothing may be fetched

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            obey_robots: bool = True, max_bytes: int | None = None) -> Response:
        """The response to GET url (FetchError saying why not): 200 with its bytes, or 304."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.options.max_bytes
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                check_url(url, self.options.allow_private)
            except Refused as exc:
                raise FetchError(f"refused: {exc}") from None
            if obey_robots:
                self._check_robots(url)
            self._wait_turn(url)
            response = self._send(url, headers, limit)
            if response.status not in REDIRECTS:
                return response
            if not response.location:
                raise FetchError(f"HTTP {response.status} without a Location to follow")
            url = urljoin(url, response.location)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _send(self, url: str, headers: dict[str, str], limit: int) -> Response:
        started = time.monotonic()
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as reply:
                if reply.status_code in REDIRECTS:
                    return Response(url, reply.status_code, location=reply.headers.get("location"))
                if reply.status_code == 304:
                    return Response(url, 304, etag=etag_of(reply), last_modified=reply.headers.get("last-modified"))
                if reply.status_code >= 400:
                    raise FetchError(f"HTTP {reply.status_code} {reply.reason_phrase}".rstrip())
                declared = reply.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"too large ({megabytes(int(declared))} MB, limit {megabytes(limit)} MB)")
                body = bytearray()
                for chunk in reply.iter_bytes():  # as it arrives, decompressed: a gzip bomb stops at the limit too
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"too large (over the {megabytes(limit)} MB limit)")
                    if time.monotonic() - started > self.options.timeout:
                        raise FetchError(f"too slow (not complete after {self.options.timeout:g} s)")
                return Response(str(reply.url), reply.status_code, bytes(body), reply.headers.get("content-type", ""),
                                etag_of(reply), reply.headers.get("last-modified"))
        except Refused as exc:  # raised when the connection is opened
            raise FetchError(f"refused: {exc}") from None
        except httpx.TimeoutException:
            raise FetchError(f"too slow (no answer within {self.options.timeout:g} s)") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch it ({type(exc).__name__}: {exc})") from None

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again."""
        host = urlsplit(url).netloc.lower()
        interval = 1.0 / self.options.rate
        rules = self._robots.get(origin(url))
        if isinstance(rules, Protego):
            interval = max(interval, min(rules.crawl_delay(ROBOTS_AGENT) or 0.0, MAX_CRAWL_DELAY))
        wait = self._last.get(host, -interval) + interval - self._clock()
        if wait > 0:
            self._sleep(wait)
        self._last[host] = self._clock()

    def _check_robots(self, url: str) -> None:
        key = origin(url)
        if key not in self._robots:
            self._robots[key] = self._read_robots(key)
        rules = self._robots[key]
        if isinstance(rules, str):
            raise FetchError(rules)
        if rules is not None and not rules.can_fetch(url, ROBOTS_AGENT):
            raise FetchError("disallowed by the site's robots.txt")

    def _read_robots(self, site: str) -> Protego | str | None:
        """The site's rules; None when it has none (4xx: everything allowed); a reason when it
        cannot say (5xx, unreachable: nothing is fetched, as RFC 9309 asks)."""
        try:
            response = self.get(f"{site}/robots.txt", obey_robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if str(exc).startswith("HTTP 4"):
                return None
            if str(exc).startswith("too large"):
                return None  # read as none rather than half of one
            return f"robots.txt cannot be read ({exc}): not fetched"
        return Protego.parse(response.content.decode("utf-8", "replace"))


def etag_of(reply: httpx.Response) -> str | None:
    return reply.headers.get("etag")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.1f}".rstrip("0").rstrip(".")
