"""What HTML a body may publish: an allow-list checked on the tree an HTML5 parser builds.

- `policy`: the allowed tags, attributes, URL schemes, ids and classes.
- `urls`: URLs read the way a browser reads them.
- `check`: the check of a body's HTML, shared by the validator and the build.
- `markdown`: the body rendered as the build renders it, for the validator.
- `locate`: where a finding on the HTML stands in the Markdown source.
"""

from .check import Finding, check_html, checked_html
from .locate import Locator
from .markdown import (
    MARKDOWN_EXTENSIONS,
    RenderError,
    contained_heading,
    needs_render,
    render_body,
)
from .urls import link_url

__all__ = [
    "MARKDOWN_EXTENSIONS", "Finding", "Locator", "RenderError", "check_html", "checked_html",
    "contained_heading",
    "link_url", "needs_render", "render_body",
]
