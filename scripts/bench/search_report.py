"""The search index of a built site: its size, and what a first search downloads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["COMMON_WORDS", "SearchFigures", "report_search"]

SEARCH_PHASES = ("search terms", "search index: pages", "search index: writing")  # the plugin's timings
COMMON_WORDS = ("familie", "kinderschutz")  # in the corpus: on nearly every page; on 2 of 3


def _pages(folder: Path) -> str:
    """The page count Pagefind states in its entry file."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        return str(sum(int(lang["page_count"]) for lang in entry["languages"].values()))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "?"


@dataclass(frozen=True)
class SearchFigures:
    index_bytes: int
    first_query_bytes: int | None  # compressed, for COMMON_WORDS[0]; None: not measured
    why_not: str = ""


def report_search(site_dir: Path, phases: dict[str, float]) -> SearchFigures:
    """Print the index's size, the time the build waits for it and the first queries."""
    from familiennetz.search.indexer import OUTPUT, index_size

    from .transfer import first_query

    files, size = index_size(site_dir / OUTPUT)
    print(f"search index: {_pages(site_dir / OUTPUT)} pages indexed; {files} files, "
          f"{size / 1e6:.1f} MB on disk ({site_dir / OUTPUT})")
    terms, pages, writing = (phases.get(name, 0.0) for name in SEARCH_PHASES)
    waited = terms + pages + writing
    print(f"  indexing: the build waits {waited:.1f} s for it (compound terms {terms:.1f} s, handing "
          f"pages to Pagefind {pages:.1f} s, waiting for its files {writing:.1f} s)")
    first: int | None = None
    for word in COMMON_WORDS:
        transfer = first_query(site_dir, word)
        if isinstance(transfer, str):
            print(f"  first query: not measured ({transfer})")
            return SearchFigures(size, None, transfer)
        kinds = ", ".join(f"{kind} {n}× {b / 1024:.0f} KB"
                          for kind, (n, b) in sorted(transfer.by_kind().items()))
        compressed = transfer.compressed_bytes(site_dir / OUTPUT)
        first = compressed if first is None else first
        print(f"  first query \"{word}\" ({transfer.results} results, the first 10 shown), measured "
              f"in chromium: {len(transfer.files)} files, {transfer.bytes / 1024:.0f} KB from "
              f"{OUTPUT}/ as http.server sends them, {compressed / 1024:.0f} KB where the server "
              f"compresses text (as GitHub Pages does) ({kinds})")
    return SearchFigures(size, first)
