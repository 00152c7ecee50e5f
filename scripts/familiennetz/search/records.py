"""What each indexed page tells Pagefind beyond its text: result details, filters, terms.

Which pages are indexed: item pages, and the descriptive pages (districts, networks and
topics on the first page of their listing; ordinary pages such as Impressum or the help).
Listings, archives, the home page, the finder and the feeds page are not: they repeat
the items and would only duplicate results.

The template `partials/fn-search-data.html` writes a record into the page as empty-looking
`hidden` elements inside a `data-pagefind-ignore` box: Pagefind still reads the
`data-pagefind-meta`, `-filter` and `-sort` values there, but adds none of it to the
page's text, so excerpts never show it and screen readers never read it. Pagefind 1.5
also searches metadata; that is how the compound parts (`terms`) become findable without
appearing anywhere: a page saying "Netzwerktreffen" is found by "treffen", and its excerpt
stays the page's own text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..collection import Collection
from ..dates import format_date_de
from ..documents import Entry, Page
from ..model import MeetingReport, Network, Offer
from .compounds import MIN_COMPOUND, Splitter, build_vocabulary, words_of

__all__ = ["FILTERS", "PAGE_TYPE", "SearchRecord", "SearchRecords"]

PAGE_TYPE = "Seite"  # ordinary pages: Impressum, Barrierefreiheit, help for press officers
# Filter keys as the index and the URL of the search page use them → heading on the page.
FILTERS = {"art": "Art", "kreis": "Kreis oder Stadt", "thema": "Thema", "jahr": "Jahr"}


@dataclass(frozen=True, slots=True)
class SearchRecord:
    type: str  # "Pressemitteilung", "Netzwerktreffen", "Angebot", "Kreis", …, "Seite"
    date: str | None = None  # as shown in results: "14. Juni 2024" (a meeting: its day), "geprüft am …"
    year: str | None = None  # the filter "Jahr": of the date shown
    districts: tuple[str, ...] = ()  # titles, in the item's order
    topics: tuple[str, ...] = ()
    terms: str = ""  # compound parts, space-separated
    summary: str = ""  # searchable, and the snippet when only metadata matched

    @property
    def filters(self) -> list[tuple[str, str]]:
        pairs = [("art", self.type)]
        pairs += [("kreis", d) for d in self.districts]
        pairs += [("thema", t) for t in self.topics]
        if self.year:
            pairs.append(("jahr", self.year))
        return pairs


def _entry_text(entry: Entry) -> str:
    data = entry.data
    parts = [entry.title, getattr(data, "summary", ""), entry.body]
    if isinstance(data, Offer):
        parts += [data.provider, data.schedule or "", data.funding or ""]
        if data.location:
            parts += [data.location.name or "", data.location.town or ""]
    if isinstance(data, MeetingReport):
        parts += [data.meeting.location, *data.meeting.organisers]
        parts += [s.topic or "" for s in data.meeting.speakers]
    return "\n".join(parts)


def _page_text(page: Page) -> str:
    return f"{page.meta.get('title', '')}\n{page.body}"


class SearchRecords:
    """Records for the pages of one build. The vocabulary for splitting compounds is
    read once, from every published document, the first time a record is asked for."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self._long_words: dict[str, list[str]] = {}
        self._splitter: Splitter | None = None

    def _documents(self) -> Iterable[tuple[str, str]]:
        hidden = self.collection.hidden
        for entry in self.collection.entries:
            if entry.src not in hidden:
                yield entry.src, _entry_text(entry)
        for page in self.collection.pages:
            yield page.src, _page_text(page)

    @property
    def splitter(self) -> Splitter:
        if self._splitter is None:
            vocabulary: set[str] = set()
            for src, text in self._documents():
                words = words_of(text)
                vocabulary |= words
                self._long_words[src] = sorted(w for w in words if len(w) >= MIN_COMPOUND)
            self._splitter = Splitter(build_vocabulary(vocabulary))
        return self._splitter

    def terms(self, src: str) -> str:
        splitter = self.splitter
        return " ".join(splitter.terms(self._long_words.get(src, ())))

    def _titles(self, ref: str, slugs: Iterable[str]) -> tuple[str, ...]:
        known = self.collection.references[ref]
        return tuple(known[s].title if s in known else s for s in slugs)

    def for_entry(self, entry: Entry) -> SearchRecord:
        """An item, or a district, network or topic (its descriptive page)."""
        data = entry.data
        terms = self.terms(entry.src)
        if entry.type.ref == "district":
            return SearchRecord(entry.type.label, districts=(entry.title,), terms=terms)
        if isinstance(data, Network):
            return SearchRecord(entry.type.label, districts=self._titles("district", data.districts),
                                terms=terms)
        if not entry.type.is_item:  # a topic
            return SearchRecord(entry.type.label, topics=(entry.title,), terms=terms,
                                summary=data.summary)
        districts = self._titles("district", data.districts)
        topics = self._titles("topic", data.topics)
        if isinstance(data, Offer):
            return SearchRecord(entry.type.label, f"geprüft am {format_date_de(data.reviewed)}",
                                districts=districts, topics=topics, terms=terms,
                                summary=data.summary)
        # A meeting report is dated and filtered by the meeting's day, not the report's.
        day = data.meeting.date.day if isinstance(data, MeetingReport) else data.date.day
        return SearchRecord(entry.type.label, format_date_de(day), str(day.year),
                            districts, topics, terms, data.summary)

    def for_page(self, page: Page) -> SearchRecord:
        return SearchRecord(PAGE_TYPE, terms=self.terms(page.src))
