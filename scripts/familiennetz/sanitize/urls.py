"""URLs as a browser reads them, for the allow-list: entities are already decoded by the
HTML parser; here control characters, tabs and line breaks are dropped the way the URL
standard does, and `\\` counts as `/` (so `/\\example.com` is another host, as in Chrome).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LINK_SCHEMES", "Url", "link_url", "read_url"]

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data", "livescript", "mocha"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_DROPPED = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_INLINE_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp|avif)[;,]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Url:
    text: str  # as the browser reads it
    scheme: str | None  # lower case; None for a relative URL
    other_host: bool  # `//host/…` (or `/\host/…`): relative, but on another server

    @property
    def runs_script(self) -> bool:
        return self.scheme in SCRIPT_SCHEMES

    @property
    def inline_image(self) -> bool:
        return _INLINE_IMAGE.match(self.text) is not None

    @property
    def loads_from_elsewhere(self) -> bool:
        """Whether a browser fetching it (an image) would ask another server."""
        return self.other_host or (self.scheme is not None and not self.inline_image)


def read_url(value: str) -> Url:
    text = _DROPPED.sub("", value.strip(_C0_AND_SPACE))
    if (m := _SCHEME.match(text)) is not None:
        return Url(text, m.group(1).lower(), False)
    slashed = text.replace("\\", "/")
    return Url(text, None, slashed.startswith("//"))


def link_url(value: str) -> str:
    """A URL from the content for an `href`: itself when a browser would only follow it
    (http, https, mailto, tel, or relative), else "#". The validator refuses the others;
    this keeps the templates safe even so."""
    url = read_url(value)
    return value if url.scheme is None or url.scheme in LINK_SCHEMES else "#"
