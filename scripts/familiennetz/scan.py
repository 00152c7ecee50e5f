"""One pass over a Markdown body: headings, links, images and anchors, with positions.

Fenced code and inline code spans are blanked first (`codeblanks.py`): code is shown, not run.
The searches run over the whole body at once (10,000 files must validate in about
two seconds); positions are turned into lines only for what is found. What the body's
HTML may contain is not judged here but on the rendered HTML (`sanitize/`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .codeblanks import blank_code

__all__ = ["BodyScan", "Link", "blank_code", "heading_id", "scan_body"]

# Headings as Python-Markdown reads them: `#` at the very start of a line, a space after
# it or not (`#Kinderschutz` is a heading too); an underline of `=` for a setext heading.
# (Searched in "\n" + text, found at the line's offset: see markdown_limits._NESTED.)
_ATX_H1 = re.compile(r"\n#(?!#)")
_SETEXT_H1 = re.compile(r"\n[^\n]*\S[^\n]*\n=+[ ]*(?=\n|\Z)")
_ATX = re.compile(r"^(#{1,6})(?!#)[ \t]*+([^\n]*+)$", re.MULTILINE)
_SETEXT = re.compile(r"^ {0,3}(\S[^\n]*)\n(=+|-+)[ ]*$", re.MULTILINE)
# After `](`: the target (in `<…>`, or up to white space, with one level of parentheses),
# an optional title, and `)`. Possessive quantifiers: never backtracking over spaces.
_TARGET = re.compile(r"[ \t]*+(?:\n[ \t]*+)?(?:<([^>\n]*+)>|((?:[^()\s]++|\([^()\s]*+\))*+))"
                     r"(?:\s++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^)\n]*+\)))?\s*+\)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]\n]*)\]:[ \t]*+(?:\n[ \t]*+)?<?([^\s>]++)>?", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]]|\n[ \t]*+\n")
_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\]\[([^\]\n]*)\]")
_ATTR_LIST = re.compile(r"\{([^{}\n]*+)\}")  # cannot run past another brace: linear
_ATTR_ID = re.compile(r"#([\w-]+)")
_INLINE_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*`]|\{[^}]*\}\s*$")


@dataclass(frozen=True, slots=True)
class Link:
    line: int  # 0-based within the body
    col: int  # 1-based
    target: str
    image: bool
    text: str
    html: bool = False  # written as raw HTML (`<a href>`, `<img src>`), not Markdown


@dataclass(slots=True)
class BodyScan:
    h1: list[tuple[int, int]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    text: str = ""  # the body with code blanked: same length and lines
    html_ids: list[str] = field(default_factory=list)  # `id="…"` in raw HTML
    _anchors: set[str] | None = None

    @property
    def anchors(self) -> set[str]:
        """The ids a link's `#…` may name: headings' ids as `toc` makes them, explicit
        `{#…}` and HTML ids. Worked out on first use: few pages are linked with a `#`."""
        if self._anchors is None:
            self._anchors = _heading_ids(self.text) | set(self.html_ids)
            if "{" in self.text:
                self._anchors.update(found for group in _ATTR_LIST.finditer(self.text)
                                     if (found := _explicit_id(group.group(0))))
        return self._anchors


def heading_id(text: str) -> str:
    """The id the build gives a heading ("Über uns" → "uber-uns"), from its text."""
    from .sanitize.markdown import heading_slug  # (sanitize reads scan: import when used)

    return heading_slug(_INLINE_MARKUP.sub(r"\1", text), "-")


class _HtmlLinks(HTMLParser):
    """`<a href>` and `<img src>` written as HTML: checked like Markdown links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, bool]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        target = values.get("href") if tag == "a" else values.get("src") if tag == "img" else None
        if target is not None:
            line, col = self.getpos()
            self.found.append((line - 1, col + 1, target, tag == "img"))

    handle_startendtag = handle_starttag


def _raw_html(text: str, scan: BodyScan) -> None:
    parser = _HtmlLinks()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # the lenient tokenizer gives up on some markup
        pass
    scan.links.extend(Link(line, col, target, image, "", html=True)
                      for line, col, target, image in parser.found)
    scan.html_ids.extend(parser.ids)


def _explicit_id(title: str) -> str | None:
    """`## Titel {#eigene-id}` → "eigene-id"."""
    for group in _ATTR_LIST.finditer(title):
        if (m := _ATTR_ID.search(group.group(1))) is not None:
            return m.group(1)
    return None


def _heading_ids(text: str) -> set[str]:
    found = [(m.start(), (m.group(2) or "").rstrip(" \t#")) for m in _ATX.finditer(text)] \
        if "#" in text else []
    found += [(m.start(), m.group(1)) for m in _SETEXT.finditer(text)]
    ids: set[str] = set()
    seen: dict[str, int] = {}
    for _, title in sorted(found):
        slug = _explicit_id(title) or heading_id(title)
        if slug in seen or not slug:  # toc makes ids unique: `abschnitt`, `abschnitt_1`
            seen[slug] = seen.get(slug, 0) + 1
            slug = f"{slug}_{seen[slug]}"
        else:
            seen[slug] = 0
        ids.add(slug)
    return ids


def _openings(text: str) -> dict[int, int]:
    """For each `](`, where the `[` of its link text is: nested brackets and line breaks
    are part of a link's text, a blank line is not. One pass over the brackets, matched
    as Python-Markdown matches them: linear, however many `]` a text has."""
    found: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKETS.finditer(text):
        if m.group() == "[":
            stack.append(m.start())
        elif m.group() == "]" and stack:
            start = stack.pop()
            if text.startswith("(", m.end()):
                found[m.start()] = start
        else:
            stack.clear()
    return found


def _markdown_links(text: str, where: Callable[[int], tuple[int, int]]) -> list[Link]:
    """`[text](target)` and `![alt](src)`, as Python-Markdown reads them."""
    links = []
    for close, start in sorted(_openings(text).items()):
        if (m := _TARGET.match(text, close + 2)) is not None:
            image = start > 0 and text[start - 1] == "!"
            line, col = where(start - 1 if image else start)
            target = m.group(1) if m.group(1) is not None else m.group(2)
            links.append(Link(line, col, target, image, text[start + 1:close]))
    return links


def scan_body(body: str) -> BodyScan:
    text = blank_code(body)
    scan = BodyScan(text=text)
    starts: list[int] | None = None

    def where(offset: int) -> tuple[int, int]:
        nonlocal starts
        if starts is None:
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
        line = bisect_right(starts, offset) - 1
        return line, offset - starts[line] + 1

    if "#" in text:
        scan.h1.extend((where(m.start())[0], 1) for m in _ATX_H1.finditer("\n" + text))
    if "<h" in text or "<H" in text:
        scan.h1.extend(where(m.start()) for m in re.finditer(r"<h1\b", text, re.IGNORECASE))
    if "=" in text:
        scan.h1.extend((where(m.start())[0], 1) for m in _SETEXT_H1.finditer("\n" + text))
    if "](" in text:
        scan.links.extend(_markdown_links(text, where))
    if "]:" in text:
        defs = {}
        for m in _REF_DEF.finditer(text):
            line, col = where(m.start(2))
            defs[m.group(1).strip().lower()] = m.group(2)
            scan.links.append(Link(line, col, m.group(2), False, ""))
        for m in _REF_IMAGE.finditer(text):  # ![alt][label]: an image whose target is a definition
            line, col = where(m.start())
            label = (m.group(2) or m.group(1)).strip().lower()
            scan.links.append(Link(line, col, defs.get(label, ""), True, m.group(1)))
    if "<" in text:
        _raw_html(text, scan)
    scan.h1.sort()
    return scan
