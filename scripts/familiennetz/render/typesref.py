"""The table of the kinds of items on the help start page, generated from the type
registry so that a new type appears there by itself. The page marks the place with
`<!-- familiennetz:arten -->`."""

from __future__ import annotations

from ..types import ITEM_TYPES
from .rulesref import table_cell

__all__ = ["types_table_markdown"]


def types_table_markdown() -> str:
    rows = ["| Art | Ordner | Dateiname | Wofür |", "|---|---|---|---|"]
    for kind in ITEM_TYPES:
        folder = f"`content/{kind.folder}/JJJJ/`" if kind.dated else f"`content/{kind.folder}/`"
        name = "`JJJJ-MM-TT-name.md`" if kind.dated else "`name.md`"
        rows.append(f"| {kind.label} | {folder} | {name} | {table_cell(kind.purpose)} |")
    return "\n".join(rows) + "\n"
