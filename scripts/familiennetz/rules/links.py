"""Rules on what a file points to.

- `broken-link`: a relative link must lead to an existing file of the tree; a link to a
  Markdown file must lead to a page that is published (not a draft, not under embargo).
- `image-missing`: the front matter's `image.src` and body images must exist, relative to
  the file or under `content/assets/`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from ..documents import Entry, Page
from ..problems import Level, Problem
from ..scan import BodyScan

__all__ = ["check_links", "local_assets", "resolve_asset"]

_EXTERNAL = ("http://", "https://", "mailto:", "tel:", "#", "//")


def resolve_asset(src: str, doc_src: str, exists: Callable[[str], bool]) -> str | None:
    """Content-root path of an image given relative to the file or under `assets/`."""
    here = posixpath.dirname(doc_src)
    for candidate in (posixpath.join(here, src), posixpath.join("assets", src), src):
        path = posixpath.normpath(candidate)
        if not path.startswith("..") and exists(path):
            return path
    return None


def check_links(doc: Entry | Page, scan: BodyScan, files: set[str], published: set[str],
                exists: Callable[[str], bool]) -> list[Problem]:
    problems: list[Problem] = []

    def add(pos: tuple[int, int], rule: str, message: str) -> None:
        problems.append(Problem(doc.display, pos[0], pos[1], Level.ERROR, rule, message))

    if isinstance(doc, Entry) and doc.data.__class__.__name__ != "Topic":
        image = getattr(doc.data, "image", None)
        if image is not None and resolve_asset(image.src, doc.src, exists) is None:
            add(doc.marks.value("image.src"), "image-missing", f"Bilddatei `{image.src}` nicht "
                "gefunden — legen Sie sie neben die Datei oder nach `content/assets/`.")
    here = posixpath.dirname(doc.src)
    for link in scan.links:
        target = link.target
        if not target or target.startswith(_EXTERNAL) or ":" in target.split("/")[0]:
            continue
        path = unquote(urlsplit(target).path)
        pos = (doc.body_line + link.line, link.col)
        if link.image:
            if resolve_asset(path, doc.src, exists) is None:
                add(pos, "image-missing", f"Bilddatei `{target}` nicht gefunden.")
            continue
        if path.startswith("/"):  # MkDocs leaves it as is: on the site it misses the base path
            add(pos, "broken-link", f"Link auf `{target}`: Links, die mit `/` beginnen, führen auf "
                "der veröffentlichten Seite ins Leere — verlinken Sie die `.md`-Datei relativ, "
                "z. B. `../angebote/elterncafe.md`.")
            continue
        resolved = posixpath.normpath(posixpath.join(here, path))
        if path.endswith("/") or not posixpath.splitext(resolved)[1]:
            # MkDocs rewrites only links to files; `../kreise/` would be taken relative to the
            # page's URL, which is one folder deeper than its file.
            guess = next((c for c in (resolved + ".md", posixpath.join(resolved, "index.md"))
                          if c in files), None)
            hint = (f"verlinken Sie die Datei: `{posixpath.relpath(guess, here or '.')}`" if guess
                    else "verlinken Sie die `.md`-Datei relativ, z. B. `../angebote/elterncafe.md`")
            add(pos, "broken-link", f"Link auf `{target}`: ein Link auf einen Ordner oder ohne "
                f"`.md` führt auf der veröffentlichten Seite ins Leere — {hint}.")
            continue
        if resolved.endswith(".md"):
            if resolved not in files:
                add(pos, "broken-link", f"Link auf `{target}`: diese Seite gibt es nicht — "
                    "verlinken Sie die `.md`-Datei relativ, z. B. `../angebote/elterncafe.md`.")
            elif resolved not in published:
                add(pos, "broken-link", f"Link auf `{target}`: diese Seite ist ein Entwurf oder "
                    "noch gesperrt und wird nicht veröffentlicht.")
        elif not exists(resolved):
            add(pos, "broken-link", f"Link auf `{target}`: diese Datei gibt es nicht.")
    return problems


def local_assets(doc: Entry | Page, scan: BodyScan, exists: Callable[[str], bool]) -> frozenset[str]:
    """Content-root paths of the files (not pages) a document shows or links to.

    The build uses this to keep the files of drafts and embargoed items unpublished.
    """
    found: set[str] = set()
    image = getattr(getattr(doc, "data", None), "image", None)
    if image is not None and (path := resolve_asset(image.src, doc.src, exists)):
        found.add(path)
    here = posixpath.dirname(doc.src)
    for link in scan.links:
        target = unquote(urlsplit(link.target).path)
        if not target or link.target.startswith(_EXTERNAL) or target.endswith((".md", "/")):
            continue
        path = resolve_asset(target, doc.src, exists) if link.image else \
            posixpath.normpath(posixpath.join(here, target))
        if path and exists(path):
            found.add(path)
    return frozenset(found)
