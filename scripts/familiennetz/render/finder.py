"""The finder (the offers' listing): every item with what the filters need, and the options.

The page lists all items (so it works without JavaScript); `overrides/assets/finder.js`
filters the list in the browser by the `data-*` attributes each card carries. Which
filters there are is declared once, by the type (`finder_filters`, `finder_toggles`); the
form, the cards' attributes and the script's configuration (JSON in the page) all come
from that declaration. The filters' keys are also the URL parameters
(`?art=beratung&kostenlos=ja`), so a filtered view can be shared.

A filter declared with `pages=True` (the district) has a finder page per value,
`angebote/kreis/<slug>/` (`value_finders`): without JavaScript it shows only that value's
items — a static site cannot answer a GET form, but it can have a page for each choice.
It carries the other items too, `hidden`, so that with JavaScript the finder there is the
whole finder (counts, another district) without loading anything more.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry
from ..text import FOLD, sort_key_de
from ..types import ITEM_TYPES, FinderFilter, FinderToggle, ItemType, Refs
from .listings import Listing

__all__ = ["Finder", "FinderItem", "Option", "build_finder", "finder_type", "value_finders"]


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
    elsewhere: bool = False  # not among the page's items: hidden until the script shows it


@dataclass(frozen=True)
class Finder:
    items: list[FinderItem]
    choices: list[Choice]
    toggles: list[Toggle]
    config: str  # JSON for finder.js: the filters' keys, and how text is folded
    root: str  # the type's finder: "angebote/"
    near: bool  # it sorts by distance from the reader (the type's `near_me`)
    pages: list[tuple[str, str, int, bool]]  # (url, name, items, this page?) of the value pages
    current: str | None = None  # the value whose page this is

    @property
    def shown(self) -> int:
        return sum(1 for item in self.items if not item.elsewhere)

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


def _paged(kind: ItemType) -> FinderFilter | None:
    return next((f for f in kind.finder_filters if f.pages), None)


def _value_url(kind: ItemType, paged: FinderFilter, value: str) -> str:
    return f"{kind.folder}/{paged.key}/{value}/"


def value_finders(collection: Collection) -> list[Listing]:
    """A finder page for each value of the paged filter that some item has, in German
    alphabetical order of the values' names: `angebote/kreis/saarlouis/`."""
    kind = finder_type()
    paged = _paged(kind) if kind else None
    if kind is None or paged is None:
        return []
    entries = collection.by_type[kind.folder]
    refs = collection.references
    listings = []
    for option in _options(kind, paged, entries, refs):
        url = _value_url(kind, paged, option.value)
        items = [e for e in entries if option.value in paged.values(e)]
        entry = refs.get(paged.pages or "", {}).get(option.value)
        listings.append(Listing(url.rstrip("/"), url, url.rstrip("/") + ".md",
                                f"{kind.plural}: {option.label}", items, max(len(items), 1),
                                entry=entry))
    return listings


def build_finder(collection: Collection, listing: Listing | None = None) -> Finder:
    """The finder of the type's listing, or of one of its value pages (`value_finders`)."""
    kind = finder_type()
    assert kind is not None  # the plan gives the finder template only to such a type
    entries = collection.by_type[kind.folder]
    refs = collection.references
    facts = collection.facts
    paged = _paged(kind)
    current = None
    if paged is not None and listing is not None and listing.url != f"{kind.folder}/":
        current = listing.url.rstrip("/").rsplit("/", 1)[-1]
    listed = {e.src for e in listing.items} if current is not None and listing else None
    config = {"filters": [{"key": f.key, "everyone": f.everyone} for f in kind.finder_filters],
              "toggles": [t.key for t in kind.finder_toggles], "fold": FOLD,
              "paged": paged.key if paged else None, "current": current, "plural": kind.plural,
              "messages": dict(zip(("matched", "all"), kind.finder_messages, strict=True))}
    pages = [(_value_url(kind, paged, o.value), o.label, o.count, o.value == current)
             for o in _options(kind, paged, entries, refs)] if paged else []
    return Finder(
        items=[FinderItem(e, _attributes(kind, e, facts[e.src].stale), facts[e.src].stale,
                          elsewhere=listed is not None and e.src not in listed)
               for e in entries],
        choices=[Choice(f, _options(kind, f, entries, refs)) for f in kind.finder_filters],
        toggles=[Toggle(t, sum(1 for e in entries if t.test(e))) for t in kind.finder_toggles],
        config=json.dumps(config, ensure_ascii=False).replace("<", "\\u003c"),
        root=f"{kind.folder}/", near=kind.near_me, pages=pages, current=current)
