"""The allow-list for HTML in bodies: what Markdown produces, and what press officers may
reasonably add by hand (tables, `<abbr>`, `<details>`, a line break). Everything else is
refused: it either runs or loads something, or the site cannot promise to show it well.
"""

from __future__ import annotations

import re

__all__ = [
    "ATTRIBUTES", "DANGEROUS", "GLOBAL", "ID", "LOADING", "NAVIGATING", "STYLE", "TAGS",
    "bad_classes",
]

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "ul", "ol", "li", "dl",
    "dt", "dd", "em", "strong", "b", "i", "s", "del", "ins", "sub", "sup", "small", "mark",
    "abbr", "q", "cite", "code", "pre", "kbd", "samp", "var", "blockquote", "table", "caption",
    "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "figure", "figcaption",
    "div", "span", "details", "summary", "time", "address", "wbr",
})
# Elements that run, embed or submit something: refused as unsafe, not just unsupported.
DANGEROUS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
    "link", "style", "form", "input", "button", "select", "textarea", "option", "portal",
    "svg", "math", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "title",
    "image", "canvas", "dialog", "slot",
    "fencedframe", "search", "animate", "set", "feimage", "use",
})
GLOBAL = frozenset({"id", "class", "lang", "dir", "title"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style", "align"}),
    "td": frozenset({"colspan", "rowspan", "style", "align"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "details": frozenset({"open"}),
}
NAVIGATING = frozenset({"href", "cite"})  # URLs followed on a click
LOADING = frozenset({"src"})  # URLs fetched as the page loads
# Python-Markdown's tables write `style="text-align: center;"`; nothing else is styled.
STYLE = re.compile(r"^\s*text-align\s*:\s*(?:left|right|center|justify)\s*;?\s*$", re.IGNORECASE)
# Ids must not collide with the site's own (`__config` holds Material's settings, `fn-…` are
# ours): content could otherwise take over the page. Headings get safe ids by construction
# (`markdown.heading_slug`); what is checked here is ids written by hand.
ID = re.compile(r"^(?!__|fn-)[\w-]+$")
# Classes are an allow-list: Material's scripts act on classes (`pre.mermaid` loads a
# script from unpkg.com), its layout on `md-…`, ours on `fn-…`. What Markdown makes:
# fenced code's language, the table of contents, admonitions; and Material's buttons for
# links set as buttons (`{ .md-button }`).
CLASSES = frozenset({"md-button", "md-button--primary", "toc", "admonition", "admonition-title"})
LANGUAGE = re.compile(r"^language-[\w+#.-]+$")
# An admonition's kind (`!!! tip` → `admonition tip`) may be any word — Material styles the
# known ones and shows the others as a note — but none of the classes its scripts act on.
ADMONITION_KIND = re.compile(r"^(?!md-|fn-)[^\W_][\w-]*$")
SCRIPT_HOOKS = frozenset({"mermaid", "annotate", "highlight", "tabbed-set", "tabbed-content",
                          "tabbed-labels", "arithmatex", "headerlink", "footnote", "critic"})


def bad_classes(tag: str, value: str) -> list[str]:
    """The classes in `value` that an element `tag` may not have."""
    classes = value.split()
    admonition = tag == "div" and "admonition" in classes
    return [c for c in classes if not (
        c in CLASSES or (tag == "code" and LANGUAGE.match(c)) or (
            admonition and ADMONITION_KIND.match(c) and c.lower() not in SCRIPT_HOOKS))]
