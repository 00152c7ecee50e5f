"""Full-text search (Pagefind): pure code, no MkDocs.

- `compounds`: parts of German compounds, from the site's own vocabulary.
- `records`: what each indexed page tells Pagefind (result details, filters, terms).
- `vocabulary`: the indexed pages' words, which the search page checks queries against.
- `document`: the small document Pagefind indexes for a page: body and record.
- `parts`: the index in parts (current, one per older year) and pieces, and their cache keys.
- `indexer`, `runner`, `service`, `stored`: Pagefind indexes the changed pieces in a process of
  its own while the generator renders the site; unchanged ones come from `<cache>/search/`.
"""

from .document import search_document
from .indexer import IndexResult, SearchIndexer, SearchIndexError
from .records import (
    FILTERS,
    SearchRecord,
    SearchRecords,
    entry_text,
    filter_choices,
    indexed_sources,
    page_text,
)
from .vocabulary import Vocabulary

__all__ = [
    "FILTERS", "IndexResult", "SearchIndexError", "SearchIndexer", "SearchRecord",
    "SearchRecords", "Vocabulary", "entry_text", "filter_choices", "indexed_sources", "page_text",
    "search_document",
]
