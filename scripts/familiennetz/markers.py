"""Where the build writes generated text into a page: `<!-- familiennetz:NAME -->`.

The guide's references (`felder`, `regeln`, `arten`) are generated from the registries,
the legal pages (`impressum`, `datenschutz`, `barrierefreiheit`) from the operator's
facts. Each marker works only in the page meant for it: anywhere else an item from a
stranger's pull request could show the operator's legal texts or the whole guide in its
page and its feeds (and a reference's relative links would break the build). So the
validator refuses a marker elsewhere (`generated-marker`), and the build leaves it there as
the invisible comment it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

__all__ = ["MARKER", "PLACES", "expand", "may_hold", "misplaced", "tag"]

MARKER = re.compile(r"<!--\s*familiennetz:\s*([A-Za-z0-9_-]*)\s*-->")
# name → the page that may hold it: a file, or a folder (`hilfe/`: its pages, not deeper —
# the references link to their neighbours there).
PLACES = {"felder": "hilfe/", "regeln": "hilfe/", "arten": "hilfe/",
          "impressum": "impressum.md", "datenschutz": "datenschutz.md",
          "barrierefreiheit": "barrierefreiheit.md"}


def tag(name: str) -> str:
    """The marker as a page writes it, and as the build replaces it."""
    return f"<!-- familiennetz:{name} -->"


def may_hold(src: str, name: str) -> bool:
    """Whether the page at `src` (below the content folder) gets the text for `name`."""
    place = PLACES.get(name)
    if place is None:
        return False
    if place.endswith("/"):
        return src.startswith(place) and "/" not in src[len(place):]
    return src == place


def misplaced(src: str, body: str) -> Iterator[re.Match[str]]:
    """The markers in a body that the build would not replace there."""
    if "familiennetz:" in body:
        yield from (m for m in MARKER.finditer(body) if not may_hold(src, m.group(1)))


def expand(src: str, markdown: str, makers: Mapping[str, Callable[[], str]]) -> str:
    """`markdown` with each marker `makers` names replaced by its text, where the page at
    `src` may hold it; elsewhere it stays the comment it is."""
    for name, make in makers.items():
        if (marker := tag(name)) in markdown and may_hold(src, name):
            markdown = markdown.replace(marker, make())
    return markdown
