"""What the last build worked out of each page's inputs, to skip working it out again.

A page's key (`keys.py`) digests its body, its front matter and its template's context.
Making the contexts of every page, and the related items of every item, was most of a
rebuild's key work (measured at 10,000 items: about 3 of 5 s). But all of that follows
from the content as the site sees it at the build's moment — every document's checked
values, facts, the references it names, which files are published — and from the build's
settings. So each build keeps, per page, the digest of its body and the settings-free part
of its key, under the digest of that content (`world`, bodies left out): when the next
build's content is the same and a page's body too, the part is taken as it is. A changed
body (the usual edit) works out that one page again; a changed title, fact or file works
out every page. The settings are not in the kept part: a changed template keys every
page anew from what is kept, and renders each from its body converted before.

`<cache>/page-inputs.json`: {"world": …, "pages": {src: [body digest, body part, page part]}}.
Never trusted: anything unreadable or of the wrong shape counts as nothing kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

__all__ = ["FILE", "KnownInputs"]

FILE = "page-inputs.json"


class KnownInputs:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE
        self.world = ""
        self._pages: dict[str, list[str]] = {}
        self.kept: dict[str, list[str]] = {}  # what this build worked out or took
        with contextlib.suppress(OSError, ValueError, RecursionError):
            data = json.loads(self.path.read_text(encoding="utf-8"))
            pages = data.get("pages") if isinstance(data, dict) else None
            if isinstance(pages, dict) and isinstance(data.get("world"), str):
                self._pages = {k: v for k, v in pages.items() if isinstance(v, list) and len(v) == 3
                               and all(isinstance(s, str) for s in v)}
                self.world = data["world"]

    def get(self, world: str, src: str, body: str) -> tuple[str, str] | None:
        """(body part, page part) kept for this page, if the world and its body are the same."""
        found = self._pages.get(src) if world == self.world else None
        if found is None or found[0] != body:
            return None
        self.kept[src] = found
        return found[1], found[2]

    def keep(self, src: str, body: str, body_part: str, page_part: str) -> None:
        self.kept[src] = [body, body_part, page_part]

    def save(self, world: str) -> None:
        """After a successful build (a cache that cannot be written is no failure)."""
        if world == self.world and self.kept == self._pages:
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=".page-inputs-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump({"world": world, "pages": self.kept}, out)
                os.replace(name, self.path)
            finally:
                Path(name).unlink(missing_ok=True)
