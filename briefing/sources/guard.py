"""The door into the network: what briefing may fetch, checked before every request and again
when each connection is opened (after DNS resolution, so a redirect or a name that resolves
elsewhere the second time cannot reach an address that was refused).

Only http and https; a host that resolves to a loopback, private, link-local, shared or
reserved address is refused unless `--allow-private` is given (a feed on an intranet, or tests
on 127.0.0.1); a cloud metadata endpoint is refused always: it is never a news source and
answers with credentials. Sizes and counts are bounded here too.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import httpcore

from briefing.sources.urls import WEB_SCHEMES

MAX_REDIRECTS = 5  # hops followed per request, each checked again
MAX_FEEDS = 500  # feeds read from one OPML list
MAX_ITEMS = 500  # items taken from one feed, URL list or sitemap
MAX_SITEMAP_DEPTH = 2  # a sitemap index of sitemaps, no deeper
# Cloud instance metadata services (AWS, GCP, Azure, Alibaba, ECS task metadata).
METADATA_ADDRESSES = {ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "168.63.129.16")}


class Refused(Exception):
    """An address briefing will not fetch: the reason, for one line of output."""


def check_url(url: str, allow_private: bool) -> None:
    """Refuse (Refused) an address briefing must not fetch: another scheme, no host, or a host
    whose addresses are not all public (unless allowed)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        raise Refused(f"not a valid address ({exc})") from None
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise Refused(f"only http and https addresses are fetched, not '{parts.scheme or 'a bare path'}:'")
    if not host:
        raise Refused("no host in the address")
    resolve(host, port or (443 if parts.scheme.lower() == "https" else 80), allow_private)


def resolve(host: str, port: int, allow_private: bool) -> list[str]:
    """The host's addresses, every one of them allowed (else Refused, naming the first that is
    not): what a connection may then use without asking DNS again."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"host '{host}' not found ({getattr(exc, 'strerror', None) or exc})") from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    for address in addresses:
        reason = refusal(address, allow_private)
        if reason:
            raise Refused(f"host '{host}' resolves to {address}, {reason}")
    return addresses


def refusal(address: str, allow_private: bool) -> str | None:
    """Why an IP address must not be fetched, or None when it may."""
    ip = ipaddress.ip_address(address.split("%")[0])  # an IPv6 zone index is no part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address (never fetched)"
    if ip.is_global:
        return None
    if allow_private:
        return None if not (ip.is_multicast or ip.is_unspecified) else "a multicast or unspecified address"
    kind = ("a loopback" if ip.is_loopback else "a link-local" if ip.is_link_local
            else "a private" if ip.is_private else "a non-public")
    return f"{kind} address (--allow-private fetches it)"


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's own sockets, opened only to an address the guard allows: the name is resolved
    here once, checked, and the connection made to that very address (TLS still checks the
    certificate against the host name)."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = resolve(host, port, self.allow_private)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # the next address of the same host
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, *args, **kwargs):
        raise Refused("unix sockets are never fetched")
