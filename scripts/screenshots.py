"""Screenshots of the built demo site for the README: the front page, an article, an entity
page with its timeline, the map of places (light and dark).

    python scripts/screenshots.py [output]

Serves `output/` on localhost and shoots it with Debian's chromium through Playwright.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
SHOTS = {
    "front.png": ("", 1280, 1100),
    "article.png": ("les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html", 1280, 1300),
    "article-mobile.png": ("les-etats-unis-et-l-irak-entament-des-discussions-sur-la-fin-de-la-coalition.html", 390, 1500),
    "entity.png": ("entities/irak.html", 1280, 900),
    "places.png": ("places/", 1280, 900),
    "places-dark.png": ("places/", 1280, 900, "dark"),
}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else PROJECT / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for name, (path, width, height, *scheme) in SHOTS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=(scheme or ["light"])[0])
            page.goto(f"{base}/{path}")
            page.screenshot(path=str(PROJECT / "docs" / name))
            page.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
