"""The field reference for press officers, generated from the models so it cannot drift.

A Markdown page marks where it goes with `<!-- familiennetz:felder -->`.
"""

from __future__ import annotations

from ..binding import describe_shape
from ..fields import FieldInfo, fields_of
from ..types import BY_REF, TYPES, Type

__all__ = ["field_reference_markdown", "reference_rows"]


def _kind(info: FieldInfo) -> str:
    shape = info.shape.item if info.shape.kind == "list" and info.shape.item else info.shape
    if info.doc.ref:
        what = f"Slug aus `content/{BY_REF[info.doc.ref].folder}/`"
        return f"Liste: {what}" if info.shape.kind == "list" else what
    if shape.kind == "enum":
        labels = info.doc.labels or {}
        values = ", ".join(f"`{v}`" + (f" ({labels[v]})" if v in labels else "") for v in shape.choices)
        return ("Liste aus: " if info.shape.kind == "list" else "einer von: ") + values
    if shape.kind == "model":
        return "Gruppe mit Unterfeldern (folgende Zeilen)" if info.shape.kind != "list" \
            else "Liste von Gruppen mit Unterfeldern (folgende Zeilen)"
    text = describe_shape(info.shape)
    if info.doc.pattern_hint:
        text = info.doc.pattern_hint
    if info.doc.min_len or info.doc.max_len:
        text += f", {info.doc.min_len or 0}–{info.doc.max_len or '…'} Zeichen"
    return text


def reference_rows(doctype: Type) -> list[tuple[str, str, str, str]]:
    """(field path, required, kind, meaning) for every field, nested ones as `image.alt`."""
    rows: list[tuple[str, str, str, str]] = []

    def walk(model: type, prefix: str, parent: str | None) -> None:
        for info in fields_of(model):
            path = prefix + info.name
            required = "nein"
            if info.required:
                required = f"ja, wenn `{parent}` angegeben" if parent else "ja"
            rows.append((path, required, _kind(info), info.doc.doc))
            shape = info.shape.item if info.shape.kind == "list" and info.shape.item else info.shape
            if shape.kind == "model" and shape.model is not None:
                inner = f"{path}[]." if info.shape.kind == "list" else f"{path}."
                walk(shape.model, inner, path)

    walk(doctype.model, "", None)
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_reference_markdown() -> str:
    parts = []
    for doctype in TYPES:
        where = f"`{doctype.where()}`"
        parts.append(f"## {doctype.label} {{#{doctype.key}}}\n\nDateien: {where}\n\n"
                     "| Feld | Pflicht | Art des Werts | Bedeutung |\n|---|---|---|---|")
        for path, required, kind, meaning in reference_rows(doctype):
            parts.append(f"| `{path}` | {required} | {_cell(kind)} | "
                         f"{_cell(meaning)} |")
        parts.append("")
    return "\n".join(parts)
