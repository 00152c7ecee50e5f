"""Word (.docx) to paragraphs: each Word paragraph one block, headings "##", lists "- "."""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from .blocks import Block

_HEADING = re.compile(r"^(?:heading|überschrift)\s*(\d)$", re.IGNORECASE)


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return ""
    name = style.name if style is not None else None
    return (name or "").strip().lower()


def _num_format(document: Document, num_id: str, level: int) -> str:
    """The number format ("decimal", "bullet", …) of a list level, from numbering.xml."""
    if not num_id.isdigit():
        return "bullet"
    try:
        numbering = document.part.numbering_part.element
        abstract_ids = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract_ids:
            return "bullet"
        formats = numbering.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract_ids[0]}"]'
            f'/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
        )
        return str(formats[0]) if formats else "bullet"
    except (KeyError, NotImplementedError, AttributeError):
        return "bullet"  # no numbering part: Word treats the list as bullets


def _list_marker(document: Document, paragraph: Paragraph, style: str) -> str | None:
    """The Markdown list marker (indented when nested), or None for a normal paragraph."""
    num_ids = paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if num_ids and str(num_ids[0]) != "0":
        levels = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        level = int(levels[0]) if levels and str(levels[0]).isdigit() else 0
        numbered = _num_format(document, str(num_ids[0]), level) not in {"bullet", "none"}
        return "  " * level + ("1. " if numbered else "- ")
    if style.startswith(("list bullet", "aufzählungszeichen")):
        return "- "
    if style.startswith(("list number", "listennummer")):
        return "1. "
    return None


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    return [line.strip() for line in paragraph.text.split("\n") if line.strip()]


def document_blocks(data: bytes) -> tuple[list[Block], int, bool]:
    """Blocks of a .docx given as bytes, the number of pictures, and whether it had tables.

    Raises whatever python-docx raises for a broken file; the caller reports it.
    """
    document = docx.Document(io.BytesIO(data))
    blocks: list[Block] = []
    list_block: Block | None = None
    list_kind = ""
    counter = 0
    had_table = False
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            had_table = True
            list_block = None
            blocks.extend(_table_blocks(item))
            continue
        lines = _paragraph_lines(item)
        if not lines:
            continue
        style = _style_name(item)
        heading = _HEADING.match(style)
        marker = _list_marker(document, item, style)
        if marker is not None:
            kind = "numbered" if marker.endswith("1. ") else "bullet"
            # A bullet list directly followed by a numbered one is two lists.
            if list_block is None or (kind != list_kind and not marker.startswith(" ")):
                list_block, list_kind, counter = [], kind, 0
                blocks.append(list_block)
            counter += 1
            number_marker = marker.replace("1. ", f"{counter}. ")
            list_block.append(number_marker + " ".join(lines))
            continue
        list_block = None
        if style in {"title", "titel"} or heading:
            level = max(2, int(heading.group(1))) if heading else 2
            blocks.append(["#" * min(level, 6) + " " + " ".join(lines)])
        else:
            blocks.append(lines)
    return blocks, len(document.inline_shapes), had_table


def _table_blocks(table: Table) -> list[Block]:
    """Each table row as one block of its cells' lines (letterheads often are tables)."""
    blocks: list[Block] = []
    for row in table.rows:
        seen: set[int] = set()
        lines: Block = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # merged cells repeat
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                lines.extend(_paragraph_lines(paragraph))
        if lines:
            blocks.append(lines)
    return blocks
