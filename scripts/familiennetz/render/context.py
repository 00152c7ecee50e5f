"""The data each template gets as `fn`: the entry or listing, related items, links, JSON-LD."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..assets import resolve_asset
from ..collection import Collection
from ..dates import span_de
from ..documents import Entry
from ..types import BY_FOLDER, ItemType, ReferenceType, Refs
from ..types.values import map_part
from .calendars import entry_calendars
from .jsonld import item_jsonld, script_safe_json
from .listings import ListingPage
from .related import RelatedItems

__all__ = ["Crumb", "PageContext", "item_context", "listing_context"]



@dataclass(frozen=True, slots=True)
class Crumb:
    url: str | None  # site-relative; None for the current page
    title: str


@dataclass(frozen=True)
class PageContext:
    kind: str  # "item", "listing", "home"
    crumbs: list[Crumb]
    entry: Entry | None = None
    listing: ListingPage | None = None
    related: list[Entry] = field(default_factory=list)
    image_url: str | None = None  # site-relative
    jsonld: str | None = None
    og: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _crumbs(entry: Entry) -> list[Crumb]:
    folder = entry.type.folder
    crumbs = [Crumb("", "Start"), Crumb(f"{folder}/", entry.type.plural)]
    if entry.type.dated:
        year = entry.data.date.day.year
        crumbs.append(Crumb(f"{folder}/{year}/", str(year)))
    crumbs.append(Crumb(None, entry.title))
    return crumbs


def item_context(entry: Entry, collection: Collection, site_url: str,
                 exists: Callable[[str], bool], related: RelatedItems | None = None) -> PageContext:
    """`related`: the build's one `RelatedItems` (made here if not given)."""
    data = entry.data
    image_url = None
    if getattr(data, "image", None) is not None:
        image_url = resolve_asset(data.image.src, entry.src, exists)
    absolute = site_url + entry.url
    absolute_image = site_url + image_url if image_url else None
    og = {"og:type": "article", "og:title": entry.title, "og:description": data.summary,
          "og:url": absolute, "og:locale": "de_DE"}
    if absolute_image:
        og["og:image"] = absolute_image
        og["og:image:alt"] = data.image.alt
    facts = collection.facts[entry.src]
    happening = facts.happening
    extra: dict[str, Any] = {"stale": facts.stale, "upcoming": facts.upcoming,
                             "happening": happening,
                             "facts": entry.type.facts(entry, collection.references),
                             "calendars": entry_calendars(entry, collection)}
    if happening is not None:
        extra["when"] = span_de(happening.start, happening.end, weekday=True)
        extra["map"] = map_part(happening.map_query) if happening.map_query else None
    elif (place := entry.type.location(entry) if isinstance(entry.type, ItemType) else None) \
            is not None and (place.street or place.name) and place.town:
        extra["map"] = map_part(place.address)  # an offer's place: where is it, exactly?
    return PageContext("item", _crumbs(entry), entry=entry,
                       related=(related or RelatedItems(collection))(entry), image_url=image_url,
                       jsonld=script_safe_json(item_jsonld(entry, collection, absolute,
                                                           absolute_image)),
                       og=og, extra=extra)


def listing_context(page: ListingPage, years: list[int] | None = None,
                    refs: Refs | None = None) -> PageContext:
    listing = page.listing
    crumbs = [Crumb("", "Start")]
    top = listing.url.split("/")[0]
    doctype = BY_FOLDER.get(top)
    if doctype and listing.url != f"{top}/":
        crumbs.append(Crumb(f"{top}/", doctype.plural))
    if page.number > 1:
        crumbs.append(Crumb(listing.url, listing.entry.title if listing.entry else
                            posixpath.basename(listing.url.rstrip("/")) if listing.year else
                            listing.title))
        crumbs.append(Crumb(None, f"Seite {page.number}"))
    else:
        crumbs.append(Crumb(None, listing.entry.title if listing.entry else
                            str(listing.year) if listing.year else listing.title))
    extra: dict[str, Any] = {}
    if years:
        extra = {"years": years, "years_base": f"{top}/"}
    if listing.entry is not None and isinstance(listing.entry.type, ReferenceType):
        extra["facts"] = listing.entry.type.facts(listing.entry, refs or {})
    if isinstance(doctype, ItemType):
        extra["empty"] = doctype.empty_listing
        # the type's own listing (not its archive): near the reader first, on request
        extra["near"] = doctype.near_me and listing.key == doctype.folder
    return PageContext("listing", crumbs, entry=listing.entry, listing=page, extra=extra)
