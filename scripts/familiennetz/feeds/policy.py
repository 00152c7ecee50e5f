"""Feed policy: which feeds and calendars exist, what is in them, in which order.

Mechanics (XML, JSON, iCalendar) live in the sibling modules; this one only decides.
Every time here comes from the content, never from the clock, so that two builds of the
same tree give the same files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry
from ..text import sort_key_de
from ..types import BY_FOLDER, ITEM_TYPES, REFERENCE_TYPES, ItemType, ReferenceType

__all__ = ["FEED_LIMIT", "SITE_NAME", "FeedScope", "calendar_scopes", "feed_order", "feed_scopes",
           "scope_kinds"]

FEED_LIMIT = 50  # readers fetch often; older items stay on the site and in the listings
SITE_NAME = "Familiennetz"


@dataclass(frozen=True, slots=True)
class FeedScope:
    """One feed (or calendar): its key doubles as the file name below `feeds/`."""

    key: str  # "alle", "pressemitteilungen", "kreise/rhein-lahn-kreis", …
    title: str
    description: str
    page_url: str  # site-relative page the feed belongs to; "" is the home page
    items: tuple[Entry, ...]
    name: str = ""  # the title without the site's name: "Saarlouis", "Thema Frühe Hilfen"


def scope_kinds(key: str) -> tuple[ItemType, ...]:
    """The types whose items a scope brings: a type's own feed only that type, every
    other feed (everything, a district, network or topic) all of them."""
    kind = BY_FOLDER.get(key)
    return (kind,) if isinstance(kind, ItemType) else ITEM_TYPES


def _everything() -> str:
    """"Pressemitteilungen, Berichte aus Netzwerktreffen und Angebote für Familien"."""
    names = [t.feed_name for t in ITEM_TYPES]
    return ", ".join(names[:-1]) + " und " + names[-1] if len(names) > 1 else names[0]


def feed_order(entries: Iterable[Entry], collection: Collection) -> list[Entry]:
    """Newest first; the slug (then the folder) breaks ties so the order is total."""
    facts = collection.facts
    return sorted(entries, key=lambda e: (-facts[e.src].published_at.timestamp(), e.slug,
                                          e.type.folder))


def _title(site_name: str, name: str) -> str:
    return f"{site_name} – {name}"


def _newest(entries: Sequence[Entry], collection: Collection, limit: int) -> tuple[Entry, ...]:
    return tuple(feed_order(entries, collection)[:limit])


def _reference_scopes(collection: Collection) -> Iterable[tuple[ReferenceType, Entry]]:
    """Every district, network and topic, alphabetically within each kind."""
    for kind in REFERENCE_TYPES:
        refs = collection.references.get(kind.ref or "", {})
        for entry in sorted(refs.values(), key=lambda e: (sort_key_de(e.title), e.slug)):
            yield kind, entry


def feed_scopes(collection: Collection, *, site_name: str = SITE_NAME,
                limit: int = FEED_LIMIT) -> list[FeedScope]:
    """Everything, each type, each district, topic and network — also when a reference has
    no items yet, so that a subscription made today keeps working when the first arrives."""
    everything = _everything()
    scopes = [FeedScope("alle", _title(site_name, "Alle Beiträge"), f"{everything}.", "",
                        _newest(collection.items, collection, limit), "Alle Beiträge")]
    for doctype in ITEM_TYPES:
        scopes.append(FeedScope(doctype.folder, _title(site_name, doctype.plural),
                                doctype.description, f"{doctype.folder}/",
                                _newest(collection.by_type.get(doctype.folder, []), collection,
                                        limit), doctype.plural))
    for kind, entry in _reference_scopes(collection):
        scopes.append(FeedScope(f"{kind.folder}/{entry.slug}", _title(site_name, entry.title),
                                f"{kind.feed_prefix}{entry.title}: {everything}.", entry.url,
                                _newest(collection.items_for(kind.ref or "", entry.slug),
                                        collection, limit), f"{kind.feed_prefix}{entry.title}"))
    return scopes


def _happening_order(entries: Iterable[Entry], collection: Collection) -> tuple[Entry, ...]:
    """By when they take place, for calendars."""
    facts = collection.facts
    return tuple(sorted((e for e in entries if facts[e.src].happening is not None),
                        key=lambda e: (facts[e.src].happening.start.at.timestamp(),  # type: ignore[union-attr]
                                       e.slug)))


def calendar_scopes(collection: Collection, *, site_name: str = SITE_NAME) -> list[FeedScope]:
    """For each type whose items take place: all of them, and per network and district
    (as the type says); not limited, since a calendar without last year's entries would
    delete them from the subscriber's calendar."""
    scopes: list[FeedScope] = []
    for kind in ITEM_TYPES:
        if kind.calendar is None:
            continue
        entries = collection.by_type.get(kind.folder, [])
        scopes.append(FeedScope(f"{kind.calendar_prefix}alle", _title(site_name, kind.calendar),
                                f"Termine aller {kind.calendar}.", f"{kind.folder}/",
                                _happening_order(entries, collection)))
        for ref_kind, entry in _reference_scopes(collection):
            if ref_kind.ref not in kind.calendar_scopes:
                continue
            mine = [e for e in collection.items_for(ref_kind.ref, entry.slug) if e.type is kind]
            scopes.append(FeedScope(
                f"{kind.calendar_prefix}{ref_kind.folder}/{entry.slug}",
                _title(site_name, f"{kind.calendar}: {entry.title}"),
                f"Termine der {kind.calendar} – {entry.title}.", entry.url,
                _happening_order(mine, collection)))
    return scopes
