"""Which slugs a document refers to (districts, topics, networks), read off the fields
declared with `ref=` in its model; nested groups are followed."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from .fields import FieldInfo, fields_of

if TYPE_CHECKING:
    from .documents import Unbound

__all__ = ["raw_references", "references_of"]


@cache
def _ref_fields(model: type) -> tuple[tuple[FieldInfo, str | None, type | None], ...]:
    """The fields of a model that can hold a slug: (field, ref type, nested model).

    Worked out once per model: most fields (titles, dates, contact) never do, and the
    collection asks this of every entry."""
    plan: list[tuple[FieldInfo, str | None, type | None]] = []
    for info in fields_of(model):
        shape = info.shape.item if info.shape.kind == "list" else info.shape
        if info.doc.ref:
            plan.append((info, info.doc.ref, None))
        elif shape is not None and shape.kind == "model" and shape.model is not None \
                and _ref_fields(shape.model):
            plan.append((info, None, shape.model))
    return tuple(plan)


def references_of(data: Any, prefix: str = "") -> Iterator[tuple[str, str, str]]:
    """(field path, ref type, slug) for every slug the model instance refers to."""
    model: type = type(data)
    for info, ref, _ in _ref_fields(model):
        value = getattr(data, info.name)
        if value is None:
            continue
        path = prefix + info.name
        if ref is not None:
            if isinstance(value, tuple):
                for index, slug in enumerate(value):
                    yield f"{path}.{index}", ref, slug
            else:
                yield path, ref, value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                yield from references_of(item, f"{path}.{index}.")
        else:
            yield from references_of(value, f"{path}.")


def raw_references(doc: Unbound) -> Iterator[tuple[str, str, str]]:
    """The top-level slugs of a header that did not bind, where they are plain text."""
    for info in fields_of(doc.type.model):
        value = doc.meta.get(info.name)
        if not info.doc.ref or value is None:
            continue
        if isinstance(value, str):
            yield info.name, info.doc.ref, value
        elif isinstance(value, list):
            for index, slug in enumerate(value):
                if isinstance(slug, str):
                    yield f"{info.name}.{index}", info.doc.ref, slug
