"""A model's fields as the web editor's (Decap CMS) form fields: read off the same
declarations the validator binds against (`fields.fields_of`), so the form asks for what
the validator accepts and cannot drift from it."""

from __future__ import annotations

import re
from typing import Any

from ..fields import FieldInfo, Shape, fields_of
from ..types import BY_REF

__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "SLUG", "form_fields"]

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_FORMAT = "YYYY-MM-DD"  # what the validator reads as a day
# The browser's offset: Europe/Berlin for a press office in Germany, "+01:00" in winter.
DATETIME_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"
# What no text may hold (text.text_problem): a line break, a tag-like `<x`, an entity.
_SAFE = (r"(?![\s\S]*(?:[\n\u2028\u2029]|<[A-Za-z/!?]"
         r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});))")
_SLUG_NOTE = re.compile(r"\s*\(Slugs?\)")
_CODE = re.compile(r"`([^`]*)`")


def hint(info: FieldInfo) -> str:
    """The German help under a field: the form's own words, else the reference's help
    without YAML notation."""
    text = info.doc.form or _CODE.sub(r"„\1“", _SLUG_NOTE.sub("", info.doc.doc))
    return text.strip()


def _string(info: FieldInfo) -> dict[str, Any]:
    doc = info.doc
    out: dict[str, Any] = {"widget": "text" if (doc.max_len or 0) > 160 else "string"}
    low, high = doc.min_len, doc.max_len
    if doc.pattern:
        out["pattern"] = _pattern(info)
    else:
        # what the validator refuses in any text (text.text_problem): a line break, a
        # tag-like `<x`, an HTML entity; a lone `<` or `&` is fine
        words = (f"mindestens {low} und höchstens {high} Zeichen" if low and high
                 else f"mindestens {low} Zeichen" if low else f"höchstens {high} Zeichen"
                 if high else "den Text")
        out["pattern"] = [rf"^{_SAFE}[\s\S]{{{low or 0},{high or ''}}}$",
                          f"Bitte {words} eingeben – in einer Zeile, ohne HTML."]
    return out


def _pattern(info: FieldInfo) -> list[str]:
    """The validator's pattern and its hint as Decap checks a value."""
    # the form writes text as text: quotes are YAML's business, not the press officer's
    wanted = _CODE.sub(r"\1", info.doc.pattern_hint or "einen passenden Wert").replace(
        " in Anführungszeichen", "").replace('"', "")
    return [str(info.doc.pattern), f"Bitte {wanted} eingeben."]


def _date(info: FieldInfo) -> dict[str, Any]:
    if info.doc.time or info.shape.kind == "datetime":
        return {"widget": "datetime", "format": DATETIME_FORMAT, "date_format": "DD.MM.YYYY",
                "time_format": "HH:mm"}
    return {"widget": "datetime", "format": DATE_FORMAT, "date_format": "DD.MM.YYYY",
            "time_format": False}


def _options(info: FieldInfo, shape: Shape) -> list[dict[str, str]]:
    labels = info.doc.labels or {}
    return [{"label": labels.get(value, value), "value": value} for value in shape.choices]


def _relation(info: FieldInfo, multiple: bool) -> dict[str, Any]:
    target = BY_REF[str(info.doc.ref)]
    out: dict[str, Any] = {"widget": "relation", "collection": target.folder,
                           "value_field": "{{slug}}", "search_fields": ["title"],
                           "display_fields": ["title"], "multiple": multiple,
                           "options_length": 200}
    if multiple and info.doc.min_items:
        out["min"] = info.doc.min_items
    return out


def _widget(info: FieldInfo, shape: Shape) -> dict[str, Any]:
    kind = shape.kind
    if info.doc.ref:
        return _relation(info, multiple=kind == "list")
    if kind == "str" and info.doc.media:
        return {"widget": "image", "choose_url": False, "media_folder": "/content/assets",
                "public_folder": "assets"} | ({"pattern": _pattern(info)} if info.doc.pattern else {})
    if kind == "str":
        return _string(info)
    if kind == "int":
        return {"widget": "number", "value_type": "int", "min": 1}
    if kind == "bool":
        return {"widget": "boolean"}
    if kind in ("date", "datetime", "instant"):
        return _date(info) | ({"default": "{{now}}"} if info.doc.today else {})
    if kind == "enum":
        return {"widget": "select", "options": _options(info, shape)}
    if kind == "model":
        assert shape.model is not None
        # optional: a group whose fields count only once one is filled (familiennetz.js)
        widget = "object" if info.required else "fn-optional-group"
        return {"widget": widget, "collapsed": False, "fields": form_fields(shape.model)}
    assert shape.item is not None
    item = shape.item
    out: dict[str, Any]
    if item.kind == "enum":
        out = {"widget": "select", "multiple": True, "options": _options(info, item)}
    elif info.doc.offer is not None:  # a list of codes the form offers by their names
        out = {"widget": "select", "multiple": True,
               "options": [{"label": name, "value": code} for code, name in info.doc.offer().items()]}
    elif item.kind == "model":
        assert item.model is not None
        out = {"widget": "list", "fields": form_fields(item.model)}
        if info.doc.singular:
            out["label_singular"] = info.doc.singular
    else:
        out = {"widget": "list", "field": {"label": info.doc.singular or info.doc.label,
                                           "name": "eintrag", **_widget(info, item)}}
        if info.doc.singular:
            out["label_singular"] = info.doc.singular
    if info.doc.min_items:
        out["min"] = info.doc.min_items
    return out


def form_field(info: FieldInfo) -> dict[str, Any]:
    out: dict[str, Any] = {"label": info.doc.label, "name": info.name, "hint": hint(info),
                           **_widget(info, info.shape)}
    if not info.required:
        out["required"] = False
        if info.shape.kind == "list" and info.default:
            out["default"] = list(info.default)  # ["de"]
        elif info.default not in (None, (), False):
            out["default"] = info.default
    return out


def form_fields(model: type) -> list[dict[str, Any]]:
    """Every declared field of a model, in declaration order."""
    return [form_field(info) for info in fields_of(model)]
