"""What the search page (suche.html, assets/search.js) is given: its filters, and the
settings its script shares with the build — how text is folded, which query words count,
how compounds split, which types are items, and where to send a reader who found nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..collection import Collection
from ..render.jsonld import script_safe_json
from ..text import FOLD, sort_key_de
from ..types import ITEM_TYPES
from .compounds import LINKERS, MIN_PART
from .parts import CURRENT, Piece, output_of
from .records import PAGES_FILTER, filter_choices
from .vocabulary import FOLDER, MIN_TERM

__all__ = ["ENDINGS", "SearchPage", "search_page_config"]

# Endings a query word may carry that the pages' forms lack ("Kindern" → "Kinder"),
# longest first; after them at least MIN_PART letters must remain.
ENDINGS = ("ern", "en", "er", "es", "em", "n", "e", "s")


@dataclass(frozen=True)
class SearchPage:
    filters: list[tuple[str, str, list[str]]]  # (key, heading, values) of the filter groups
    config: str  # the script's settings, JSON safe inside <script>
    topics: list[tuple[str, str]]  # (title, url) of the topics, for a search that found nothing
    finder: tuple[str, str] | None  # (what it finds, url)
    archive: list[str]  # the years only the archive has, newest first


def search_page_config(collection: Collection, chunks: str, pieces: list[Piece]) -> SearchPage:
    """`chunks`: the keys of the vocabulary's files (`Vocabulary.keys`); `pieces`: the
    index's, the current part's first, then the archive's, newest year first (`parts.py`)."""
    archive = [p for p in pieces if p.part != CURRENT]
    years = list(dict.fromkeys(p.part for p in archive))
    topics = sorted(collection.references.get("topic", {}).values(), key=lambda e: sort_key_de(e.title))
    finder = next((t for t in ITEM_TYPES if t.finder), None)
    settings: dict[str, Any] = {
        "fold": FOLD, "minTerm": MIN_TERM, "minPart": MIN_PART,
        "linkers": sorted(LINKERS, key=len, reverse=True), "endings": list(ENDINGS),
        "words": FOLDER + "/", "chunks": chunks,
        "items": [t.label for t in ITEM_TYPES], "pagesFilter": PAGES_FILTER,
        "current": [f"{output_of(p.name)}/" for p in pieces if p.part == CURRENT and p.index],
        "archive": [{"year": p.part, "path": f"{output_of(p.name)}/"} for p in archive],
        "archived": [t.label for t in ITEM_TYPES if t.dated],  # the types the archive may have
    }
    return SearchPage(filter_choices(collection), script_safe_json(settings),
                      [(e.title, e.url) for e in topics],
                      (finder.plural, f"{finder.folder}/") if finder else None, years)
