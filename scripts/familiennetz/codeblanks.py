"""What Python-Markdown treats as code, blanked out of a body: fenced code and inline code
spans become spaces (same length, same line breaks), so that the scan finds no headings,
links or HTML in them — and finds those Python-Markdown renders, also where a backtick or
fence only looks like code."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown.extensions.fenced_code import FencedBlockPreprocessor

__all__ = ["blank_code"]

# Code as the build reads it: fenced code by Python-Markdown's own expression (a fence
# at the start of a line, closed by the same fence, or it is none); code spans paired as
# its backtick processor pairs them (`_blank_spans`).
_FENCED = FencedBlockPreprocessor.FENCED_BLOCK_RE
_TICKS = re.compile(r"`+")


def _blank(match: re.Match[str]) -> str:
    """Same length and line breaks, no content: positions stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_code(body: str) -> str:
    text = body
    if "```" in text or "~~~" in text:
        text = _FENCED.sub(_blank, text)
    if "`" in text:
        text = _blank_spans(text)
    return text


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the blocks inline code cannot leave: paragraphs, and a line of its
    own for a heading or HTML at the start of a line (they end a paragraph)."""
    begin = pos = 0
    for line in text.splitlines(keepends=True):
        alone = line.startswith(("#", "<"))
        if alone or not line.strip():
            if pos > begin:
                yield begin, pos
            if alone:
                yield pos, pos + len(line)
            begin = pos + len(line)
        pos += len(line)
    if pos > begin:
        yield begin, pos


def _blank_spans(text: str) -> str:
    """Inline code blanked: a run of n backticks not escaped opens, the next run of exactly
    n in the same block closes; without one the run is plain text."""
    spans: list[tuple[int, int]] = []
    for begin, end in _blocks(text):
        runs = list(_TICKS.finditer(text, begin, end))
        i = 0
        while i < len(runs):
            opening = runs[i].start() + (text[runs[i].start() - 1:runs[i].start()] == "\\")
            n = runs[i].end() - opening
            close = next((j for j in range(i + 1, len(runs)) if len(runs[j].group()) == n),
                         None) if n else None
            if close is None:
                i += 1
                continue
            spans.append((opening, runs[close].end()))
            i = close + 1
    if not spans:
        return text
    parts, last = [], 0
    for begin, end in spans:
        parts += [text[last:begin], re.sub(r"[^\n]", " ", text[begin:end])]
        last = end
    return "".join(parts) + text[last:]
