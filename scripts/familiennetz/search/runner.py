"""Index the parts that changed, one after the other, in a process of its own.

`python -m familiennetz.search.runner [CACHE]`, started by the indexer, told what to do on
its standard input, one JSON object a line:
- `{"ahead": job}` (optional, early in the build): hand Pagefind the last build's
  documents of the piece an edit is probably in (`last.py`), while MkDocs works;
- `{"update": {"url": …, "html": …}}`: an edited page's new document, for that piece;
- `{"write": folder}`: every edited page has come: write that piece now, into a folder of
  its own (used if its job's documents turn out to be the same, `Indexing.take`);
- `{"jobs": path}`, once every page of a part is converted (an archive year's are while
  MkDocs converts the later years): that part's pieces. The piece indexed ahead gets only
  the documents that differ and is written; the unchanged pieces are restored from the
  cache (`stored.py`) meanwhile; the others are indexed one after the other, each kept for
  the next build;
- `{"end": true}` after the last part.
Its own process, not a thread: the build forks its feeds process beside the rendering,
which is safe only while the build runs no threads. One Pagefind run at a time: Pagefind's
memory is that of the largest piece, not of the whole site.

A piece's documents go to Pagefind sorted by URL, so that the same documents give the same
index files whichever order MkDocs converted them in. A piece the search page merges (any
but the current part's first) keeps only what `mergeIndex` reads (its entry, metadata, index
chunks, fragments and filters): Pagefind's script and WebAssembly come from the first.
Prints the names of the pieces it indexed, one a line (`+name`: indexed ahead), and at
the end the seconds of its phases (`#phase<TAB>seconds`).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

from ..timings import Timings
from .document import LANGUAGE
from .last import AHEAD, PHASE
from .parts import document_digest, is_merged, read_spool
from .service import PagefindService, ServiceError
from .stored import PartStore

__all__ = ["ARCHIVE_KEEPS", "Indexing", "Runner", "index_part", "main"]

ARCHIVE_KEEPS = ("pagefind-entry.json", "index", "fragment", "filter")


class Indexing:
    """One piece in one Pagefind run: documents sent, then written (waited for in `finish`)."""

    def __init__(self, name: str, *, background: bool = True) -> None:
        self.name = name
        self.service = PagefindService({"force_language": LANGUAGE}, background=background)
        self.sent: dict[str, str] = {}  # url → digest of its document, in the order sent
        self._written: int | None = None
        self._output: Path | None = None
        # Written before its job came (`write_early`): where, and the documents it had then.
        self._early: tuple[Path, dict[str, str]] | None = None
        self._move: tuple[Path, Path] | None = None  # (written early, the job's output)

    def send(self, url: str, html: str) -> None:
        """Add a page, or put a new document in the place of one sent before for its URL."""
        self.service.send({"type": "AddFile", "index_id": self.service.index_id, "url": "/" + url,
                           "file_path": None, "file_contents": html})
        self.sent[url] = document_digest(html)

    def update(self, url: str, html: str) -> None:
        """A page's new document, before the job comes (only for a page it has)."""
        if url in self.sent and document_digest(html) != self.sent[url]:
            self.send(url, html)

    def write(self, output: Path) -> None:
        shutil.rmtree(output, ignore_errors=True)
        self._output = output
        self._written = self.service.send({"type": "WriteFiles", "index_id": self.service.index_id,
                                           "output_path": str(output)})

    def write_early(self, output: Path) -> None:
        """Write the piece as it is now, into a folder of its own: once the edited pages'
        documents are in, before MkDocs has handed over every other page. `take` uses it
        if the job's documents turn out to be these."""
        self.write(output)
        self._early = (output, dict(self.sent))

    def finish(self) -> None:
        assert self._written is not None and self._output is not None
        try:
            self.service.wait(self._written)
            if failed := self.service.errors():
                raise ServiceError(failed[0])
        finally:
            self.service.close()
        if is_merged(self.name):
            for path in self._output.iterdir():
                if path.name not in ARCHIVE_KEEPS and not path.name.endswith(".pf_meta"):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()

    def take(self, job: dict[str, Any]) -> bool:
        """Whether this run, begun ahead with the last documents, becomes the job's piece: it
        has the same pages, and gets the documents that changed, each in its page's place;
        a piece written early with exactly these documents is moved into place."""
        if job["name"] != self.name:
            return False
        pages = list(read_spool(Path(job["spool"]), (job["index"], job["count"])))
        if [url for url, _ in pages] != list(self.sent):
            return False
        for url, html in pages:
            if document_digest(html) != self.sent[url]:
                self.send(url, html)
        output = Path(job["output"])
        if self._early is not None and self._early[1] == self.sent:
            self._move = (self._early[0], output)  # nothing sent since: that index is this one
        else:
            self.write(output)
        return True

    @property
    def moves(self) -> bool:
        """Whether the piece written early is the job's."""
        return self._move is not None

    def place(self) -> None:
        """After `finish`: the piece written early, moved where its job wants it."""
        if self._move is not None:
            shutil.rmtree(self._move[1], ignore_errors=True)
            self._move[1].parent.mkdir(parents=True, exist_ok=True)
            shutil.move(self._move[0], self._move[1])  # (a rename on the same file system)
        self.discard()

    def discard(self) -> None:
        """End the run; a piece written early and not used goes."""
        self.service.close()
        if self._early is not None:
            shutil.rmtree(self._early[0], ignore_errors=True)


def begin(job: dict[str, Any], *, background: bool = True) -> Indexing:
    """A piece's run (`name`: the piece's) with every document of its spool sent."""
    indexing = Indexing(job["name"], background=background)
    try:
        for url, html in read_spool(Path(job["spool"]), (job["index"], job["count"])):
            indexing.send(url, html)
    except BaseException:
        indexing.service.close()
        raise
    return indexing


def index_part(job: dict[str, Any]) -> None:
    indexing = begin(job)
    indexing.write(Path(job["output"]))
    indexing.finish()


class Runner:
    """What the indexer tells, done in order; `timed`: the seconds of each phase, for
    `make bench`."""

    def __init__(self, store: PartStore | None) -> None:
        self.store = store
        self.ahead: Indexing | None = None
        self.timed = Timings()

    def begin_ahead(self, job: dict[str, Any]) -> None:
        """Begun ahead; not at all if the last documents are unreadable (a chance missed).
        At the build's priority: writing the piece an edit is in is what a rebuild after the
        edit waits for at its end (at 10,000 items, lowered, it got about half a core)."""
        with self.timed("ahead: sent"):
            try:
                self.ahead = begin(job, background=False)
            except (ServiceError, OSError, ValueError, KeyError, TypeError):
                self.ahead = None

    def jobs(self, jobs: list[dict[str, Any]]) -> None:
        """A batch of pieces: the one begun ahead, if it is among them, is written while the
        others are restored; then the rest are indexed."""
        early, ahead = None, self.ahead
        job = next((j for j in jobs if ahead is not None and j["name"] == ahead.name), None)
        if ahead is not None and job is not None:
            self.ahead = None
            with self.timed("ahead: taken"):
                stored = self.store is not None and self.store.has(job["key"])
                early = job if not stored and ahead.take(job) else None
            if early is None:
                ahead.discard()
        with self.timed("restored"):
            later = [j for j in jobs if j is not early and not (
                self.store is not None and self.store.restore(j["key"], Path(j["output"])))]
        if early is not None and ahead is not None:
            with self.timed("ahead: written, waited for" if ahead.moves else "ahead: written"):
                ahead.finish()
                ahead.place()
            self._done(early, AHEAD)
        for job in later:
            with self.timed("indexed"):
                index_part(job)
            self._done(job)

    def _done(self, job: dict[str, Any], how: str = "") -> None:
        print(how + job["name"], flush=True)
        if self.store is not None:
            with self.timed("saved"):
                self.store.save(job["key"], Path(job["output"]))

    def close(self) -> None:
        if self.ahead is not None:  # its piece never came: nothing of it is used
            self.ahead.discard()
            self.ahead = None


def main(argv: list[str]) -> int:
    runner = Runner(PartStore(Path(argv[0])) if argv else None)
    try:
        for line in sys.stdin:
            message = json.loads(line)
            if "ahead" in message:
                runner.begin_ahead(message["ahead"])
            elif "update" in message and runner.ahead is not None:
                runner.ahead.update(message["update"]["url"], message["update"]["html"])
            elif "write" in message and runner.ahead is not None:
                with runner.timed("ahead: written early"):
                    runner.ahead.write_early(Path(message["write"]))
            elif "jobs" in message:
                runner.jobs(json.loads(Path(message["jobs"]).read_text(encoding="utf-8")))
            elif "end" in message:
                break
    except (ServiceError, OSError, ValueError, KeyError) as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        runner.close()
    for phase, seconds in runner.timed.seconds.items():
        print(f"{PHASE}{phase}\t{seconds:.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
