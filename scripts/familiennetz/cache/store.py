"""Rendered pages kept for the next build, in `<cache>/pages/`: `<key>.html`, the page as
published, and `<key>.json`, its converted body and title (for the feeds and the search
index, which need them without rendering the page again).

A page is placed into the new site as a hard link (a copy where the file system has none):
neither side is ever written in place. The cache is not trusted: an entry whose files are
missing, unreadable or not of the recorded size is rendered again.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

__all__ = ["PageStore", "link"]


class PageStore:
    def __init__(self, root: Path) -> None:
        self.root = root / "pages"
        self._root = str(self.root)
        self._made: set[str] = set()  # folders made or found in this build

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.root / f"{key}.html", self.root / f"{key}.json"

    def find(self, key: str) -> dict[str, object] | None:
        """The entry's record (`size`, `title`, `body`), None when it is missing or broken."""
        page, record = self._paths(key)
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            size = page.stat().st_size
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("size") != size \
                or not isinstance(data.get("body"), (str, type(None))):
            return None
        return data

    def place(self, key: str, target: str) -> None:
        """Link the page kept under `key` to `target` (a path as a string: this runs for
        every reused page, and pathlib's objects cost more than the links themselves)."""
        source = os.path.join(self._root, f"{key}.html")
        folder = os.path.dirname(target)
        if folder not in self._made:
            try:
                os.makedirs(folder)
                self._made.add(folder)
            except FileExistsError:  # the preview's folder has most pages already
                self._made.add(folder)
                with contextlib.suppress(OSError):
                    if os.path.samefile(source, target):
                        return
        link(source, target)

    def keep(self, key: str, published: Path, body: str | None, title: str | None) -> None:
        """Keep a page just written to the new site (its body None: neither an item nor searched)."""
        if not published.is_file():  # MkDocs writes no file for an empty page
            return
        page, record = self._paths(key)
        self.root.mkdir(parents=True, exist_ok=True)
        scratch = page.with_suffix(".tmp")
        link(published, scratch)
        os.replace(scratch, page)
        data = {"size": page.stat().st_size, "title": title, "body": body}
        scratch.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(scratch, record)

    def prune(self, used: Iterable[str]) -> int:
        """Remove what this build did not use; how many files went."""
        keep = set(used)
        removed = 0
        if not self.root.is_dir():
            return 0
        with os.scandir(self.root) as found:
            for item in found:
                if item.name.split(".", 1)[0] not in keep:
                    os.unlink(item.path)
                    removed += 1
        return removed


def link(source: Path | str, target: Path | str) -> None:
    """A hard link to `source` at `target` (replacing it), else a copy with its times (the
    index's pieces are checked by size and modification time)."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)
