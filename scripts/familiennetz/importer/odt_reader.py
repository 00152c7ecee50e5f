"""LibreOffice files (.odt) to paragraphs, as `docx_reader` does for Word: headings "##",
lists "- ", tables row by row."""

from __future__ import annotations

import io

from odfdo import Document, Element

from .blocks import Block

_TEXT_TAGS = {"text:p", "text:h"}


def _lines(element: Element) -> list[str]:
    # inner_text renders <text:line-break/> as "\n" and <text:s/> as spaces.
    return [line.strip() for line in element.inner_text.split("\n") if line.strip()]


def _list_lines(element: Element, level: int) -> list[str]:
    lines: list[str] = []
    # A relative path: only this list's own items; nested lists recurse below.
    for item in element.get_elements("text:list-item"):
        for child in item.children:
            if child.tag in _TEXT_TAGS and _lines(child):
                lines.append("  " * level + "- " + " ".join(_lines(child)))
            elif child.tag == "text:list":
                lines.extend(_list_lines(child, level + 1))
    return lines


def _table_blocks(table: Element) -> list[Block]:
    blocks: list[Block] = []
    for row in table.get_elements("table:table-row"):
        lines: Block = []
        for paragraph in row.get_elements("text:p"):
            lines.extend(_lines(paragraph))
        if lines:
            blocks.append(lines)
    return blocks


def _walk(element: Element, blocks: list[Block]) -> bool:
    """Appends the blocks of `element`'s children; True if a table was among them."""
    had_table = False
    for child in element.children:
        if child.tag == "text:h" and _lines(child):
            blocks.append(["## " + " ".join(_lines(child))])
        elif child.tag == "text:p" and _lines(child):
            blocks.append(_lines(child))
        elif child.tag == "text:list":
            lines = _list_lines(child, 0)
            if lines:
                blocks.append(lines)
        elif child.tag == "table:table":
            had_table = True
            blocks.extend(_table_blocks(child))
        elif child.tag == "text:section":
            had_table = _walk(child, blocks) or had_table
    return had_table


def document_blocks(data: bytes) -> tuple[list[Block], int, bool]:
    """Blocks of an .odt given as bytes, the number of pictures, and whether it had tables.

    Raises whatever odfdo raises for a broken file; the caller reports it.
    """
    document = Document(io.BytesIO(data))
    blocks: list[Block] = []
    had_table = _walk(document.body, blocks)
    images = len(document.body.get_elements("descendant::draw:image"))
    return blocks, images, had_table
