"""One pass over a Markdown body: headings, links, images and raw HTML, with positions.

Fenced code and inline code spans are blanked first, because code is shown, not run.
The searches run over the whole body at once (10,000 files must validate in about
two seconds); positions are turned into lines only for what is found.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["BodyScan", "Link", "scan_body"]

_FENCED = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)",
                     re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)[^\n]+?\1")
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)", re.MULTILINE)
_SETEXT_H1 = re.compile(r"^ {0,3}\S[^\n]*\n {0,3}=+[ \t]*$", re.MULTILINE)
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*(?:<([^>\n]*)>|([^)\s]*))(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]|$)", re.MULTILINE)
_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\]\[([^\]\n]*)\]")
_HTML_H1 = re.compile(r"<h1\b", re.IGNORECASE)
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMG_ALT = re.compile(r"\balt\s*=\s*[\"'][^\"']{2,}", re.IGNORECASE)
# Anything a browser would load from another host: German public bodies are liable for
# every such request, so the page must not make it.
_EXTERNAL = re.compile(
    r"<\s*(?:img|video|audio|source|track|link|input|embed|picture)\b[^>]*?"
    r"\b(?:src|srcset|href|poster|data)\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|<\s*style\b|\bstyle\s*=\s*[\"'][^\"']*url\(",
    re.IGNORECASE,
)
_UNSAFE = re.compile(
    r"<\s*(?:script|iframe|object|embed|frame|frameset|applet|base|meta)\b"
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
    external: list[tuple[int, int, str]] = field(default_factory=list)  # third-party loads


def _blank(match: re.Match[str]) -> str:
    """Same length and line breaks, no content: positions stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def scan_body(body: str) -> BodyScan:
    scan = BodyScan()
    text = body
    if "```" in text or "~~~" in text:
        text = _FENCED.sub(_blank, text)
    if "`" in text:
        text = _CODE_SPAN.sub(_blank, text)
    starts: list[int] | None = None

    def where(offset: int) -> tuple[int, int]:
        nonlocal starts
        if starts is None:
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
        line = bisect_right(starts, offset) - 1
        return line, offset - starts[line] + 1

    if "#" in text:
        scan.h1.extend((where(m.start())[0], 1) for m in _ATX_H1.finditer(text))
    if "<h" in text or "<H" in text:
        scan.h1.extend(where(m.start()) for m in _HTML_H1.finditer(text))
    if "=" in text:
        scan.h1.extend((where(m.start())[0], 1) for m in _SETEXT_H1.finditer(text))
    if "](" in text:
        for m in _LINK.finditer(text):
            line, col = where(m.start())
            target = m.group(3) if m.group(3) is not None else m.group(4)
            scan.links.append(Link(line, col, target, bool(m.group(1)), m.group(2)))
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
    lowered = text.lower()
    if "<" in text or "script:" in lowered or "data:" in lowered:
        for m in _UNSAFE.finditer(text):
            line, col = where(m.start())
            scan.unsafe.append((line, col, m.group(0).strip()))
        for m in _EXTERNAL.finditer(text):
            line, col = where(m.start())
            scan.external.append((line, col, m.group(0).strip()[:40]))
        for m in _HTML_IMG.finditer(text):
            if not _IMG_ALT.search(m.group(0)):
                line, col = where(m.start())
                scan.links.append(Link(line, col, "", True, ""))
    if "&" in text:  # `java&#x73;cript:` is still a script to a browser
        flagged = {line for line, _, _ in scan.unsafe}
        for index, raw in enumerate(text.split("\n")):
            hit = _UNSAFE.search(html.unescape(raw)) if "&" in raw and index not in flagged else None
            if hit:
                scan.unsafe.append((index, 1, hit.group(0).strip()))
    scan.h1.sort()
    return scan
