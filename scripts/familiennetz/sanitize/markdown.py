"""A body as the build will render it, for the validator: the same Markdown, the same
extensions (the plugin refuses a `mkdocs.yml` with others), so that what the allow-list
sees at validate time is what MkDocs will publish.

Rendering costs about a millisecond per body, too much for 10,000 files on every run; so
only bodies that can produce anything but Markdown's plain output are rendered. What
skips rendering has no raw HTML (`<`), no entities (`&`), no attribute lists (`{`), no
images and only links whose targets are plainly harmless: Markdown turns such a body into
a fixed set of tags without attributes but safe `href`s and heading ids (checked by the
body scan), and the build checks every rendered page again anyway.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import markdown
from markdown.extensions.toc import slugify

from ..deadline import TookTooLong, time_limit

__all__ = ["MARKDOWN_EXTENSIONS", "RenderError", "contained_heading", "heading_slug", "needs_render",
           "render_body"]


def heading_slug(value: str, separator: str) -> str:
    """The id of a heading: `toc`'s own, but never one of the site's (`__config`, where
    Material keeps its settings, or our `fn-…`): those get an `h-` in front. mkdocs.yml
    names this function for `toc`, so the build makes the same ids."""
    slug = str(slugify(value, separator))
    return f"h-{slug}" if slug.startswith(("__", "fn-")) else slug


# mkdocs.yml's `markdown_extensions` with MkDocs' own defaults (toc, tables, fenced_code).
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": False, "slugify": heading_slug}, "tables": {}, "fenced_code": {},
    "attr_list": {}, "admonition": {}, "md_in_html": {},
}
_LINK_TARGET = re.compile(r"\]\([ \t]*+([^)]*+)")  # to `)`, across lines: `](java⏎script:…)`
_PLAIN_TARGET = re.compile(r"^(?:https?://[\w.-]+|tel:)?[\w./#?=%+~-]+$")  # not empty: `](⏎…`


# A heading in a list item or a quote (`- # x`, `> # x`, `> x⏎> ===`): an H1 the scan,
# which reads headings at the start of a line, does not see.
# (Searched in "\n" + body: see markdown_limits._NESTED.)
_CONTAINED_HEADING = re.compile(r"\n[ \t>*+\-\d.)]+#(?!#)|\n[ \t>]*>[ \t>]*=+[ \t]*(?=\n|\Z)")


def contained_heading(body: str) -> int | None:
    """Where the first heading inside a list item or quote begins, if there is one."""
    m = _CONTAINED_HEADING.search("\n" + body) if "#" in body or "=" in body else None
    return m.start() if m else None


def needs_render(body: str) -> bool:
    # Raw HTML, entities, attribute lists, images, reference links, admonitions and code
    # fences (their classes): what makes tags, attributes or classes beyond the plain ones;
    # and headings inside lists or quotes.
    if ("<" in body or "&" in body or "{" in body or "![" in body or "]:" in body
            or "!!!" in body or "```" in body or "~~~" in body):  # (no generator: 10,000 bodies)
        return True
    if contained_heading(body) is not None:
        return True
    if "](" not in body:
        return False
    return any(not _PLAIN_TARGET.match(m.group(1)) for m in _LINK_TARGET.finditer(body))


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS),
                             extension_configs=MARKDOWN_EXTENSIONS)


RENDER_SECONDS = 20  # for one body; a real one takes milliseconds (see deadline.py)


class RenderError(Exception):
    """The body could not be rendered: too deeply nested for Python-Markdown, or built so
    that rendering it would take too long."""

    def __init__(self, slow: bool) -> None:
        super().__init__()
        self.slow = slow


def render_body(body: str) -> str:
    converter = _converter()
    converter.reset()
    try:
        with time_limit(RENDER_SECONDS):
            return str(converter.convert(body))
    except RecursionError:
        raise RenderError(slow=False) from None
    except TookTooLong:
        raise RenderError(slow=True) from None
