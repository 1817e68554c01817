"""The built site in a real browser: Debian's chromium driven by Playwright (no browser download).

Skipped, with the reason, where chromium is not installed (.ci/run and the README install it).
"""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEED_PAGE = "les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="Debian chromium is not installed (apt-get install chromium; .ci/run does)")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(built_site / "output")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_the_article_page_renders_with_its_asides(page, base_url):
    page.goto(f"{base_url}/{SEED_PAGE}")
    assert page.locator("h1").inner_text().startswith("Les États-Unis et l'Irak")
    assert "2 500" in page.locator("aside#key-figures").inner_text()
    assert page.locator("aside#entities").is_visible()


def test_a_sidebar_link_opens_the_entity_page(page, base_url):
    page.goto(f"{base_url}/{SEED_PAGE}")
    page.locator('aside#entities a[data-entity-type="person"]', has_text="Alina Romanowski").click()
    page.wait_for_url("**/entities/alina-romanowski.html")
    assert page.locator("h1").inner_text() == "Alina Romanowski"
    assert page.locator(f'a[href$="{SEED_PAGE}"]').count() == 1


def test_search_finds_romanowski(page, base_url):
    page.goto(f"{base_url}/search.html")
    page.locator(".pagefind-ui__search-input").fill("Romanowski")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    titles = " ".join(page.locator(".pagefind-ui__result-link").all_inner_texts())
    assert "Alina Romanowski" in titles or "Les États-Unis et l'Irak" in titles


def test_the_search_page_opened_from_disk_says_it_needs_a_server(page, base_url, built_site):
    page.goto((built_site / "output" / "search.html").as_uri())
    assert "briefing serve" in page.locator("#search-needs-server").inner_text()
    page.goto(f"{base_url}/search.html")  # served: no such notice
    assert not page.locator("#search-needs-server").is_visible()


def test_the_entity_timeline_and_the_places_map_render(page, base_url):
    page.goto(f"{base_url}/entities/irak.html")
    timeline = page.locator("svg#mentions-timeline")
    box = timeline.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 20
    assert page.locator("svg#mentions-timeline g.mark rect").count() >= 1
    page.goto(f"{base_url}/places/")
    land = page.locator("svg#places-map path.land").bounding_box()
    assert land and land["width"] > 500
    circle = page.locator('svg#places-map circle[data-entity="irak"]')
    assert circle.is_visible()
    circle.click()  # a circle is a link to its place's page
    page.wait_for_url("**/entities/irak.html")


def test_the_search_page_offers_filters_and_a_sort(page, base_url):
    page.goto(f"{base_url}/search.html")
    page.locator(".pagefind-ui__search-input").fill("Irak")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    # the filters are drawn once their index is loaded, which can come after the first result
    page.locator(".pagefind-ui__filter-name").nth(3).wait_for(timeout=10_000)
    filters = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"Rubrique", "Langue", "Type d’entité", "Entités"} <= {f.strip() for f in filters}
    page.select_option("#search-sort", "date")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    assert page.locator(".pagefind-ui__search-input").input_value() == "Irak"


PAGES = ["", SEED_PAGE, "entities/", "search.html", "entities/irak.html", "places/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_accessibility_violation(page, base_url, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{base_url}/{path}")
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("path", PAGES)
def test_readable_from_320_pixels_without_sideways_scrolling(browser, base_url, path):
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.goto(f"{base_url}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()
