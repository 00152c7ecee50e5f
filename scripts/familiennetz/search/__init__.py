"""Full-text search (Pagefind): pure code, no MkDocs.

- `compounds`: parts of German compounds, from the site's own vocabulary.
- `records`: what each indexed page tells Pagefind (result details, filters, terms).
- `document`: the small document Pagefind indexes for a page: body and record.
- `indexer` and `service`: Pagefind indexes the pages while the generator renders the site.
"""

from .document import search_document
from .indexer import IndexResult, SearchIndexer, SearchIndexError
from .records import FILTERS, SearchRecord, SearchRecords, filter_choices, indexed_sources

__all__ = [
    "FILTERS", "IndexResult", "SearchIndexError", "SearchIndexer", "SearchRecord",
    "SearchRecords", "filter_choices", "indexed_sources", "search_document",
]
