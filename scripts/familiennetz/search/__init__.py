"""Full-text search (Pagefind) and the offer finder: pure code, no MkDocs.

- `compounds`: parts of German compounds, from the site's own vocabulary.
- `records`: what each indexed page tells Pagefind (result details, filters, terms).
- `finder`: the data of the offer finder at /angebote/.
- `indexer`: runs Pagefind over the built site.
- `browser`: Debian's chromium and a local server, for the browser tests and `make bench`.
"""

from .finder import Finder, build_finder
from .indexer import IndexResult, SearchIndexError, build_index
from .records import FILTERS, SearchRecord, SearchRecords

__all__ = [
    "FILTERS", "Finder", "IndexResult", "SearchIndexError", "SearchRecord", "SearchRecords",
    "build_finder", "build_index",
]
