"""Absolute links in rendered HTML: a feed reader has no page URL to resolve against."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

__all__ = ["absolutize", "summary_html"]

_URL_ATTRS = frozenset({"href", "src", "poster", "cite", "longdesc", "action", "data"})
_SRCSET_ATTRS = frozenset({"srcset"})
_KEEP = ("mailto:", "tel:", "data:")


def summary_html(summary: str, link: str | None = None) -> str:
    """The body when the page's own is unknown or too long for a feed: the summary as one
    paragraph, and where given a link to the whole text."""
    more = f' <a href="{escape(link)}">Den ganzen Text lesen</a>' if link else ""
    return f"<p>{escape(summary, quote=False)}{more}</p>"


def _join(base: str, url: str) -> str:
    url = url.strip()
    return url if not url or url.startswith(_KEEP) else urljoin(base, url)


def _join_srcset(base: str, value: str) -> str:
    candidates = []
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            candidates.append(" ".join([_join(base, parts[0]), *parts[1:]]))
    return ", ".join(candidates)


def absolutize(html: str, base_url: str) -> str:
    """Every link and image URL in `html` resolved against the page's absolute URL, and
    comments dropped. Serialised from the HTML5 tree — the one the allow-list checked, not
    the text: a parser that reads comments or quotes differently could otherwise turn what
    the page hides into markup in the feed."""
    parser = LexborHTMLParser(html)
    body = parser.body
    if body is None:
        return ""
    for node in list(body.traverse(include_text=False)):
        if node.tag == "-comment":
            node.decompose()
            continue
        for name, value in list(node.attributes.items()):
            if value is not None and name in _URL_ATTRS:
                node.attrs[name] = _join(base_url, value)
            elif value is not None and name in _SRCSET_ATTRS:
                node.attrs[name] = _join_srcset(base_url, value)
    return body.inner_html or ""
