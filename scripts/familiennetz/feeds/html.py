"""Absolute links in rendered HTML: a feed reader has no page URL to resolve against.

Built on the standard library's tokenizer rather than an HTML tree, so that the markup
MkDocs rendered passes through byte for byte; only tags carrying a link are rewritten.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin

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


class _Rewriter(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=False)  # keep entities exactly as rendered
        self.base = base
        self.out: list[str] = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        raw = self.get_starttag_text() or ""
        if not any(name in _URL_ATTRS or name in _SRCSET_ATTRS for name, _ in attrs):
            self.out.append(raw)
            return
        rendered = [tag]
        for name, value in attrs:
            if value is None:
                rendered.append(name)
                continue
            if name in _URL_ATTRS:
                value = _join(self.base, value)
            elif name in _SRCSET_ATTRS:
                value = _join_srcset(self.base, value)
            rendered.append(f'{name}="{escape(value)}"')
        self.out.append(f"<{' '.join(rendered)}{close}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, " /")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def absolutize(html: str, base_url: str) -> str:
    """Every link and image URL in `html` resolved against the page's absolute URL."""
    rewriter = _Rewriter(base_url)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)
