"""The check of a whole content tree: inventory → read and bind each file (with the file
checks, on two cores for large trees; `file_results.py`) → the tree checks → the collection.

`validate()` never raises on bad content; problems come back sorted by file and line, with
the collection of what is valid. With a `cache` (a cache folder, or a `ValidationCache`
kept in a long-running process: `cache/validation.py`) only files whose bytes changed are
read, bound and checked again; the clock's checks, the tree checks and the collection run
every time, so the result is the same as without the cache.
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
from .blame import changed_files
from .cache import ValidationCache
from .collection import Collection, is_published
from .documents import Entry, TextPage, Unbound
from .drafts import is_draft
from .file_results import load_files
from .inventory import take_inventory
from .problems import Level, Problem, sort_problems
from .rules import TREE_CHECKS, Context, Doc
from .rules.references import indexes
from .scan import BodyScan
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


def _visible_from(doc: Doc, now: datetime) -> float:
    """When a page appears: -inf already, an embargo's timestamp, +inf never (draft)."""
    if isinstance(doc, TextPage | Unbound):
        return float("inf") if is_draft(doc) else float("-inf")
    if is_published(doc, now):
        return float("-inf")
    return float("inf") if getattr(doc.data, "draft", False) else doc.data.embargo.timestamp()


def _image_src(doc: Doc) -> str | None:
    """The picture a file names in `image.src`, also when its header did not bind."""
    if isinstance(doc, Unbound):
        image = doc.meta.get("image")
        src = image.get("src") if isinstance(image, dict) else None
        return src if isinstance(src, str) else None
    image = getattr(getattr(doc, "data", None), "image", None)
    return image.src if image else None


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


def validate(root: Path, *, now: datetime, display_base: Path | None = None,
             blame_base: str = "HEAD",
             cache: Path | ValidationCache | None = None) -> ValidationResult:
    """`blame_base`: the Git revision against which files count as new or changed, for
    clashes between files (`blame.py`). `cache`: a cache folder (`.cache`; its `validate/`
    is read and written) or a `ValidationCache` to keep and pass in again."""
    if isinstance(cache, Path):
        cache = ValidationCache(cache)
    with _collector_paused():
        return _validate(root.resolve(), now, display_base, blame_base, cache)


def _validate(root: Path, now: datetime, display_base: Path | None, blame_base: str,
              cache: ValidationCache | None) -> ValidationResult:
    base = (display_base or Path.cwd()).resolve()
    inventory = take_inventory(root, lambda path: _display(path, base))
    prefix = len(str(root)) + 1
    rels = [str(path)[prefix:].replace(os.sep, "/") for path in inventory.markdown]
    files = frozenset(rels) | inventory.assets  # what can be linked to: nothing else is published
    problems = inventory.problems
    loaded: list[tuple[Doc, BodyScan]] = []
    jobs = [(path, rel, _display(path, base)) for path, rel in zip(inventory.markdown, rels, strict=True)]
    for doc, doc_problems, scan in load_files(jobs, root, now, cache):
        problems += doc_problems
        if doc is not None and scan is not None:
            loaded.append((doc, scan))
    entries = [d for d, _ in loaded if isinstance(d, Entry)]
    found = indexes(doc for doc, _ in loaded)
    if any(len(group) > 1 for index in found.values() for group in index.values()):
        # Files clash: Git says which of them is new or changed, and so to blame.
        found = indexes((doc for doc, _ in loaded), changed_files(root, blame_base))
    context = Context(
        now, files, {doc.src: _visible_from(doc, now) for doc, _ in loaded},
        {doc.src: scan for doc, scan in loaded},
        {t.ref or "": {e.slug for e in entries if e.type is t} for t in REFERENCE_TYPES},
        **found)
    assets: dict[str, frozenset[str]] = {}
    for doc, scan in loaded:
        for check in TREE_CHECKS:
            problems += check(doc, scan, context)
        assets[doc.src] = local_files(doc.src, _image_src(doc),
                                      (link.target for link in scan.links), context.exists)
    pages = [d for d, _ in loaded if isinstance(d, TextPage)]
    # A draft whose header did not bind yet is not published either (nor its pictures).
    unfinished = frozenset(d.src for d, _ in loaded if isinstance(d, Unbound) and is_draft(d))
    collection = Collection(tuple(entries), tuple(pages), now, assets, unfinished)
    return ValidationResult(collection, sort_problems(problems), len(files), files)
