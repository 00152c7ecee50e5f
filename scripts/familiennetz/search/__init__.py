"""Full-text search (Pagefind) and the offer finder: pure code, no MkDocs.

- `compounds`: parts of German compounds, from the site's own vocabulary.
- `records`: what each indexed page tells Pagefind (result details, filters, terms).
- `document`: the small document Pagefind indexes for a page: body and record.
- `finder`: the data of the offer finder at /angebote/.
- `indexer` and `service`: Pagefind indexes the pages while MkDocs renders the site.
- `transfer`: what a first search downloads, measured in the browser (`make bench`).
- `browser`: Debian's chromium and a local server, for the browser tests and `make bench`.
"""

from .document import search_document
from .finder import Finder, build_finder
from .indexer import IndexResult, SearchIndexer, SearchIndexError
from .records import FILTERS, SearchRecord, SearchRecords, filter_choices, indexed_sources

__all__ = [
    "FILTERS", "Finder", "IndexResult", "SearchIndexError", "SearchIndexer", "SearchRecord",
    "SearchRecords", "build_finder", "filter_choices", "indexed_sources", "search_document",
]
