"""The index parts a build keeps in `<cache>/search/` for the next one, by cache key.

A stored part is a folder named by its key (`parts.Piece.key`) with a copy of Pagefind's
files and a `manifest.json` of their sizes and modification times. A part is restored by
hard links, not copied (a copy of every unchanged part, checked by its digest, was most of
a rebuild's index time: 1.4 s at 10,000 items); where links are not possible (another file
system), by copying. It is never trusted: a part whose manifest is missing or unreadable,
or whose files are missing, cut short or were written since (size or modification time
differs: what `make` and Git's index look at), is not restored; the caller indexes it
again. A part is written to a temporary folder first and renamed into place, so a build
that stops half-way leaves no half part under a key; nothing writes to a restored file
(the next build removes the folder before it restores or indexes into it).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..cache.store import link

__all__ = ["LAST", "PartStore"]

MANIFEST = "manifest.json"
LAST = "last"  # the last build's documents (`last.py`): kept, not a part


class PartStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def has(self, key: str) -> bool:
        """Whether a part is stored under `key` (intact or not: `restore` tells)."""
        return (self.root / key / MANIFEST).is_file()

    def restore(self, key: str, dest: Path) -> bool:
        """Put the part stored under `key` in `dest` (made anew); False if there is none or
        it is damaged (then `dest` is left empty)."""
        entry = self.root / key
        shutil.rmtree(dest, ignore_errors=True)
        try:
            files = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))["files"]
            made: set[Path] = set()
            for rel, (size, written) in files.items():
                if rel.startswith(("/", "..")) or "/../" in rel or rel == MANIFEST:
                    raise ValueError(rel)
                source = entry / rel
                found = source.stat()
                if found.st_size != size or found.st_mtime_ns != written:
                    raise ValueError(rel)
                target = dest / rel
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                link(source, target)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            shutil.rmtree(dest, ignore_errors=True)
            return False
        return True

    def save(self, key: str, src: Path) -> None:
        """Keep a copy of the part in `src` under `key` (a cache that cannot be written is
        no failure of the build: the next build indexes the part again). A copy, not links:
        the published files may be changed or moved; what is kept must not change with them."""
        temporary = self.root / f".tmp-{key}-{os.getpid()}"
        try:
            shutil.rmtree(temporary, ignore_errors=True)
            shutil.copytree(src, temporary)
            files = {p.relative_to(temporary).as_posix(): [(s := p.stat()).st_size, s.st_mtime_ns]
                     for p in sorted(temporary.rglob("*")) if p.is_file()}
            (temporary / MANIFEST).write_text(json.dumps({"files": files}), encoding="utf-8")
            shutil.rmtree(self.root / key, ignore_errors=True)
            temporary.rename(self.root / key)
        except OSError:
            shutil.rmtree(temporary, ignore_errors=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Remove every stored part this build did not use (the cache does not grow), and
        what a stopped build left behind; the last build's documents stay."""
        kept = {*keep, LAST}
        with contextlib.suppress(OSError):
            for entry in self.root.iterdir():
                if entry.name not in kept:
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)
