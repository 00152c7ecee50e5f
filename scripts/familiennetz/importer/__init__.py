"""Importer behind `familiennetz import FILE`: a press release from a word processor → draft.

A plain-text (.txt, .md), Word (.docx), LibreOffice (.odt) or text PDF (.pdf) release,
also one copied from a news website, becomes a Markdown file with front matter. Only what
the text says is taken over; every gap (summary, topics, image file) is left empty with a
`# TODO:` comment so that the validator reports it. What had to be inferred (the district
from its mentions, today's date, an alt text from a caption) is written with a
`# bitte prüfen` comment and its evidence in the report; the draft carries `draft: true`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from .blocks import Block, blocks_to_body, normalise_text, split_front_matter, text_to_blocks
from .body import read_body
from .credits import join_caption_pairs
from .districts import DistrictIndex
from .header import read_header
from .model import DistrictName, Draft, ImportResult, Item
from .reading import BINARY, MAX_TEXT_CHARS, TOO_LARGE, is_binary, megabytes, read_file
from .render import draft_path, render_markdown, render_report, suggest_filename
from .result import finish

__all__ = [
    "DistrictName",
    "ImportResult",
    "draft_path",
    "import_file",
    "import_text",
    "render_markdown",
    "render_report",
    "suggest_filename",
]


def _failed(problems: list[str], notes: list[str] | None = None) -> ImportResult:
    return ImportResult({}, "", list(notes or []), [], [], problems)


def _analyse(
    blocks: list[Block], districts: Sequence[DistrictName], draft: Draft
) -> ImportResult:
    index = DistrictIndex(districts)
    items: list[Item] = [(number, line) for number, block in enumerate(blocks) for line in block]
    items = join_caption_pairs(items)
    body_items = read_header(items, draft, index)
    body, demoted = blocks_to_body(read_body(body_items, draft, index))
    if demoted:
        draft.found.append("Überschrift „# …“ im Text zu „## …“ gemacht: H1 ist nur der Titel")
    return finish(draft, body, index)


def import_text(
    text: str, districts: Sequence[DistrictName], today: dt.date | None = None
) -> ImportResult:
    """Imports a release given as text (Markdown or plain text).

    `today` dates a release whose text has no date (marked to confirm); None leaves a gap.
    """
    return _import_text(text, districts, [], today)


def _import_text(
    text: str, districts: Sequence[DistrictName], notes: list[str], today: dt.date | None
) -> ImportResult:
    if len(text) > MAX_TEXT_CHARS:
        size = megabytes(len(text.encode("utf-8", "replace")))
        return _failed([f"Der Text {TOO_LARGE.format(size=size)}"], notes)
    if is_binary(text):
        return _failed([BINARY], notes)
    text, old_front_matter = split_front_matter(normalise_text(text))
    draft = Draft(found=list(notes), today=today)
    if old_front_matter:
        draft.found.append("Vorhandener Front-Matter-Block nicht übernommen (siehe dropped)")
        draft.dropped.extend(old_front_matter)
    blocks = text_to_blocks(text)
    if not blocks:
        return _failed(["Die Datei enthält keinen Text."], draft.found)
    return _analyse(blocks, districts, draft)


def import_file(
    path: Path, districts: Sequence[DistrictName], today: dt.date | None = None
) -> ImportResult:
    """Imports a .txt, .md, .docx, .odt or .pdf file; unreadable input yields `problems`."""
    loaded = read_file(path)
    if loaded.problems:
        return _failed(loaded.problems, loaded.notes)
    if loaded.blocks is not None:
        draft = Draft(found=list(loaded.notes), embedded_images=loaded.images, today=today)
        return _analyse(loaded.blocks, districts, draft)
    return _import_text(loaded.text or "", districts, loaded.notes, today)
