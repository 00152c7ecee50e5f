"""Read one Markdown file strictly: UTF-8, front matter, YAML with a line for every key.

Problems are returned as values, never raised, so one broken file never hides the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.reader import ReaderError

from .problems import Level, Problem

__all__ = ["InvalidTimestamp", "Marks", "SourceFile", "read_source"]

_BOUNDARY = re.compile(r"^-{3}[ \t]*$", re.MULTILINE)
_BOM = b"\xef\xbb\xbf"

Position = tuple[int, int]  # 1-based line, column in the file


class InvalidTimestamp(str):
    """A value that looks like a date but is impossible (2024-02-30); the binder says so."""


_PLAIN_TAGS: dict[str, str] = {}  # plain (unquoted) scalar → tag
_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_NULL, _BOOL, _INT, _MERGE = _TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "merge"


class _Loader(yaml.CSafeLoader):  # the C loader: 4× faster than pure Python on 10,000 files
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """PyYAML's tag resolution, short-cut and remembered: the C parser calls back into
        Python for every node, and keys and slugs repeat across thousands of files.

        Same answers as PyYAML's resolver without path resolvers (the safe loader has
        none): a quoted scalar is a string; a plain one as its implicit resolvers say."""
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                if len(_PLAIN_TAGS) > 200_000:  # unique titles must not grow it without bound
                    _PLAIN_TAGS.clear()
                tag = _PLAIN_TAGS[value] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag
        return _SEQ if kind is yaml.SequenceNode else _MAP


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> object:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidTimestamp(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)  # type: ignore[type-var]


class Marks:
    """Where each key and value stands: 'image.alt', 'meeting.speakers.0.name'.

    Computed on first use from the header's text: only files with a problem need
    positions, and skipping them for the others saves a fifth of the validation time.
    """

    __slots__ = ("_keys", "_offset", "_text", "_values")

    def __init__(self, text: str = "", offset: int = 2) -> None:
        self._text = text
        self._offset = offset
        self._keys: dict[str, Position] | None = None
        self._values: dict[str, Position] = {}

    def _ensure(self) -> dict[str, Position]:
        if self._keys is None:
            self._keys = {}
            if self._text:
                loader = _Loader(self._text)
                try:
                    node = loader.get_single_node()
                    if node is not None:
                        _positions(node, "", self._offset, self._keys, self._values)
                except (yaml.YAMLError, RecursionError):
                    pass  # broken YAML is reported by the loader; no positions then
                finally:
                    loader.dispose()
        return self._keys

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


def _positions(node: yaml.Node, prefix: str, offset: int, keys: dict[str, Position],
               values: dict[str, Position]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            path = f"{prefix}{key_node.value}"
            keys[path] = (key_node.start_mark.line + offset, key_node.start_mark.column + 1)
            values[path] = (value_node.start_mark.line + offset, value_node.start_mark.column + 1)
            _positions(value_node, f"{path}.", offset, keys, values)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}{index}"
            values[path] = (item.start_mark.line + offset, item.start_mark.column + 1)
            _positions(item, f"{path}.", offset, keys, values)


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path  # absolute
    rel: str  # relative to the content root, '/'-separated
    display: str  # as shown in messages
    has_front_matter: bool
    meta: dict[str, Any]
    marks: Marks
    body: str
    body_line: int  # line of the body's first line in the file
    yaml_ok: bool = True  # False: the YAML is broken, reported, and `meta` is empty


def _problem(display: str, pos: Position, rule: str, message: str) -> Problem:
    return Problem(display, pos[0], pos[1], Level.ERROR, rule, message)


def _decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    if not data.strip():
        return None, [_problem(display, (1, 1), "empty-file", "Die Datei ist leer — sie braucht "
                               "einen Kopfbereich (`---` … `---`) mit den Pflichtfeldern und einen Text.")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Editor's "Unicode": not binary
        return None, [_problem(display, (1, 1), "encoding", "Die Datei ist als UTF-16 "
                               "(„Unicode“) gespeichert — speichern Sie sie als „UTF-8“.")]
    if b"\x00" in data:
        return None, [_problem(display, (1, 1), "encoding", "Die Datei ist keine Textdatei "
                               "(sie enthält Binärdaten) — speichern Sie den Text als Markdown (.md).")]
    if data.startswith(_BOM):
        data = data[len(_BOM):]  # editors on Windows add it; it is harmless
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            data.decode("cp1252")
            hint = ("Die Datei ist nicht UTF-8-kodiert, sondern offenbar Windows-1252 (z. B. aus "
                    "Word oder dem Windows-Editor gespeichert); Umlaute wären kaputt. Speichern "
                    "Sie sie als „UTF-8“.")
        except UnicodeDecodeError:
            hint = "Die Datei ist nicht UTF-8-kodiert — speichern Sie sie als „UTF-8“."
        return None, [_problem(display, (line, col), "encoding", hint)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


_YAML_HINTS = (
    ("mapping values are not allowed", "Doppelpunkt an unerwarteter Stelle — enthält ein Wert "
     "einen `:`? Dann setzen Sie ihn in Anführungszeichen: `title: \"Bad Ems: Workshop\"`."),
    ("cannot start any token", "Zeichen, mit dem kein YAML-Wert beginnen darf (Tabulator, `@` "
     "oder `` ` ``) — rücken Sie mit Leerzeichen ein oder setzen Sie den Wert in Anführungszeichen."),
    ("could not find expected ':'", "Zeile ohne `feld: wert` — fehlt ein Doppelpunkt, oder ist "
     "ein mehrzeiliger Wert nicht eingerückt?"),
    ("expected <block end>", "Einrückung stimmt nicht — Felder einer Ebene müssen genau gleich "
     "weit eingerückt sein."),
    ("found unexpected end of stream", "Anführungszeichen oder Klammer nicht geschlossen."),
    ("while scanning a quoted scalar", "Anführungszeichen nicht geschlossen."),
    ("while parsing a flow", "Klammer `[` oder `{` nicht richtig geschlossen."),
    ("found duplicate anchor", "Anker `&` doppelt vergeben."),
    ("found undefined alias", "Verweis `*` auf einen unbekannten Anker."),
    # libyaml (the C loader) words these differently from the pure-Python loader above.
    ("found a tab character", "Tabulator im Kopfbereich — rücken Sie nur mit Leerzeichen ein."),
    ("did not find expected key", "Einrückung stimmt nicht, oder nach einem Wert in "
     "Anführungszeichen oder Klammern steht noch Text — prüfen Sie diese Zeile."),
    ("did not find expected '-' indicator", "Listeneinträge `- …` und Felder `feld: wert` sind "
     "gemischt — prüfen Sie die Einrückung."),
    ("block sequence entries are not allowed", "Listeneintrag `- …` an unerwarteter Stelle — "
     "eine Liste beginnt in der Zeile nach `feld:`, oder schreiben Sie `feld: [a, b]`."),
    ("while scanning an alias", "ein Wert beginnt mit `*` (in YAML ein Verweis) — setzen Sie ihn "
     "in Anführungszeichen: `summary: \"**Wichtig:** …\"`; Fettdruck gehört ohnehin nicht in "
     "den Kopfbereich."),
    ("while scanning an anchor", "ein Wert beginnt mit `&` — setzen Sie ihn in Anführungszeichen."),
    ("found unknown escape character", "unbekanntes Zeichen nach `\\` in doppelten "
     "Anführungszeichen — verwenden Sie einfache Anführungszeichen `'…'`."),
    ("found unhashable key", "ein Feldname ist eine Liste oder Gruppe (`[…]`, `{…}`) — "
     "Feldnamen sind einfache Wörter wie `title`."),
    ("could not determine a constructor", "unbekannte Markierung `!…` — entfernen Sie sie oder "
     "setzen Sie den Wert in Anführungszeichen."),
    ("found undefined tag handle", "unbekannte Markierung `!…` — entfernen Sie sie oder setzen "
     "Sie den Wert in Anführungszeichen."),
    ("<document start>", "der Kopfbereich enthält eine YAML-Steuerzeile (`%…` oder `...`) — "
     "entfernen Sie sie."),
)
# Whatever libyaml says in English, the press officer gets German and the line.
_YAML_FALLBACK = ("diese Zeile ist kein gültiges `feld: wert` — prüfen Sie Einrückung (nur "
                  "Leerzeichen), Doppelpunkte und Anführungszeichen.")


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    detail = f"{exc.context or ''} {exc.problem or ''}".strip()
    for needle, german in _YAML_HINTS:
        if needle in detail:
            return f"YAML-Fehler im Kopfbereich: {german}"
    return f"YAML-Fehler im Kopfbereich: {_YAML_FALLBACK}"


_BOOL_TRUE = frozenset({"yes", "true", "on"})


class _UnhashableKey(Exception):
    pass


def _build(node: yaml.Node, prefix: str, offset: int, problems: list[Problem], display: str,
           loader: _Loader) -> Any:
    """Python values in one pass over the composed nodes.

    Replaces PyYAML's constructor for the common tags (about three times faster on
    10,000 files) and hands the rare ones (floats, odd ints, timestamps) back to it.
    """
    if isinstance(node, yaml.ScalarNode):
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() in _BOOL_TRUE
        if tag == _INT and value.isdigit() and (value == "0" or value[0] != "0"):
            return int(value)
        return loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [item.value if item.tag == _STR and type(item) is yaml.ScalarNode  # the common case
                else _build(item, f"{prefix}{index}.", offset, problems, display, loader)
                for index, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _UnhashableKey
            if key_node.tag == _MERGE:  # `<<: *anchor`: rare, PyYAML knows how
                return loader.construct_object(node, deep=True)
            key = str(key_node.value)  # field names as written: `1` and `true` stay distinct
            if key in result:
                pos = (key_node.start_mark.line + offset, key_node.start_mark.column + 1)
                problems.append(_problem(display, pos, "duplicate-field", f"Feld `{prefix}{key}` "
                                         "steht doppelt im Kopfbereich — löschen Sie eine der Zeilen."))
            if value_node.tag == _STR and type(value_node) is yaml.ScalarNode:
                result[key] = value_node.value  # the common case, without a call
            else:
                result[key] = _build(value_node, f"{prefix}{key}.", offset, problems, display, loader)
        return result
    return loader.construct_object(node, deep=True)  # sets, omaps, merge keys: rare


def _parse_front_matter(text: str,
                        display: str) -> tuple[dict[str, Any] | None, Marks, list[Problem]]:
    """The mapping, or None when the YAML is broken (then no field can be trusted)."""
    offset = 2  # the YAML starts on line 2; marks are 0-based
    marks = Marks(text, offset)
    loader = _Loader(text)

    def broken(pos: Position, message: str) -> tuple[None, Marks, list[Problem]]:
        return None, marks, [_problem(display, pos, "yaml-syntax", message)]

    try:
        node = loader.get_single_node()
        problems: list[Problem] = []
        if node is None:
            return {}, marks, problems
        if not isinstance(node, yaml.MappingNode):
            return broken((2, 1), "Der Kopfbereich muss aus Zeilen `feld: wert` bestehen.")
        data = _build(node, "", offset, problems, display, loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "end of stream" in (exc.problem or "") and exc.context_mark:
            mark = exc.context_mark  # the unclosed quote or bracket, not the end of the header
        pos = (mark.line + offset, mark.column + 1) if mark else (2, 1)
        return broken(pos, _yaml_message(exc))
    except ReaderError as exc:  # control characters, pasted from a word processor
        line = text.count("\n", 0, exc.position) + offset
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        return broken((line, col), f"YAML-Fehler im Kopfbereich: unsichtbares Steuerzeichen{code} "
                      "— löschen Sie es und tippen Sie die Stelle neu.")
    except yaml.YAMLError:
        return broken((2, 1), f"YAML-Fehler im Kopfbereich: {_YAML_FALLBACK}")
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


def read_source(path: Path, root: Path, display: str,
                rel: str | None = None) -> tuple[SourceFile | None, list[Problem]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        # strerror is English ("No such file or directory"); say it in German.
        return None, [_problem(display, (1, 1), "unreadable", "Die Datei lässt sich nicht lesen "
                               f"(Fehler {exc.errno}: ein Verweis ins Leere oder fehlende "
                               "Rechte) — legen Sie sie neu an.")]
    text, problems = _decode(data, display)
    if text is None:
        return None, problems
    rel = rel or path.relative_to(root).as_posix()
    opening = _BOUNDARY.match(text)  # like the closing line (and MkDocs): `--- ` counts too
    if opening is None or not text.startswith("\n", opening.end()):
        return SourceFile(path, rel, display, False, {}, Marks(), text, 1), []
    closing = _BOUNDARY.search(text, opening.end() + 1)
    if closing is None:
        return None, [_problem(display, (1, 1), "front-matter-missing", "Der Kopfbereich wird mit "
                               "`---` geöffnet, aber nicht mit einer Zeile `---` geschlossen.")]
    front = text[opening.end() + 1:closing.start()]
    meta, marks, problems = _parse_front_matter(front, display)
    body_start = closing.end() + 1
    body_line = text.count("\n", 0, body_start) + 1
    return SourceFile(path, rel, display, True, meta or {}, marks, text[body_start:], body_line,
                      yaml_ok=meta is not None), problems
