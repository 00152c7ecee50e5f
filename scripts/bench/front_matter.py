"""Front matter for the corpus: a small hand-rolled YAML emitter.

Speed matters (10,000 items in a few seconds), so the front matter is written here
instead of by a YAML library; it quotes only what YAML would otherwise misread.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypeAlias

__all__ = ["Value", "render_page"]

# Covariant containers, so that a list[str] is a Value without casts.
Value: TypeAlias = "str | int | bool | date | Sequence[Value] | Mapping[str, Value]"

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`+.~=<")  # also +.~=< : number-, null-, merge-like
_YAML_WORDS = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null"))


def _plain_ok(text: str) -> bool:
    """Whether `text` reads back as the same string when written unquoted (YAML 1.1)."""
    return (
        bool(text)
        and text == text.strip()
        and text[0] not in _INDICATORS
        and not text[0].isdigit()  # ints, floats, dates, sexagesimals
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.isprintable()  # no tabs, line breaks or control characters
        and text.lower() not in _YAML_WORDS
    )


def _flow_ok(text: str) -> bool:
    """Slugs and language codes may go into `[a, b]`; anything else uses a block list."""
    return _plain_ok(text) and all(c.islower() or c.isdigit() or c == "-" for c in text)


def _scalar(value: Value) -> str:
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):  # datetime too: isoformat keeps the offset
        return value.isoformat()
    if isinstance(value, str):
        if _plain_ok(value):
            return value
        if not value.isprintable():  # JSON's \uXXXX escapes are valid YAML double quotes
            return json.dumps(value)
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    raise TypeError(f"not a scalar: {value!r}")


def _emit(data: Mapping[str, Value], indent: str, out: list[str]) -> None:
    for key, value in data.items():
        if isinstance(value, Mapping) and not value:
            out.append(f"{indent}{key}: {{}}")
        elif isinstance(value, Mapping):
            out.append(f"{indent}{key}:")
            _emit(value, indent + "  ", out)
        elif isinstance(value, list | tuple):
            if not value:  # a bare `key:` would read back as null
                out.append(f"{indent}{key}: []")
                continue
            if all(isinstance(v, str) and _flow_ok(v) for v in value):
                out.append(f"{indent}{key}: [{', '.join(str(v) for v in value)}]")
                continue
            out.append(f"{indent}{key}:")
            for item in value:
                if isinstance(item, Mapping):
                    lines: list[str] = []
                    _emit(item, indent + "    ", lines)
                    lines[0] = f"{indent}  - {lines[0].lstrip()}"
                    out.extend(lines)
                else:
                    out.append(f"{indent}  - {_scalar(item)}")
        else:
            out.append(f"{indent}{key}: {_scalar(value)}")


def render_page(meta: Mapping[str, Value], body: str) -> str:
    """One Markdown file: front matter between `---` lines, a blank line, the body."""
    lines = ["---"]
    _emit(meta, "", lines)
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body
