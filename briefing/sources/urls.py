"""Addresses: which strings are web addresses, and one key per page whatever tracking
parameters a feed or a newsletter added to its link."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

WEB_SCHEMES = ("http", "https")
# Query parameters that say who sent the reader, never which page it is.
TRACKING_PARAMETER = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|"
    r"mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|xtor|at_medium|at_campaign|ref_src|s_cid|cmpid)$", re.I)
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_web_address(text: str) -> bool:
    """An http(s) address with a host (what briefing fetches; file:, ftp:, data: are not)."""
    try:
        parts = urlsplit(text.strip())
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:  # a malformed port or IPv6 literal
        return False


def normalise_url(url: str) -> str:
    """The address without what does not name the page: tracking parameters, the fragment, a
    default port, upper-case scheme or host. Other parameters keep their order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or port == DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:  # credentials in an address are kept as given: they choose the page
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMETER.match(key)]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))
