"""Which files the content tree holds, and which of them may be published.

Anything in `content/` may come from a stranger's pull request, and MkDocs copies every
file it finds into the site. So only known kinds are allowed: Markdown (checked by the
rest of the validator), images whose bytes are what their name says, SVG without scripts
or references to other files, and PDF attachments. Links are never followed: a symlink
to `/proc/self/environ` or to a folder outside the repository would publish it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .addresses import reserved_for_files
from .problems import Level, Problem
from .svg import svg_problem

__all__ = ["ASSET_TYPES", "Inventory", "take_inventory"]

# What MkDocs treats as Markdown (mkdocs.utils.markdown_extensions); we read only `.md`.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd")
# Suffix → (what the file is, with its article; its first bytes; largest size in MB).
ASSET_TYPES: dict[str, tuple[str, tuple[bytes, ...], int]] = {
    ".jpg": ("ein JPEG-Bild", (b"\xff\xd8\xff",), 10),
    ".jpeg": ("ein JPEG-Bild", (b"\xff\xd8\xff",), 10),
    ".png": ("ein PNG-Bild", (b"\x89PNG\r\n\x1a\n",), 10),
    ".gif": ("ein GIF-Bild", (b"GIF87a", b"GIF89a"), 10),
    ".webp": ("ein WebP-Bild", (b"RIFF",), 10),
    ".avif": ("ein AVIF-Bild", (b"\x00\x00\x00",), 10),
    ".svg": ("eine SVG-Grafik", (), 2),
    ".pdf": ("ein PDF-Dokument", (b"%PDF-",), 20),
    # a video in German Sign Language for the home page (extra.operator.sign_language_video)
    ".webm": ("ein WebM-Video", (b"\x1a\x45\xdf\xa3",), 200),
    ".mp4": ("ein MP4-Video", (), 200),  # checked by its first box (`_has_signature`)
}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_FOLDER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")  # no dots: `feeds/alle.xml/` is a file
_ALLOWED = ", ".join(f"`{s}`" for s in (".md", *ASSET_TYPES))


@dataclass
class Inventory:
    markdown: list[Path] = field(default_factory=list)  # absolute, sorted
    assets: set[str] = field(default_factory=set)  # content-root paths of publishable files
    problems: list[Problem] = field(default_factory=list)


def _problem(display: str, rule: str, message: str) -> Problem:
    return Problem(display, 1, 1, Level.ERROR, rule, message)


def _has_signature(path: Path, suffix: str, signatures: tuple[bytes, ...]) -> bool:
    with path.open("rb") as stream:
        head = stream.read(16)
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    if suffix == ".avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    if suffix == ".mp4":  # an ISO media file begins with its `ftyp` box (size, then "ftyp")
        return head[4:8] == b"ftyp" and int.from_bytes(head[:4], "big") >= 16
    return head.startswith(signatures)


def _check_asset(path: Path, display: Callable[[Path], str]) -> Problem | None:
    suffix = path.suffix.lower()
    kind, signatures, limit_mb = ASSET_TYPES[suffix]
    size = path.stat().st_size
    if size > limit_mb * 1024 * 1024:
        return _problem(display(path), "too-large", f"Die Datei ist {size / 1024 / 1024:.1f} MB groß, "
                        f"erlaubt sind {limit_mb} MB für {kind} — verkleinern Sie sie.")
    if suffix == ".svg":
        problem = svg_problem(path.read_bytes())
        return _problem(display(path), "unsafe-file", problem) if problem else None
    if not _has_signature(path, suffix, signatures):
        return _problem(display(path), "unsafe-file", f"Die Datei heißt `{path.name}`, ist aber nicht "
                        f"{kind} — speichern Sie sie im richtigen Format oder geben Sie ihr die "
                        "passende Endung.")
    return None


def _check_file(path: Path, rel: str, display: Callable[[Path], str],
                inventory: Inventory) -> None:
    lowered = path.name.lower()
    if path.name.endswith(".md"):
        inventory.markdown.append(path)
        return
    suffix = os.path.splitext(lowered)[1]
    if lowered.endswith((".md", *OTHER_MARKDOWN)):  # MkDocs would copy `x.MD` as it is
        inventory.problems.append(_problem(display(path), "file-name", f"Die Endung `{path.suffix}` wird "
                                           f"nicht geprüft — nennen Sie die Datei `{path.stem}.md`."))
    elif suffix not in ASSET_TYPES:
        inventory.problems.append(_problem(display(path), "unsafe-file", f"Dateien mit der Endung "
                                           f"`{suffix or path.name}` werden nicht veröffentlicht — "
                                           f"erlaubt sind {_ALLOWED}. Entfernen Sie die Datei."))
    elif (folder := next((f for f in rel.split("/")[:-1] if not _FOLDER.match(f)), None)):
        inventory.problems.append(_problem(display(path), "file-name", f"Der Ordner `{folder}` "
                                           "enthält Punkte, Leerzeichen oder Sonderzeichen — "
                                           "nennen Sie ihn nur mit Buchstaben ohne Umlaut, Ziffern, "
                                           "`-` und `_`."))
    elif (held := reserved_for_files(rel)) is not None:
        inventory.problems.append(_problem(display(path), "file-name", f"Der Ordner von `{rel}` "
                                           f"ist der Website vorbehalten: {held}. "
                                           "Legen Sie Bilder und Dokumente nach `content/assets/` "
                                           "oder neben den Beitrag."))
    elif not _NAME.match(path.name):
        inventory.problems.append(_problem(display(path), "file-name", f"Der Dateiname `{path.name}` "
                                           "enthält Leerzeichen, Umlaute oder Sonderzeichen — "
                                           "verwenden Sie nur Buchstaben ohne Umlaut, Ziffern, "
                                           "`-` und `_`."))
    elif (problem := _check_asset(path, display)) is not None:
        inventory.problems.append(problem)
    else:
        inventory.assets.add(rel)


def _link_problem(display: str, is_dir: bool) -> Problem:
    this, real = ("Dieser Ordner", "einen echten Ordner") if is_dir else ("Diese Datei",
                                                                           "eine echte Datei")
    return _problem(display, "symlink", f"{this} ist ein Verweis (symbolischer Link) auf eine "
                    "andere Stelle — Verweise werden nie veröffentlicht, denn sie können Dateien "
                    f"außerhalb des Inhaltsordners preisgeben. Legen Sie {real} an.")


def take_inventory(root: Path, display: Callable[[Path], str]) -> Inventory:
    """Every file below `root` as MkDocs would publish it (names starting with `.` are
    never published), sorted; `display` names a path in messages. Read with `scandir`:
    the directory entries say what is a link without another system call per file."""
    inventory = Inventory()
    _walk(root, "", display, inventory)
    inventory.markdown.sort()
    return inventory


def _walk(folder: Path, prefix: str, display: Callable[[Path], str], inventory: Inventory) -> None:
    with os.scandir(folder) as found:
        entries = sorted((e for e in found if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:  # folders and files interleaved by name: the order does not matter
        path = folder / entry.name
        if entry.is_symlink():
            inventory.problems.append(_link_problem(display(path), entry.is_dir()))
        elif entry.is_dir(follow_symlinks=False):
            _walk(path, f"{prefix}{entry.name}/", display, inventory)
        else:
            try:
                _check_file(path, prefix + entry.name, display, inventory)
            except OSError as exc:
                inventory.problems.append(_problem(display(path), "unreadable", "Die Datei lässt "
                                                   f"sich nicht lesen (Fehler {exc.errno}) — legen "
                                                   "Sie sie neu an."))
