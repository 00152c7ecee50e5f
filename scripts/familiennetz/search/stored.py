"""The index parts a build keeps in `<cache>/search/` for the next one, by cache key.

A stored part is a folder named by its key (`parts.Part.key`) with Pagefind's files and a
`manifest.json` of their sizes and digests. It is never trusted: a part whose manifest is
missing or unreadable, or whose files are missing, cut short or changed, is not restored
(the caller indexes the part again). A part is written to a temporary folder first and
renamed into place, so a build that stops half-way leaves no half part under a key.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

__all__ = ["PartStore"]

MANIFEST = "manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PartStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def restore(self, key: str, dest: Path) -> bool:
        """Copy the part stored under `key` to `dest` (made anew); False if there is
        none or it is damaged (then `dest` is left empty)."""
        entry = self.root / key
        shutil.rmtree(dest, ignore_errors=True)
        try:
            files = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))["files"]
            for rel, (size, digest) in files.items():
                if rel.startswith(("/", "..")) or "/../" in rel:
                    raise ValueError(rel)
                data = (entry / rel).read_bytes()
                if len(data) != size or _digest(data) != digest:
                    raise ValueError(rel)
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            shutil.rmtree(dest, ignore_errors=True)
            return False
        return True

    def save(self, key: str, src: Path) -> None:
        """Keep a copy of the part in `src` under `key` (a cache that cannot be written is
        no failure of the build: the next build indexes the part again)."""
        temporary = self.root / f".tmp-{key}-{os.getpid()}"
        try:
            shutil.rmtree(temporary, ignore_errors=True)
            shutil.copytree(src, temporary)
            files = {p.relative_to(temporary).as_posix(): [p.stat().st_size, _digest(p.read_bytes())]
                     for p in sorted(temporary.rglob("*")) if p.is_file()}
            (temporary / MANIFEST).write_text(json.dumps({"files": files}), encoding="utf-8")
            shutil.rmtree(self.root / key, ignore_errors=True)
            temporary.rename(self.root / key)
        except OSError:
            shutil.rmtree(temporary, ignore_errors=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Remove every stored part this build did not use (the cache does not grow), and
        what a stopped build left behind."""
        kept = set(keep)
        with contextlib.suppress(OSError):
            for entry in self.root.iterdir():
                if entry.name not in kept:
                    if entry.is_dir():
                        shutil.rmtree(entry, ignore_errors=True)
                    else:
                        entry.unlink(missing_ok=True)
