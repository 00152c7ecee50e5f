"""Converted bodies kept for the next build (`<cache>/bodies/`): a page rendered again with
an unchanged body — a changed template, a new related item, a renamed district — is not
converted from Markdown again. MkDocs' `Page.render` is what converts; for such a page it
is replaced by one that sets what the conversion would: the (checked) HTML, the table of
contents, the title from the first heading and the anchors the page has."""

from __future__ import annotations

import json
from typing import Any

from mkdocs.structure.toc import get_toc

from ..cache.outputs import OutputStore

__all__ = ["ConvertedBodies"]


def _tokens(links: Any) -> list[dict[str, Any]]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _tokens(a.children)}
            for a in links]


class ConvertedBodies:
    def __init__(self, store: OutputStore) -> None:
        self.store = store
        self.keys: dict[str, str] = {}  # src → body key, of every page with one
        self.reused: set[str] = set()  # src of pages given a kept body in this build

    def want(self, src: str, key: str) -> None:
        self.keys[src] = key

    def offer(self, page: Any) -> bool:
        """Give the page its kept body instead of converting it; False: none kept."""
        key = self.keys.get(page.file.src_uri)
        found = self.store.get(key) if key is not None else None
        if not found:
            return False
        try:
            record = json.loads(found[0])
            content, title = record["content"], record["title"]
            toc, anchors = get_toc(record["toc"]), set(record["anchors"])
        except (ValueError, KeyError, TypeError):
            return False
        if not isinstance(content, str) or not isinstance(title, (str, type(None))):
            return False

        def render(config: Any, files: Any) -> None:
            page.content, page.toc, page._title_from_render = content, toc, title
            page.present_anchor_ids, page.links_to_anchors = anchors, None

        page.render = render
        self.reused.add(page.file.src_uri)
        return True

    def keep(self, src: str, page: Any) -> None:
        key = self.keys.get(src)
        if key is None or src in self.reused or page.content is None:
            return
        record = {"content": str(page.content), "title": page._title_from_render,
                  "toc": _tokens(page.toc or []), "anchors": sorted(page.present_anchor_ids or ())}
        self.store.put(key, [json.dumps(record, ensure_ascii=False).encode("utf-8")])

    def prune(self) -> None:
        self.store.prune(self.keys.values())

