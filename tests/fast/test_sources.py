"""Fetching, fast layer: the address guard, URL keys, relative dates, what a source is, the
parsers, and the fetcher against a real local site on 127.0.0.1 (404, redirect loop, slow,
huge, robots.txt, ETag and Last-Modified, gzip). No model, no build."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from local_site import local_site, pages

from briefing.config import FetchOptions
from briefing.extract.dates import relative_date
from briefing.sources.detect import FEED, OPML, SITEMAP, URL_LIST, kind_of
from briefing.sources.feeds import SourceError, parse_feed, parse_opml, parse_sitemap, parse_url_list
from briefing.sources.fetch import Fetcher, FetchError
from briefing.sources.gather import Gatherer
from briefing.sources.guard import MAX_REDIRECTS, GuardedBackend, Refused, check_url, refusal
from briefing.sources.item import read_item
from briefing.sources.state import FetchState
from briefing.sources.urls import is_web_address, normalise_url

PAGES = Path(__file__).parent / "scenarios" / "sources"  # three short articles written for these tests
FETCHED = datetime(2024, 1, 25, 12, 0, tzinfo=timezone.utc)


def rss(*items: str, title: str = "Local") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>d</description>{''.join(items)}</channel></rss>").encode()


def item(link: str = "", guid: str = "", title: str = "T", date: str = "", text: str = "Résumé") -> str:
    return (f"<item><title>{title}</title>" + (f"<link>{link}</link>" if link else "")
            + (f"<guid>{guid}</guid>" if guid else "") + (f"<pubDate>{date}</pubDate>" if date else "")
            + f"<description>{text}</description></item>")


# the guard

@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.10", "private"), ("172.16.5.4", "private"), ("fd12::1", "private"), ("fe80::1", "link-local"),
    ("169.254.10.10", "link-local"), ("100.64.0.1", "non-public"), ("0.0.0.0", "")])
def test_non_public_addresses_are_refused_unless_allowed(address, kind):
    reason = refusal(address, allow_private=False)
    assert reason and kind in reason
    if address != "0.0.0.0":
        assert refusal(address, allow_private=True) is None
    assert refusal("0.0.0.0", allow_private=True)  # no host is "everywhere"


@pytest.mark.parametrize("address", ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "168.63.129.16"])
def test_cloud_metadata_addresses_are_refused_even_when_private_ones_are_allowed(address):
    assert "metadata" in refusal(address, allow_private=True)


def test_public_addresses_pass():
    assert refusal("93.184.215.14", False) is None and refusal("2606:4700::6810:84e5", False) is None


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "only http and https"), ("ftp://example.org/feed.xml", "only http and https"),
    ("gopher://127.0.0.1:70/", "only http and https"), ("http:///feed.xml", "no host"),
    ("http://localhost:8000/feed.xml", "loopback"), ("http://127.1/", "loopback"),
    ("http://0x7f000001/", "loopback"), ("http://[::1]:80/", "loopback"),
    ("http://host.invalid/feed.xml", "not found")])
def test_addresses_briefing_must_not_fetch(url, reason):
    with pytest.raises(Refused, match=reason):
        check_url(url, allow_private=False)


def test_localhost_is_fetched_only_with_allow_private():
    check_url("http://localhost:8000/feed.xml", allow_private=True)  # no exception


# addresses and dates

def test_tracking_parameters_fragment_and_default_port_do_not_change_the_key():
    assert normalise_url("HTTP://Example.ORG:80/a/b?id=3&utm_source=rss&utm_medium=x&fbclid=1&gclid=2#top") \
        == "http://example.org/a/b?id=3"
    assert normalise_url("https://example.org") == "https://example.org/"
    assert normalise_url("https://example.org:8443/p?b=2&a=1") == "https://example.org:8443/p?b=2&a=1"
    assert is_web_address("https://example.org/x") and not is_web_address("file:///x")
    assert not is_web_address("seeds/page.html") and not is_web_address("http://[::1/")


@pytest.mark.parametrize("text, expected", [
    ("hier", FETCHED - timedelta(days=1)), ("Publié il y a 3 heures", FETCHED - timedelta(hours=3)),
    ("2 hours ago", FETCHED - timedelta(hours=2)), ("yesterday", FETCHED - timedelta(days=1)),
    ("il y a deux jours", FETCHED - timedelta(days=2)), ("avant-hier", FETCHED - timedelta(days=2))])
def test_relative_dates_are_read_against_the_fetch(text, expected):
    assert relative_date(text, FETCHED) == expected


def test_a_fetched_dump_dates_itself_relatively_in_its_header_only():
    from conftest import SEED

    from briefing.extract.story import extract_story

    dump = SEED.read_text("utf-8").replace("Dernières Infos - Sécurité", "Dernières Infos - Sécurité\n\nPublié il y a 3 heures", 1)
    assert extract_story(dump, "text", "fr", FETCHED).dates == [(FETCHED - timedelta(hours=3), "text")]
    assert extract_story(dump, "text", "fr").dates == []  # a file's time is no base for "il y a"
    in_the_story = SEED.read_text("utf-8").replace("Ce faisant,", "Il y a 3 heures, ce faisant,", 1)
    assert extract_story(in_the_story, "text", "fr", FETCHED).dates == []  # an event, not the date


def test_a_text_with_no_relative_date_gives_none():
    assert relative_date("le 3 mars 2024", FETCHED) is None and relative_date("", FETCHED) is None


# what a source is, and reading it

def test_sources_are_told_by_content_not_name():
    assert kind_of(rss(item("http://a.org/1"))) == FEED
    assert kind_of(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><feed xmlns="http://www.w3.org/2005/Atom">') == FEED
    assert kind_of(b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">') == FEED
    assert kind_of(b'<?xml version="1.0"?><opml version="2.0"><body/></opml>') == OPML
    assert kind_of(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">') == SITEMAP
    assert kind_of(b"# morning reads\nhttps://a.org/1\n\nhttp://b.org/2?x=1\n") == URL_LIST
    assert kind_of(b"<!DOCTYPE html><html><body><p>Un article</p>") is None
    assert kind_of(b"Les Etats-Unis et l'Irak\n\nhttps://a.org/1\n") is None  # a text dump naming a link


def test_a_feed_gives_keys_clean_links_and_dates_never_after_the_fetch():
    feed = parse_feed(rss(
        item("http://a.org/1?utm_source=rss", "urn:x:1", "Un", "Mon, 22 Jan 2024 10:00:00 +0000"),
        item("http://a.org/2?fbclid=9", "", "Deux", "il y a 3 heures"),
        item("http://a.org/3", "", "Trois", "Mon, 05 Jan 2099 10:00:00 +0000"),
        item("", "", "Sans lien")), "http://a.org/feed.xml", FETCHED)
    assert [(i.key, i.url, i.title) for i in feed.items] == [
        ("urn:x:1", "http://a.org/1", "Un"), ("http://a.org/2", "http://a.org/2", "Deux"),
        ("http://a.org/3", "http://a.org/3", "Trois")]
    assert [i.date for i in feed.items] == [datetime(2024, 1, 22, 10, tzinfo=timezone.utc),
                                            FETCHED - timedelta(hours=3), None]
    assert feed.dropped == 1


def test_a_feed_declaring_entities_is_refused_before_parsing(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", "utf-8")
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>&x;</title><item><title>&x;</title><link>http://a.org/1</link>'
            '</item></channel></rss>').encode()
    with pytest.raises(SourceError, match="declares XML entities"):
        parse_feed(data, "http://a.org/feed.xml", FETCHED)
    with pytest.raises(SourceError, match="declares XML entities"):
        parse_sitemap(data, "http://a.org/sitemap.xml", 1 << 20)


def test_no_external_dtd_is_fetched_while_parsing(site):
    dtd = f"{site.address}/evil.dtd"
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{dtd}"><rss version="2.0"><channel><title>x</title>'
            '<item><title>Un</title><link>http://a.org/1</link></item></channel></rss>').encode()
    sitemap = f'<?xml version="1.0"?><!DOCTYPE urlset SYSTEM "{dtd}"><urlset><url><loc>http://a.org/1</loc></url></urlset>'
    assert [i.url for i in parse_feed(feed, "http://a.org/feed.xml", FETCHED).items] == ["http://a.org/1"]
    assert parse_sitemap(sitemap.encode(), "http://a.org/s.xml", 1 << 20) == ([("http://a.org/1", None)], [])
    opml = f'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "{dtd}"><opml><body><outline xmlUrl="http://a.org/f"/></body></opml>'
    assert parse_opml(opml.encode()) == [("http://a.org/f", None)]
    assert site.requests == []  # the DTD's address was never asked for


def test_broken_xml_with_no_item_is_one_reason():
    with pytest.raises(SourceError, match="not a readable feed"):
        parse_feed(b'<?xml version="1.0"?><rss><channel><title>x</titl', "http://a.org/f", FETCHED)


def test_opml_sitemaps_and_url_lists():
    opml = (b'<?xml version="1.0"?><opml version="2.0"><head><title>Veille</title></head><body>'
            b'<outline text="Presse"><outline type="rss" text="Un" xmlUrl="https://a.org/feed.xml"/>'
            b'<outline type="rss" text="Deux" xmlUrl="https://b.org/rss"/></outline>'
            b'<outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/></body></opml>')
    assert parse_opml(opml) == [("https://a.org/feed.xml", "Un"), ("https://b.org/rss", "Deux")]
    sitemap = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b'<url><loc>https://a.org/1</loc><lastmod>2024-01-20</lastmod></url><url><loc>/2</loc></url></urlset>')
    assert parse_sitemap(sitemap, "https://a.org/sitemap.xml", 1 << 20) == (
        [("https://a.org/1", "2024-01-20"), ("https://a.org/2", None)], [])
    assert parse_sitemap(gzip.compress(sitemap), "https://a.org/s.xml.gz", 1 << 20)[0][0][0] == "https://a.org/1"
    with pytest.raises(SourceError, match="too large once unzipped"):
        parse_sitemap(gzip.compress(sitemap + b" " * 5000), "https://a.org/s.xml.gz", 1000)
    index = b'<sitemapindex><sitemap><loc>https://a.org/s1.xml</loc></sitemap></sitemapindex>'
    assert parse_sitemap(index, "https://a.org/s.xml", 1 << 20) == ([], ["https://a.org/s1.xml"])
    assert parse_url_list(b"# lu ce matin\nhttps://a.org/1\n\nhttps://b.org/2\n") == ["https://a.org/1", "https://b.org/2"]
    with pytest.raises(SourceError, match="'ftp://a.org/x' is not an http"):
        parse_url_list(b"https://a.org/1\nftp://a.org/x\n")


# the fetcher, on a real local site

def options(**changes) -> FetchOptions:
    return FetchOptions(**{"allow_private": True, "rate": 100.0, "timeout": 15.0, "max_bytes": 1 << 20, **changes})


@pytest.fixture
def site(tmp_path: Path):
    root = tmp_path / "site"
    (root / "p").mkdir(parents=True)
    (root / "private").mkdir()
    for page in PAGES.glob("*.html"):
        shutil.copy(page, root / "p" / page.name)
    shutil.copy(PAGES / "2.html", root / "private" / "page.html")
    with local_site(root) as server:
        server.root = root
        yield server


def test_loopback_is_refused_without_allow_private_and_nothing_is_sent(site):
    with Fetcher(options(allow_private=False)) as fetcher, pytest.raises(FetchError, match="loopback"):
        fetcher.get(f"{site.address}/p/1.html")
    assert site.requests == []


def test_connections_open_only_to_addresses_the_guard_allows(site):
    port = int(site.address.rsplit(":", 1)[1])
    with pytest.raises(Refused, match="loopback"):
        GuardedBackend(allow_private=False).connect_tcp("localhost", port, timeout=5)
    stream = GuardedBackend(allow_private=True).connect_tcp("localhost", port, timeout=5)
    stream.write(b"GET /p/1.html HTTP/1.0\r\nHost: localhost\r\n\r\n")
    assert stream.read(12).startswith(b"HTTP/1.0 200")
    stream.close()


def test_a_redirect_is_checked_again(site):
    with Fetcher(options()) as fetcher:
        with pytest.raises(FetchError, match="cloud metadata"):
            fetcher.get(f"{site.address}/metadata", obey_robots=False)
        with pytest.raises(FetchError, match="only http and https"):
            fetcher.get(f"{site.address}/redirect?to=file:///etc/passwd", obey_robots=False)
        moved = fetcher.get(f"{site.address}/redirect?to=/p/1.html", obey_robots=False)
    assert moved.status == 200 and moved.url == f"{site.address}/p/1.html"


def test_failures_are_one_reason_each(site):
    reasons = {}
    with Fetcher(options()) as fetcher:
        for path in ("/missing", "/loop/a", "/huge", "/private/page.html"):
            with pytest.raises(FetchError) as caught:
                fetcher.get(site.address + path)
            reasons[path] = str(caught.value)
    with Fetcher(options(timeout=1.0)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(f"{site.address}/slow", obey_robots=False)  # a byte every 0.25 s for 5 s
    reasons["/slow"] = str(caught.value)
    assert reasons["/missing"] == "HTTP 404 Not Found"
    assert reasons["/loop/a"] == f"more than {MAX_REDIRECTS} redirects"
    assert reasons["/slow"] == "too slow (not complete after 1 s)"
    assert reasons["/huge"] == "too large (over the 1 MB limit)"
    assert reasons["/private/page.html"] == "disallowed by the site's robots.txt"
    assert all("\n" not in reason for reason in reasons.values())
    assert "/private/page.html" not in [path for _m, path, _t in site.requests]  # never asked for
    assert [path for _m, path, _t in site.requests].count("/robots.txt") == 1  # once per site


def test_conditional_requests_and_gzip(site):
    with Fetcher(options()) as fetcher:
        first = fetcher.get(f"{site.address}/etag/p/1.html")
        again = fetcher.get(f"{site.address}/etag/p/1.html", etag=first.etag)
        dated = fetcher.get(f"{site.address}/p/2.html")
        unchanged = fetcher.get(f"{site.address}/p/2.html", last_modified=dated.last_modified)
        zipped = fetcher.get(f"{site.address}/gzip/p/3.html")
    assert first.status == 200 and first.etag and again.status == 304 and again.content == b""
    assert dated.last_modified and unchanged.status == 304
    assert zipped.content == (site.root / "p" / "3.html").read_bytes()


class Clock:
    """Time that passes only when the fetcher sleeps: the pacing is read exactly, with no wait
    and no dependence on how loaded the machine is."""

    def __init__(self) -> None:
        self.now, self.sleeps = 1000.0, []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def test_requests_to_one_host_are_spaced_by_the_rate(site):
    """Two requests a second to one host: the fetcher waits half a second before the second and
    the third; another host (the same server under another name) does not wait for the first."""
    clock = Clock()
    with Fetcher(options(rate=2.0), clock=clock.monotonic, sleep=clock.sleep) as fetcher:
        for number in (1, 2, 3):
            fetcher.get(f"{site.address}/p/{number}.html", obey_robots=False)
        other = site.address.replace("127.0.0.1", "localhost")
        fetcher.get(f"{other}/p/1.html", obey_robots=False)
    assert clock.sleeps == [0.5, 0.5]
    assert [path for _m, path, _t in site.requests] == ["/p/1.html", "/p/2.html", "/p/3.html", "/p/1.html"]


def test_time_spent_answering_counts_toward_the_wait(site):
    """A request that took 0.3 s leaves 0.2 s to wait at two a second, not 0.5."""
    clock = Clock()
    with Fetcher(options(rate=2.0), clock=clock.monotonic, sleep=clock.sleep) as fetcher:
        fetcher.get(f"{site.address}/p/1.html", obey_robots=False)
        clock.now += 0.3
        fetcher.get(f"{site.address}/p/2.html", obey_robots=False)
    assert clock.sleeps == [0.2]


# a whole gathering: pages saved with their sidecars, state kept, a second run costs a 304

def test_a_feed_is_gathered_once_then_costs_one_request(site, tmp_path: Path):
    long_text = "<p>" + " ".join(["Un texte assez long pour tenir lieu d'article."] * 30) + "</p>"
    (site.root / "feed.xml").write_bytes(rss(
        item(f"{site.address}/p/1.html?utm_source=rss", "urn:t:1", "Un", "Mon, 22 Jan 2024 10:00:00 +0000"),
        item(f"{site.address}/p/2.html", "urn:t:2", "Deux"),
        item(f"{site.address}/missing", "urn:t:3", "Manquant", text=long_text),
        item(f"{site.address}/private/page.html", "urn:t:4", "Interdit", text="Trop court.")))
    content, lines = tmp_path / "content", []
    say = lambda kind, line: lines.append(f"{kind}: {line}")  # noqa: E731
    first = Gatherer(content, options(), say).gather([f"{site.address}/feed.xml"], [], [])
    assert len(first.files) == 3 and first.failed == 1
    assert all(path.parent.parent == tmp_path / "sources" for path in first.files)
    assert lines == [f"notice: {site.address}/missing: HTTP 404 Not Found; the feed's own text is used (240 words)",
                     f"error: {site.address}/private/page.html: disallowed by the site's robots.txt "
                     "(the feed's text, 2 words, is too short to stand in)"]
    one = read_item(first.files[0])
    assert (one.url, one.title, one.date, one.text_from) == (f"{site.address}/p/1.html", "Un",
                                                             "2024-01-22T10:00:00+00:00", "page")
    assert read_item(first.files[2]).text_from == "feed"
    assert first.files[0].read_bytes() == (site.root / "p" / "1.html").read_bytes()  # the raw page, as served
    state = json.loads((content / ".briefing" / "fetch.json").read_text("utf-8"))
    assert state["sources"][f"{site.address}/feed.xml"]["last_modified"]
    assert set(state["items"]) == {"urn:t:1", "urn:t:2", "urn:t:3"}
    assert not list(content.glob("*.md"))  # gathering writes no article

    site.requests.clear()
    second = Gatherer(content, options(), say).gather([f"{site.address}/feed.xml"], [], [])
    assert [path for _m, path, _t in site.requests] == ["/feed.xml"]
    assert second.files == first.files and second.summaries[0].unchanged

    (site.root / "feed.xml").write_bytes(rss(item(f"{site.address}/p/1.html", "urn:t:1", "Un"),
                                             item(f"{site.address}/p/3.html#x", "", "Trois")))
    later = time.time() + 60
    os.utime(site.root / "feed.xml", (later, later))  # Last-Modified counts seconds: changed later than fetched
    site.requests.clear()
    third = Gatherer(content, options(), say).gather([f"{site.address}/feed.xml"], [], [])
    assert pages(site) == ["/p/3.html"]  # the new item only; the known one is not fetched again
    assert len(third.files) == 2 and third.files[0] == first.files[0]


def test_a_state_file_that_cannot_be_read_starts_afresh(tmp_path: Path):
    (tmp_path / ".briefing").mkdir()
    (tmp_path / ".briefing" / "fetch.json").write_text("{not json", "utf-8")
    state = FetchState.load(tmp_path)
    assert state.sources == {} and state.items == {}
    state.remember_source("http://a.org/f", '"e"', None, ["k"])
    state.save()
    assert FetchState.load(tmp_path).validators("http://a.org/f") == ('"e"', None)
    assert not list((tmp_path / ".briefing").glob("*.tmp"))


def test_a_broken_feed_and_a_missing_one_are_one_line_each_and_the_others_go_on(site, tmp_path: Path):
    (site.root / "broken.xml").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</titl')
    (site.root / "good.xml").write_bytes(rss(item(f"{site.address}/p/1.html", "urn:g:1", "Un")))
    lines = []
    gathered = Gatherer(tmp_path / "content", options(), lambda kind, line: lines.append(f"{kind}: {line}")).gather(
        [f"{site.address}/broken.xml", f"{site.address}/gone.xml", f"{site.address}/good.xml"], [], [])
    assert len(gathered.files) == 1 and gathered.failed == 2
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    assert lines[0].startswith(f"error: {site.address}/broken.xml: not a readable feed (")
    assert lines[1] == f"error: {site.address}/gone.xml: HTTP 404 File not found"
    assert [summary.line() for summary in gathered.summaries] == [
        f"feed {site.address}/broken.xml: not read", f"source {site.address}/gone.xml: not read",
        f"feed {site.address}/good.xml: 1 item(s), 1 page(s) fetched, 0 failed"]


def test_new_pages_are_asked_of_each_host_in_turn():
    from briefing.sources.feeds import FeedItem
    from briefing.sources.gather import Pending, SourceSummary, by_host_in_turn

    urls = ["http://a.org/1", "http://a.org/2", "http://a.org/3", "http://b.org/1", "https://c.org/1", "http://b.org/2"]
    pages = [Pending(SourceSummary("s"), FeedItem(url, url), "s", []) for url in urls]
    assert [p.item.url for p in by_host_in_turn(pages)] == [
        "http://a.org/1", "http://b.org/1", "https://c.org/1", "http://a.org/2", "http://b.org/2", "http://a.org/3"]


def test_a_json_file_beside_a_saved_page_is_not_its_feed_data(tmp_path):
    """`briefing inspect d.html --json > d.json` (the shell makes d.json first): a page saved by
    hand with any JSON beside it is still a page of its own; only "d.item.json" is a sidecar."""
    from briefing.sources.item import is_sidecar, read_item

    page = tmp_path / "d.html"
    page.write_text("<html><body><p>Texte.</p></body></html>", "utf-8")
    (tmp_path / "d.json").write_text("", "utf-8")
    assert read_item(page) is None and not is_sidecar(tmp_path / "d.json")
    (tmp_path / "d.item.json").write_text("{}", "utf-8")
    assert is_sidecar(tmp_path / "d.item.json")
