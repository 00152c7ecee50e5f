"""Index the parts that changed, one after the other, in a process of its own.

`python -m familiennetz.search.runner JOBS.json [CACHE]` — started by the indexer once every
page is converted, so the parts are restored from the cache (`stored.py`) or indexed on the
other core while MkDocs renders the pages. Its
own process, not a thread: the build forks its feeds process beside the rendering, which
is safe only while the build runs no threads. One Pagefind run per part, each ended before
the next begins: Pagefind's memory is that of the largest part, not of the whole site.

A part's documents go to Pagefind sorted by URL, so that the same documents give the same
index files whichever order MkDocs converted them in. A piece the search page merges (any
but the current part's first) keeps only what `mergeIndex` reads (its entry, metadata, index
chunks, fragments and filters): Pagefind's script and WebAssembly come from the first.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from .document import LANGUAGE
from .parts import read_spool
from .service import PagefindService, ServiceError
from .stored import PartStore

__all__ = ["ARCHIVE_KEEPS", "index_part", "main"]

ARCHIVE_KEEPS = ("pagefind-entry.json", "index", "fragment", "filter")


def index_part(spool: Path, output: Path, piece: tuple[int, int], *, merged: bool) -> None:
    shutil.rmtree(output, ignore_errors=True)
    service = PagefindService({"force_language": LANGUAGE})
    try:
        for url, html in read_spool(spool, piece):
            service.send({"type": "AddFile", "index_id": service.index_id, "url": "/" + url,
                          "file_path": None, "file_contents": html})
        service.wait(service.send({"type": "WriteFiles", "index_id": service.index_id,
                                   "output_path": str(output)}))
        if failed := service.errors():
            raise ServiceError(failed[0])
    finally:
        service.close()
    if merged:
        for path in output.iterdir():
            if path.name not in ARCHIVE_KEEPS and not path.name.endswith(".pf_meta"):
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def main(argv: list[str]) -> int:
    """Each job: restore its part from the cache, or index it (and keep it in the cache).
    Prints the names of the parts it indexed, one a line."""
    jobs = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    store = PartStore(Path(argv[1])) if len(argv) > 1 else None
    try:
        for job in jobs:
            output = Path(job["output"])
            if store is not None and store.restore(job["key"], output):
                continue
            index_part(Path(job["spool"]), output, (job["index"], job["count"]), merged=job["merged"])
            print(job["name"], flush=True)
            if store is not None:
                store.save(job["key"], output)
    except (ServiceError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
