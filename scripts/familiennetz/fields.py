"""How a model field is declared once, and how the stages read that declaration.

A model is a frozen dataclass; each front-matter field carries a `FieldDoc` in its
metadata (German label and help, constraints, which collection a slug refers to).
The binder, the JSON Schema export and the field reference all read `fields_of()`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

from .dates import Instant

__all__ = ["FieldDoc", "FieldInfo", "Shape", "fields_of", "spec"]


@dataclass(frozen=True, slots=True)
class FieldDoc:
    label: str  # German name shown in messages: "Kurzfassung"
    doc: str  # German help for the field reference and editors
    min_len: int | None = None
    max_len: int | None = None
    min_items: int | None = None
    ref: str | None = None  # the reference type a slug points to: "district", "topic", "network"
    pattern: str | None = None
    pattern_hint: str | None = None  # German: what the pattern means, with an example
    example: object = None
    plain: bool = False  # plain text: no HTML or Markdown markup
    labels: Mapping[str, str] | None = None  # German names of an enum's values
    time: bool = False  # a date the web form asks with its time of day (when something begins)
    form: str | None = None  # German help in the web form, where `doc` speaks of YAML keys
    media: bool = False  # a picture's path: the web form offers an upload to content/assets/
    singular: str | None = None  # a list's item, for the web form's "Termin hinzufügen"
    today: bool = False  # the web form fills in today's date (a review date)
    offer: Callable[[], Mapping[str, str]] | None = None  # the web form's choices: value → name


def spec(label: str, doc: str, *, default: Any = dataclasses.MISSING, **constraints: Any) -> Any:
    """Declare a front-matter field: `title: str = spec("Überschrift", "…", min_len=5)`."""
    meta = {"fn": FieldDoc(label, doc, **constraints)}
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True, slots=True)
class Shape:
    """What a value must look like, read off the type annotation."""

    kind: Literal["str", "int", "bool", "date", "datetime", "instant", "enum", "model", "list"]
    choices: tuple[str, ...] = ()  # enum
    model: type | None = None  # nested model
    item: Shape | None = None  # list item


@dataclass(frozen=True, slots=True)
class FieldInfo:
    name: str
    shape: Shape
    required: bool
    optional: bool  # None allowed
    default: Any
    doc: FieldDoc


_SCALARS: dict[object, Shape] = {
    str: Shape("str"),
    int: Shape("int"),
    bool: Shape("bool"),
    date: Shape("date"),
    datetime: Shape("datetime"),
    Instant: Shape("instant"),
}


def _shape(annotation: Any) -> tuple[Shape, bool]:
    """Shape of an annotation, and whether None is allowed."""
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        shape, _ = _shape(args[0])
        return shape, True
    if origin is Literal:
        return Shape("enum", choices=tuple(str(a) for a in typing.get_args(annotation))), False
    if origin is tuple:
        item, _ = _shape(typing.get_args(annotation)[0])
        return Shape("list", item=item), False
    if annotation in _SCALARS:
        return _SCALARS[annotation], False
    if dataclasses.is_dataclass(annotation):
        return Shape("model", model=annotation), False  # type: ignore[arg-type]
    raise TypeError(f"unsupported field type {annotation!r}")


@cache
def fields_of(model: type) -> tuple[FieldInfo, ...]:
    hints = typing.get_type_hints(model)
    infos = []
    for f in dataclasses.fields(model):
        doc = f.metadata.get("fn")
        if doc is None:
            continue
        shape, optional = _shape(hints[f.name])
        has_default = f.default is not dataclasses.MISSING
        infos.append(FieldInfo(f.name, shape, not has_default, optional, f.default, doc))
    return tuple(infos)
