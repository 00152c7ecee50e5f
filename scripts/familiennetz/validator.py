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
from .scan import scan_body

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
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def validate(root: Path, *, now: datetime, display_base: Path | None = None) -> ValidationResult:
    root = root.resolve()
    base = (display_base or Path.cwd()).resolve()
    problems: list[Problem] = []
    docs: list[Entry | Page] = []
    all_files: set[str] = set()
    for path in list_sources(root):
        all_files.add(path.relative_to(root).as_posix())
        source, read_problems = read_source(path, root, _display(path, base))
        problems += read_problems
        if source is None:
            continue
        doc, bind_problems = bind_source(source)
        problems += bind_problems
        if doc is not None:
            docs.append(doc)
    entries = [d for d in docs if isinstance(d, Entry)]
    pages = [d for d in docs if isinstance(d, Page)]
    known = {t.ref or "": {e.slug for e in entries if e.type == t} for t in REFERENCE_TYPES}
    problems += check_references(entries, known)
    # Pages are always published; items only when not draft/embargoed; broken files never.
    published = {p.src for p in pages} | {e.src for e in entries if is_published(e, now)}
    exists_cache: dict[str, bool] = {}

    def exists(rel: str) -> bool:
        if rel not in exists_cache:
            exists_cache[rel] = rel in all_files or (root / rel).is_file()
        return exists_cache[rel]

    for doc in docs:
        scan = scan_body(doc.body)
        problems += check_body(doc, scan)
        problems += check_links(doc, scan, all_files, published, exists)
        if isinstance(doc, Entry) and doc.type.is_item:
            problems += check_dates(doc, now)
    collection = Collection(tuple(entries), tuple(pages), now)
    return ValidationResult(collection, sort_problems(problems), len(all_files))
