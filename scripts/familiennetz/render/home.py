"""The home page: the way into the finder, what comes next, the newest items, the
districts — each part from the types that have it."""

from __future__ import annotations

from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry
from ..text import sort_key_de
from ..types import ITEM_TYPES, Happening
from .context import PageContext
from .finder import finder_type

__all__ = ["home_context"]

NEWEST = 8
UPCOMING = 5


@dataclass(frozen=True, slots=True)
class Upcoming:
    heading: str  # "Nächste Netzwerktreffen"
    entries: list[tuple[Entry, Happening]]


def _upcoming(collection: Collection) -> list[Upcoming]:
    found = []
    for kind in ITEM_TYPES:
        if kind.upcoming_heading is None:
            continue
        coming = [(e, f.happening) for e in collection.by_type[kind.folder]
                  if (f := collection.facts[e.src]).upcoming and f.happening is not None]
        coming.sort(key=lambda pair: (pair[1].start.at, pair[0].slug))
        if coming:
            found.append(Upcoming(kind.upcoming_heading, coming[:UPCOMING]))
    return found


EASY_SRC = "leichte-sprache.md"


def home_context(collection: Collection) -> PageContext:
    finder = finder_type()
    teaser = None
    if finder is not None:
        heading, text, button = finder.finder_teaser
        count = len(collection.by_type[finder.folder])
        teaser = (heading, text.format(count=count), button, f"{finder.folder}/")
    return PageContext("home", [], extra={
        "newest": [e for e in collection.items if e.type.dated][:NEWEST],
        "newest_lists": [(f"{t.folder}/", f"Alle {t.plural}") for t in ITEM_TYPES if t.dated],
        "upcoming": _upcoming(collection), "finder": teaser,
        "districts": sorted(collection.references["district"].values(),
                            key=lambda e: sort_key_de(e.title)),
        # the page in Leichte Sprache, where the site has one (BITV 2.0 § 4)
        "easy": next((p.url for p in collection.published_pages if p.src == EASY_SRC), None),
    })
