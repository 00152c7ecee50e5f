"""Where the files a document uses lie in the content tree (images, downloads)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

__all__ = ["EXTERNAL_PREFIXES", "IMAGE_FILE", "IMAGE_SUFFIXES", "is_image", "link_path", "local_files",
           "resolve_asset", "resolve_relative"]

EXTERNAL_PREFIXES = ("http://", "https://", "mailto:", "tel:", "#", "//")
# What an `<img>` may show: a PDF, a video or a page there is a broken image on the page
# and a wrong enclosure in the feeds.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")
# The same as a pattern for `image.src` (also in JSON Schema and the editor: no flags).
IMAGE_FILE = "^.+\\.(?:" + "|".join("".join(f"[{c}{c.upper()}]" for c in suffix[1:])
                                   for suffix in IMAGE_SUFFIXES) + ")$"


def is_image(path: str) -> bool:
    return posixpath.splitext(path)[1].lower() in IMAGE_SUFFIXES


def _inside(path: str) -> bool:
    return not (path.startswith(("/", "..")) or path == ".")


def resolve_asset(src: str, doc_src: str, exists: Callable[[str], bool]) -> str | None:
    """The header's `image.src`: relative to the file, or under `assets/`; never outside
    the content tree. The templates turn the result into a URL themselves."""
    if src.startswith("/"):
        return None
    here = posixpath.dirname(doc_src)
    # `assets/x.jpg` and `x.jpg` both name content/assets/x.jpg when it is not beside the file.
    for candidate in (posixpath.join(here, src), posixpath.join("assets", src), src):
        path = posixpath.normpath(candidate)
        if _inside(path) and exists(path):
            return path
    return None


def link_path(target: str) -> str | None:
    """The file part of a relative link target; None for external, anchors, schemes."""
    if not target or target.startswith(EXTERNAL_PREFIXES) or ":" in target.split("/")[0]:
        return None
    return unquote(urlsplit(target).path) or None


def resolve_relative(target: str, doc_src: str) -> str | None:
    """A body link as MkDocs resolves it: relative to the file only."""
    path = link_path(target)
    if path is None or path.startswith("/"):
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(doc_src), path))
    return resolved if _inside(resolved) else None


def local_files(doc_src: str, image_src: str | None, targets: Iterable[str],
                exists: Callable[[str], bool]) -> frozenset[str]:
    """Content-root paths of the files (not pages) a document shows or links to; the build
    keeps those of drafts and embargoed items unpublished."""
    found = set()
    if image_src and (path := resolve_asset(image_src, doc_src, exists)):
        found.add(path)
    for target in targets:
        path = resolve_relative(target, doc_src)
        if path and not path.endswith(".md") and exists(path):
            found.add(path)
    return frozenset(found)
