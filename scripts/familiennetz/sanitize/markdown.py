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

__all__ = ["MARKDOWN_EXTENSIONS", "needs_render", "render_body"]

# mkdocs.yml's `markdown_extensions` with MkDocs' own defaults (toc, tables, fenced_code).
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": False}, "tables": {}, "fenced_code": {}, "attr_list": {},
    "admonition": {}, "md_in_html": {},
}
_LINK_TARGET = re.compile(r"\]\(\s*([^)\s]*)|^ {0,3}\[[^\]\n]+\]:[ \t]*(\S*)", re.MULTILINE)
_PLAIN_TARGET = re.compile(r"^(?:https?://[\w.-]+|tel:)?[\w./#?=%+~-]*$")
_HEADING_UNDERSCORE = re.compile(r"^ {0,3}#[^\n]*_", re.MULTILINE)


def needs_render(body: str) -> bool:
    if "<" in body or "&" in body or "{" in body or "![" in body:
        return True
    if "_" in body and _HEADING_UNDERSCORE.search(body):  # `## __config` → id="__config"
        return True
    if "](" not in body and "]:" not in body:
        return False
    return any(not _PLAIN_TARGET.match(m.group(1) or m.group(2) or "")
               for m in _LINK_TARGET.finditer(body))


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS),
                             extension_configs=MARKDOWN_EXTENSIONS)


def render_body(body: str) -> str:
    converter = _converter()
    converter.reset()
    return str(converter.convert(body))
