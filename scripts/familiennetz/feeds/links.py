"""Where the files of a scope live, where its German page to subscribe is, and how pages
and the "Abonnieren" page link to them."""

from __future__ import annotations

from dataclasses import dataclass

from ..addresses import CALENDARS, FEEDS, SUBSCRIBE_FOLDER
from ..types import ITEM_TYPES, REFERENCE_TYPES, ItemType

__all__ = [
    "FeedLink", "calendar_keys", "calendar_path", "feed_links", "feed_paths", "scope_key_for_page",
    "subscribe_page",
]

RSS = ("xml", "application/rss+xml", "RSS-Feed")
ATOM = ("atom", "application/atom+xml", "Atom-Feed")
JSON = ("json", "application/feed+json", "JSON-Feed")
ICS = ("ics", "text/calendar")
FEED_FORMATS = (RSS, ATOM, JSON)


@dataclass(frozen=True, slots=True)
class FeedLink:
    title: str  # German label for the link
    href: str  # site-relative, e.g. "feeds/kreise/rhein-lahn-kreis.xml"
    type: str  # MIME type, for <link rel="alternate" type=…>
    url: str  # absolute (site_url + href); equals href when no site_url is known
    # The German page that explains it and how to add it (site-relative): what readers
    # follow; the file itself is only for <link rel="alternate"> and the experts' box.
    page: str = ""


def feed_paths(key: str) -> dict[str, str]:
    """Output paths (relative to site_dir) of a feed scope, by file extension."""
    return {ext: f"{FEEDS}/{key}.{ext}" for ext, _, _ in FEED_FORMATS}


def subscribe_page(key: str) -> str:
    """The site-relative URL of a feed scope's page: "kreise/x" → "abonnieren/kreise/x/"."""
    return f"{SUBSCRIBE_FOLDER}/{key}/"


def calendar_path(key: str) -> str:
    return f"{CALENDARS}/{key}.ics"


def calendar_keys(scope_key: str) -> list[tuple[ItemType, str]]:
    """The calendars that belong on a feed scope's page, with their type: a network's or
    district's own (as each type with a calendar says); the type's listing and the home
    page offer the calendar of all of that type."""
    found = []
    for kind in ITEM_TYPES:
        if kind.calendar is None:
            continue
        if scope_key in ("alle", kind.folder):
            found.append((kind, f"{kind.calendar_prefix}alle"))
        elif scope_key.split("/")[0] in {t.folder for t in REFERENCE_TYPES
                                         if t.ref in kind.calendar_scopes}:
            found.append((kind, f"{kind.calendar_prefix}{scope_key}"))
    return found


def scope_key_for_page(page_url: str) -> str | None:
    """The feed scope of a site-relative page URL: "" → "alle", "kreise/x/" → "kreise/x";
    None for pages without a feed (items, Impressum, …)."""
    path = page_url.strip("/")
    if not path:
        return "alle"
    parts = path.split("/")
    if len(parts) == 1 and parts[0] in {t.folder for t in ITEM_TYPES}:
        return parts[0]
    if len(parts) == 2 and parts[0] in {t.folder for t in REFERENCE_TYPES}:
        return path
    return None


def feed_links(scope_key: str, site_url: str = "") -> list[FeedLink]:
    """RSS, Atom, JSON Feed and (where there is one) the calendar of a scope."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    page = subscribe_page(scope_key)
    links = []
    for ext, mime, title in FEED_FORMATS:
        href = feed_paths(scope_key)[ext]
        links.append(FeedLink(title, href, mime, base + href, page))
    for kind, key in calendar_keys(scope_key):
        href = calendar_path(key)
        links.append(FeedLink(f"Kalender der {kind.calendar} (iCal)", href, ICS[1], base + href,
                              page))
    return links
