"""What a reader's browser downloads for a first search: measured in a real browser.

`make bench` opens the search page of the built site in Debian's chromium (Playwright),
served by the standard library on 127.0.0.1, searches for a common word, waits until the
results are shown and the network is idle, and counts every file fetched from
`pagefind/` (Pagefind's script, WebAssembly, metadata, index chunks, filters, and the
fragments of the results shown) and from `suche/woerter/` (the site's words, which the
search page checks each query word against). Sizes are the bytes served, uncompressed by the
server: Pagefind's index files are compressed already.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from familiennetz.search.parts import OUTPUT, PIECES
from familiennetz.search.vocabulary import FOLDER as WORDS

from .browser import CHROMIUM_ARGS, find_chromium, serve

__all__ = ["Transfer", "first_query"]

SHOWN = ("() => { const p = document.querySelector('[data-fn-search]');"
         " return p && p.dataset.fnShown === location.search; }")


@dataclass
class Transfer:
    query: str
    results: int = 0
    files: dict[str, int] = field(default_factory=dict)  # path below pagefind/ → bytes
    page_files: dict[str, int] = field(default_factory=dict)  # everything else the page loaded

    @property
    def bytes(self) -> int:
        return sum(self.files.values())

    def compressed_bytes(self, folder: Path) -> int:
        """The same files as a server would send them that gzips text (JavaScript, JSON);
        Pagefind's own index files are compressed already."""
        total = 0
        for path, size in self.files.items():
            if path.endswith((".js", ".json", ".css")):
                total += len(gzip.compress((folder / path).read_bytes(), compresslevel=6))
            else:
                total += size
        return total

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """'fragment' → (files, bytes), by the folder or the file's kind."""
        kinds: dict[str, tuple[int, int]] = {}
        for path, size in self.files.items():
            kind = "woerter" if path.startswith(f"../{WORDS}/") else PIECES if path.startswith("../") else \
                path.split("/")[0] if "/" in path else path.rsplit(".", 1)[-1]
            count, total = kinds.get(kind, (0, 0))
            kinds[kind] = (count + 1, total + size)
        return kinds


def first_query(site_dir: Path, query: str, timeout_ms: int = 60_000) -> Transfer | str:
    """The transfer of a first search, or why it could not be measured."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright ist nicht installiert"
    executable = find_chromium()
    if executable is None:
        return "kein chromium auf diesem Rechner"
    transfer = Transfer(query)
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page()

            def record(response: Any) -> None:
                path = response.url[len(base):].split("?", 1)[0]
                size = len(response.body()) if response.ok else 0
                if path.startswith(f"{OUTPUT}/"):
                    transfer.files[path[len(OUTPUT) + 1:]] = size
                elif path.startswith((f"{WORDS}/", f"{PIECES}/")):  # the site's words: part
                    transfer.files[f"../{path}"] = size  # of every query; the other pieces of the index
                else:
                    transfer.page_files[path] = size

            page.on("response", record)
            page.goto(f"{base}suche/?q={quote(query)}", timeout=timeout_ms)
            page.wait_for_function(SHOWN, timeout=timeout_ms)
            page.wait_for_load_state("networkidle", timeout=timeout_ms)
            status = page.locator("[data-fn-search-status]").inner_text()
            transfer.results = int(status.split()[0].replace(".", "")) if status[:1].isdigit() else 0
        finally:
            browser.close()
    return transfer
