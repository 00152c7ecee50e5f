"""One pass over a Markdown body: headings, links, images and raw HTML, with positions.

Fenced and indented code is skipped, and inline code spans are blanked, because code is
shown, not run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["BodyScan", "Link", "scan_body"]

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_UNSAFE = re.compile(
    r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta)\b"
    r"|\bon[a-z]+\s*=\s*[\"']?"
    r"|javascript\s*:|vbscript\s*:|data\s*:\s*text/html|\bsrcdoc\s*=",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Link:
    line: int  # 0-based within the body
    col: int  # 1-based
    target: str
    image: bool
    text: str


@dataclass(slots=True)
class BodyScan:
    h1: list[tuple[int, int]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    unsafe: list[tuple[int, int, str]] = field(default_factory=list)


def scan_body(body: str) -> BodyScan:
    scan = BodyScan()
    fence: str | None = None
    previous = ""
    for index, raw in enumerate(body.split("\n")):
        opener = _FENCE.match(raw)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        if raw.startswith(("    ", "\t")) and not previous.strip():
            continue  # indented code block
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw)
        if _ATX_H1.match(line) or (_SETEXT_H1.match(line) and previous.strip()):
            scan.h1.append((index - (0 if _ATX_H1.match(line) else 1), 1))
        for m in _LINK.finditer(line):
            scan.links.append(Link(index, m.start() + 1, m.group(3), bool(m.group(1)), m.group(2)))
        if (ref := _REF_DEF.match(line)):
            scan.links.append(Link(index, ref.start(1) + 1, ref.group(1), False, ""))
        for m in _UNSAFE.finditer(line):
            scan.unsafe.append((index, m.start() + 1, m.group(0).strip()))
        for m in _HTML_IMG.finditer(line):
            if not re.search(r"\balt\s*=\s*[\"'][^\"']{2,}", m.group(0), re.IGNORECASE):
                scan.links.append(Link(index, m.start() + 1, "", True, ""))
        previous = line
    return scan
