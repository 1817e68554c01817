"""`briefing ingest` from feeds, as a user runs it, against a local site on 127.0.0.1 (a
thread of the test process, stopped when each test ends): corpus pages through a feed, a
second run that costs one 304, the guard, feed data filling what a page lacks, the feed's
text standing in for a page that cannot be had, OPML + URL list + sitemap in one run, the
offline re-run from sources/, and --watch."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from conftest import PROJECT, SEED, needs_corpus
from local_site import local_site, pages

from briefing.contentfile import parse
from evaluation.corpus import TRAFILATURA_PAGES

FIXTURES = PROJECT / "tests" / "fast" / "scenarios" / "sources"
PUBLISHED = "Mon, 06 Jan 2020 10:00:00 +0000"
LONG_TEXT = "<p>" + " ".join(["La commune a voté le budget de l'école après un long débat en conseil."] * 12) + "</p>"


def rss(*items: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local</title>'
            f"<link>http://127.0.0.1/</link><description>Local test feed</description>{''.join(items)}"
            "</channel></rss>").encode()


def item(link: str, guid: str, title: str, date: str = PUBLISHED, text: str = "Résumé", author: str = "") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid><pubDate>{date}</pubDate>"
            + (f"<author>{author}</author>" if author else "") + f"<description><![CDATA[{text}]]></description></item>")


@pytest.fixture
def site(tmp_path: Path):
    root = tmp_path / "site"
    (root / "p").mkdir(parents=True)
    (root / "private").mkdir()
    with local_site(root) as server:
        server.root = root
        yield server


def lines(result) -> list[str]:
    return result.stderr.strip().splitlines()


@needs_corpus
def test_a_feed_of_corpus_pages_then_a_second_run_that_costs_one_304(cli, site, tmp_path: Path):
    corpus = sorted((TRAFILATURA_PAGES / "html").glob("*.html"))[:6]
    for number, page in enumerate(corpus, 1):
        shutil.copy(page, site.root / "p" / f"{number}.html")
    shutil.copy(corpus[0], site.root / "private" / "page.html")
    feed = [item(f"{site.address}/p/{n}.html?utm_source=rss&utm_medium=feed", f"urn:t:{n}", f"Article {n}")
            for n in range(1, 7)]
    feed += [item(f"{site.address}/missing", "urn:t:gone", "Le budget de l'école voté", text=LONG_TEXT),
             item(f"{site.address}/private/page.html", "urn:t:private", "Interdit", text="Trop court."),
             item(f"{site.address}/p/1.html?fbclid=xyz", f"{site.address}/p/1.html", "Copie")]
    (site.root / "feed.xml").write_bytes(rss(*feed))
    content = tmp_path / "content"
    address = f"{site.address}/feed.xml"

    first = cli("ingest", address, "--allow-private", "--rate", "50", "--content-dir", content)
    assert first.exit_code == 1  # one item failed
    out = lines(first)
    assert out[-1] == "7 written, 0 unchanged, 0 skipped, 1 failed"  # the item naming page 1 again adds nothing
    assert f"error: {site.address}/private/page.html: disallowed by the site's robots.txt (the feed's text, " \
           "2 words, is too short to stand in)" in out
    assert any(line.startswith(f"notice: {site.address}/missing: HTTP 404 Not Found; the feed's own text is used")
               for line in out)
    assert f"feed {address}: 9 item(s), 6 page(s) fetched, 1 from the feed's own text, 1 failed" in out
    assert len(list(content.glob("*.md"))) == 7
    assert sorted(pages(site)) == [f"/p/{n}.html" for n in range(1, 7)]  # tracking parameters gone, each page once
    assert not (content / "sources").exists() and (tmp_path / "sources").is_dir()  # never inside content/
    records = [parse(path.read_text("utf-8")) for path in sorted(content.glob("*.md"))]
    standing_in = next(r for r in records if r.title == "Le budget de l'école voté")
    assert standing_in.source == f"{site.address}/missing" and standing_in.date_source == "feed"
    assert standing_in.date.startswith("2020-01-06")
    assert all("utm_" not in (r.source or "") for r in records)

    site.requests.clear()
    second = cli("ingest", address, "--allow-private", "--rate", "50", "--content-dir", content)
    assert [path for _m, path, _t in site.requests] == ["/feed.xml"]  # one conditional request, a 304
    assert lines(second)[-1] == "0 written, 7 unchanged, 0 skipped, 0 failed"
    assert f"feed {address}: unchanged since the last run (304), 9 item(s) known" in lines(second)

    # offline: the raw pages kept in sources/ are ingested again with nothing fetched
    site.requests.clear()
    offline = cli("ingest", tmp_path / "sources", "--content-dir", content)
    assert site.requests == [] and lines(offline)[-1] == "0 written, 7 unchanged, 0 skipped, 0 failed"


def test_a_loopback_feed_is_refused_without_allow_private(cli, site, tmp_path: Path):
    (site.root / "feed.xml").write_bytes(rss(item(f"{site.address}/p/1.html", "urn:t:1", "Un")))
    result = cli("ingest", f"{site.address}/feed.xml", "--content-dir", tmp_path / "content")
    assert result.exit_code == 1
    assert lines(result)[0] == (f"error: {site.address}/feed.xml: refused: host '127.0.0.1' resolves to 127.0.0.1, "
                                "a loopback address (--allow-private fetches it)")
    assert lines(result)[-1] == "0 written, 0 unchanged, 0 skipped, 1 failed"
    assert site.requests == [] and not list((tmp_path / "content").glob("*.md"))


def test_feed_data_fills_what_the_page_lacks_and_no_date_lies_after_the_fetch(cli, site, tmp_path: Path):
    body = (FIXTURES / "3.html").read_text("utf-8")
    untitled = body.split("<article>")[1].split("</article>")[0].split("</h1>")[1]  # no title, no date
    (site.root / "p" / "bare.html").write_text(f"<html><body><article>{untitled}</article></body></html>", "utf-8")
    shutil.copy(FIXTURES / "2.html", site.root / "p" / "2.html")
    dump = SEED.read_text("utf-8").replace("Dernières Infos - Sécurité", "Dernières Infos - Sécurité\n\nil y a 2 heures", 1)
    (site.root / "p" / "dump.txt").write_text(dump, "utf-8")  # served as text/plain: a text dump
    (site.root / "feed.xml").write_bytes(rss(
        item(f"{site.address}/p/bare.html", "urn:t:bare", "Le marché ouvre le mardi soir", date="il y a 3 heures",
             author="claire@example.org (Claire Martin)"),
        item(f"{site.address}/p/2.html", "urn:t:2", "Ferry", date="Mon, 05 Jan 2099 10:00:00 +0000"),
        item(f"{site.address}/p/dump.txt", "urn:t:dump", "Irak")))
    before = datetime.now().astimezone()
    result = cli("ingest", f"{site.address}/feed.xml", "--allow-private", "--rate", "50",
                 "--content-dir", tmp_path / "content")
    assert result.exit_code == 0, result.stderr
    records = {r.source: r for r in (parse(p.read_text("utf-8")) for p in (tmp_path / "content").glob("*.md"))}
    bare, ferry, dump = (records[f"{site.address}/p/{name}"] for name in ("bare.html", "2.html", "dump.txt"))
    assert bare.title == "Le marché ouvre le mardi soir" and bare.date_source == "feed"
    assert bare.byline == "Claire Martin" and ferry.byline is None
    hours = (before - datetime.fromisoformat(bare.date)).total_seconds() / 3600
    assert 2.9 < hours < 3.1  # three hours before the fetch
    assert ferry.title == "Harbour ferry returns after winter repairs"  # the page's own title wins
    assert ferry.date_source == "fetch"  # 2099 is no publication date; the page gives none: the fetch's time
    assert datetime.fromisoformat(ferry.date) <= datetime.now().astimezone()
    # the page's own relative date ("il y a 2 heures", read against the fetch) before the feed's 2020
    assert dump.date_source == "text" and 1.9 < (before - datetime.fromisoformat(dump.date)).total_seconds() / 3600 < 2.1


def test_opml_url_list_and_sitemap_in_one_run(cli, site, tmp_path: Path):
    for page in FIXTURES.glob("*.html"):
        shutil.copy(page, site.root / "p" / page.name)
    (site.root / "a.xml").write_bytes(rss(item(f"{site.address}/p/1.html", "urn:a:1", "Un")))
    (site.root / "b.xml").write_bytes(rss(item(f"{site.address}/p/2.html", "urn:b:2", "Deux")))
    (site.root / "sitemap.xml").write_bytes(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>/p/3.html</loc></url><url><loc>/p/1.html?utm_campaign=x</loc></url></urlset>")
    subscriptions = tmp_path / "abonnements.opml"  # recognised by content, whatever its name
    subscriptions.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>Veille</title></head><body>\n'
        f'<outline text="A" type="rss" xmlUrl="{site.address}/a.xml"/>\n'
        f'<outline text="B" type="rss" xmlUrl="{site.address}/b.xml"/>\n</body></opml>\n', "utf-8")
    url_list = tmp_path / "lus-ce-matin.txt"
    url_list.write_text(f"# lus ce matin\n{site.address}/p/2.html?utm_source=newsletter\n", "utf-8")
    result = cli("ingest", subscriptions, f"{site.address}/sitemap.xml", "--urls", url_list, "--allow-private",
                 "--rate", "50", "--content-dir", tmp_path / "content")
    assert result.exit_code == 0, result.stderr
    assert lines(result)[-1] == "3 written, 0 unchanged, 0 skipped, 0 failed"
    assert sorted(pages(site)) == ["/p/1.html", "/p/2.html", "/p/3.html"]  # each page fetched once
    assert f"OPML list {subscriptions}: 2 item(s), 0 page(s) fetched, 0 failed" in lines(result)
    assert f"URL list {url_list}: 1 item(s), 0 page(s) fetched, 0 failed" in lines(result)


def test_watch_reads_the_feeds_again_until_stopped(site, tmp_path: Path):
    shutil.copy(FIXTURES / "2.html", site.root / "p" / "2.html")
    (site.root / "feed.xml").write_bytes(rss(item(f"{site.address}/p/2.html", "urn:t:2", "Ferry")))
    saved = tmp_path / "saved"  # a folder watched beside the feed: a page dropped in it is read next run
    saved.mkdir()
    log = tmp_path / "watch.log"

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + 120
        while log.read_text("utf-8").count("written,") < count and time.monotonic() < deadline:
            time.sleep(0.2)

    with log.open("w") as handle:
        watcher = subprocess.Popen([sys.executable, "-m", "briefing", "ingest", f"{site.address}/feed.xml", str(saved),
                                    "--allow-private", "--watch", "0.01", "--content-dir", str(tmp_path / "content")],
                                   cwd=PROJECT, stdout=handle, stderr=subprocess.STDOUT)
        try:
            wait_for(2)
            shutil.copy(FIXTURES / "1.html", saved / "mediatheque.html")
            wait_for(log.read_text("utf-8").count("written,") + 2)  # a run that may have begun before, and one after
        finally:
            watcher.send_signal(signal.SIGTERM)
            code = watcher.wait(30)
    text = log.read_text("utf-8")
    assert code == 0 and text.rstrip().endswith("stopped")
    runs = text.split("run at ")[1:]
    assert "1 written, 0 unchanged, 0 skipped, 0 failed" in runs[0]
    assert f"feed {site.address}/feed.xml: unchanged since the last run (304), 1 item(s) known" in runs[1]
    assert any("1 written, 1 unchanged, 0 skipped, 0 failed" in run for run in runs[2:])  # the page dropped in
    assert [path for _m, path, _t in site.requests].count("/p/2.html") == 1
    assert not (tmp_path / "content" / ".briefing.lock").exists()  # the lock is not held between runs
