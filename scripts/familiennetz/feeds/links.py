"""Where the files of a scope live, and how pages and the "Abonnieren" page link to them."""

from __future__ import annotations

from dataclasses import dataclass

from ..doctypes import ITEM_TYPES, REFERENCE_TYPES

__all__ = [
    "FeedLink", "calendar_key", "calendar_path", "feed_links", "feed_paths", "scope_key_for_page",
]

RSS = ("xml", "application/rss+xml", "RSS-Feed")
ATOM = ("atom", "application/atom+xml", "Atom-Feed")
JSON = ("json", "application/feed+json", "JSON-Feed")
ICS = ("ics", "text/calendar", "Kalender der Netzwerktreffen (iCal)")
FEED_FORMATS = (RSS, ATOM, JSON)


@dataclass(frozen=True, slots=True)
class FeedLink:
    title: str  # German label for the link
    href: str  # site-relative, e.g. "feeds/kreise/rhein-lahn-kreis.xml"
    type: str  # MIME type, for <link rel="alternate" type=…>
    url: str  # absolute (site_url + href); equals href when no site_url is known


def feed_paths(key: str) -> dict[str, str]:
    """Output paths (relative to site_dir) of a feed scope, by file extension."""
    return {ext: f"feeds/{key}.{ext}" for ext, _, _ in FEED_FORMATS}


def calendar_path(key: str) -> str:
    return f"kalender/{key}.ics"


def calendar_key(scope_key: str) -> str | None:
    """The calendar that belongs on a feed scope's page: meetings of the same network or
    district; the meetings page and the home page offer the calendar of all meetings."""
    if scope_key in ("alle", "netzwerktreffen"):
        return "alle"
    if scope_key.startswith(("netzwerke/", "kreise/")):
        return scope_key
    return None


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
    links = []
    for ext, mime, title in FEED_FORMATS:
        href = feed_paths(scope_key)[ext]
        links.append(FeedLink(title, href, mime, base + href))
    key = calendar_key(scope_key)
    if key is not None:
        href = calendar_path(key)
        links.append(FeedLink(ICS[2], href, ICS[1], base + href))
    return links
