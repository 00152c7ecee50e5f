"""The whole check of a content tree: read → bind → rules → collection.

`validate()` never raises on bad content; problems come back sorted by file and line.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .assets import local_files
from .collection import Collection, is_published
from .cores import map_in_halves
from .doctypes import REFERENCE_TYPES
from .documents import Entry, Page, Unbound, bind_source
from .loader import read_source
from .problems import Level, Problem, sort_problems
from .rules import check_body, check_dates, check_links, check_references
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


# What MkDocs treats as Markdown (mkdocs.utils.markdown_extensions); we read only `.md`.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd")


def _walk(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files below root as MkDocs sees them: dot-folders excluded, links followed."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in sorted(files)
                     if f.lower().endswith(suffixes) and not f.startswith("."))
    return found


def list_sources(root: Path) -> list[Path]:
    """Every Markdown file below root, in a stable order."""
    return _walk(root, (".md",))


def _display(path: Path, base: Path | None) -> str:
    if base is not None and str(path).startswith(f"{base}{os.sep}"):
        return str(path)[len(str(base)) + 1:].replace(os.sep, "/")
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


Doc = Entry | Page | Unbound
Loaded = tuple["Doc | None", list[Problem], "BodyScan | None"]


def _load_one(path: Path, rel: str, root: Path, base: Path) -> Loaded:
    """Everything that needs only this one file: read, bind, scan, body rules.

    Runs on two cores for large trees (see cores.py).
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


def _load_job(job: tuple[Path, str, Path, Path]) -> Loaded:
    return _load_one(*job)


def _visible_from(doc: Doc, now: datetime) -> float:
    """When a page appears: -inf already, an embargo's timestamp, +inf never (draft)."""
    if isinstance(doc, Page):
        return float("inf") if doc.draft else float("-inf")
    if not isinstance(doc, Entry) or is_published(doc, now):
        return float("-inf")
    return float("inf") if getattr(doc.data, "draft", False) else doc.data.embargo.timestamp()


def _other_markdown(root: Path, base: Path) -> list[Problem]:
    """`.markdown` and friends would be built by MkDocs without ever being checked."""
    return [Problem(_display(path, base), 1, 1, Level.ERROR, "file-name", f"Die Endung "
                    f"`{path.suffix}` wird nicht geprüft — nennen Sie die Datei `{path.stem}.md`.")
            for path in _walk(root, OTHER_MARKDOWN) if not path.name.lower().endswith(".md")]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading builds hundreds of thousands of small objects and no reference cycles; the
    garbage collector would walk all of them again and again (measured: a third of the
    validation time at 10,000 files). Whatever is garbage is collected afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate(root: Path, *, now: datetime, display_base: Path | None = None) -> ValidationResult:
    with _collector_paused():
        return _validate(root.resolve(), now, display_base)


def _validate(root: Path, now: datetime, display_base: Path | None) -> ValidationResult:
    base = (display_base or Path.cwd()).resolve()
    paths = list_sources(root)
    prefix = len(str(root)) + 1
    rels = [str(path)[prefix:].replace(os.sep, "/") for path in paths]
    all_files = set(rels)
    problems = _other_markdown(root, base)
    loaded: list[tuple[Doc, BodyScan]] = []
    for doc, doc_problems, scan in map_in_halves(_load_job, [(p, r, root, base) for p, r in
                                                            zip(paths, rels, strict=True)]):
        problems += doc_problems
        if doc is not None and scan is not None:
            loaded.append((doc, scan))
    entries = [d for d, _ in loaded if isinstance(d, Entry)]
    pages = [d for d, _ in loaded if isinstance(d, Page)]
    unbound = [d for d, _ in loaded if isinstance(d, Unbound)]
    known = {t.ref or "": {e.slug for e in entries if e.type == t} for t in REFERENCE_TYPES}
    problems += check_references(entries, known, unbound)
    visible_from = {doc.src: _visible_from(doc, now) for doc, _ in loaded}
    exists_cache: dict[str, bool] = {}

    def exists(rel: str) -> bool:
        if rel not in exists_cache:
            exists_cache[rel] = rel in all_files or (root / rel).is_file()
        return exists_cache[rel]

    assets: dict[str, frozenset[str]] = {}
    for doc, scan in loaded:
        problems += check_links(doc, scan, all_files, visible_from, exists)
        image = getattr(getattr(doc, "data", None), "image", None)
        assets[doc.src] = local_files(doc.src, image.src if image else None,
                                      (link.target for link in scan.links), exists)
        if isinstance(doc, Entry) and doc.type.is_item:
            problems += check_dates(doc, now)
    collection = Collection(tuple(entries), tuple(pages), now, assets)
    return ValidationResult(collection, sort_problems(problems), len(all_files))
