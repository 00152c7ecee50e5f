"""Which listing pages the site has, and how they are paginated.

A listing never grows without bound: page 1 sits at the listing's own URL, page n at
`<url>seite/<n>/`. Dated types also get a year archive at `<folder>/<year>/`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry
from ..text import sort_key_de
from ..types import BY_REF, ITEM_TYPES

__all__ = ["Listing", "ListingPage", "site_listings"]


@dataclass(frozen=True, slots=True)
class ListingPage:
    listing: Listing
    number: int  # 1-based
    items: list[Entry]

    @property
    def url(self) -> str:
        return self.listing.page_url(self.number)

    @property
    def src_uri(self) -> str:
        return self.listing.page_src(self.number)

    @property
    def title(self) -> str:
        base = self.listing.title
        return base if self.number == 1 else f"{base} – Seite {self.number}"

    @property
    def page_count(self) -> int:
        return self.listing.page_count

    @property
    def window(self) -> list[int | None]:
        """The page numbers the pagination shows: the first, the last, two either side of
        this one; None where numbers are left out ("…"). Worked out here, not by a loop
        over every page in the template: a listing of 300 pages would make that quadratic."""
        count, here = self.page_count, self.number
        shown = sorted({1, count, *range(max(1, here - 2), min(count, here + 2) + 1)})
        window: list[int | None] = []
        for n in shown:
            if window and n - (window[-1] or 0) > 1:
                window.append(None)
            window.append(n)
        return window


@dataclass(frozen=True, slots=True)
class Listing:
    key: str  # scope key shared with the feeds: "pressemitteilungen", "kreise/rhein-lahn-kreis"
    url: str  # site-relative, trailing slash
    src: str  # the Markdown file of page 1 (real or generated)
    title: str
    items: list[Entry]
    page_size: int
    entry: Entry | None = None  # the district, topic or network the listing belongs to
    archive_of: str | None = None  # folder whose year archive this is
    year: int | None = None

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self.items) // self.page_size))

    def page_url(self, number: int) -> str:
        return self.url if number == 1 else f"{self.url}seite/{number}/"

    def page_src(self, number: int) -> str:
        return self.src if number == 1 else f"{self.url}seite/{number}.md"

    def pages(self) -> list[ListingPage]:
        size = self.page_size
        return [ListingPage(self, n, self.items[(n - 1) * size:n * size])
                for n in range(1, self.page_count + 1)]


def site_listings(collection: Collection, page_size: int) -> list[Listing]:
    """Every listing of the site: types, year archives, districts, topics, networks."""
    listings = []
    for doctype in ITEM_TYPES:
        items = collection.by_type[doctype.folder]
        listed = [e for e in items if collection.facts[e.src].upcoming] \
            if doctype.past_to_archive else items
        # The offer finder lists every offer on one page, so it works without JavaScript.
        size = max(len(items), 1) if not doctype.dated else page_size
        listings.append(Listing(doctype.folder, f"{doctype.folder}/", f"{doctype.folder}/index.md",
                                doctype.plural, listed, size))
        if doctype.dated:
            by_year: dict[int, list[Entry]] = defaultdict(list)
            for entry in items:
                by_year[archive_year(collection, entry)].append(entry)
            for year in sorted(by_year, reverse=True):
                listings.append(Listing(f"{doctype.folder}/{year}", f"{doctype.folder}/{year}/",
                                        f"{doctype.folder}/{year}/index.md",
                                        f"{doctype.plural} {year}", by_year[year], page_size,
                                        archive_of=doctype.folder, year=year))
    for ref, kind in BY_REF.items():
        entries = sorted(collection.references[ref].values(), key=lambda e: sort_key_de(e.title))
        listings.append(Listing(kind.folder, f"{kind.folder}/", f"{kind.folder}/index.md",
                                kind.plural, entries, max(len(entries), 1)))
        for entry in entries:
            listings.append(Listing(f"{kind.folder}/{entry.slug}", entry.url, entry.src,
                                    entry.title, collection.items_for(ref, entry.slug), page_size,
                                    entry=entry))
    return listings


def archive_year(collection: Collection, entry: Entry) -> int:
    """The year an item is listed under: when a meeting or event takes place (a reader of
    "Termine 2026" looks for what happens in 2026, not for what was announced then), else
    when it was published."""
    happening = collection.facts[entry.src].happening
    return happening.start.at.year if happening is not None else int(entry.data.date.day.year)


def years_of(collection: Collection, folder: str) -> list[int]:
    """Years with items of a type, newest first."""
    return sorted({archive_year(collection, e) for e in collection.by_type[folder]}, reverse=True)
