"""What a meeting's or event's page offers for calendars: its own file ("In meinen
Kalender") and, beside it, the subscription of the calendar it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from ..addresses import entry_calendar_path
from ..collection import Collection
from ..documents import Entry
from ..feeds.links import subscribe_page
from ..references import references_of
from ..types import BY_REF, ItemType

__all__ = ["EntryCalendars", "entry_calendars"]

CALENDARS = "#kalender"  # the calendars' part of a feed scope's page (abonnement.html)


@dataclass(frozen=True, slots=True)
class EntryCalendars:
    own: str  # site-relative: its single-event file
    dates: int  # how many dates that file holds (a series: all of them)
    cancelled: bool
    # (German link text, site-relative URL): the German page that explains subscribing to
    # that calendar (abonnieren/…/#kalender), never the raw file
    subscriptions: tuple[tuple[str, str], ...]


def entry_calendars(entry: Entry, collection: Collection) -> EntryCalendars | None:
    """None for what does not take place (press releases, offers). The calendar to
    subscribe is that of the first scope its type names that it has (a meeting: its
    network's; an event: each of its districts'), else the type's calendar of all."""
    kind = entry.type
    happening = collection.facts[entry.src].happening
    if not isinstance(kind, ItemType) or kind.calendar is None or happening is None:
        return None
    refs = [(ref, slug) for _, ref, slug in references_of(entry.data)]
    subscriptions: list[tuple[str, str]] = []
    for scope in kind.calendar_scopes:
        known = collection.references.get(scope, {})
        for slug in dict.fromkeys(slug for ref, slug in refs if ref == scope and slug in known):
            key = f"{BY_REF[scope].folder}/{slug}"
            subscriptions.append((f"{kind.calendar} – {known[slug].title}", subscribe_page(key) + CALENDARS))
        if subscriptions:
            break
    if not subscriptions:
        subscriptions.append((kind.calendar, subscribe_page(kind.folder) + CALENDARS))
    return EntryCalendars(entry_calendar_path(entry.url), max(1, len(happening.dates)),
                          happening.cancelled, tuple(subscriptions))
