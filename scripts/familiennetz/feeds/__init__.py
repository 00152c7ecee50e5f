"""Feeds and calendars of the published content: RSS 2.0, Atom, JSON Feed 1.1, iCalendar.

`policy` decides which feeds exist and what goes in them; `items` prepares each item once;
`writer` (feedgen), `jsonfeed` and `calendar` (icalendar) only turn that into bytes.
The MkDocs plugin has `build_feed_files` make them and `write_feed_files` write them, in a
child process while MkDocs renders the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from ..addresses import ENTRY_CALENDARS, entry_calendar_path
from ..cache.store import link
from ..collection import Collection
from ..dates import BERLIN
from ..documents import Entry
from .calendar import CalendarWriter
from .items import ItemFactory, absolute_url
from .jsonfeed import render_json_feed
from .links import FeedLink, calendar_path, feed_links, feed_paths, scope_key_for_page
from .policy import SITE_NAME, FeedScope, calendar_scopes, feed_order, feed_scopes
from .writer import Channel, render_atom_rss

__all__ = [
    "FeedLink", "FeedScope", "build_feed_files", "calendar_scopes", "feed_links", "feed_order",
    "feed_scopes",
    "normalize_site_url", "scope_key_for_page", "subscription_scopes", "write_feed_files",
]

T = TypeVar("T")
# Only when a tree has no published item at all: a fixed moment, never the build time.
EMPTY_UPDATED = datetime(2000, 1, 1, tzinfo=BERLIN)
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


class Memo(Protocol):
    """Files a previous build made from the same inputs (cache/outputs.py)."""

    def entry(self, entry: Entry) -> str:
        """A digest of all a feed or calendar shows of the entry."""

    def __call__(self, parts: Sequence[str],
                 make: Callable[[], list[bytes]]) -> Sequence[bytes | Path]:
        """The files `make()` gives for inputs digested as `parts`: made, or kept files
        with those bytes (paths, to be linked)."""


class _Always:
    def entry(self, entry: Entry) -> str:
        return ""

    def __call__(self, parts: Sequence[str],
                 make: Callable[[], list[bytes]]) -> Sequence[bytes | Path]:
        return make()


def normalize_site_url(site_url: str | None) -> str:
    """The absolute base of every URL in a feed, ending in "/"."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"Für Feeds und Kalender braucht die Website eine absolute Adresse — "
                         f"`site_url` ist `{site_url or ''}`; tragen Sie in `mkdocs.yml` z. B. "
                         "`site_url: https://familiennetz.example.org/` ein.")
    return f"{(site_url or '').rstrip('/')}/"


def build_feed_files(collection: Collection, *, site_url: str, html: Mapping[str, str],
                     exists: Callable[[str], bool] | None = None,
                     content_root: Path | None = None,
                     site_name: str = SITE_NAME, memo: Memo | None = None) -> dict[str, bytes | Path]:
    """Every feed and calendar file, by output path relative to site_dir, sorted by path:
    its bytes, or (from `memo`) a kept file with its bytes.

    `html` maps an entry's `src` to the HTML MkDocs rendered for its body; an entry without
    one is sent with its summary. `exists`/`content_root` find image files for enclosures.
    `memo` reuses what a previous build made from the same inputs.
    """
    base = normalize_site_url(site_url)
    memo = memo or _Always()
    make_item = ItemFactory(collection, site_url=base, html=html, exists=exists,
                            content_root=content_root)
    files: dict[str, bytes | Path] = {}
    scopes = feed_scopes(collection, site_name=site_name)
    # A feed without items still needs an updated time (Atom requires it, feedgen would put
    # in the build time): the newest one of the whole site, which changes with the content.
    empty_updated = max((f.updated_at for f in collection.facts.values()), default=EMPTY_UPDATED)
    for scope in scopes:
        paths = feed_paths(scope.key)
        page_url = absolute_url(base, scope.page_url)

        def feed(scope: FeedScope = scope, paths: dict[str, str] = paths,
                 page_url: str = page_url) -> list[bytes]:
            items = [make_item(entry) for entry in scope.items]
            channel = Channel(title=scope.title, description=scope.description, page_url=page_url,
                              rss_url=base + paths["xml"], atom_url=base + paths["atom"],
                              updated=max((i.updated for i in items), default=empty_updated),
                              author=site_name)
            return [*render_atom_rss(channel, items), render_json_feed(
                title=scope.title, description=scope.description, page_url=page_url,
                feed_url=base + paths["json"], items=items)]

        parts = ["feed", base, site_name, scope.key, scope.title, scope.description, page_url,
                 empty_updated.isoformat(), *(memo.entry(e) for e in scope.items)]
        files[paths["xml"]], files[paths["atom"]], files[paths["json"]] = memo(parts, feed)
    writer = CalendarWriter(base, collection)
    zone = writer.zone_digest()  # every calendar carries the site's one time zone
    for scope in calendar_scopes(collection, site_name=site_name):
        parts = ["calendar", base, zone, scope.key, scope.title, scope.description,
                 scope.page_url, *(memo.entry(e) for e in scope.items)]
        [files[calendar_path(scope.key)]] = memo(parts, partial(_one, writer.render, scope))
    for entry in collection.items:  # published only: no file tells of a draft's date
        if collection.facts[entry.src].happening is not None:
            [files[entry_calendar_path(entry.url)]] = memo(
                ["entry calendar", base, entry.url, memo.entry(entry)],
                partial(_one, writer.render_entry, entry))
    return dict(sorted(files.items()))


def _one(make: Callable[[T], bytes], value: T) -> list[bytes]:
    return [make(value)]


def _differs(target: Path, data: bytes | Path) -> bool:
    try:
        if isinstance(data, Path):
            return not target.samefile(data)
        return target.stat().st_size != len(data) or target.read_bytes() != data
    except OSError:
        return True


def subscription_scopes(collection: Collection, *, site_url: str = "",
                        site_name: str = SITE_NAME) -> list[tuple[FeedScope, list[FeedLink]]]:
    """For the "Abonnieren" page: every feed scope with its links, in policy order."""
    return [(scope, feed_links(scope.key, site_url))
            for scope in feed_scopes(collection, site_name=site_name)]


def write_feed_files(site_dir: Path, files: Mapping[str, bytes | Path]) -> int:
    """Write the files below site_dir (a kept file is hard-linked); returns how many files
    were written.

    Material's JavaScript takes every <link rel="alternate"> for another language of the
    site and fetches `sitemap.xml` beside it: for the feed links, a 404 in every reader's
    console. An empty sitemap in each feed folder answers it."""
    made: set[Path] = set()
    for rel, data in files.items():
        target = site_dir / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if _differs(target, data):  # the preview writes into its last build's folder
            if isinstance(data, Path):
                link(data, target)
            else:  # a new file: the old one may be a link to a kept one
                target.unlink(missing_ok=True)
                target.write_bytes(data)
    # The single-event files are plain links, never `<link rel="alternate">`: no sitemap.
    folders = sorted({Path(rel).parent for rel in files
                      if not rel.startswith(f"{ENTRY_CALENDARS}/")} - {Path(".")})
    for folder in folders:
        if not (site_dir / folder / "sitemap.xml").exists():
            (site_dir / folder / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
    return len(files) + len(folders)
