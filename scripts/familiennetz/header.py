"""Parse a file's front matter (the YAML between the `---` lines), strictly and bounded.

Problems come back as values. Before libyaml sees the text, its size and nesting are
checked (deep nesting overflows the C parser's stack and kills the process), and YAML
anchors and aliases are refused (a few lines of aliases expand to gigabytes); press
officers never need either.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.reader import ReaderError

from .fieldpath import field_and_place
from .header_messages import YAML_FALLBACK, yaml_message
from .problems import Level, Problem
from .yaml_loader import (
    BOOL,
    INT,
    MAP,
    NULL,
    OFFSET,
    SEQ,
    STR,
    InvalidTimestamp,
    Loader,
    Marks,
    Position,
    mark,
)

__all__ = ["MAX_DEPTH", "MAX_HEADER_BYTES", "InvalidTimestamp", "Marks", "parse_header"]

MAX_HEADER_BYTES = 64 * 1024  # a real header has a few hundred bytes
MAX_DEPTH = 12  # levels of brackets; the model itself needs three

_BOOL_TRUE = frozenset({"yes", "true", "on"})


class _UnhashableKey(Exception):
    pass


def _build(node: yaml.Node, prefix: str, problems: list[Problem], display: str,
           loader: Loader) -> Any:
    """Python values in one pass over the composed nodes.

    Replaces PyYAML's constructor for the common tags (about three times faster on
    10,000 files) and hands the rare ones (floats, odd ints, timestamps) back to it.
    The nodes form a tree: anchors and aliases were refused before composing.
    """
    if isinstance(node, yaml.ScalarNode):
        tag, value = node.tag, node.value
        if tag == STR:
            return value
        if tag == NULL:
            return None
        if tag == BOOL:
            return value.lower() in _BOOL_TRUE
        if tag == INT and value.isdigit() and (value == "0" or value[0] != "0"):
            return int(value)
        return loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode) and node.tag == SEQ:
        return [item.value if item.tag == STR and type(item) is yaml.ScalarNode  # the common case
                else _build(item, f"{prefix}{index}.", problems, display, loader)
                for index, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode) and node.tag == MAP:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _UnhashableKey
            key = str(key_node.value)  # field names as written: `1` and `true` stay distinct
            if key in result:
                problems.append(_problem(display, mark(key_node.start_mark), "duplicate-field",
                                         _twice(f"{prefix}{key}")))
            if value_node.tag == STR and type(value_node) is yaml.ScalarNode:
                result[key] = value_node.value  # the common case, without a call
            else:
                result[key] = _build(value_node, f"{prefix}{key}.", problems, display, loader)
        return result
    return loader.construct_object(node, deep=True)  # sets, omaps: rare


def _twice(path: str) -> str:
    name, where = field_and_place(path)  # `name` im 2. Eintrag von `speakers`
    return f"Feld `{name}` steht doppelt{where or ' im Kopfbereich'} — löschen Sie eine der Zeilen."


def _problem(display: str, pos: Position, rule: str, message: str) -> Problem:
    return Problem(display, pos[0], pos[1], Level.ERROR, rule, message)


# A line indented this far, or with this many `- ` in front, nests deeper than any header
# needs: in block style every level of nesting moves the content at least one column right.
_DEEP_LINE = re.compile(r"\n(?: |[-?] ){40}")  # searched in "\n" + text: fast (see markdown_limits)


def _too_deep(text: str) -> Position | None:
    """Where the header nests deeper than MAX_DEPTH levels, judged on the text alone.

    Brackets inside quotes count too: telling quotes from apostrophes takes a YAML parser,
    and no real value holds a dozen nested brackets."""
    if (m := _DEEP_LINE.search("\n" + text)) is not None:
        return (text.count("\n", 0, m.start()) + OFFSET, 1)
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # the common case: a few lists
        return None
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, index)
                return (line + OFFSET, index - (text.rfind("\n", 0, index) + 1) + 1)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return None


def _alias(text: str) -> tuple[Position, str] | None:
    """The first anchor (`&name`) or alias (`*name`), from libyaml's events: no nodes are
    composed, so an alias bomb costs nothing here."""
    loader = Loader(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                return mark(event.start_mark), f"*{event.anchor}"
            anchor = getattr(event, "anchor", None)
            if anchor:
                return mark(event.start_mark), f"&{anchor}"
    except yaml.YAMLError:
        return None  # the parse below reports the syntax error
    finally:
        loader.dispose()
    return None


def _bounded(text: str, display: str) -> Problem | None:
    size = len(text) if len(text) * 4 <= MAX_HEADER_BYTES else len(text.encode("utf-8"))
    if size > MAX_HEADER_BYTES:
        return _problem(display, (2, 1), "too-large", f"Der Kopfbereich ist {size // 1024} KB "
                        f"groß, erlaubt sind {MAX_HEADER_BYTES // 1024} KB — der lange Text gehört "
                        "unter die zweite Zeile `---`, in den Haupttext.")
    if (where := _too_deep(text)) is not None:
        return _problem(display, where, "yaml-syntax", "YAML-Fehler im Kopfbereich: zu tief "
                        "verschachtelt — der Kopfbereich braucht höchstens drei Ebenen.")
    if ("&" in text or "*" in text) and (found := _alias(text)) is not None:
        where, token = found
        return _problem(display, where, "yaml-syntax", f"YAML-Fehler im Kopfbereich: `{token}` "
                        "ist ein YAML-Anker oder -Verweis; diese sind nicht erlaubt — schreiben "
                        "Sie den Wert aus, und setzen Sie Text mit `&` oder `*` am Anfang in "
                        "Anführungszeichen.")
    return None


def parse_header(text: str, display: str) -> tuple[dict[str, Any] | None, Marks, list[Problem]]:
    """The mapping, or None when the YAML is broken (then no field can be trusted)."""
    if (refused := _bounded(text, display)) is not None:
        return None, Marks(), [refused]
    marks = Marks(text)
    loader = Loader(text)

    def broken(pos: Position, message: str) -> tuple[None, Marks, list[Problem]]:
        return None, marks, [_problem(display, pos, "yaml-syntax", message)]

    try:
        node = loader.get_single_node()
        problems: list[Problem] = []
        if node is None:
            return {}, marks, problems
        if not isinstance(node, yaml.MappingNode):
            return broken((2, 1), "Der Kopfbereich muss aus Zeilen `feld: wert` bestehen.")
        data = _build(node, "", problems, display, loader)
    except yaml.MarkedYAMLError as exc:
        where = exc.problem_mark or exc.context_mark
        if "end of stream" in (exc.problem or "") and exc.context_mark:
            where = exc.context_mark  # the unclosed quote or bracket, not the end of the header
        return broken(mark(where) if where else (2, 1), yaml_message(exc))
    except ReaderError as exc:  # control characters, pasted from a word processor
        line = text.count("\n", 0, exc.position) + OFFSET
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        return broken((line, col), f"YAML-Fehler im Kopfbereich: unsichtbares Steuerzeichen{code} "
                      "— löschen Sie es und tippen Sie die Stelle neu.")
    except yaml.YAMLError:
        return broken((2, 1), f"YAML-Fehler im Kopfbereich: {YAML_FALLBACK}")
    except (_UnhashableKey, TypeError):
        return broken((2, 1), "YAML-Fehler im Kopfbereich: ein Feldname ist eine Liste oder "
                      "Gruppe — Feldnamen sind einfache Wörter wie `title`.")
    except RecursionError:
        return broken((2, 1), "YAML-Fehler im Kopfbereich: zu tief verschachtelt — der "
                      "Kopfbereich braucht höchstens drei Ebenen.")
    except ValueError:  # Python refuses to convert integers with more than 4,300 digits
        return broken((2, 1), "YAML-Fehler im Kopfbereich: eine Zahl ist zu lang — setzen Sie "
                      "den Wert in Anführungszeichen, wenn er so gemeint ist.")
    finally:
        loader.dispose()
    return data, marks, problems
