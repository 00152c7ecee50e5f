"""Reading a file into text or Word paragraphs, with German messages for what cannot be read."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import docx_reader, odt_reader
from .blocks import Block
from .pdf_reader import MAX_PAGES, pdf_text

# A press release is a few kilobytes; megabytes of text are some other kind of file.
MAX_TEXT_CHARS = 2_000_000
MAX_TEXT_BYTES = 2 * 1024 * 1024
# Word, LibreOffice and PDF files carry their photos, so they may be much larger than their text.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_DOCUMENT_SUFFIXES = {".docx", ".odt", ".pdf"}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CP1252_NOTE = "Datei war Windows-1252 kodiert, als UTF-8 übernommen"
BINARY = (
    "Die Datei enthält Binärdaten und ist keine Textdatei – bitte als .txt, .docx, .odt oder "
    ".pdf speichern."
)
TOO_LARGE = "ist mit {size} zu groß für eine Pressemitteilung – ist das die richtige Datei?"
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
_REFUSED = {
    ".doc": "Das alte Word-Format .doc kann nicht gelesen werden – bitte in Word "
    "„Speichern unter“ → „Word-Dokument (.docx)“ wählen.",
    ".rtf": "RTF-Dateien können nicht gelesen werden – bitte als .docx oder .txt speichern.",
}
_MAGIC = {b"\xd0\xcf\x11\xe0": ".doc", b"{\\rtf": ".rtf"}
_KINDS = {".docx": "Word-Datei (.docx)", ".odt": "LibreOffice-Datei (.odt)"}
_SAVE_AGAIN = {".docx": "in Word erneut als .docx", ".odt": "in LibreOffice erneut als .odt"}


@dataclass
class Loaded:
    """Text or Word blocks of a file, notes for `found`, and problems (then nothing else)."""

    text: str | None = None
    blocks: list[Block] | None = None
    images: int = 0
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def is_binary(text: str) -> bool:
    """Whether decoded text is really binary data (NUL bytes, many control characters)."""
    sample = text[:20_000]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f\v"
    )
    return "\x00" in sample or controls > max(2, len(sample) // 100)


def decode(data: bytes) -> tuple[str | None, list[str]]:
    """Text and notes: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["Datei war UTF-16 kodiert, als UTF-8 übernommen"]
        except UnicodeDecodeError:
            return None, []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        # Word's "Nur Text" on Windows writes Windows-1252: "ä" is the single byte 0xE4.
        return data.decode("cp1252"), [CP1252_NOTE]
    except UnicodeDecodeError:
        return None, []


def _is_odt(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype").strip() == _ODT_MIMETYPE
    except Exception:  # a damaged archive raises many kinds; it is then read as .docx and reported
        return False


def _read_document(data: bytes, name: str, kind: str) -> Loaded:
    """A .docx or .odt file: both are ZIP archives of XML."""
    label = _KINDS[kind]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        problem = f"„{name}“ ist keine gültige {label}"
        return Loaded(problems=[problem + f" – bitte {_SAVE_AGAIN[kind]} speichern."])
    reader = odt_reader if kind == ".odt" else docx_reader
    try:
        blocks, images, had_table = reader.document_blocks(data)
    except Exception:  # the libraries raise many kinds; a user never sees a traceback
        problem = f"„{name}“ ist beschädigt und lässt sich nicht als {label} lesen"
        return Loaded(problems=[problem + f" – bitte {_SAVE_AGAIN[kind]} speichern."])
    if not blocks:
        return Loaded(problems=[f"„{name}“ enthält keinen Text."])
    notes = [f"Tabelle aus der {label} als Text übernommen – bitte prüfen"] if had_table else []
    return Loaded(blocks=blocks, images=images, notes=notes)


def _read_pdf(data: bytes, name: str) -> Loaded:
    try:
        text, pages = pdf_text(data)
    except Exception:  # pypdf raises many kinds for broken or protected files
        return Loaded(
            problems=[f"„{name}“ lässt sich nicht als PDF lesen – bitte die Word- oder "
                      "LibreOffice-Datei nehmen."]
        )
    if not text.strip():
        return Loaded(
            problems=[f"„{name}“ enthält keinen Text, nur Bilder (ein Scan?) – bitte die Word- "
                      "oder LibreOffice-Datei nehmen."]
        )
    notes = ["PDF gelesen: Absätze aus den Abständen erkannt – Absätze bitte prüfen"]
    if pages > MAX_PAGES:
        notes.append(f"PDF hat {pages} Seiten, gelesen wurden die ersten {MAX_PAGES}")
    return Loaded(text=text, notes=notes)


def _load_bytes(path: Path) -> bytes | Loaded:
    try:
        if path.is_dir():
            return Loaded(problems=[f"„{path}“ ist ein Ordner, keine Datei."])
        size = path.stat().st_size
        limit = MAX_DOCUMENT_BYTES if path.suffix.lower() in _DOCUMENT_SUFFIXES else MAX_TEXT_BYTES
        if size > limit:
            return Loaded(problems=[f"„{path.name}“ {TOO_LARGE.format(size=megabytes(size))}"])
        return path.read_bytes()
    except FileNotFoundError:
        return Loaded(problems=[f"Die Datei „{path}“ gibt es nicht."])
    except PermissionError:
        return Loaded(problems=[f"Keine Berechtigung, „{path}“ zu lesen."])
    except OSError as error:
        return Loaded(problems=[f"„{path}“ kann nicht gelesen werden: {error.strerror or error}"])


def read_file(path: Path) -> Loaded:
    """Loads `path`; every failure becomes a German problem message, never an exception."""
    name, suffix = path.name, path.suffix.lower()
    if suffix in _REFUSED:
        return Loaded(problems=[f"„{name}“: {_REFUSED[suffix]}"])
    data = _load_bytes(path)
    if isinstance(data, Loaded):
        return data
    if not data.strip():
        return Loaded(problems=[f"„{name}“ ist leer."])
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        loaded = _read_pdf(data, name)
        if suffix != ".pdf" and not loaded.problems:
            loaded.notes.insert(0, f"„{name}“ ist eine PDF-Datei und wurde so gelesen")
        return loaded
    if suffix in {".docx", ".odt"} or data.startswith(b"PK\x03\x04"):
        # The content decides: a .docx that LibreOffice saved as ODF is read as ODF.
        is_odt = _is_odt(data) or (suffix == ".odt" and not data.startswith(b"PK"))
        kind = ".odt" if is_odt else ".docx"
        loaded = _read_document(data, name, kind)
        if suffix != kind and not loaded.problems:
            loaded.notes.insert(0, f"„{name}“ ist eine {_KINDS[kind]} und wurde so gelesen")
        return loaded
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return Loaded(problems=[f"„{name}“: {_REFUSED[kind]}"])
    text, notes = decode(data)
    if text is None or is_binary(text):
        return Loaded(problems=[f"„{name}“: {BINARY}"])
    if suffix not in _TEXT_SUFFIXES:
        notes.append(f"Dateiendung „{suffix}“ unbekannt, als Text gelesen")
    return Loaded(text=text, notes=notes)
