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

__all__ = ["MARKDOWN_EXTENSIONS", "RenderError", "heading_slug", "needs_render", "render_body"]


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


def needs_render(body: str) -> bool:
    # Raw HTML, entities, attribute lists, images, reference links, admonitions and code
    # fences (their classes): what makes tags, attributes or classes beyond the plain ones.
    if any(marker in body for marker in ("<", "&", "{", "![", "]:", "!!!", "```", "~~~")):
        return True
    if "](" not in body:
        return False
    return any(not _PLAIN_TARGET.match(m.group(1)) for m in _LINK_TARGET.finditer(body))


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS),
                             extension_configs=MARKDOWN_EXTENSIONS)


class RenderError(Exception):
    """The body could not be rendered (too deeply nested for Python-Markdown)."""


def render_body(body: str) -> str:
    converter = _converter()
    converter.reset()
    try:
        return str(converter.convert(body))
    except RecursionError:
        raise RenderError from None
