"""What the pages to subscribe show: for each feed scope, its own page (what it brings, its
newest titles, the address to copy, its calendars) and its line on the overview.

The feed files stay what feed readers fetch; readers follow these pages instead, which say
in German what to do with an address (issue #14: raw XML in the browser helped nobody).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from ..addresses import SUBSCRIBE_SRC
from ..collection import Collection
from ..dates import format_date_de
from ..feeds import FeedLink, FeedScope
from ..feeds.links import calendar_keys, calendar_path, subscribe_page
from ..feeds.policy import FEED_LIMIT, scope_kinds
from ..text import fold_umlauts
from ..types import BY_REF, ItemType
from .context import Crumb, PageContext

__all__ = ["PREVIEW", "CalendarOffer", "Preview", "Subscription", "subscription",
           "subscription_context", "webcal_url"]

PREVIEW = 3  # newest titles on a feed's page: enough to judge it, short on a phone
OVERVIEW = SUBSCRIBE_SRC.removesuffix(".md") + "/"


@dataclass(frozen=True, slots=True)
class Preview:
    title: str
    url: str  # site-relative
    kind: str  # the type's label: "Pressemitteilung"
    day: str  # "14. Juni 2026"
    iso: str  # "2026-06-14", for <time>


@dataclass(frozen=True, slots=True)
class CalendarOffer:
    name: str  # "Veranstaltungen für Familien"
    link: FeedLink  # the .ics file
    webcal: str  # the same address as webcal://: phones and Apple's calendar open it directly


@dataclass(frozen=True)
class Subscription:
    key: str
    name: str  # "Saarlouis", "Thema Frühe Hilfen", "Alle Beiträge"
    page: str  # its own page: "abonnieren/kreise/saarlouis/"
    scope_page: str  # the page whose items it brings: "" (home), "kreise/saarlouis/"
    kinds: str  # "Pressemitteilungen, Veranstaltungen … und Angebote für Familien"
    limit: int
    feed: FeedLink  # RSS: what every program reads
    formats: list[FeedLink]  # Atom and JSON Feed, for the experts' box
    calendars: list[CalendarOffer]
    preview: list[Preview]
    terms: str  # folded words the overview's filter compares the query with


def webcal_url(url: str) -> str:
    """An http(s) calendar address as webcal:// (the scheme calendar apps register for)."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:])) if parts.scheme in ("http", "https") else url


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " und " + names[-1] if len(names) > 1 else "".join(names)


def _towns(scope: FeedScope, collection: Collection) -> str:
    """A district's towns, as its items name them: readers know where they live, not always
    which district that is ("Bad Ems" finds the Rhein-Lahn-Kreis)."""
    folder, _, slug = scope.key.partition("/")
    if folder != BY_REF["district"].folder or not slug:
        return ""
    towns = {place.town for entry in collection.items_for("district", slug)
             if isinstance(entry.type, ItemType) and (place := entry.type.location(entry)) is not None
             and place.town}
    return "".join(f" {town}" for town in sorted(towns))


def subscription(scope: FeedScope, links: list[FeedLink], collection: Collection,
                 group: str = "") -> Subscription:
    """`links`: the scope's feed links (feeds.feed_links); `group`: its heading on the
    overview, which the filter also matches ("Kreis" finds every district)."""
    by_href = {link.href: link for link in links}
    calendars = [CalendarOffer(kind.calendar or "", link, webcal_url(link.url))
                 for kind, key in calendar_keys(scope.key)
                 if (link := by_href.get(calendar_path(key))) is not None]
    feeds = [link for link in links if link.type != "text/calendar"]
    preview = []
    for entry in scope.items[:PREVIEW]:
        day = collection.facts[entry.src].published_at.date()
        preview.append(Preview(entry.title, entry.url, entry.type.label, format_date_de(day),
                               day.isoformat()))
    terms = f"{scope.name} {group}" + (" Kalender Termine" if calendars else "") + \
        _towns(scope, collection)
    return Subscription(scope.key, scope.name, subscribe_page(scope.key), scope.page_url,
                        _and([t.feed_name for t in scope_kinds(scope.key)]), FEED_LIMIT,
                        feeds[0], feeds[1:], calendars, preview, fold_umlauts(terms))


def subscription_context(sub: Subscription) -> PageContext:
    """A feed's page: below the overview in the breadcrumbs."""
    crumbs = [Crumb("", "Start"), Crumb(OVERVIEW, "Abonnieren"), Crumb(None, sub.name)]
    return PageContext("subscription", crumbs, extra={"subscription": sub})
