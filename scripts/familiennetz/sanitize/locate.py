"""Where in the Markdown source a finding on the rendered HTML comes from.

Raw HTML reaches the page as written, so the source's own tags are read with the standard
library's lenient tokenizer, and a finding is matched to the first tag with the same name
and attribute. What Markdown itself made (a link, an image, `{: … }`) is found by its URL
or the attribute's name; the body's first line is the last resort.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html.parser import HTMLParser

from ..scan import Link
from .check import Finding

__all__ = ["Locator"]

Position = tuple[int, int]  # 0-based line within the body, 1-based column
_SAME_TAG = {"img": ("img", "image")}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # (name, attributes, 0-based line, 0-based column, the tag as written)
        self.tags: list[tuple[str, dict[str, str], int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        self.tags.append((tag, {k: v or "" for k, v in attrs}, line - 1, col,
                          self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag


class Locator:
    """Finds the source positions of one body's findings, each tag used once per attribute."""

    def __init__(self, text: str, links: list[Link] | None = None, raw: str | None = None) -> None:
        self.text = text  # the body with code blanked (same length and lines)
        self.raw = raw if raw is not None else text  # as written: what looked like code in HTML
        self.links = [link for link in links or () if not link.html]  # Markdown's own
        parser = _Tags()
        try:
            parser.feed(text)
            parser.close()
        except (AssertionError, ValueError):  # the tokenizer gives up on some broken markup
            pass
        self.tags = parser.tags
        self.used: set[tuple[int, str | None]] = set()
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def _at(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line] + 1

    def _tag(self, finding: Finding) -> Position | None:
        names = _SAME_TAG.get(finding.tag, (finding.tag,))
        attribute = finding.attribute
        candidates = [i for i, (tag, attrs, *_) in enumerate(self.tags)
                      if tag in names and (i, attribute) not in self.used
                      and (attribute is None or attribute in attrs or attribute == "alt")]
        if finding.last:
            candidates.reverse()
        exact = [i for i in candidates if finding.value is not None
                 and self.tags[i][1].get(attribute or "") == finding.value]
        for index in exact or candidates:
            self.used.add((index, attribute))
            _, attrs, line, col, written = self.tags[index]
            offset = self.starts[line] + col
            if attribute in attrs and (m := re.search(rf"\s{re.escape(attribute)}\s*(?:=|\s|/|$)",
                                                      written, re.IGNORECASE)):
                offset += m.start() + 1  # the attribute itself, where the tag is fine
            return self._at(offset)
        return None

    def _markdown_link(self, finding: Finding) -> Position | None:
        """A link or image Markdown made: `[…](url)`, `![…](url)`."""
        if finding.attribute not in ("href", "src") or finding.value is None:
            return None
        for index, link in enumerate(self.links):
            if (link.image == (finding.tag == "img") and link.target == finding.value
                    and (index, "md") not in self.used):
                self.used.add((index, "md"))
                return link.line, link.col
        return None

    def locate(self, finding: Finding) -> Position:
        found = self._tag(finding) or self._markdown_link(finding)
        if found is not None:
            return found
        named = f"{finding.attribute}=" if finding.attribute else None
        needles = ((finding.value, "![", named) if finding.attribute in ("href", "src")
                   else (named, finding.value)) + (f"<{finding.tag}",)
        for text in (self.text.lower(), self.raw.lower()):
            for needle in needles:
                if not needle:
                    continue
                offset = text.rfind(needle.lower()) if finding.last else text.find(needle.lower())
                if offset >= 0:
                    return self._at(offset)
        return 0, 1
