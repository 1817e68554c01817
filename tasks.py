"""invoke tasks with Pelican's usual names, plus ingest and test; each runs the `briefing` CLI."""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

CONFIG = {
    "seeds": "seeds",
    # The seed text dump states no date: its publication date (Reuters, 25 January 2024) is the
    # fallback for pages that state none themselves.
    "seed_date": "2024-01-25",
    "content": "content",
    "output": "output",
    "settings": "pelicanconf.py",
    "publish": "publishconf.py",
    "port": 8000,
}
BRIEFING = f"{shlex.quote(sys.executable)} -m briefing"


def _folders(settings: str = CONFIG["settings"]) -> str:
    return f"--content-dir {CONFIG['content']} --output-dir {CONFIG['output']} --settings {settings}"


@task
def ingest(c, force=False):
    """Ingest the seeds into the content folder."""
    c.run(f"{BRIEFING} ingest {CONFIG['seeds']} --content-dir {CONFIG['content']} --date {CONFIG['seed_date']}"
          + (" --force" if force else ""))


@task
def clean(c):
    """Remove the generated site and its build cache."""
    output = Path(CONFIG["output"])
    for folder in (output, output.parent / f".{output.name}.cache", Path("cache")):
        shutil.rmtree(folder, ignore_errors=True)


@task
def build(c):
    """Build the site (development settings)."""
    c.run(f"{BRIEFING} build {_folders()}")


@task(pre=[clean])
def rebuild(c):
    """Build the site from scratch."""
    build(c)


@task
def regenerate(c):
    """Rebuild whenever content or settings change."""
    from briefing.site import pelican_arguments

    c.run(shlex.join([sys.executable, "-m", "pelican", *pelican_arguments(
        Path(CONFIG["settings"]), Path(CONFIG["content"]), Path(CONFIG["output"])), "--autoreload"]))


@task
def serve(c):
    """Serve the built site on localhost, without rebuilding."""
    c.run(shlex.join([sys.executable, "-m", "pelican", "--listen", "--bind", "127.0.0.1",
                      "--port", str(CONFIG["port"]), "--output", CONFIG["output"]]))


@task
def livereload(c):
    """Serve the site and rebuild it on every change (reload the page to see it)."""
    c.run(f"{BRIEFING} serve --port {CONFIG['port']} {_folders()}")


@task
def preview(c):
    """Build with the production settings."""
    c.run(f"{BRIEFING} build {_folders(CONFIG['publish'])}")


@task
def test(c):
    """Run the test suite."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest")
