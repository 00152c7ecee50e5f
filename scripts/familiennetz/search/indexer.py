"""Build the Pagefind index while MkDocs builds the site: `site/pagefind/`.

Each indexed page goes to Pagefind's service as soon as MkDocs has converted its Markdown
(`add`, with the document of `document.py`), so Pagefind reads it on another core while
Python goes on. After the last one, `start_writing` asks for the index files, which
Pagefind writes while MkDocs renders the templates; `finish` waits for them after the
build. German for the whole site: stemming ("Familien" finds "Familie"), umlauts and ß in
both spellings ("Fruehe" finds "Frühe").

The `pagefind` binary comes in the `pagefind_bin` wheel: nothing is downloaded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .document import LANGUAGE
from .service import PagefindService, ServiceError

__all__ = ["LANGUAGE", "OUTPUT", "IndexResult", "SearchIndexError", "SearchIndexer", "index_size"]

OUTPUT = "pagefind"  # below site_dir; search.js loads `pagefind/pagefind.js` from there


class SearchIndexError(RuntimeError):
    """The index could not be built; the message says so in German, with Pagefind's words."""


@dataclass(frozen=True, slots=True)
class IndexResult:
    pages: int
    files: int  # in site_dir/pagefind
    bytes: int
    seconds: float  # from the first page to the last file written


def index_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) below a folder."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


class SearchIndexer:
    def __init__(self) -> None:
        self._service: PagefindService | None = None
        self._writing: int | None = None
        self._output: Path | None = None
        self._started = 0.0
        self.pages = 0

    def add(self, url: str, html: str) -> None:
        """Hand Pagefind one page's document (`url` site-relative: 'angebote/x/')."""
        try:
            if self._service is None:
                self._started = time.perf_counter()
                self._service = PagefindService({"force_language": LANGUAGE})
            self._service.send({"type": "AddFile", "index_id": self._service.index_id,
                                "url": "/" + url, "file_path": None,
                                "file_contents": html})
        except ServiceError as exc:
            raise _error(exc) from exc
        self.pages += 1

    def start_writing(self, site_dir: Path) -> None:
        """Ask for the index files (once); they are written while the caller goes on."""
        if self._service is None or self._writing is not None:  # nothing to write, or begun
            return
        self._output = site_dir.resolve() / OUTPUT
        try:
            self._writing = self._service.send({"type": "WriteFiles", "index_id": self._service.index_id,
                                                "output_path": str(self._output)})
        except ServiceError as exc:
            self.close()
            raise _error(exc) from exc

    def finish(self) -> IndexResult:
        """Wait until the index is written; report what was indexed."""
        service = self._service
        if service is None or self._writing is None or self._output is None:
            self.close()
            return IndexResult(0, 0, 0, 0.0)
        try:
            service.wait(self._writing)
            failed = service.errors()
            if failed:
                raise ServiceError(failed[0])
        except ServiceError as exc:
            raise _error(exc) from exc
        finally:
            self.close()
        files, size = index_size(self._output)
        return IndexResult(self.pages, files, size, time.perf_counter() - self._started)

    def close(self) -> None:
        """End the service; safe to call more than once (also after a failed build)."""
        if self._service is not None:
            self._service.close()
            self._service = None


def _error(exc: ServiceError) -> SearchIndexError:
    return SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: {exc}")
