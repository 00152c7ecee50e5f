"""German display names of the model's fixed values, read from the fields' declarations
(`spec(..., labels=…)` in the type modules)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from ..fields import fields_of
from ..types import TYPES
from ..types.parts import language_name

__all__ = ["label", "labels", "language_name"]


@cache
def labels() -> Mapping[str, Mapping[str, str]]:
    """field name → value → German name, for every enum field of every type."""
    found: dict[str, Mapping[str, str]] = {}
    todo = [t.model for t in TYPES]
    while todo:
        for info in fields_of(todo.pop()):
            if info.doc.labels:
                found[info.name] = info.doc.labels
            for shape in (info.shape, info.shape.item):
                if shape is not None and shape.model is not None:
                    todo.append(shape.model)
    return found


def label(field: str, value: str) -> str:
    return labels().get(field, {}).get(value, value)
