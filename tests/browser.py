"""Helpers for the search and browser tests: the search fixture site, Debian's chromium
driven by Playwright, axe-core, and the rule on missing tools.

- `need()` skips a test with a visible reason when a tool is missing — except under
  `CI=true`, where a missing browser or axe-core is a failure, not a skip.
- `launch()` starts the system's chromium (never a downloaded one); `Tab` collects every
  console error and uncaught exception of a page, so each test can require none.
- `indexed_pages()` and `indexed_filters()` read what Pagefind stored for each page, from
  the index it wrote: the ground truth the filter tests compare the browser's results with.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

from bench.browser import CHROMIUM_ARGS, MOUNT, find_chromium, serve
from sitebuild import Site

__all__ = [
    "AXE", "MOUNT", "Tab", "indexed_filters", "indexed_pages", "launch", "need", "serve",
    "site_path",
]

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

FRAGMENT_SIGNATURE = b"pagefind_dcd"  # before the JSON of each of Pagefind's fragments

def need(available: bool, tests: str, missing: str) -> None:
    """Skip `tests` when a tool is `missing`; under CI=true, fail instead."""
    if available:
        return
    if os.environ.get("CI") == "true":
        _fail(f"{tests} unter CI=true nicht möglich: {missing}")
    pytest.skip(f"{tests} übersprungen: {missing}")


def _fail(message: str) -> NoReturn:
    pytest.fail(message, pytrace=False)


def site_path(url: str) -> str:
    """'/familiennetz/angebote/x/?q=1' or a full URL → 'angebote/x/' (the site's own URL)."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "://" in url else path
    path = path.split("?", 1)[0].split("#", 1)[0]
    return path[len(MOUNT):] if path.startswith(MOUNT) else path.lstrip("/")


@dataclass
class Tab:
    """A page with what went wrong in it: console errors and uncaught exceptions."""

    page: Any  # playwright.sync_api.Page
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> Any:
        self.page.goto(self.base + url)
        return self.page

    def watch(self) -> None:
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text} "
                                                            f"({self.page.url})")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"Ausnahme: {e} ({self.page.url})"))
        # A request the page itself dropped (it navigated away, net::ERR_ABORTED) is no
        # fault; a missing file answers 404 and shows up as a console error above.
        self.page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED" else
                     self.errors.append(f"Anfrage fehlgeschlagen: {r.url} ({r.failure})"))


@contextmanager
def launch(site: Site) -> Iterator[tuple[Any, str]]:
    """Debian's chromium (headless) and the site on 127.0.0.1; yields (browser, base URL)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - a dev dependency
        need(False, "Browser-Tests", "Playwright ist nicht installiert (make setup).")
    executable = find_chromium()
    need(executable is not None, "Browser-Tests", "kein `chromium` auf diesem Rechner (make test "
         "installiert ihn mit apt, wenn es darf; sonst: apt-get install chromium).")
    with serve(site.root) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser, base
        finally:
            browser.close()


def index_parts(site: Site) -> dict[str, Path]:
    """The index's parts as the build wrote them: "aktuell" and the archive's years → folder."""
    parts = {"aktuell": site.root / "pagefind"}
    archive = site.root / "pagefind-teile"  # the other pieces, by name
    parts.update({p.name: p for p in sorted(archive.iterdir())} if archive.is_dir() else {})
    return parts


def indexed_pages(site: Site, part: str | None = None) -> dict[str, dict[str, Any]]:
    """site URL → what Pagefind stored for it (its `url`, `content`, `meta`, `filters`),
    read from the index it wrote: one compressed fragment per indexed page; of every part
    of the index, or of one (`index_parts`)."""
    found: dict[str, dict[str, Any]] = {}
    folders = [f for name, f in index_parts(site).items() if part in (None, name)]
    for path in sorted(p for folder in folders for p in (folder / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(FRAGMENT_SIGNATURE), path
        fragment = json.loads(data[len(FRAGMENT_SIGNATURE):])
        found[fragment["url"].lstrip("/")] = fragment
    return found


def indexed_filters(site: Site, part: str | None = None) -> dict[str, dict[str, set[str]]]:
    """site URL → filter key → values, as Pagefind stored them (in one part, or all)."""
    return {url: {key: set(values) for key, values in fragment["filters"].items()}
            for url, fragment in indexed_pages(site, part).items()}
