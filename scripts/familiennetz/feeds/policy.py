"""Feed policy: which feeds and calendars exist, what is in them, in which order.

Mechanics (XML, JSON, iCalendar) live in the sibling modules; this one only decides.
Every time here comes from the content, never from the clock, so that two builds of the
same tree give the same files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..collection import Collection, sort_key_de
from ..dates import start_of_day
from ..doctypes import BY_REF, ITEM_TYPES
from ..documents import Entry
from ..model import MeetingReport, Offer

__all__ = [
    "FEED_LIMIT", "SITE_NAME", "FeedScope", "calendar_scopes", "feed_order", "feed_scopes",
    "meeting_order", "published_at", "updated_at",
]

FEED_LIMIT = 50  # readers fetch often; older items stay on the site and in the listings
SITE_NAME = "Familiennetz"
_EVERYTHING = "Pressemitteilungen, Berichte aus Netzwerktreffen und Angebote für Familien"
_TYPE_DESCRIPTIONS = {
    "pressemitteilungen": "Die neuen Pressemitteilungen der Kreise und Städte.",
    "netzwerktreffen": "Berichte aus Netzwerktreffen und Ankündigungen von Treffen.",
    "angebote": "Neue und neu geprüfte Angebote für Familien.",
}
_REFERENCES = (("district", ""), ("topic", "Thema "), ("network", ""))  # (ref, description label)


@dataclass(frozen=True, slots=True)
class FeedScope:
    """One feed (or calendar): its key doubles as the file name below `feeds/`."""

    key: str  # "alle", "pressemitteilungen", "kreise/rhein-lahn-kreis", …
    title: str
    description: str
    page_url: str  # site-relative page the feed belongs to; "" is the home page
    items: tuple[Entry, ...]


def published_at(entry: Entry) -> datetime:
    """When an item appeared. Offers have no publication date, so their `reviewed` day
    stands in: it is the last time the office vouched for the offer, a re-checked offer
    rightly resurfaces as news, and the time still comes from the content, not the build."""
    data = entry.data
    if isinstance(data, Offer):
        return start_of_day(data.reviewed)
    moment: datetime = data.date.at
    return moment


def updated_at(entry: Entry) -> datetime:
    """`updated` at 00:00 Berlin, else the publication time. Never earlier than the
    publication: a release at 10:30 updated the same day was not changed before it appeared."""
    published = published_at(entry)
    updated = getattr(entry.data, "updated", None)
    return max(published, start_of_day(updated)) if updated is not None else published


def feed_order(entries: Iterable[Entry]) -> list[Entry]:
    """Newest first; the slug (then the folder) breaks ties so the order is total."""
    return sorted(entries, key=lambda e: (-published_at(e).timestamp(), e.slug, e.type.folder))


def meeting_order(entries: Iterable[Entry]) -> list[Entry]:
    """Meeting reports by when the meeting takes place, for calendars."""
    meetings = (e for e in entries if isinstance(e.data, MeetingReport))
    return sorted(meetings, key=lambda e: (e.data.meeting.date.at.timestamp(), e.slug))


def _title(site_name: str, name: str) -> str:
    return f"{site_name} – {name}"


def _newest(entries: Sequence[Entry], limit: int) -> tuple[Entry, ...]:
    return tuple(feed_order(entries)[:limit])


def _reference_scopes(collection: Collection) -> Iterable[tuple[str, str, str, Entry]]:
    """(ref, folder, description label, reference entry), alphabetically within each kind."""
    for ref, label in _REFERENCES:
        folder = BY_REF[ref].folder
        refs = collection.references.get(ref, {})
        for entry in sorted(refs.values(), key=lambda e: (sort_key_de(e.title), e.slug)):
            yield ref, folder, label, entry


def feed_scopes(collection: Collection, *, site_name: str = SITE_NAME,
                limit: int = FEED_LIMIT) -> list[FeedScope]:
    """Everything, each type, each district, topic and network — also when a reference has
    no items yet, so that a subscription made today keeps working when the first arrives."""
    scopes = [FeedScope("alle", _title(site_name, "Alle Beiträge"), f"{_EVERYTHING}.", "",
                        _newest(collection.items, limit))]
    for doctype in ITEM_TYPES:
        scopes.append(FeedScope(doctype.folder, _title(site_name, doctype.plural),
                                _TYPE_DESCRIPTIONS[doctype.folder], f"{doctype.folder}/",
                                _newest(collection.by_type.get(doctype.folder, []), limit)))
    for ref, folder, label, entry in _reference_scopes(collection):
        scopes.append(FeedScope(f"{folder}/{entry.slug}", _title(site_name, entry.title),
                                f"{label}{entry.title}: {_EVERYTHING}.", entry.url,
                                _newest(collection.items_for(ref, entry.slug), limit)))
    return scopes


def calendar_scopes(collection: Collection, *, site_name: str = SITE_NAME) -> list[FeedScope]:
    """All network meetings, per network and per district; not limited, since a calendar
    without last year's meetings would delete them from the subscriber's calendar."""
    meetings = collection.by_type.get("netzwerktreffen", [])
    name = "Netzwerktreffen"
    scopes = [FeedScope("alle", _title(site_name, name), "Termine aller Netzwerktreffen.",
                        "netzwerktreffen/", tuple(meeting_order(meetings)))]
    for ref, folder, _label, entry in _reference_scopes(collection):
        if ref == "topic":
            continue
        title = _title(site_name, f"{name}: {entry.title}")
        scopes.append(FeedScope(f"{folder}/{entry.slug}", title,
                                f"Termine der Netzwerktreffen – {entry.title}.", entry.url,
                                tuple(meeting_order(collection.items_for(ref, entry.slug)))))
    return scopes
