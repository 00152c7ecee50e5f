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
from .documents import Entry, Page, Unbound, bind_source, taken_by_type
from .inventory import take_inventory
from .loader import read_source
from .problems import Level, Problem, sort_problems
from .rules import check_body, check_dates, check_links, check_references
from .scan import BodyScan, scan_body
from .types import REFERENCE_TYPES

__all__ = ["ValidationResult", "list_sources", "validate"]


@dataclass(frozen=True)
class ValidationResult:
    collection: Collection
    problems: list[Problem]
    files: int
    publishable: frozenset[str] = frozenset()  # content-root paths of every file checked fine

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.WARNING]


def list_sources(root: Path) -> list[Path]:
    """Every Markdown file below root that would be published, in a stable order."""
    return take_inventory(root, str).markdown


def _display(path: Path, base: Path | None) -> str:
    """The path as messages show it: relative to `base` when it lies below it."""
    text = str(path)
    if base is not None and text.startswith(prefix := f"{base}{os.sep}"):
        return text[len(prefix):].replace(os.sep, "/")
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


def _same_address(entries: list[Entry], pages: list[Page]) -> list[Problem]:
    """Two files that MkDocs would write to one address: the later one would replace the
    other without a word (items of one type are checked by `duplicate-slug`)."""
    first: dict[str, Entry | Page] = {}
    problems = []
    docs: list[Entry | Page] = [*entries, *(p for p in pages
                                            if taken_by_type(p.src.split("/")) is None)]
    for doc in sorted(docs, key=lambda d: (isinstance(d, Page), d.src)):
        other = first.setdefault(doc.url, doc)
        if other is not doc and isinstance(doc, Page):
            problems.append(Problem(doc.display, 1, 1, Level.ERROR, "duplicate-slug", "Diese "
                                    f"Seite hätte dieselbe Adresse `{doc.url}` wie `{other.src}` "
                                    "— benennen Sie eine der beiden Dateien um."))
    return problems


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
    inventory = take_inventory(root, lambda path: _display(path, base))
    paths = inventory.markdown
    prefix = len(str(root)) + 1
    rels = [str(path)[prefix:].replace(os.sep, "/") for path in paths]
    all_files = set(rels) | inventory.assets  # what can be linked to: nothing else is published
    problems = inventory.problems
    loaded: list[tuple[Doc, BodyScan]] = []
    for doc, doc_problems, scan in map_in_halves(_load_job, [(p, r, root, base) for p, r in
                                                            zip(paths, rels, strict=True)]):
        problems += doc_problems
        if doc is not None and scan is not None:
            loaded.append((doc, scan))
    entries = [d for d, _ in loaded if isinstance(d, Entry)]
    pages = [d for d, _ in loaded if isinstance(d, Page)]
    unbound = [d for d, _ in loaded if isinstance(d, Unbound)]
    known = {t.ref or "": {e.slug for e in entries if e.type is t} for t in REFERENCE_TYPES}
    problems += check_references(entries, known, unbound)
    problems += _same_address(entries, pages)
    visible_from = {doc.src: _visible_from(doc, now) for doc, _ in loaded}
    exists = all_files.__contains__
    assets: dict[str, frozenset[str]] = {}
    scans = {doc.src: scan for doc, scan in loaded}
    for doc, scan in loaded:
        problems += check_links(doc, scan, all_files, visible_from, exists, scans)
        image = getattr(getattr(doc, "data", None), "image", None)
        assets[doc.src] = local_files(doc.src, image.src if image else None,
                                      (link.target for link in scan.links), exists)
        if isinstance(doc, Entry) and doc.type.is_item:
            problems += check_dates(doc, now)
    collection = Collection(tuple(entries), tuple(pages), now, assets)
    return ValidationResult(collection, sort_problems(problems), len(all_files),
                            frozenset(all_files))
