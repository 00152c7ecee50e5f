"""Read one Markdown file strictly: bounded in size, UTF-8, no control characters, the
front matter split from the body and parsed (`header.py`).

Problems are returned as values, never raised, so one broken file never hides the others.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .header import MAX_HEADER_BYTES, parse_header
from .markdown_limits import MARKS, beyond_markdown
from .problems import Level, Problem
from .yaml_loader import InvalidTimestamp, Marks

__all__ = ["MAX_BODY_BYTES", "SAVE_AS_UTF8", "InvalidTimestamp", "Marks", "SourceFile", "parse_source",
           "read_bytes", "read_source"]

# 256 KB are some 40,000 words, a long report; a longer text belongs in a PDF beside it. The
# bound also bounds what Markdown's superlinear corners can cost (markdown_limits.py).
MAX_BODY_BYTES = 256 * 1024
_MAX_FILE_BYTES = MAX_BODY_BYTES + MAX_HEADER_BYTES + 1024  # never read more than this

_BOUNDARY = re.compile(r"^-{3}[ \t]*$", re.MULTILINE)
_BOM = b"\xef\xbb\xbf"
# Every byte but the C0 controls (tab and line breaks are text) and DEL; C1 controls are
# two bytes in UTF-8 (\xc2\x80–\xc2\x9f) and looked for only where \xc2 occurs.
_TEXT_BYTES = bytes([9, 10, 13]) + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
# Noncharacters (U+FDD0–FDEF, U+FFFE, U+FFFF) are no text either, and XML (feeds) refuses
# the last two; in UTF-8 they begin with \xef\xb7 or \xef\xbf\xbe/\xbf.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
# The same characters written as HTML references: Markdown passes `&#x1b;` on as it is (and
# makes `&\#x1b;` one: the backslash only escapes the `#`), and the browser, the sanitiser
# and the feeds read it as the character itself. HTML reads a reference without its `;` too.
_CHARREF = re.compile(r"&\\?#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?")

Position = tuple[int, int]


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


# The steps in the programs press officers save text with (German menus). One line: a
# problem is one line in the terminal and one annotation on GitHub.
SAVE_AS_UTF8 = ("in Word „Datei → Speichern unter“, Dateityp „Nur Text (*.txt)“, dann im Fenster "
                "„Dateikonvertierung“ „Andere Codierung: Unicode (UTF-8)“; in LibreOffice Writer "
                "„Datei → Speichern unter“, Dateityp „Text (.txt)“ mit Häkchen bei "
                "„Filtereinstellungen bearbeiten“, dann Zeichensatz „Unicode (UTF-8)“; im "
                "Windows-Editor „Datei → Speichern unter“, unten „Codierung: UTF-8“. Der "
                "Dateiname muss danach wieder auf `.md` enden.")


def _position(text: str, offset: int) -> Position:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _may_have_control(data: bytes) -> bool:
    """Cheap and sure: False means no control character (about 20 ms for 10,000 files)."""
    return (bool(data.translate(None, _TEXT_BYTES)) or b"\xc2" in data or b"\xef\xb7" in data
            or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


def _decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    if not data.strip():
        return None, [_problem(display, (1, 1), "empty-file", "Die Datei ist leer — sie braucht "
                               "einen Kopfbereich (`---` … `---`) mit den Pflichtfeldern und einen Text.")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Editor's "Unicode": not binary
        return None, [_problem(display, (1, 1), "encoding", "Die Datei ist als UTF-16 "
                               "(„Unicode“) gespeichert — speichern Sie sie als UTF-8: "
                               f"{SAVE_AS_UTF8}")]
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
                    f"Sie sie als UTF-8: {SAVE_AS_UTF8}")
        except UnicodeDecodeError:
            hint = f"Die Datei ist nicht UTF-8-kodiert — speichern Sie sie als UTF-8: {SAVE_AS_UTF8}"
        return None, [_problem(display, (line, col), "encoding", hint)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _may_have_control(data) and (m := _CONTROL.search(text)) is not None:
        return None, [_problem(display, _position(text, m.start()), "control-character",
                               f"Unsichtbares oder ungültiges Zeichen (U+{ord(m.group(0)):04X}) — es stammt "
                               "meist aus kopiertem Text; löschen Sie die Stelle und tippen Sie "
                               "sie neu.")]
    if ("&#" in text or "&\\#" in text) and (found := _control_reference(text)) is not None:
        m, point = found
        return None, [_problem(display, _position(text, m.start()), "control-character",
                               f"Die Umschreibung `{m.group(0)}` steht für ein unsichtbares oder "
                               f"ungültiges Zeichen (U+{point:04X}) — löschen Sie sie.")]
    return text, []


def _control_reference(text: str) -> tuple[re.Match[str], int] | None:
    """The first character reference to a character the file itself may not contain."""
    for m in _CHARREF.finditer(text):
        point = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        if point > 0x10FFFF or 0xD800 <= point <= 0xDFFF or _CONTROL.match(chr(point)):
            return m, point
    return None


def _read(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes; a huge one is refused, not read into memory."""
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            data = b"" if size > _MAX_FILE_BYTES else stream.read(size + 1)
    except OSError as exc:
        # strerror is English ("No such file or directory"); say it in German.
        return None, [_problem(display, (1, 1), "unreadable", "Die Datei lässt sich nicht lesen "
                               f"(Fehler {exc.errno}: ein Verweis ins Leere oder fehlende "
                               "Rechte) — legen Sie sie neu an.")]
    if size > _MAX_FILE_BYTES or len(data) > _MAX_FILE_BYTES:  # (a file may grow meanwhile)
        return None, [_too_large(display, (1, 1), "Die Datei ist", max(size, len(data)))]
    return data, []


def _too_large(display: str, pos: Position, what: str, size: int) -> Problem:
    kilobytes = f"{size // 1024:,}".replace(",", ".")
    return _problem(display, pos, "too-large", f"{what} {kilobytes} KB groß, erlaubt sind "
                    f"{MAX_BODY_BYTES // 1024} KB Text (etwa 40.000 Wörter) — teilen Sie ihn auf "
                    "mehrere Beiträge auf, und legen Sie lange Dokumente als PDF daneben.")


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or why they cannot be read (`parse_source` takes them on)."""
    return _read(path, display)


def read_source(path: Path, root: Path, display: str,
                rel: str | None = None) -> tuple[SourceFile | None, list[Problem]]:
    data, problems = _read(path, display)
    if data is None:
        return None, problems
    return parse_source(data, path, root, display, rel)


def parse_source(data: bytes, path: Path, root: Path, display: str,
                 rel: str | None = None) -> tuple[SourceFile | None, list[Problem]]:
    """`read_source` for bytes already read: what the file holds depends on them alone."""
    text, problems = _decode(data, display)
    if text is None:
        return None, problems
    rel = rel or path.relative_to(root).as_posix()
    opening = _BOUNDARY.match(text)  # like the closing line (and MkDocs): `--- ` counts too
    body_start, body_line = 0, 1
    meta: dict[str, Any] | None = {}
    marks = Marks()
    if opening is not None and text.startswith("\n", opening.end()):
        closing = _BOUNDARY.search(text, opening.end() + 1)
        if closing is None:
            return None, [_problem(display, (1, 1), "front-matter-missing", "Der Kopfbereich wird "
                                   "mit `---` geöffnet, aber nicht mit einer Zeile `---` geschlossen.")]
        meta, marks, problems = parse_header(text[opening.end() + 1:closing.start()], display)
        body_start = closing.end() + 1
        body_line = text.count("\n", 0, body_start) + 1
    body = text[body_start:]
    if len(body) > MAX_BODY_BYTES // 4 and len(body.encode("utf-8")) > MAX_BODY_BYTES:
        problems.append(_too_large(display, (body_line, 1), "Der Text ist",
                                   len(body.encode("utf-8"))))
        body = ""  # nothing of it is checked or published
    elif (found := beyond_markdown(body, len(data) - len(data.translate(None, MARKS)))) is not None:
        offset, rule, message = found
        line, col = _position(body, offset)
        problems.append(_problem(display, (body_line + line - 1, col), rule, message))
        body = ""
    return SourceFile(path, rel, display, opening is not None and body_start > 0, meta or {},
                      marks, body, body_line, yaml_ok=meta is not None), problems
