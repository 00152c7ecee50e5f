"""Build the Pagefind index in parts while MkDocs builds the site (see `parts.py`).

Each indexed page's document (`document.py`) goes to its part's spool as soon as MkDocs
has converted its Markdown (`add`). The build says beforehand how many pages each part
gets (`expect`), so a part is handed over as soon as its last page has come: its cache key
is worked out and its pieces go to one process (`runner.py`) that restores every unchanged
piece from the cache (`<cache>/search/`, `stored.py`) and indexes the others one after the
other on the other core, keeping them for the next build, while MkDocs converts the next
part and renders the pages; `start_writing` hands over what is left, and `finish` waits for
the process after the build and removes the stored parts this build did not use. With a
cache, that process starts before the validation (`index_ahead`) and indexes ahead the
piece an edit is in, from the last build's documents (`last.py`). German for the whole site:
stemming ("Familien" finds "Familie"), umlauts and ß in both spellings ("Fruehe" finds
"Frühe").

The `pagefind` binary comes in the `pagefind_bin` wheel: nothing is downloaded.
"""

from __future__ import annotations

import contextlib
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
from .last import AHEAD, PHASE, ahead, keep
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
    indexed: tuple[str, ...] = ()  # the pieces Pagefind indexed; the others came from the cache
    ahead: tuple[str, ...] = ()  # of those, the ones indexed ahead from the last documents


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
        self._docs: Path | None = None
        self._sources: dict[str, str] = {}  # url → its source, for `last.keep`
        self._expected: dict[str, int] = {}  # part → its pages (`expect`)
        self._waiting: set[str] = set()  # edited pages of the piece indexed ahead, to come
        self._sent: list[str] = []  # the parts handed to the runner
        self._ended = False
        self.phases: dict[str, float] = {}  # the runner's (`runner.Runner.timed`)

    @property
    def docs(self) -> Path | None:
        """Where the sources are, once `index_ahead` was asked."""
        return self._docs

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

    def add(self, url: str, html: str, year: str | None, src: str | None = None, *,
            fresh: bool = False) -> None:
        """Keep one page's document for its part (`url` site-relative: 'angebote/x/';
        `src`: its source below the docs folder; `fresh`: converted in this build, not kept).
        The edited pages of the piece indexed ahead go to the runner at once; when the last
        has come, it writes that piece early (`runner.Indexing.write_early`)."""
        if src is not None:
            self._sources[url] = src
        if self._spool is None:
            if self._store is not None:
                self._store.root.mkdir(parents=True, exist_ok=True)
            folder = tempfile.mkdtemp(prefix=".spool-",
                                      dir=self._store.root if self._store is not None else None)
            self._spool = PartSpool(Path(folder))
        part = part_of(year, self.this_year)
        if part in self._sent:  # counted wrong: its index would lack this page
            raise SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: die Seite {url} kam "
                                   f"nach dem Teil „{part}“ (ein Fehler von Familiennetz).")
        self._spool.add(part, url, html)
        if fresh and url in self._waiting:
            self._tell({"update": {"url": url, "html": html}})
            self._waiting.discard(url)
            if not self._waiting:
                self._tell({"write": str(self._spool.folder / "ahead")})
        if self._site is not None and len(self._spool.parts[part].pages) == self._expected.get(part):
            self._send([part])

    def index_ahead(self, docs: Path) -> None:
        """With a cache, as early as can be: have the piece an edit since the last build is
        in indexed ahead, from the last build's documents (`last.py`); `docs`: where the
        sources are (the build keeps them for the next one)."""
        self._docs = docs
        if self._store is not None and self._runner is None:
            job = ahead(self._store.root, docs, code_version())
            if job is not None:
                self._start_runner()
                self._tell({"ahead": job})
                self._waiting = set(job["changed"])

    def expect(self, parts: dict[str, int], site_dir: Path) -> None:
        """Before the first page: how many pages each part will have. A part is indexed as
        soon as its last page comes, while MkDocs converts the others (MkDocs converts folder
        by folder: an archive year is complete long before the last page)."""
        self._expected, self._site = dict(parts), site_dir.resolve()

    def _start_runner(self) -> None:
        store = [str(self._store.root)] if self._store is not None else []
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(_PACKAGE_ROOT), os.environ.get("PYTHONPATH")) if p)}
        try:
            self._runner = subprocess.Popen(
                [sys.executable, "-m", "familiennetz.search.runner", *store],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        except OSError as exc:
            self.close()
            raise SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: {exc}") from exc
        # Not lowered itself: it mostly waits; Pagefind's process is (service.py), once.

    def _tell(self, message: dict[str, object]) -> None:
        assert self._runner is not None and self._runner.stdin is not None
        try:
            self._runner.stdin.write(json.dumps(message).encode("utf-8") + b"\n")
            self._runner.stdin.flush()
        except OSError:  # it has ended: `finish` reports why
            pass

    def _send(self, names: list[str]) -> None:
        """Hand these parts' pieces to the runner (started if it is not yet)."""
        assert self._spool is not None and self._site is not None
        if not self._sent:  # no part of an earlier build stays
            for folder in (OUTPUT, PIECES):
                shutil.rmtree(self._site / folder, ignore_errors=True)
        version = code_version()
        jobs = []
        for name in names:
            self._spool.close_part(name)
            self._sent.append(name)
            part = self._spool.parts[name]
            jobs += [{"name": piece.name, "key": piece.key, "spool": str(part.spool),
                      "index": piece.index, "count": piece.count,
                      "output": str(self._site / output_of(piece.name))}
                     for piece in part.pieces(version)]
        self._keys += [str(job["key"]) for job in jobs]
        job_file = self._spool.folder / f"jobs-{len(self._sent)}.json"
        job_file.write_text(json.dumps(jobs), encoding="utf-8")
        if self._runner is None:
            self._start_runner()
        self._tell({"jobs": str(job_file)})

    def start_writing(self, site_dir: Path) -> None:
        """Hand the runner every part not handed yet (once)."""
        if self._spool is None or self._ended:  # nothing to write, or begun
            return
        self._ended = True
        self._started = time.perf_counter()
        self._site = self._site or site_dir.resolve()
        self._spool.close()
        if rest := list(dict.fromkeys(p.part for p in self.pieces() if p.part not in self._sent)):
            self._send(rest)
        self._tell({"end": True})  # (its input is closed by `finish`)

    def finish(self) -> IndexResult:
        """Wait until every part is written; report what was indexed; remove the stored
        parts this build did not use."""
        if self._spool is None or not self._ended or self._runner is None:
            self.close()
            return IndexResult(0, 0, 0, 0.0)
        try:
            out, errors = self._runner.communicate()
            if self._runner.returncode != 0:
                text = errors.decode("utf-8", "replace").strip() or _VANISHED
                raise SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: {text}")
            if self._store is not None:
                self._store.prune([*self._keys, self._spool.folder.name])
                if self._docs is not None:  # for the next build's index ahead
                    keep(self._store.root, self._spool.folder, self._spool.parts, self._sources,
                         self._docs, code_version())
            pages = self.pages
        finally:
            self.close()
        site = self._site
        assert site is not None
        sizes = [index_size(site / folder) for folder in (OUTPUT, PIECES)]
        lines = out.decode().splitlines()
        names = [n for n in lines if not n.startswith(PHASE)]
        self.phases = {name[1:]: float(seconds) for name, _, seconds in
                       (n.partition("\t") for n in lines if n.startswith(PHASE))}
        return IndexResult(pages, sum(s[0] for s in sizes), sum(s[1] for s in sizes),
                           time.perf_counter() - self._started, tuple(n.removeprefix(AHEAD) for n in names),
                           tuple(n[1:] for n in names if n.startswith(AHEAD)))

    def close(self) -> None:
        """End the indexing and remove the spool; safe to call more than once (also after a
        failed build)."""
        if self._runner is not None:
            if self._runner.poll() is None:
                self._runner.kill()
                self._runner.communicate()
            for pipe in (self._runner.stdin, self._runner.stdout, self._runner.stderr):
                if pipe is not None:  # of one that ended itself
                    with contextlib.suppress(OSError):
                        pipe.close()
        if self._spool is not None:
            self._spool.close()
            shutil.rmtree(self._spool.folder, ignore_errors=True)
