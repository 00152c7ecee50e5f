"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) for the same scopes as RSS/Atom."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .items import FeedItem

__all__ = ["JSON_FEED_VERSION", "render_json_feed"]

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _item(item: FeedItem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.url,
        "url": item.url,
        "title": item.title,
        "summary": item.summary,
        "content_html": item.content_html,
    }
    if item.image is not None:
        data["image"] = item.image.url
    data["date_published"] = item.published.isoformat()  # RFC 3339, with the Berlin offset
    data["date_modified"] = item.updated.isoformat()
    data["authors"] = [{"name": item.author}]
    data["tags"] = [category.label for category in item.categories]
    return data


def render_json_feed(*, title: str, description: str, page_url: str, feed_url: str,
                     items: Sequence[FeedItem]) -> bytes:
    feed = {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": page_url,
        "feed_url": feed_url,
        "description": description,
        "language": "de",
        "items": [_item(item) for item in items],
    }
    # Keys in spec order, not sorted; UTF-8 as is, so that umlauts stay readable.
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
