"""Many pages of one template written by two processes at once: the entity pages, thousands on
an archive, are most of a cold build's rendering, and the build's second core is free while
Pelican writes those pagefind indexes (it starts once they are written).

The build process forks; the child renders and writes every other page with Pelican's own
writer (the same templates, context and checks, so the same bytes), then exits; the parent
writes the rest meanwhile. Once the child is done, the parent notes its files as written (for
Pelican's overwrite checks) and sends `content_written` for each of them, as Pelican would
have. Should the child fail in any way, the parent writes its pages itself: the result is the
same, only slower. Where fork is missing, with no core to spare (one usable core, or a load
average that leaves none free), in a process with other threads (`briefing serve`), where the
template is paginated, or for a few pages, everything is written in this process.
"""

from __future__ import annotations

import gc
import logging
import os

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join

from briefing.forking import fork, fork_pays

log = logging.getLogger(__name__)
FEWEST = 64  # below this many pages a fork costs more than it saves


def write_pages(writer, template, context: dict, pages: list[tuple[str, str, dict]], template_name: str,
                relative_urls: bool) -> None:
    """Write each (save_as, url, template variables) of `pages` as writer.write_file would."""

    def write(chosen) -> None:
        for name, url, variables in chosen:
            writer.write_file(name, template, context, relative_urls=relative_urls, url=url,
                              template_name=template_name, **variables)

    paginated = template_name in writer.settings.get("PAGINATED_TEMPLATES", {})
    paths = [sanitised_join(writer.output_path, name) for name, _url, _variables in pages]
    # a page written twice is for Pelican's checks to refuse, in one process
    twice = len(set(paths)) < len(paths) or not writer._written_files.isdisjoint(paths)
    if paginated or twice or len(pages) < FEWEST or not fork_pays():
        write(pages)
        return
    ours, theirs = pages[0::2], pages[1::2]
    try:
        pid = fork()
    except OSError:  # no process to be had (memory, limits): all of them here
        write(pages)
        return
    if pid == 0:  # the child: its pages, no signal (the parent sends them), then out at once
        status = 1
        try:
            signals.content_written.receivers.clear()
            write(theirs)
            status = 0
        except BaseException:  # the parent writes these pages again (and meets the error)
            pass
        finally:
            os._exit(status)
    try:
        write(ours)
    finally:
        _, status = os.waitpid(pid, 0)
        gc.unfreeze()
    if status != 0:
        write(theirs)
        log.warning("briefing: the process writing half of the %s pages failed; they were written here", template_name)
        return
    for (name, _url, variables), path in zip(theirs, paths[1::2]):
        writer._written_files.add(path)  # Pelican's record of what it wrote (overwrite checks)
        signals.content_written.send(path, context=local_context(context, name, variables, relative_urls))


def local_context(context: dict, name: str, variables: dict, relative_urls: bool) -> dict:
    """The context Pelican's writer renders a page with (Writer.write_file, unpaginated)."""
    local = context.copy()
    local["localsiteurl"] = local.get("localsiteurl", None)
    if relative_urls:
        local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(name))
    local["output_file"] = name
    local.update(variables)
    return local
