"""RSS 2.0 and Atom 1.0 — the only module that knows feedgen, and each of its traps.

- `add_entry()` prepends unless `order="append"`: we append, in policy order.
- Entry `updated` and channel `lastBuildDate` default to *now*: both are always set from
  the content, so two builds give byte-identical files.
- Naive datetimes raise: every time comes from the policy, aware in Europe/Berlin.
- The RSS channel `<link>` is the *last* `link()` call: the self link goes first, the page last.
- `id()` makes `<guid isPermaLink="false">`: we call `guid(…, permalink=True)`.
- RSS drops authors without e-mail: the issuing office goes out as `<dc:creator>` in RSS
  and as `<author><name>` in Atom (press contacts' addresses are not author addresses).
- Atom entry links lose `rel`, `type` and `length` (feedgen 1.0.0, upstream issues #135 and
  #143): `enclosure()` would become a second, untyped alternate link. The image goes out
  through our own small extension instead, as `<enclosure>` and `<link rel="enclosure">`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .items import Enclosure, FeedItem

__all__ = ["Channel", "render_atom_rss"]

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
GENERATOR = "Familiennetz"  # no version: a release must not change every feed file


@dataclass(frozen=True, slots=True)
class Channel:
    title: str
    description: str
    page_url: str  # absolute
    rss_url: str  # absolute
    atom_url: str  # absolute
    updated: datetime  # aware; from the content
    author: str  # the site: Atom wants a feed author when an entry might lack one


class _NoFeedPart:
    """feedgen wants a feed-level class for every extension; ours adds nothing there."""

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_rss(self, element: Any) -> Any:
        return element

    def extend_atom(self, element: Any) -> Any:
        return element


class _ImageEnclosure(_NoFeedPart):
    """The item's image as RSS `<enclosure>` and Atom `<link rel="enclosure">`."""

    def __init__(self) -> None:
        self.image: Enclosure | None = None

    def _attributes(self) -> dict[str, str] | None:
        # RSS requires the length; without the file we rather send no enclosure than a 0.
        if self.image is None or self.image.length is None:
            return None
        return {"length": str(self.image.length), "type": self.image.mime}

    def extend_rss(self, element: Any) -> Any:
        attributes = self._attributes()
        if self.image is not None and attributes is not None:
            xml_elem("enclosure", element, url=self.image.url, **attributes)
        return element

    def extend_atom(self, element: Any) -> Any:
        attributes = self._attributes()
        if self.image is not None and attributes is not None:
            xml_elem("link", element, rel="enclosure", href=self.image.url, **attributes)
        return element


def _links(fg: FeedGenerator, self_url: str, self_type: str, page_url: str) -> None:
    fg.link(href=self_url, rel="self", type=self_type, replace=True)
    fg.link(href=page_url, rel="alternate", type="text/html")  # last: RSS takes this one


def _add_item(fg: FeedGenerator, item: FeedItem) -> None:
    fe = fg.add_entry(order="append")
    fe.guid(item.url, permalink=True)  # also the Atom id
    fe.title(item.title)
    fe.link(href=item.url, rel="alternate", type="text/html")
    fe.published(item.published)
    fe.updated(item.updated)
    fe.author(name=item.author)  # name only: RSS skips it, dc:creator carries it there
    fe.dc.dc_creator(item.author)
    for category in item.categories:
        fe.category(term=category.term, label=category.label, scheme=category.scheme)
    fe.summary(item.summary)  # RSS <description>, Atom <summary>
    fe.content(item.content_html, type="html")  # RSS <content:encoded>, Atom <content>
    fe.image_enclosure.image = item.image


def render_atom_rss(channel: Channel, items: Sequence[FeedItem]) -> tuple[bytes, bytes]:
    """(RSS, Atom) of one scope, items in the given order."""
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.register_extension("image_enclosure", _NoFeedPart, _ImageEnclosure)
    fg.id(channel.atom_url)
    fg.title(channel.title)
    fg.description(channel.description)
    fg.language("de")
    fg.author(name=channel.author)  # Atom only: feedgen writes no RSS channel author
    fg.generator(GENERATOR)
    fg.updated(channel.updated)  # sets Atom <updated> and RSS <lastBuildDate>
    for item in items:
        _add_item(fg, item)
    _links(fg, channel.rss_url, RSS_TYPE, channel.page_url)
    rss: bytes = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    _links(fg, channel.atom_url, ATOM_TYPE, channel.page_url)
    atom: bytes = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return rss, atom
