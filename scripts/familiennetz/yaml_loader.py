"""PyYAML's C loader, as the header parser uses it: tag resolution short-cut and
remembered, impossible dates kept as values, and where each key and value stands."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor

__all__ = [
    "BOOL", "INT", "MAP", "NULL", "OFFSET", "SEQ", "STR", "InvalidTimestamp", "Loader", "Marks",
    "Position", "mark",
]

Position = tuple[int, int]  # 1-based line, column in the file
OFFSET = 2  # the YAML starts on line 2 of the file; libyaml's marks are 0-based

class InvalidTimestamp(str):
    """A value that looks like a date but is impossible (2024-02-30); the binder says so."""


_PLAIN_TAGS: dict[str, str] = {}  # plain (unquoted) scalar → tag
_TAG = "tag:yaml.org,2002:"
STR, SEQ, MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
NULL, BOOL, INT = _TAG + "null", _TAG + "bool", _TAG + "int"


class Loader(yaml.CSafeLoader):  # the C loader: 4× faster than pure Python on 10,000 files
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """PyYAML's tag resolution, short-cut and remembered: the C parser calls back into
        Python for every node, and keys and slugs repeat across thousands of files.

        Same answers as PyYAML's resolver without path resolvers (the safe loader has
        none): a quoted scalar is a string; a plain one as its implicit resolvers say."""
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return STR
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                if len(_PLAIN_TAGS) > 200_000:  # unique titles must not grow it without bound
                    _PLAIN_TAGS.clear()
                tag = _PLAIN_TAGS[value] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag
        return SEQ if kind is yaml.SequenceNode else MAP


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> object:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidTimestamp(node.value)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)  # type: ignore[type-var]


class Marks:
    """Where each key and value stands: 'image.alt', 'meeting.speakers.0.name'.

    Computed on first use from the header's text: only files with a problem need
    positions, and skipping them for the others saves a fifth of the validation time.
    Only ever made for headers that passed `parse_header`'s bounds.
    """

    __slots__ = ("_keys", "_text", "_values")

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._keys: dict[str, Position] | None = None
        self._values: dict[str, Position] = {}

    def _ensure(self) -> dict[str, Position]:
        if self._keys is None:
            self._keys = {}
            if self._text:
                loader = Loader(self._text)
                try:
                    node = loader.get_single_node()
                    if node is not None:
                        _positions(node, "", self._keys, self._values)
                except (yaml.YAMLError, RecursionError):
                    pass  # broken YAML is reported by the parser; no positions then
                finally:
                    loader.dispose()
        return self._keys

    @property
    def text(self) -> str:
        """The header's YAML as written, comments included (the gap markers live there)."""
        return self._text

    @property
    def keys(self) -> dict[str, Position]:
        return self._ensure()

    @property
    def values(self) -> dict[str, Position]:
        self._ensure()
        return self._values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Marks) and (self.keys, self.values) == (other.keys, other.values)

    __hash__ = None  # type: ignore[assignment]

    def key(self, path: str, fallback: Position = (1, 1)) -> Position:
        return self.keys.get(path) or self.values.get(path) or fallback

    def value(self, path: str, fallback: Position = (1, 1)) -> Position:
        return self.values.get(path) or self.keys.get(path) or fallback


def mark(found: Any) -> Position:
    return (found.line + OFFSET, found.column + 1)


def _positions(node: yaml.Node, prefix: str, keys: dict[str, Position],
               values: dict[str, Position]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            path = f"{prefix}{key_node.value}"
            keys[path] = mark(key_node.start_mark)
            values[path] = mark(value_node.start_mark)
            _positions(value_node, f"{path}.", keys, values)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}{index}"
            values[path] = mark(item.start_mark)
            _positions(item, f"{path}.", keys, values)
