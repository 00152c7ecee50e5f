"""What every output format says about one item, computed once per item per build.

An item appears in up to a dozen feeds (everything, its type, districts, topics,
network); rewriting its HTML once and sharing the result keeps big trees fast.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from mimetypes import MimeTypes
from pathlib import Path
from urllib.parse import quote

from ..assets import resolve_asset
from ..collection import Collection
from ..documents import Entry
from ..types import BY_REF
from .html import absolutize, summary_html

__all__ = ["MAX_CONTENT_BYTES", "Category", "Enclosure", "FeedItem", "ItemFactory", "absolute_url"]

# An item is in up to a dozen feeds: a long body would be copied into each of them (a
# 50 MB release made a 668 MB site). Longer bodies go out as the summary and a link.
MAX_CONTENT_BYTES = 100 * 1024

# Fixed table first: the system's mime.types differs between machines, the output must not.
_MIME = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
         ".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml"}
_FALLBACK_MIME = MimeTypes()  # Python's built-in table only, without /etc/mime.types


@dataclass(frozen=True, slots=True)
class Category:
    term: str  # the slug
    label: str  # the German title
    scheme: str  # absolute URL of the list the slug belongs to, e.g. …/themen/


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    length: int | None  # bytes; None when the file cannot be read (no content root)
    mime: str


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str  # canonical absolute URL, also the id
    title: str
    summary: str
    content_html: str  # full body with absolute links
    published: datetime
    updated: datetime
    author: str
    categories: tuple[Category, ...]
    image: Enclosure | None


def absolute_url(site_url: str, path: str) -> str:
    """`site_url` ends with "/"; `path` is site-relative and may contain any character."""
    return site_url + quote(path, safe="/-._~")


def mime_type(path: str) -> str:
    ext = posixpath.splitext(path)[1].lower()
    return _MIME.get(ext) or _FALLBACK_MIME.guess_type(path)[0] or "application/octet-stream"


def author_of(entry: Entry, collection: Collection) -> str:
    """The issuing office: the contact's organisation, else the first district."""
    contact = getattr(entry.data, "contact", None)
    if contact is not None and contact.organisation:
        return str(contact.organisation)
    first = entry.data.districts[0]
    district = collection.references.get("district", {}).get(first)
    return district.title if district is not None else first


class ItemFactory:
    """Builds (and caches) the FeedItem of each entry for one build."""

    def __init__(self, collection: Collection, *, site_url: str, html: Mapping[str, str],
                 exists: Callable[[str], bool] | None, content_root: Path | None) -> None:
        self.collection = collection
        self.site_url = site_url
        self.html = html
        self.content_root = content_root
        # Without either there is no way to find the image file: items go out without one.
        self.exists = exists if exists is not None else (
            self._in_content_root if content_root is not None else None)
        self._cache: dict[str, FeedItem] = {}

    def _in_content_root(self, rel: str) -> bool:
        return self.content_root is not None and (self.content_root / rel).is_file()

    def __call__(self, entry: Entry) -> FeedItem:
        item = self._cache.get(entry.src)
        if item is None:
            item = self._cache[entry.src] = self._build(entry)
        return item

    def _build(self, entry: Entry) -> FeedItem:
        url = absolute_url(self.site_url, entry.url)
        body = self.html.get(entry.src)
        if body is not None and len(body) > MAX_CONTENT_BYTES // 4 \
                and len(body.encode("utf-8")) > MAX_CONTENT_BYTES:
            content = summary_html(entry.data.summary, url)
        elif body is not None:
            content = absolutize(body, url)
        else:
            content = summary_html(entry.data.summary)
        facts = self.collection.facts[entry.src]
        return FeedItem(url=url, title=entry.title, summary=entry.data.summary,
                        content_html=content, published=facts.published_at,
                        updated=facts.updated_at, author=author_of(entry, self.collection),
                        categories=self._categories(entry), image=self._image(entry))

    def _categories(self, entry: Entry) -> tuple[Category, ...]:
        found = []
        for ref, slugs in (("topic", entry.data.topics), ("district", entry.data.districts)):
            folder = BY_REF[ref].folder
            known = self.collection.references.get(ref, {})
            for slug in slugs:
                label = known[slug].title if slug in known else slug
                found.append(Category(slug, label, absolute_url(self.site_url, f"{folder}/")))
        return tuple(found)

    def _image(self, entry: Entry) -> Enclosure | None:
        image = entry.data.image
        if image is None or self.exists is None:
            return None
        path = resolve_asset(image.src, entry.src, self.exists)
        if path is None:
            return None
        length = None
        if self.content_root is not None:
            try:
                length = (self.content_root / path).stat().st_size
            except OSError:
                length = None
        return Enclosure(absolute_url(self.site_url, path), length, mime_type(path))
