"""The whole check of a content tree: read → bind → rules → collection.

`validate()` never raises on bad content; problems come back sorted by file and line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .collection import Collection, is_published
from .doctypes import REFERENCE_TYPES
from .documents import Entry, Page, bind_source
from .loader import read_source
from .problems import Level, Problem, sort_problems
from .rules import check_body, check_dates, check_links, check_references
from .rules.links import local_assets
from .scan import BodyScan, scan_body

__all__ = ["ValidationResult", "list_sources", "validate"]


@dataclass(frozen=True)
class ValidationResult:
    collection: Collection
    problems: list[Problem]
    files: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.WARNING]


def list_sources(root: Path) -> list[Path]:
    """Every Markdown file below root, skipping hidden folders, in a stable order."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found.extend(Path(folder, f) for f in sorted(files) if f.endswith(".md"))
    return found


def _display(path: Path, base: Path | None) -> str:
    if base is not None and str(path).startswith(f"{base}{os.sep}"):
        return str(path)[len(str(base)) + 1:].replace(os.sep, "/")
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


Loaded = tuple["Entry | Page | None", list[Problem], "BodyScan | None"]


def _load_one(path: Path, rel: str, root: Path, base: Path) -> Loaded:
    """Everything that needs only this one file: read, bind, scan, body rules.

    (Spreading this over two processes was measured slower: pickling the parsed
    documents back costs more than the parsing saves.)
    """
    source, problems = read_source(path, root, _display(path, base), rel)
    if source is None:
        return None, problems, None
    doc, bind_problems = bind_source(source)
    problems += bind_problems
    if doc is None:
        return None, problems, None
    scan = scan_body(doc.body)
    problems += check_body(doc, scan)
    return doc, problems, scan


def validate(root: Path, *, now: datetime, display_base: Path | None = None) -> ValidationResult:
    root = root.resolve()
    base = (display_base or Path.cwd()).resolve()
    paths = list_sources(root)
    prefix = len(str(root)) + 1
    rels = [str(path)[prefix:].replace(os.sep, "/") for path in paths]
    all_files = set(rels)
    problems: list[Problem] = []
    loaded: list[tuple[Entry | Page, BodyScan]] = []
    for doc, doc_problems, scan in (_load_one(p, r, root, base) for p, r in zip(paths, rels, strict=True)):
        problems += doc_problems
        if doc is not None and scan is not None:
            loaded.append((doc, scan))
    entries = [d for d, _ in loaded if isinstance(d, Entry)]
    pages = [d for d, _ in loaded if isinstance(d, Page)]
    known = {t.ref or "": {e.slug for e in entries if e.type == t} for t in REFERENCE_TYPES}
    problems += check_references(entries, known)
    # Pages are always published; items only when not draft/embargoed; broken files never.
    published = {p.src for p in pages} | {e.src for e in entries if is_published(e, now)}
    exists_cache: dict[str, bool] = {}

    def exists(rel: str) -> bool:
        if rel not in exists_cache:
            exists_cache[rel] = rel in all_files or (root / rel).is_file()
        return exists_cache[rel]

    assets: dict[str, frozenset[str]] = {}
    for doc, scan in loaded:
        problems += check_links(doc, scan, all_files, published, exists)
        assets[doc.src] = local_assets(doc, scan, exists)
        if isinstance(doc, Entry) and doc.type.is_item:
            problems += check_dates(doc, now)
    collection = Collection(tuple(entries), tuple(pages), now, assets)
    return ValidationResult(collection, sort_problems(problems), len(all_files))
