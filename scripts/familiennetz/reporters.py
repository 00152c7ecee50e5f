"""Print problems for people (standard), for GitHub pull requests (annotations) and tools (JSON)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable

from .problems import Level, Problem, printable

__all__ = ["FORMATS", "render_problems", "summary_line"]


_INVISIBLE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _standard(problems: list[Problem]) -> str:
    return "".join(f"{p}\n" for p in problems)


def _escape_data(text: str) -> str:
    """GitHub's workflow-command escaping, after every other invisible character is written
    out: an annotation cannot be ended early or start a second command."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        command = "error" if p.level is Level.ERROR else "warning"
        lines.append(f"::{command} file={_escape_property(p.path)},line={p.line},col={p.col},"
                     f"title={_escape_property(p.rule)}::{_escape_data(p.message)}\n")
    return "".join(lines)


def _json(problems: list[Problem]) -> str:
    rows = [{"path": p.path, "line": p.line, "col": p.col, "level": str(p.level),
             "rule": p.rule, "message": p.message} for p in problems]
    text = json.dumps(rows, ensure_ascii=False, indent=2)  # escapes line breaks and C0 itself
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


FORMATS: dict[str, Callable[[list[Problem]], str]] = {
    "standard": _standard, "github": _github, "json": _json,
}


def render_problems(problems: list[Problem], fmt: str = "auto") -> str:
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "standard"
    return FORMATS[fmt](problems)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(files: int, problems: list[Problem], tree: int | None = None) -> str:
    """`tree`: when only some files were asked for, how many the whole tree has (they
    were checked against it)."""
    errors = sum(p.level is Level.ERROR for p in problems)
    warnings = len(problems) - errors
    against = f" (abgeglichen mit allen {tree} Dateien des Inhaltsordners)" if tree else ""
    head = f"{_plural(files, 'Datei', 'Dateien')} geprüft{against}: "
    if not problems:
        return head + "keine Probleme."
    return head + f"{_plural(errors, 'Fehler', 'Fehler')}, {_plural(warnings, 'Warnung', 'Warnungen')}."
