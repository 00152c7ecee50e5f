"""The last build's search documents, kept in `<cache>/search/last/` so that the next build
can index ahead the piece a press officer's edit is in.

An edit of one item changes one piece of the index (`parts.py`): about 2,000 documents that
Pagefind must index again, 4 s at 10,000 items, which the build used to wait for at its
end: the piece's documents are all known only once MkDocs has converted every page. But
all but the edited ones are the documents of the last build. So each build keeps its
spool (every document, by part) with an index of the pages, the source file each came
from and that file's size and modification time. The next build looks, right after the
validation, which sources were written since (`ahead`), and has the runner hand Pagefind
the last documents of the piece most of them are in, while MkDocs works. When every
document is known, the runner sends Pagefind only those that differ — Pagefind puts a page
of a URL it has again in the first one's place, so the index is the one the documents in
URL order give — and writes the piece (`runner.py`). If the piece turns out to have other
pages than the last build's, nothing is taken from ahead: the piece is indexed as always.
The guess decides only what is started early, never what is published.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .parts import Part, piece_name, piece_of
from .stored import LAST

__all__ = ["AHEAD", "MAX_AHEAD", "PHASE", "ahead", "keep"]

AHEAD = "+"  # the runner prints it before the name of a piece indexed ahead
PHASE = "#"  # … and before the seconds of each of its phases
INDEX = "index.json"
MAX_AHEAD = 200  # changed pages; more: a change of that size is indexed as a whole


def _stamp(path: Path) -> str:
    try:
        found = path.stat()
    except OSError:
        return ""
    return f"{found.st_size}:{found.st_mtime_ns}"


def keep(root: Path, spool: Path, parts: Mapping[str, Part], sources: Mapping[str, str], docs: Path,
         version: str) -> None:
    """Keep the spool folder of a successful build (moved, not copied) as the last one."""
    index = {"version": version, "parts": {
        name: {"spool": part.spool.name, "count": part.count, "pages": {
            url: [src, _stamp(docs / src)] for url in part.pages if (src := sources.get(url))}}
        for name, part in parts.items()}}
    with contextlib.suppress(OSError):
        (spool / INDEX).write_text(json.dumps(index), encoding="utf-8")
        shutil.rmtree(root / LAST, ignore_errors=True)
        os.replace(spool, root / LAST)


def ahead(root: Path, docs: Path, version: str) -> dict[str, Any] | None:
    """The piece of the last build whose pages' sources changed most since (a job for the
    runner: name, spool, index, count, and the URLs of its pages whose sources changed), or
    None: nothing kept or nothing changed."""
    folder = root / LAST
    try:
        data = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        if data["version"] != version:
            return None
        changed: dict[tuple[str, int, int, str], list[str]] = defaultdict(list)
        for name, part in data["parts"].items():
            count, spool = int(part["count"]), str(part["spool"])
            for url, (src, stamp) in part["pages"].items():
                if _stamp(docs / src) != stamp:
                    changed[(name, piece_of(url, count), count, spool)].append(str(url))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if not changed or sum(map(len, changed.values())) > MAX_AHEAD:
        return None
    (name, index, count, spool), urls = max(changed.items(), key=lambda found: len(found[1]))
    if "/" in spool or spool.startswith("."):
        return None
    return {"name": piece_name(name, index), "spool": str(folder / spool), "index": index, "count": count,
            "changed": sorted(urls)}
