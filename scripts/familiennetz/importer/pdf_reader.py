"""Text PDFs (.pdf) to paragraphs: lines by their position, paragraphs by the gaps between them.

A PDF has no paragraphs, only positioned text. Lines of a page are grouped by their
baseline; a gap clearly larger than the usual line spacing starts a new paragraph, and the
lines of a paragraph are joined again (a word split by a hyphenation hyphen is rejoined).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import warnings
from collections.abc import Iterator
from typing import Any

import pypdf

MAX_PAGES = 40  # a release has a few pages; a brochure is not a release
PARAGRAPH_GAP = 1.4  # times the usual line spacing


def _page_lines(page: pypdf.PageObject) -> list[tuple[float, str]]:
    """(baseline, text) of each line of a page, top to bottom."""
    lines: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if not text.strip():
            return
        y = float(tm[5]) * float(cm[3]) + float(cm[5])
        if lines and abs(lines[-1][0] - y) < 1.0:
            lines[-1] = (y, lines[-1][1] + text.rstrip("\n"))
        else:
            lines.append((y, text.strip("\n")))

    page.extract_text(visitor_text=visit)
    return [(y, text.strip()) for y, text in lines if text.strip()]


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and line[:1].islower() and text[-2:-1].isalpha():
            text = text[:-1] + line  # "Familien-" + "bildung": a hyphenation hyphen
        elif text.endswith("-") and text[-2:-1].isalpha():
            text += line  # "Kita-" + "Sozialarbeit": the hyphen belongs to the word
        else:
            text += " " + line
    return text


def _paragraphs(lines: list[tuple[float, str]]) -> list[str]:
    pairs = itertools.pairwise(lines)
    gaps = [above[0] - below[0] for above, below in pairs if above[0] > below[0]]
    # The usual spacing is the smallest real one: short releases may have more paragraph
    # gaps than line gaps. Sub- and superscripts (under 2 pt) do not count.
    real = [gap for gap in gaps if gap >= 2.0]
    usual = min(real) if real else 0.0
    paragraphs: list[list[str]] = []
    previous: float | None = None
    for y, text in lines:
        gap = None if previous is None else previous - y
        if not paragraphs or gap is None or gap <= 0 or gap > usual * PARAGRAPH_GAP:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = y
    return [_join(paragraph) for paragraph in paragraphs]


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs repairs of damaged files in English; the importer reports in German."""
    logger = logging.getLogger("pypdf")  # its modules' loggers inherit this level
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def pdf_text(data: bytes) -> tuple[str, int]:
    with _quiet():
        return _pdf_text(data)


def _pdf_text(data: bytes) -> tuple[str, int]:
    """The text of a PDF, paragraphs separated by blank lines, and its number of pages.

    Raises whatever pypdf raises for a broken or encrypted file; the caller reports it.
    """
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")  # many forms are "encrypted" with an empty password
    paragraphs: list[str] = []
    for page in list(reader.pages)[:MAX_PAGES]:
        paragraphs.extend(_paragraphs(_page_lines(page)))
    return "\n\n".join(paragraphs), len(reader.pages)
