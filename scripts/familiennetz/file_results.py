"""What the validation learns from each file on its own: read, bind, scan, the file checks —
taken from a `ValidationCache` where the file's bytes did not change.

Files not in the cache are done on two cores for large trees (`cores.map_in_halves`); the
checks that read the clock (`rules.CLOCK_CHECKS`) run for every file at every validation,
so that a cached result never carries yesterday's "in the future".
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from .cache import ValidationCache, code_version
from .cache.validation import pickled
from .cores import in_child, map_in_halves
from .documents import bind_source
from .drafts import is_draft, soften_gaps
from .loader import parse_source, read_bytes
from .problems import Problem
from .rules import CLOCK_CHECKS, TIMELESS_CHECKS, Context, Doc
from .scan import BodyScan, scan_body

__all__ = ["Loaded", "load_files"]

Loaded = tuple[Doc | None, list[Problem], BodyScan | None]
# (path, rel, display): the file, its path below the content root, its path in messages
Job = tuple[Path, str, str]


def _timeless(data: bytes, path: Path, root: Path, rel: str, display: str) -> Loaded:
    """Everything that depends on this file's bytes alone."""
    source, problems = parse_source(data, path, root, display, rel)
    if source is None:
        return None, problems, None
    doc, bind_problems = bind_source(source)
    problems += bind_problems
    if doc is None:
        return None, problems, None
    scan = scan_body(doc.body)
    # Naive on purpose: a timeless check that compared it with a moment would fail loudly
    # (and tests/test_validation_cache.py runs them at two far-apart moments).
    context = Context(datetime.min)  # noqa: DTZ901
    for check in TIMELESS_CHECKS:
        problems += check(doc, scan, context)
    if is_draft(doc):  # its gaps are warnings: a draft never stops the site (drafts.py)
        problems = soften_gaps(problems)
    return doc, problems, scan


def _compute(job: tuple[Path, Path, str, str, bytes | None, bool]) -> tuple[Loaded | None, bytes | None]:
    """One file not in the cache (on either core); with its pickle when it is to be kept, made
    where it was computed. From the second core only the pickle travels back: it would be
    pickled for the way anyway."""
    path, root, rel, display, data, keep = job
    if data is None:
        data, problems = read_bytes(path, display)
        if data is None:
            return (None, problems, None), None
    loaded = _timeless(data, path, root, rel, display)
    blob = pickled(loaded) if keep else None
    return (None if blob is not None and in_child() else loaded), blob


def _unpacked(result: tuple[Loaded | None, bytes | None]) -> Loaded:
    loaded, blob = result
    if loaded is None and blob is not None:
        unpickled: Loaded = pickle.loads(blob)  # made by `_compute` a moment ago
        return unpickled
    assert loaded is not None  # `_compute` returns one or the other
    return loaded


def _key(rel: str, display: str, data: bytes) -> bytes:
    digest = hashlib.blake2b(code_version().encode(), digest_size=20)
    for part in (rel.encode("utf-8", "surrogatepass"), display.encode("utf-8", "surrogatepass")):
        digest.update(len(part).to_bytes(8, "little"))  # lengths: no two tuples hash alike
        digest.update(part)
    digest.update(data)
    return digest.digest()


def _with_clock(loaded: Loaded, context: Context) -> Loaded:
    doc, problems, scan = loaded
    if doc is None or scan is None or not CLOCK_CHECKS:
        return doc, list(problems), scan
    found = [p for check in CLOCK_CHECKS for p in check(doc, scan, context)]
    return doc, [*problems, *(soften_gaps(found) if is_draft(doc) else found)], scan


def load_files(jobs: Sequence[Job], root: Path, now: datetime,
               cache: ValidationCache | None) -> list[Loaded]:
    """Each file's results, in the order of `jobs`."""
    if cache is None:
        todo = [(path, root, rel, display, None, False) for path, rel, display in jobs]
        timeless = [_unpacked(result) for result in map_in_halves(_compute, todo)]
    else:
        timeless = _through_cache(jobs, root, cache)
    context = Context(now)
    return [_with_clock(loaded, context) for loaded in timeless]


def _through_cache(jobs: Sequence[Job], root: Path, cache: ValidationCache) -> list[Loaded]:
    cache.start()
    found: list[Loaded | None] = []
    missing: list[tuple[int, bytes]] = []  # (index, key)
    todo = []
    for path, rel, display in jobs:
        data, problems = read_bytes(path, display)
        if data is None:  # unreadable or too large: told without reading, nothing to keep
            found.append((None, problems, None))
            continue
        key = _key(rel, display, data)
        found.append(cache.get(key))
        if found[-1] is None:
            missing.append((len(found) - 1, key))
            todo.append((path, root, rel, display, data, True))
    for (index, key), result in zip(missing, map_in_halves(_compute, todo), strict=True):
        found[index] = loaded = _unpacked(result)
        cache.put(key, loaded, result[1])
    cache.finish()
    return [loaded for loaded in found if loaded is not None]
