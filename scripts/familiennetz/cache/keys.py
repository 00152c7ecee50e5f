"""Each page's cache key: everything its bytes depend on, as one digest.

The build's settings (code, configuration, templates, menu: `settings`, from the adapter),
the page's place, its Markdown as the generator converts it, where its relative links lead,
and its template's context (fingerprint.py). Pages in the menu and the search page are
rendered on every build: the menu marks the current page, and the search page's word list
is made while the others are indexed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import Any

from ..documents import Entry, TextPage
from ..plan import PlannedPage
from ..render.calendars import entry_calendars
from ..run import BuildRun
from .fingerprint import digest, stable_text
from .known import KnownInputs

__all__ = ["PageKeys"]

ALWAYS_RENDERED = frozenset({"home", "search"})
# Context every page gets but prints only in part: the templates look up in `fn_refs` the
# districts, networks and topics an entry names, and those are in the entry's digest. In
# the key, the whole table would make a renamed district render every page again.
GLOBAL = frozenset({"fn_refs"})
# Targets of Markdown links and images, reference definitions, and raw HTML attributes:
# more than the generator resolves is harmless, fewer would miss a dependency.
_TARGETS = re.compile(r"\]\(\s*<?([^)\s>]+)|^[ \t]*\[[^\]\n]*\]:[ \t]*<?(\S+?)>?[ \t]*$|"
                      r"(?:href|src)\s*=\s*[\"']([^\"']+)", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


def link_targets(src: str, markdown: str) -> list[str]:
    """The files below content/ that the Markdown may link to, as paths from its root."""
    if "](" not in markdown and "]:" not in markdown and "=" not in markdown:
        return []  # most bodies link nowhere
    found = set()
    folder = posixpath.dirname(src)
    for match in _TARGETS.finditer(markdown):
        target = next(g for g in match.groups() if g is not None)
        target = target.split("#", 1)[0].split("?", 1)[0]
        if target and not _EXTERNAL.match(target):
            found.add(posixpath.normpath(posixpath.join(folder, target.lstrip("/"))
                                         if not target.startswith("/") else target.lstrip("/")))
    return sorted(found)


class PageKeys:
    def __init__(self, run: BuildRun, settings: str, menu: frozenset[str],
                 body_settings: str = "", config: str = "",
                 known: KnownInputs | None = None, paths: str = "") -> None:
        self.run = run
        self.settings = settings
        self.body_settings = body_settings  # what a body's conversion depends on besides it
        self.menu = menu  # URLs of the pages in the navigation
        self.fingerprints = run.fingerprints
        self.config = config  # the settings but for the templates: they go into `world`
        self.known = known
        self.paths = paths  # digest of the generator's files and URLs (`PageReuse.decide`): links lead there
        self._world: str | None = None

    @property
    def world(self) -> str:
        """The digest of everything the pages' contexts, front matter and links follow
        from, but the templates and the bodies (known.py): the code and configuration, every
        document as the site shows it, which files are published and hidden, and every file
        the generator has (theme files too) with its URL."""
        if self._world is None:
            run, shown = self.run, self.fingerprints.shown
            collection = run.collection
            documents: list[Entry | TextPage] = [*collection.entries, *collection.pages]
            self._world = digest(
                self.config, self.paths, run.site_url or "", run.site_name, stable_text(run.operator),
                *sorted(run.publishable), "", *sorted(run.plan.hidden), "", *sorted(collection.hidden),
                "", *(f"{d.src}={shown(d)}" for d in documents))
        return self._world

    def key(self, src: str, url: str,
            resolve: Callable[[str], str | None]) -> tuple[str, str] | None:
        """(the page's key, its converted body's key); None: the page is rendered on every
        build. `resolve(path)`: the URL a file below content/ is published at, None if it
        is not. A body is converted from its Markdown, its place and where its links lead,
        with the Markdown settings: a changed template renders every page again, but from
        the bodies converted before."""
        planned = self.run.plan.pages.get(src)
        if planned is None or planned.kind in ALWAYS_RENDERED or url in self.menu:
            return None
        found = self.run.front_matter(src)
        if found is None:
            return None
        meta, body = found
        body_digest = digest(body)
        parts = self.known.get(self.world, src, body_digest) if self.known is not None else None
        if parts is None:
            parts = self._parts(src, url, planned, meta, body, resolve)
            if self.known is not None:
                self.known.keep(src, body_digest, *parts)
        body_key = digest(self.body_settings, parts[0])
        return digest(self.settings, body_key, parts[1]), body_key

    def _parts(self, src: str, url: str, planned: PlannedPage, meta: dict[str, Any], body: str,
               resolve: Callable[[str], str | None]) -> tuple[str, str]:
        """(the body's inputs, the page's inputs), without the settings."""
        markdown = self.run.markdown(src, body)
        links = [f"{t}>{resolve(t)}" for t in link_targets(src, markdown)]
        if planned.kind == "item" and planned.entry is not None:
            context = self._item(planned.entry, planned.feed_scope)
        else:
            context = self.fingerprints.of(meta, {k: v for k, v in self.run.context(src, keep=True).items()
                                                  if k not in GLOBAL})
        body_part = digest(src, url, markdown, *links)
        return body_part, digest(body_part, repr(meta), context)

    def _item(self, entry: Entry, feed_scope: str | None) -> str:
        """An item page's context without making it (most of a rebuild's pages are items):
        `render.context.item_context` makes it from the entry, its facts and the references
        it names (all in the entry's digest), its related items, its calendars, and the
        build's settings."""
        run = self.run
        return self.fingerprints.of(entry, run.related(entry),
                                    entry_calendars(entry, run.collection), feed_scope)
