"""The site plan: every page the site will have, where it goes, with which template and
what it lists; the files that stay unpublished; the feeds and calendars. Made from the
collection alone, without MkDocs, so that what the site contains can be tested (and a
move to another generator would apply the same plan).
"""

from __future__ import annotations

from collections.abc import Collection as Sized
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .addresses import SEARCH_SRC, SUBSCRIBE_SRC
from .collection import Collection
from .documents import Entry, TextPage
from .feeds import FeedScope, feed_scopes
from .feeds.links import scope_key_for_page, subscribe_page
from .feeds.policy import SITE_NAME
from .render.finder import value_finders
from .render.listings import ListingPage, site_listings
from .search import indexed_sources
from .types import BY_REF, ITEM_TYPES

__all__ = ["HOME_SRC", "SEARCH_SRC", "SUBSCRIBE_SRC", "PlannedPage", "SitePlan", "make_plan"]

HOME_SRC = "index.md"
# The footer of every page, in this order; a link appears only when its page exists.
FOOTER_PAGES = (
    ("impressum.md", "Impressum"), ("datenschutz.md", "Datenschutz"),
    ("barrierefreiheit.md", "Erklärung zur Barrierefreiheit"),
    ("leichte-sprache.md", "Leichte Sprache"), (SUBSCRIBE_SRC, "Abonnieren"),
    ("hilfe/index.md", "Für Redaktionen"),
)


@dataclass(frozen=True, slots=True)
class PlannedPage:
    src: str  # its Markdown file below content/, real or generated
    url: str  # site-relative, trailing slash
    kind: str  # "item", "listing", "home", "subscribe", "subscription", "search", "page"
    template: str | None  # in overrides/; None: the theme's default page
    title: str | None = None  # for generated pages (the others have their own)
    generated: bool = False  # content/ has no such file: the generator adds one
    entry: Entry | None = None  # an item; or the district, network or topic a listing is of
    page: TextPage | None = None  # an ordinary page
    listing: ListingPage | None = None
    feed_scope: str | None = None  # whose feeds it offers besides the site-wide ones
    indexed: bool = False  # in the search index


@dataclass(frozen=True)
class SubscriptionGroup:
    heading: str
    scopes: list[FeedScope]
    label: str = ""  # "Kreise und Städte": a long group's disclosure; "" lists it open


@dataclass(frozen=True)
class SitePlan:
    pages: Mapping[str, PlannedPage]  # by src, in the order the generator should build them
    hidden: frozenset[str]  # sources and files that are not published (drafts, embargo)
    footer: list[tuple[str, str]]  # (src, title) of the footer's pages
    subscriptions: list[SubscriptionGroup] = field(default_factory=list)

    @property
    def indexed(self) -> list[PlannedPage]:
        return [p for p in self.pages.values() if p.indexed]


def _subscriptions(collection: Collection, site_name: str) -> list[SubscriptionGroup]:
    """The subscribe page's groups: everything, by type, then by each kind of reference."""
    scopes = feed_scopes(collection, site_name=site_name)
    groups = [SubscriptionGroup("Alles", [s for s in scopes if s.key == "alle"]),
              SubscriptionGroup("Nach Art", [s for s in scopes if s.key in
                                             {t.folder for t in ITEM_TYPES}])]
    for kind in BY_REF.values():
        groups.append(SubscriptionGroup(f"Nach {kind.by}", [s for s in scopes
                                                           if s.key.startswith(f"{kind.folder}/")],
                                        kind.plural))
    return groups


def _subscription_pages(groups: list[SubscriptionGroup]) -> list[PlannedPage]:
    """A German page per feed (abonnieren/<key>/): what it brings and how to add it. Its
    own feeds are the page's alternates, so a feed reader given the page finds the feed."""
    pages = []
    for scope in (scope for group in groups for scope in group.scopes):
        url = subscribe_page(scope.key)
        pages.append(PlannedPage(url[:-1] + ".md", url, "subscription", "abonnement.html",
                                 f"{scope.name} abonnieren", True, feed_scope=scope.key))
    return pages


def make_plan(collection: Collection, sources: Sized[str], page_size: int,
              site_name: str = SITE_NAME) -> SitePlan:
    """`sources`: the Markdown files content/ has (relative paths)."""
    pages: dict[str, PlannedPage] = {}
    entries = {e.src: e for e in collection.entries if e.src not in collection.hidden}
    for entry in entries.values():
        if entry.type.is_item:
            pages[entry.src] = PlannedPage(entry.src, entry.url, "item", entry.type.template,
                                           entry=entry)
    for src, title, kind, template in ((SUBSCRIBE_SRC, "Abonnieren", "subscribe", "abonnieren.html"),
                                       (SEARCH_SRC, "Suche", "search", "suche.html")):
        pages[src] = PlannedPage(src, src[:-3] + "/", kind, template, title, src not in sources)
    subscriptions = _subscriptions(collection, site_name)
    pages.update((p.src, p) for p in _subscription_pages(subscriptions))
    finder = next((t.folder for t in ITEM_TYPES if t.finder), None)
    listing_srcs: set[str] = set()
    for listing in site_listings(collection, page_size):
        for listed in listing.pages():
            listing_srcs.add(listed.src_uri)
            template = "finder.html" if listing.key == finder else "listing.html"
            pages[listed.src_uri] = PlannedPage(
                listed.src_uri, listed.url, "listing", template, listed.title,
                listed.src_uri not in sources, listing.entry, listing=listed,
                feed_scope=scope_key_for_page(listing.url))
    for listing in value_finders(collection):  # angebote/kreis/<slug>/: not searched, they repeat items
        listed = listing.pages()[0]
        pages[listed.src_uri] = PlannedPage(listed.src_uri, listed.url, "listing", "finder.html",
                                            listed.title, listed.src_uri not in sources,
                                            listing.entry, listing=listed)
    for page in collection.published_pages:
        if page.src in pages:
            pages[page.src] = replace(pages[page.src], generated=False, page=page)
        elif page.src == HOME_SRC:
            pages[page.src] = PlannedPage(page.src, "", "home", "home.html", page=page,
                                          feed_scope="alle")
        else:
            pages[page.src] = PlannedPage(page.src, page.url, "page", None, page=page)
    indexed = indexed_sources(collection, listing_srcs, HOME_SRC)
    # Indexed pages first: the generator converts them first, and the index is written
    # while it converts and renders the rest.
    ordered = sorted(pages.values(), key=lambda p: p.src not in indexed)
    planned = {p.src: replace(p, indexed=True) if p.src in indexed else p for p in ordered}
    hidden = collection.hidden | collection.hidden_assets()
    footer = [(src, title) for src, title in FOOTER_PAGES
              if src in planned or (src in sources and src not in hidden)]
    return SitePlan(planned, frozenset(hidden), footer, subscriptions)
