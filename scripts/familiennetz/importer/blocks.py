"""Plain text to paragraphs (blocks of lines) and paragraphs back to a Markdown body."""

from __future__ import annotations

import re

from ..text import INVISIBLE
from .dates import MONTHS

Block = list[str]

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_ORDINAL = re.compile(r"^(\d{1,9})\.(\s+)(\S+)")
_WORD_BULLET = re.compile(r"^[•·▪◦\uf0b7\uf0a7]\s*")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SENTENCE_END = re.compile(r"[.!?:][\"“”»«')]*$")


def normalise_text(text: str) -> str:
    """One kind of line break, no BOM, no form feeds (Word page breaks), no invisible
    characters (web pages carry zero-width spaces; the validator refuses them in fields)."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n"))
    return re.sub(r"[\r\f\v\x85\u2028\u2029]", "\n", text)


def split_front_matter(text: str) -> tuple[str, list[str]]:
    """Removes a front matter block a .md file may already carry; returns its lines."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, []
    return text[match.end() :], [line for line in match.group(0).split("\n") if line.strip()]


def _clean_line(line: str) -> str:
    line = line.rstrip()
    # Word exports bullets as "•\t"; Markdown wants "- ".
    if _WORD_BULLET.match(line.lstrip()):
        return "- " + _WORD_BULLET.sub("", line.lstrip())
    # Leading blanks would turn a paragraph into a code block; list indentation stays.
    return line if _LIST_ITEM.match(line) else line.lstrip()


def _split_block(block: Block) -> list[Block]:
    """Word's "save as text" writes one paragraph per line; hard-wrapped text does not.

    A block with long lines, or whose lines all end a sentence, is split into one
    paragraph per line; list items stay together as one list.
    """
    prose = [line for line in block if not _LIST_ITEM.match(line)]
    if len(prose) < 2:
        return [block]  # "Gefördert wurden:" with its list stays one paragraph
    if not any(len(line) > 100 for line in prose) and not all(
        _SENTENCE_END.search(line) for line in prose
    ):
        return [block]
    result: list[Block] = []
    items: Block | None = None
    for line in block:
        if _LIST_ITEM.match(line):
            if items is None:
                items = []
                result.append(items)
            items.append(line)
        else:
            items = None
            result.append([line])
    return result


def text_to_blocks(text: str) -> list[Block]:
    """Paragraphs separated by blank lines; see `_split_block` for the rest."""
    blocks: list[Block] = []
    current: Block = []
    for raw in text.split("\n"):
        line = _clean_line(raw)
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    result: list[Block] = []
    for block in blocks:
        result.extend(_split_block(block))
    return result


def _escape_ordinal(line: str, in_list: bool) -> str:
    """Escapes "12. Netzwerkkonferenz …" at a line start, which would render as a list."""
    match = _ORDINAL.match(line)
    if match is None:
        return line
    is_date = match.group(3).lower().rstrip(".") in MONTHS
    if in_list:
        return line
    if not is_date and match.group(1) == "1":
        return line  # a list the author started with "1."
    return f"{match.group(1)}\\.{line[len(match.group(1)) + 1 :]}"


def blocks_to_body(blocks: list[Block]) -> tuple[str, bool]:
    """The Markdown body, and whether an H1 had to be turned into "##"."""
    paragraphs: list[str] = []
    demoted = False
    for block in blocks:
        in_list = sum(1 for line in block if _ORDINAL.match(line)) >= 2
        lines: list[str] = []
        for line in block:
            if re.match(r"^#\s", line):
                line, demoted = "#" + line, True  # the title is the page's only H1
            lines.append(_escape_ordinal(line, in_list))
        paragraphs.append("\n".join(lines))
    body = "\n\n".join(paragraphs)
    return (body + "\n" if body else ""), demoted
