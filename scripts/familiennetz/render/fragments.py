"""Page furniture rendered once per link shape instead of on every page.

Material renders its navigation, header, footer, styles, scripts and configuration into
every page. Around 10,000 items those are the same on nearly every page: they differ only
in their relative links, and — for the navigation — on pages that are in the menu, which
marks the current one. So a fragment is rendered once per *link shape*:

- a page's links to a site URL `t` are `../` repeated (its depth − c) times plus the rest
  of `t`, where c is how many leading path segments the page shares with `t`;
- a fragment links only to "anchors": the site's pages that are not items and not
  listing pages beyond the first (menu, help, footer pages, districts, assets, …);
- so two pages with the same depth and the same longest leading part in common with any
  anchor get the very same links, and share the fragment.

Pages in the menu render the navigation themselves. The plugin option `fragments: false`
turns the cache off; a test builds the site both ways and compares every page byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

__all__ = ["Fragments", "link_shape"]

Shape = tuple[int, tuple[str, ...]]


def _segments(url: str) -> tuple[str, ...]:
    """The folder segments of a page URL, the way MkDocs makes links relative to it
    (`a/b/` and `a/b.html` both live in `a/b` resp. `a`)."""
    parts = [p for p in url.split("/") if p]
    if parts and not url.endswith("/") and "." in parts[-1]:
        parts.pop()  # a file name: links are relative to its folder
    return tuple(parts)


def _prefixes(anchors: Iterable[str]) -> frozenset[tuple[str, ...]]:
    prefixes: set[tuple[str, ...]] = set()
    for url in anchors:
        parts = tuple(p for p in url.split("/") if p)
        prefixes.update(parts[:n] for n in range(len(parts) + 1))
    return frozenset(prefixes)


def link_shape(url: str, prefixes: frozenset[tuple[str, ...]]) -> Shape:
    """(depth, the longest leading part of the page's folder that starts some anchor)."""
    parts = _segments(url)
    for n in range(len(parts), -1, -1):
        if parts[:n] in prefixes:
            return len(parts), parts[:n]
    return len(parts), ()  # unreachable: () is every anchor's prefix


class Fragments:
    """The cache behind the templates' `fn_once(name, render, menu=False)`."""

    def __init__(self, anchors: Iterable[str], menu: Iterable[str], *, enabled: bool = True):
        self.prefixes = _prefixes(anchors)
        self.menu = frozenset(menu)  # URLs of the pages in the navigation
        self.enabled = enabled
        self.rendered: dict[tuple[str, Shape], Markup] = {}
        self._shapes: dict[str, Shape] = {}

    def render(self, page: Any, name: str, render: Callable[[], str], menu: bool = False) -> Markup:
        """`render()`'s output for this page, from the cache when a page of the same link
        shape rendered it. `menu=True`: the fragment marks the current page in the menu,
        so pages in the menu always render it themselves."""
        url = getattr(page, "url", None)
        if not self.enabled or not isinstance(url, str) or (menu and url in self.menu):
            return Markup(render())  # the 404 page has absolute links; no page, no shape
        shape = self._shapes.get(url)
        if shape is None:
            shape = self._shapes[url] = link_shape(url, self.prefixes)
        key = (name, shape)
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = Markup(render())
        return html
