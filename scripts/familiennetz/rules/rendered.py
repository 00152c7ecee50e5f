"""The last line of defence, on the HTML MkDocs rendered from a body.

The source scan (`scan.py`) gives press officers line numbers, but Markdown and HTML
have more ways to hide a script or a third-party request than a line-based scan can
know (entities, reference-style images, HTML blocks). Whatever reaches the page is
checked here; a finding stops the build with a German message.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["check_rendered_html"]

_SCRIPTING = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
              "meta", "link", "style", "form", "portal"}
_URL_ATTRS = {"href", "src", "srcset", "poster", "data", "action", "formaction", "xlink:href",
              "background", "cite"}
_LOADING_ATTRS = {"src", "srcset", "poster", "data", "background"}  # fetched without a click
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
_CSS_URL = re.compile(r"url\s*\(", re.IGNORECASE)


def _clean(value: str) -> str:
    """What a browser sees: entities decoded, whitespace and control characters gone."""
    return re.sub(r"[\x00-\x20]+", "", html.unescape(value))


class _Checker(HTMLParser):
    def __init__(self, allow_h1: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.allow_h1 = allow_h1
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SCRIPTING:
            self.findings.append(f"`<{tag}>` ist im Text nicht erlaubt")
        if tag == "h1" and not self.allow_h1:
            self.findings.append("`<h1>` im Text — die Überschrift kommt aus `title`")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"das Attribut `{name}` führt ein Skript aus")
            if value is None:
                continue
            if name == "style" and _CSS_URL.search(value):
                self.findings.append("`style` mit `url(…)` lädt Inhalte nach")
            if name in _URL_ATTRS:
                for url in (part.split()[0] for part in value.split(",") if part.strip()) \
                        if name == "srcset" else (value,):
                    seen = _clean(url)
                    if _BAD_SCHEME.match(seen) and not (tag == "img" and seen.startswith("data:image/")):
                        self.findings.append(f"`{name}` mit `{seen[:30].lower()}` führt ein "
                                             "Skript aus")
                    elif name in _LOADING_ATTRS and (seen.startswith("//") or "://" in seen):
                        self.findings.append(f"`{tag}` lädt `{seen[:50]}` von einem fremden Server")

    handle_startendtag = handle_starttag


# Markdown renders to a small set of tags; only HTML with anything else, or with
# attributes that can load or run something, needs the (slower) full parse. The cheap
# test runs on every page of the build, so it uses substring tests where it can.
_PLAIN_TAGS = frozenset((
    "p", "a", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "div", "span", "sup",
    "sub", "dl", "dt", "dd", "figure", "figcaption", "abbr", "del", "ins", "kbd", "mark", "small",
    "details", "summary", "caption", "colgroup", "col", "img",
))
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_EVENT = re.compile(r"\son[a-z]+\s*=")
_LOADING_URL = re.compile(r"(?:src|srcset|poster|data)\s*=\s*(?:[\"'][^\"'>]*|[^\s>]*)//")
_MARKERS = ("script", "&#", "&colon", "data:", "url(")


def _suspicious(body_html: str) -> bool:
    low = body_html.lower()
    if any(marker in low for marker in _MARKERS):
        return True
    if " on" in low and _EVENT.search(low):
        return True
    if "//" in low and _LOADING_URL.search(low):
        return True
    return not {tag.lower() for tag in _TAG.findall(body_html)} <= _PLAIN_TAGS


def check_rendered_html(body_html: str, *, allow_h1: bool) -> list[str]:
    """German findings, one per forbidden thing; empty when the HTML is fine."""
    if not _suspicious(body_html):
        return []
    checker = _Checker(allow_h1)
    checker.feed(body_html)
    checker.close()
    return checker.findings
