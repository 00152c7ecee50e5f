"""`gap`: a gap that `familiennetz new` or `familiennetz import` marked is still there.

The importer leaves a field it could not fill empty with a YAML comment `# TODO: …` (or
`# bitte prüfen` where it guessed), and `new` writes a placeholder text as the body. An
empty field is reported by the binder already (`missing-field`); this rule finds what the
binder cannot see: the marker left beside a value that was filled in, a marker typed as
the value, and the placeholder or a `TODO` in the text. Only files of the content types
are checked (the help pages talk about TODO markers). In a draft these are warnings
(`drafts.py`); once `draft: true` is gone they are errors.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from ..documents import Entry, TextPage, Unbound
from ..fields import fields_of
from ..problems import Problem
from ..scan import BodyScan
from ..yaml_loader import OFFSET
from .base import Checker, Context, Doc, Rule, problem

__all__ = ["BODY_PLACEHOLDER", "CHECKER", "RULES"]

GAP = Rule("gap", "Eine markierte Lücke ist noch offen: ein Kommentar `# TODO: …` oder "
           "`# bitte prüfen` im Kopfbereich, „TODO“ oder „bitte ergänzen“ als Wert, der "
           "Platzhaltertext von `familiennetz new` oder ein „TODO“ im Text.",
           "Die Angabe ergänzen oder prüfen und dann den Kommentar oder Platzhalter löschen. In "
           "einem Entwurf (`draft: true`) ist das nur eine Warnung.")
RULES = (GAP,)

# The first sentence of the body `familiennetz new` writes (scaffold.BODY; a test keeps
# the two together): a file that still has it has no text of its own.
BODY_PLACEHOLDER = "Schreiben Sie hier den Text."
_MARKER = r"TODO\b|(?i:bitte\s+(?:ergänzen|prüfen|eintragen))"
_COMMENT = re.compile(rf"(?:^|[ \t])#[ \t]*(?:{_MARKER})[^\n]*", re.MULTILINE)
_VALUE = re.compile(_MARKER)
_BODY = re.compile(rf"\bTODO\b[^\n]*|{re.escape(BODY_PLACEHOLDER)}")


def _label(model: type, path: str) -> str:
    """`` `image.alt` (Alternativtext)``: the field as messages name it."""
    label = ""
    for part in path.split("."):
        if part.isdigit():
            continue
        info = next((f for f in fields_of(model) if f.name == part), None) if model else None
        if info is None:
            return f"`{path}`"
        label = info.doc.label
        shape = info.shape.item if info.shape.kind == "list" and info.shape.item else info.shape
        model = shape.model  # type: ignore[assignment]
    return f"`{path}` ({label})"


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}.{index}")


_EMPTY: tuple[Any, ...] = (None, "", [], {})


def _lookup(meta: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(meta, list) and part.isdigit() and int(part) < len(meta):
            meta = meta[int(part)]
        elif isinstance(meta, dict):
            meta = meta.get(part)
        else:
            return None
    return meta


def _quote(text: str) -> str:
    text = text.strip().lstrip("#").strip()
    return text if len(text) <= 60 else text[:57] + "…"


def check_gaps(doc: Doc, scan: BodyScan, context: Context) -> list[Problem]:
    if isinstance(doc, TextPage):
        return []
    # Values come from the header's text: without a marker there, neither its comments nor
    # its values hold one, and its positions (a second parse) are never needed.
    header = doc.marks.text
    # Plain substring tests first: they are cheap on every file; the patterns run only on
    # the few that could hold a marker.
    marked = "TODO" in header or ("bitte" in header.lower() and _VALUE.search(header))
    problems = _header_gaps(doc) if marked and _VALUE.search(header) else []
    body = scan.text
    found_in_body = _BODY.finditer(body) if "TODO" in body or BODY_PLACEHOLDER in body else ()
    for found in found_in_body:
        line = doc.body_line + scan.text.count("\n", 0, found.start())
        col = found.start() - scan.text.rfind("\n", 0, found.start())
        what = ("der Platzhalter von `familiennetz new`" if found.group(0) == BODY_PLACEHOLDER
                else "eine markierte Lücke")
        problems.append(problem(doc, (line, col), GAP, f"Im Text steht noch {what} "
                                f"(„{_quote(found.group(0))}“) — schreiben Sie den Text an "
                                "dieser Stelle und löschen Sie den Platzhalter."))
    return problems


def _header_gaps(doc: Entry | Unbound) -> list[Problem]:
    model = doc.type.model
    marks = doc.marks
    problems: list[Problem] = []
    lines: set[int] = set()
    by_line: dict[int, str] = {}
    for path, (line, _col) in sorted(marks.keys.items(), key=lambda kv: -len(kv[0])):
        by_line.setdefault(line, path)  # the innermost key that starts on that line
    header = marks.text
    for found in _COMMENT.finditer(header):
        start = found.start() + (found.group(0)[0] != "#")
        line = header.count("\n", 0, start) + OFFSET
        col = start - (header.rfind("\n", 0, start) + 1) + 1
        path = by_line.get(line) or next((by_line[n] for n in sorted(by_line) if n > line), "")
        if path and isinstance(doc, Unbound) and _lookup(doc.meta, path) in _EMPTY:
            continue  # the empty field itself is reported (`missing-field`): once is enough
        field = f"Feld {_label(model, path)}: " if path else ""
        lines.add(line)
        problems.append(problem(doc, (line, col), GAP, f"{field}Hier ist noch eine Lücke "
                                f"markiert („{_quote(found.group(0))}“) — ergänzen oder prüfen "
                                "Sie die Angabe und löschen Sie dann den Kommentar."))
    meta = doc.meta if isinstance(doc, Unbound) else _raw(doc)
    for path, text in _strings(meta, ""):
        if _VALUE.search(text) and (position := marks.value(path))[0] not in lines:
            problems.append(problem(doc, position, GAP, f"Feld {_label(model, path)}: Statt "
                                    f"einer Angabe steht hier noch „{_quote(text)}“ — tragen Sie "
                                    "die richtige Angabe ein."))
    return problems


def _raw(entry: Entry) -> dict[str, Any]:
    """A bound entry's string values by field path (the model holds them, checked)."""
    out: dict[str, Any] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            out[path] = value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                walk(item, f"{path}.{index}")
        elif dataclasses.is_dataclass(value):
            for info in dataclasses.fields(value):
                walk(getattr(value, info.name), f"{path}.{info.name}" if path else info.name)

    walk(entry.data, "")
    return out


CHECKER = Checker(RULES, check_gaps)
