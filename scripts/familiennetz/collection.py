"""The validated content as the site sees it at one moment: what is published, sorted and
indexed, and the facts about each item that depend on that moment — computed here, once,
so that pages, feeds and search never see `now` themselves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .documents import Entry, TextPage
from .references import references_of
from .types import ITEM_TYPES, REFERENCE_TYPES, Happening, ItemType

__all__ = ["Collection", "Facts", "is_published"]


def is_published(entry: Entry, now: datetime) -> bool:
    data = entry.data
    if getattr(data, "draft", False):
        return False
    embargo = getattr(data, "embargo", None)
    return embargo is None or embargo <= now


@dataclass(frozen=True, slots=True)
class Facts:
    """What is true of a published item at the build's moment."""

    published_at: datetime  # when it appeared (an offer: when it was last checked)
    updated_at: datetime  # its last substantive change, never before `published_at`
    stale: bool = False  # an offer not checked for more than a year
    happening: Happening | None = None  # when and where it takes place, if it does
    upcoming: bool = False  # it takes place, and is not over yet


def _facts(entry: Entry, now: datetime) -> Facts:
    kind: ItemType = entry.type  # type: ignore[assignment]
    data = entry.data
    happening = kind.happening(data)
    return Facts(kind.published_at(data), kind.updated_at(data), kind.is_stale(data, now),
                 happening, happening is not None and happening.over_at > now)


def _newest_first(entry: Entry) -> tuple[float, str]:
    return (-entry.data.date.at.timestamp(), entry.slug)


@dataclass(frozen=True)
class Collection:
    """Everything published at `now`: items newest first, indexes by reference."""

    entries: tuple[Entry, ...]  # every valid entry, drafts and embargoed too
    pages: tuple[TextPage, ...]
    now: datetime
    assets: Mapping[str, frozenset[str]] = field(default_factory=dict)  # src → files it uses
    unfinished: frozenset[str] = frozenset()  # src of drafts whose header did not bind yet
    items: list[Entry] = field(init=False)  # published items, newest first (offers by title)
    by_type: dict[str, list[Entry]] = field(init=False)  # folder → its items, in listing order
    references: dict[str, dict[str, Entry]] = field(init=False)  # "district" → slug → entry
    related: dict[tuple[str, str], list[Entry]] = field(init=False)  # (ref, slug) → items
    hidden: frozenset[str] = field(init=False)  # src of drafts (items, pages) and embargoed items
    facts: dict[str, Facts] = field(init=False)  # src → facts, for every published item

    def __post_init__(self) -> None:
        published = [e for e in self.entries if is_published(e, self.now)]
        hidden = (frozenset(e.src for e in self.entries) - {e.src for e in published}
                  | {p.src for p in self.pages if p.draft} | self.unfinished)
        by_type: dict[str, list[Entry]] = {t.folder: [] for t in ITEM_TYPES}
        references: dict[str, dict[str, Entry]] = {t.ref or "": {} for t in REFERENCE_TYPES}
        for entry in published:
            if entry.type.is_item:
                by_type[entry.type.folder].append(entry)
            else:
                references[entry.type.ref or ""][entry.slug] = entry
        facts = {e.src: _facts(e, self.now) for t in by_type.values() for e in t}
        for doctype in ITEM_TYPES:
            def order(entry: Entry, kind: ItemType = doctype) -> tuple[object, ...]:
                return kind.sort_key(entry, facts[entry.src])
            by_type[doctype.folder].sort(key=order)
        dated = sorted((e for t in ITEM_TYPES if t.dated for e in by_type[t.folder]),
                       key=_newest_first)
        items = dated + [e for t in ITEM_TYPES if not t.dated for e in by_type[t.folder]]
        related: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in items:
            for ref_key in {(ref, slug) for _, ref, slug in references_of(entry.data)}:
                related[ref_key].append(entry)
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "by_type", by_type)
        object.__setattr__(self, "references", references)
        object.__setattr__(self, "related", dict(related))
        object.__setattr__(self, "hidden", hidden)
        object.__setattr__(self, "facts", facts)

    @property
    def published_pages(self) -> list[TextPage]:
        return [p for p in self.pages if not p.draft]

    def hidden_assets(self) -> frozenset[str]:
        """Files used only by drafts and embargoed items: publishing them would leak them."""
        used_by_hidden = {a for src in self.hidden for a in self.assets.get(src, ())}
        used_by_published = {a for src, files in self.assets.items() if src not in self.hidden
                             for a in files}
        return frozenset(used_by_hidden - used_by_published)

    def items_for(self, ref: str, slug: str) -> list[Entry]:
        return self.related.get((ref, slug), [])
