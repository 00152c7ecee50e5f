"""What each indexed page tells Pagefind beyond its text: result details, filters, terms.

Which pages are indexed: item pages, and the descriptive pages (districts, networks and
topics on the first page of their listing; ordinary pages such as Impressum or the help).
Listings, archives, the home page, the finder and the feeds page are not: they repeat
the items and would only duplicate results.

`document.py` puts a record into the small document Pagefind indexes for the page, in a
box marked `data-pagefind-ignore`: Pagefind reads the `data-pagefind-meta` and `-filter`
values there but adds none of it to the page's text, so excerpts never show it. Pagefind
1.5 also searches metadata; that is how the summary, the facts (`details`) and the
compound parts (`terms`) become findable without appearing twice: a page saying
"Netzwerktreffen" is found by "treffen", and its excerpt stays the page's own text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..collection import Collection
from ..documents import Entry, TextPage
from ..text import sort_key_de
from ..types import TYPES, ItemType, ReferenceType
from .compounds import MIN_COMPOUND, Splitter, build_vocabulary
from .words import TextWords

__all__ = [
    "FILTERS", "PAGES_FILTER", "PAGE_TYPE", "SearchRecord", "SearchRecords", "entry_text", "filter_choices",
    "indexed_sources", "page_text",
]

PAGE_TYPE = "Seite"  # ordinary pages: Impressum, Barrierefreiheit, help for press officers
# Filter keys as the index and the URL of the search page use them → heading on the page.
FILTERS = {"art": "Art", "kreis": "Kreis oder Stadt", "thema": "Thema", "jahr": "Jahr"}
# Not shown: marks the pages about districts, networks and topics and the ordinary pages,
# which the search page puts after the items. A filter of its own, not "art": it holds
# only these few pages, so asking for it costs a first query ~1 KB, not "art"'s 20 KB.
PAGES_FILTER = "seite"
MAX_CHANGES = 500  # more changed words than this: every text is split again (cheaper than looking)
PAGE_LABELS = frozenset({t.label for t in TYPES if not t.is_item} | {PAGE_TYPE})


@dataclass(frozen=True, slots=True)
class SearchRecord:
    type: str  # "Pressemitteilung", "Netzwerktreffen", "Angebot", "Kreis", …, "Seite"
    date: str | None = None  # as shown in results: "14. Juni 2024" (a meeting: its day), "geprüft am …"
    year: str | None = None  # the filter "Jahr": of the date shown
    districts: tuple[str, ...] = ()  # titles, in the item's order
    topics: tuple[str, ...] = ()
    terms: str = ""  # compound parts, space-separated
    summary: str = ""  # searchable, and the snippet when only metadata matched
    details: str = ""  # searchable facts from the page's boxes: provider, place, speakers, …

    @property
    def filters(self) -> list[tuple[str, str]]:
        pairs = [("art", self.type)]
        pairs += [("kreis", d) for d in self.districts]
        pairs += [("thema", t) for t in self.topics]
        if self.year:
            pairs.append(("jahr", self.year))
        if self.type in PAGE_LABELS:
            pairs.append((PAGES_FILTER, "ja"))
        return pairs


# Pages readers do not search for: the press officers' help, the legal pages.
UNSEARCHED = ("hilfe/", "impressum.md", "datenschutz.md", "barrierefreiheit.md")


def indexed_sources(collection: Collection, listings: Container[str], home: str = "index.md") -> set[str]:
    """The source files of the indexed pages: the published items; the districts,
    networks and topics (their page is the first page of their listing); the ordinary
    pages, but for the home page and the intros of listings."""
    indexed = {e.src for e in collection.entries if e.src not in collection.hidden}
    indexed |= {p.src for p in collection.published_pages if p.src != home and p.src not in listings
                and not p.src.startswith(UNSEARCHED)}
    return indexed


def filter_choices(collection: Collection) -> list[tuple[str, str, list[str]]]:
    """(key, heading, values) of the search page's filters: the values the records give,
    in the order readers look for them (types as the site's menu, places and topics A–Z,
    years newest first)."""
    published = [e for e in collection.entries if e.src not in collection.hidden]
    types = [t.label for t in TYPES if any(e.type is t for e in published)] + [PAGE_TYPE]
    years = {day.year for e in collection.items
             if (day := e.type.search_day(e)) is not None}  # type: ignore[attr-defined]
    values = {
        "art": types,
        "kreis": sorted((e.title for e in collection.references["district"].values()), key=sort_key_de),
        "thema": sorted((e.title for e in collection.references["topic"].values()), key=sort_key_de),
        "jahr": [str(y) for y in sorted(years, reverse=True)],
    }
    return [(key, heading, values[key]) for key, heading in FILTERS.items()]


def entry_text(entry: Entry) -> str:
    """The words of an item or descriptive page that its record and body make findable."""
    return "\n".join([entry.title, getattr(entry.data, "summary", ""), entry.body,
                      *entry.type.search_text(entry)])


def _details(entry: Entry, collection: Collection) -> str:
    """The facts readers search for, which the page shows in boxes that Pagefind skips
    (labels, dates, contact data and the finder's values stay out: every page has them,
    and they would only make the index bigger)."""
    networks = collection.references["network"]
    network = networks.get(getattr(entry.data, "network", None) or "")
    parts = [network.title if network else None,
             *entry.type.search_details(entry, collection.references)]
    return " · ".join(p for p in parts if p)


def page_text(page: TextPage) -> str:
    return f"{page.title or ''}\n{page.body}"


class SearchRecords:
    """Records for the pages of one build. The vocabulary for splitting compounds is
    read once, from every published document, the first time a record is asked for.
    `words`: the words of texts read before (the build cache), else read here."""

    def __init__(self, collection: Collection, words: TextWords | None = None) -> None:
        self.collection = collection
        self.words = words or TextWords()
        self._texts: dict[str, bytes] | None = None
        self._vocabulary: str | None = None
        self._splitter: Splitter | None = None
        self._changes: re.Pattern[str] | None = None  # what differs from the last vocabulary

    def _documents(self) -> Iterable[tuple[str, str]]:
        hidden = self.collection.hidden
        for entry in self.collection.entries:
            if entry.src not in hidden:
                yield entry.src, entry_text(entry)
        for page in self.collection.published_pages:
            yield page.src, page_text(page)

    @property
    def texts(self) -> dict[str, bytes]:
        """src → the digest of its text (`TextWords.key`), for every published document."""
        if self._texts is None:
            self._texts = {src: self.words.key(text) for src, text in self._documents()}
        return self._texts

    @property
    def vocabulary(self) -> str:
        """The digest of the splitter's vocabulary: the same texts give the same one."""
        if self._vocabulary is None:
            texts = hashlib.sha256(b"".join(sorted(set(self.texts.values())))).hexdigest()
            self._vocabulary = self.words.vocabulary(texts, lambda: self.splitter.digest)
        return self._vocabulary

    @property
    def splitter(self) -> Splitter:
        if self._splitter is None:
            vocabulary: set[str] = set()
            for key in set(self.texts.values()):
                vocabulary.update(self.words.words(key))
            self._splitter = Splitter(build_vocabulary(vocabulary))
            self._compare(self._splitter)
        return self._splitter

    def _compare(self, splitter: Splitter) -> None:
        """Note what the new vocabulary changed since the last (`_unaffected`), and keep it."""
        last, now = self.words.last, splitter.vocabulary
        changed = (set(last[1].split()) ^ now.words) | (set(last[2].split()) ^ now.tails)
        if last[0] and len(changed) <= MAX_CHANGES:
            self._changes = re.compile("|".join(map(re.escape, sorted(changed))) or "(?!)")
        self.words.split_with(splitter.digest, " ".join(now.words), " ".join(now.tails))

    def _unaffected(self, words: str) -> bool:
        """Whether the changes of the vocabulary since the last split leave these words'
        parts as they were: none of them contains a word (or tail) added or gone."""
        _ = self.splitter  # works out the changes
        return self._changes is not None and self._changes.search(words) is None

    def terms(self, src: str) -> str:
        key = self.texts.get(src)
        if key is None:
            return ""
        return self.words.parts(key, self.vocabulary, lambda: " ".join(self.splitter.terms(
            sorted(w for w in self.words.words(key) if len(w) >= MIN_COMPOUND))), self._unaffected)

    def _titles(self, ref: str, slugs: Iterable[str]) -> tuple[str, ...]:
        known = self.collection.references[ref]
        return tuple(known[s].title if s in known else s for s in slugs)

    def for_entry(self, entry: Entry) -> SearchRecord:
        """An item, or a district, network or topic (its descriptive page)."""
        kind = entry.type
        refs = self.collection.references
        terms, details = self.terms(entry.src), _details(entry, self.collection)
        if isinstance(kind, ReferenceType):
            districts, topics = kind.search_scope(entry, refs)
            return SearchRecord(kind.label, districts=districts, topics=topics, terms=terms,
                                summary=kind.search_summary(entry), details=details)
        assert isinstance(kind, ItemType)
        shown, year = kind.search_when(entry, self.collection.facts[entry.src].stale)
        return SearchRecord(kind.label, shown, year, self._titles("district", entry.data.districts),
                            self._titles("topic", entry.data.topics), terms, entry.data.summary,
                            details)

    def year(self, entry: Entry) -> str | None:
        """The year an entry's record is filed under (which part of the index it goes to)."""
        kind = entry.type
        return kind.search_when(entry, self.collection.facts[entry.src].stale)[1] \
            if isinstance(kind, ItemType) else None

    def for_page(self, page: TextPage) -> SearchRecord:
        return SearchRecord(PAGE_TYPE, terms=self.terms(page.src))
