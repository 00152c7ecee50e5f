"""Build the Pagefind index in parts while MkDocs builds the site (see `parts.py`).

Each indexed page's document (`document.py`) goes to its part's spool as soon as MkDocs
has converted its Markdown (`add`). After the last one, `start_writing` works out each
part's cache key and starts one process (`runner.py`) that, while MkDocs renders the
templates, copies every unchanged part from the cache (`<cache>/search/`, `stored.py`) and
indexes the others one after the other, keeping them for the next build; `finish` waits for
it after the build and removes the stored parts this build did not use. German for the whole site:
stemming ("Familien" finds "Familie"), umlauts and ß in both spellings ("Fruehe" finds
"Frühe").

The `pagefind` binary comes in the `pagefind_bin` wheel: nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..cache import code_version
from .document import LANGUAGE
from .parts import CURRENT, OUTPUT, PIECES, PartSpool, Piece, output_of, part_of
from .stored import PartStore

__all__ = ["LANGUAGE", "OUTPUT", "IndexResult", "SearchIndexError", "SearchIndexer", "index_size"]

FOLDER = "search"  # below the cache dir
_VANISHED = "Pagefind hat sich unerwartet beendet."
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds `familiennetz`


class SearchIndexError(RuntimeError):
    """The index could not be built; the message says so in German, with Pagefind's words."""


@dataclass(frozen=True, slots=True)
class IndexResult:
    pages: int
    files: int  # in site_dir/pagefind and site_dir/pagefind-teile
    bytes: int
    seconds: float  # from the last page converted to the last file written
    indexed: tuple[str, ...] = ()  # the parts Pagefind indexed; the others came from the cache


def index_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) below a folder."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


class SearchIndexer:
    def __init__(self, this_year: int, cache: Path | None = None) -> None:
        self.this_year = this_year
        self._store = PartStore(cache / FOLDER) if cache is not None else None
        self._spool: PartSpool | None = None
        self._runner: subprocess.Popen[bytes] | None = None
        self._keys: list[str] = []
        self._pieces: list[Piece] = []
        self._site: Path | None = None
        self._started = 0.0

    @property
    def pages(self) -> int:
        return self._spool.pages if self._spool else 0

    def pieces(self) -> list[Piece]:
        """Every piece of every part: the current part's first, the archive's years newest first."""
        if self._spool is None:
            return []
        if not self._pieces:
            version = code_version()
            parts = sorted(self._spool.parts.values(), key=lambda p: (p.name != CURRENT, -int(p.name)
                                                                      if p.name.isdigit() else 0))
            self._pieces = [piece for part in parts for piece in part.pieces(version)]
        return self._pieces

    def add(self, url: str, html: str, year: str | None) -> None:
        """Keep one page's document for its part (`url` site-relative: 'angebote/x/')."""
        if self._spool is None:
            if self._store is not None:
                self._store.root.mkdir(parents=True, exist_ok=True)
            folder = tempfile.mkdtemp(prefix=".spool-",
                                      dir=self._store.root if self._store is not None else None)
            self._spool = PartSpool(Path(folder))
        self._spool.add(part_of(year, self.this_year), url, html)

    def start_writing(self, site_dir: Path) -> None:
        """Start restoring or indexing every part (once)."""
        if self._spool is None or self._site is not None:  # nothing to write, or begun
            return
        self._started = time.perf_counter()
        self._site = site_dir.resolve()
        self._spool.close()
        for folder in (OUTPUT, PIECES):  # no part of an earlier build stays
            shutil.rmtree(self._site / folder, ignore_errors=True)
        spools = {name: str(part.spool) for name, part in self._spool.parts.items()}
        jobs = [{"name": piece.name, "key": piece.key, "spool": spools[piece.part],
                 "index": piece.index, "count": piece.count,
                 "output": str(self._site / output_of(piece.name)), "merged": piece.name != CURRENT}
                for piece in self.pieces()]
        self._keys = [str(job["key"]) for job in jobs]
        job_file = self._spool.folder / "jobs.json"
        job_file.write_text(json.dumps(jobs), encoding="utf-8")
        store = [str(self._store.root)] if self._store is not None else []
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(_PACKAGE_ROOT), os.environ.get("PYTHONPATH")) if p)}
        try:
            self._runner = subprocess.Popen(
                [sys.executable, "-m", "familiennetz.search.runner", str(job_file), *store],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        except OSError as exc:
            self.close()
            raise SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: {exc}") from exc
        # Not lowered itself: it mostly waits; Pagefind's process is (service.py), once.

    def finish(self) -> IndexResult:
        """Wait until every part is written; report what was indexed; remove the stored
        parts this build did not use."""
        if self._spool is None or self._site is None or self._runner is None:
            self.close()
            return IndexResult(0, 0, 0, 0.0)
        try:
            out, errors = self._runner.communicate()
            if self._runner.returncode != 0:
                text = errors.decode("utf-8", "replace").strip() or _VANISHED
                raise SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: {text}")
            if self._store is not None:
                self._store.prune([*self._keys, self._spool.folder.name])
            pages = self.pages
        finally:
            self.close()
        sizes = [index_size(self._site / folder) for folder in (OUTPUT, PIECES)]
        return IndexResult(pages, sum(s[0] for s in sizes), sum(s[1] for s in sizes),
                           time.perf_counter() - self._started, tuple(out.decode().split()))

    def close(self) -> None:
        """End the indexing and remove the spool; safe to call more than once (also after a
        failed build)."""
        if self._runner is not None:
            if self._runner.poll() is None:
                self._runner.kill()
                self._runner.communicate()
            for pipe in (self._runner.stdout, self._runner.stderr):  # of one that ended itself
                if pipe is not None:
                    pipe.close()
        if self._spool is not None:
            self._spool.close()
            shutil.rmtree(self._spool.folder, ignore_errors=True)
