"""The finder (the offers' listing): every item with what the filters need, and the options.

The page lists all items (so it works without JavaScript); `overrides/assets/finder.js`
filters the list in the browser by the `data-*` attributes each card carries. Which
filters there are is declared once, by the type (`finder_filters`, `finder_toggles`); the
form, the cards' attributes and the script's configuration (JSON in the page) all come
from that declaration. The filters' keys are also the URL parameters
(`?kreis=saarlouis&art=beratung&kostenlos=ja`), so a filtered view can be shared.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry
from ..text import FOLD, sort_key_de
from ..types import ITEM_TYPES, FinderFilter, FinderToggle, ItemType, Refs

__all__ = ["Finder", "FinderItem", "Option", "build_finder", "finder_type"]


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Choice:
    """A filter of the form, with the options that occur."""

    filter: FinderFilter
    options: list[Option]


@dataclass(frozen=True, slots=True)
class Toggle:
    toggle: FinderToggle
    count: int  # how many items it keeps


@dataclass(frozen=True, slots=True)
class FinderItem:
    entry: Entry
    attributes: dict[str, str]  # the card's `data-*`: space-separated slugs and codes
    stale: bool


@dataclass(frozen=True)
class Finder:
    items: list[FinderItem]
    choices: list[Choice]
    toggles: list[Toggle]
    config: str  # JSON for finder.js: the filters' keys, and how text is folded

    @property
    def stale(self) -> int:
        return sum(1 for item in self.items if item.stale)


def finder_type() -> ItemType | None:
    return next((t for t in ITEM_TYPES if t.finder), None)


def _options(kind: ItemType, filter_: FinderFilter, entries: list[Entry], refs: Refs) -> list[Option]:
    """Only values that occur, in German alphabetical order of their names."""
    counts: Counter[str] = Counter()
    for entry in entries:
        counts.update(set(filter_.values(entry)) - {filter_.everyone})
    return sorted((Option(v, filter_.name(v, refs), n) for v, n in counts.items()),
                  key=lambda o: (sort_key_de(o.label), o.value))


def _attributes(kind: ItemType, entry: Entry, stale: bool) -> dict[str, str]:
    found = {f"data-{f.key}": " ".join(f.values(entry)) for f in kind.finder_filters}
    found.update({f"data-{t.key}": "ja" if t.test(entry) else "nein" for t in kind.finder_toggles})
    found["data-veraltet"] = "ja" if stale else "nein"
    return found


def build_finder(collection: Collection) -> Finder:
    kind = finder_type()
    assert kind is not None  # the plan gives the finder template only to such a type
    entries = collection.by_type[kind.folder]
    refs = collection.references
    facts = collection.facts
    config = {"filters": [{"key": f.key, "everyone": f.everyone} for f in kind.finder_filters],
              "toggles": [t.key for t in kind.finder_toggles], "fold": FOLD,
              "messages": dict(zip(("matched", "all"), kind.finder_messages, strict=True))}
    return Finder(
        items=[FinderItem(e, _attributes(kind, e, facts[e.src].stale), facts[e.src].stale)
               for e in entries],
        choices=[Choice(f, _options(kind, f, entries, refs)) for f in kind.finder_filters],
        toggles=[Toggle(t, sum(1 for e in entries if t.test(e))) for t in kind.finder_toggles],
        config=json.dumps(config, ensure_ascii=False).replace("<", "\\u003c"))
