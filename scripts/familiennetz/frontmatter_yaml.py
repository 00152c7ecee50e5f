"""Front matter written the way a person writes it, as in the content model's examples.

One line per value, never wrapped (PyYAML's `width` would fold a long summary onto an
indented continuation line that reads like an error); lists of plain values in brackets
(`districts: [rhein-lahn-kreis]`); groups indented by two spaces; lists of groups as `- `
blocks; quotes only where YAML needs them; dates and times in ISO form with `T`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import date
from typing import Any

import yaml

__all__ = ["dump_front_matter"]

_WIDTH = sys.maxsize  # no folding, whatever the length
# Line breaks that JSON leaves as they are but YAML would break the line at.
_BREAKS = {0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _scalar(value: Any) -> str:
    """One value with YAML's own quoting; an ISO date stays unquoted (it is one)."""
    if isinstance(value, date):  # (datetime too)
        return value.isoformat()
    if _broken(value):  # written as `\n` in double quotes (JSON's are YAML's): still one line
        return json.dumps(value, ensure_ascii=False).translate(_BREAKS)
    text = yaml.safe_dump({"k": value}, allow_unicode=True, width=_WIDTH, default_flow_style=False)
    text = text.rstrip("\n")[len("k: "):]
    if text.startswith("'") and not any(c in value for c in '"\\'):
        return f'"{value}"'  # the quotes the help pages teach: `title: "Bad Ems: Workshop"`
    return text


def _broken(value: Any) -> bool:
    return isinstance(value, str) and len(value.splitlines()) > 1


def _key(key: str) -> str:
    return _scalar(str(key))


def _flow(values: list[Any]) -> str:
    text = yaml.safe_dump(values, allow_unicode=True, width=_WIDTH, default_flow_style=True)
    return text.rstrip("\n")


def _lines(meta: Mapping[str, Any], pad: str) -> list[str]:
    lines: list[str] = []
    for key, value in meta.items():
        if isinstance(value, Mapping):
            lines += [f"{pad}{_key(key)}:", *_lines(value, pad + "  ")]
        elif isinstance(value, list | tuple) and value and (
                any(isinstance(v, Mapping | date) or _broken(v) for v in value)):  # one a line
            lines.append(f"{pad}{_key(key)}:")
            for item in value:
                if isinstance(item, Mapping):
                    first, *rest = _lines(item, "")
                    lines += [f"{pad}  - {first}", *(f"{pad}    {line}" for line in rest)]
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        elif isinstance(value, list | tuple):
            lines.append(f"{pad}{_key(key)}: {_flow(list(value))}")
        else:
            lines.append(f"{pad}{_key(key)}: {_scalar(value)}")
    return lines


def dump_front_matter(meta: Mapping[str, Any]) -> str:
    """The YAML between the `---` lines, each line ending in a newline."""
    return "".join(f"{line}\n" for line in _lines(meta, ""))
