"""JSON Schema per document type, derived from the models, for editors (VS Code, …)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .fields import FieldInfo, Shape, fields_of
from .types import TYPES, Type

__all__ = ["schema_for", "write_schemas"]

_DATE = {"type": "string", "format": "date"}
_DATETIME = {"type": "string", "format": "date-time"}


def _shape_schema(shape: Shape, info: FieldInfo) -> dict[str, Any]:
    doc = info.doc
    if shape.kind == "str":
        out: dict[str, Any] = {"type": "string"}
        if doc.min_len:
            out["minLength"] = doc.min_len
        if doc.max_len:
            out["maxLength"] = doc.max_len
        if doc.pattern:
            out["pattern"] = doc.pattern
        return out
    if shape.kind == "int":
        return {"type": "integer", "minimum": 1}
    if shape.kind == "bool":
        return {"type": "boolean"}
    if shape.kind == "date":
        return dict(_DATE)
    if shape.kind == "datetime":
        return dict(_DATETIME)
    if shape.kind == "instant":
        return {"anyOf": [dict(_DATE), dict(_DATETIME)]}
    if shape.kind == "enum":
        return {"enum": list(shape.choices)}
    if shape.kind == "model":
        assert shape.model is not None
        return _object_schema(shape.model)
    assert shape.item is not None
    out = {"type": "array", "items": _shape_schema(shape.item, info)}
    if doc.min_items:
        out["minItems"] = doc.min_items
    return out


def _object_schema(model: type) -> dict[str, Any]:
    props = {}
    for info in fields_of(model):
        prop = {"title": info.doc.label, "description": info.doc.doc, **_shape_schema(info.shape, info)}
        if info.doc.ref:  # a slug, alone or in a list
            target = prop["items"] if info.shape.kind == "list" else prop
            target["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$"
        if info.doc.example is not None:
            prop["examples"] = [info.doc.example]
        props[info.name] = prop
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    required = [i.name for i in fields_of(model) if i.required]
    if required:
        out["required"] = required
    one_of = getattr(model, "REQUIRE_ONE_OF", ())
    if one_of:
        out["anyOf"] = [{"required": [name]} for name in one_of]
    return out


def schema_for(doctype: Type) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"familiennetz/{doctype.key}.schema.json",
        "title": f"Familiennetz: {doctype.label}",
        "description": f"Kopfbereich (Front Matter) einer Datei in `content/{doctype.folder}/`.",
        **_object_schema(doctype.model),
    }


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doctype in TYPES:
        path = out_dir / f"{doctype.key}.schema.json"
        path.write_text(json.dumps(schema_for(doctype), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
