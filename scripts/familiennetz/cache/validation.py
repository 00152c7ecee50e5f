"""The validation's per-file results, kept between validations: in this process and, given a
cache folder, in `<cache>/validate/` for the next process.

    cache = ValidationCache(Path(".cache"))   # or ValidationCache() for memory only
    validate(root, now=now, cache=cache)     # every file is read, bound, scanned, checked
    validate(root, now=now, cache=cache)     # only files whose bytes changed are redone

`validate(..., cache=Path(".cache"))` makes one for a single call (a build). A long-running
preview keeps one object and passes it in again and again: an unchanged file costs reading
its bytes, one hash and the checks that read the clock (`rules.CLOCK_CHECKS`); the tree
checks and the collection run every time. `hits` and `misses` count the last validation,
`len()` the files kept. With a folder, each validation that changed something rewrites the
file (about 0.15 s at 10,000 files); a preview may pass `save_each_time=False` and call
`save()` when it stops. One validation at a time per object (it is not thread-safe).

What is kept, per file: the bound document, the body scan and the problems of reading,
binding and the timeless file checks — the key is a digest of `code_version()`, the file's
path in the tree, its path as messages show it and its bytes; nothing else goes into these
results (the clock's checks are not kept but re-run). On disk this is one file,
`results-<code_version>.pickle`: a magic line, the SHA-256 of the rest, and a pickle of
{key: pickle of one file's results}; each file's results are unpickled only when that file
is looked up. Pickle because the results are the package's own frozen dataclasses: marshal
and JSON take only plain data, from which Python code would have to rebuild every object.
Measured at 10,000 files (the bench corpus, 31 MB of Markdown): the file is 44 MB (the
bodies and headers are most of it), unpickling every entry takes about 0.5 s; a reducer
that skips dataclasses' `__setstate__` saved under a tenth of that; zlib (level 1) would
shrink the file to 7 MB but cost 0.3 s to write and 0.15 s to read, and `actions/cache`
compresses what it keeps anyway.

The cache is never trusted: a missing, truncated or corrupt file, a checksum or a version
that does not match, an entry that does not unpickle — each means "compute again". After
each validation the entries no file used are dropped, in memory and on disk, and files of
other code versions are deleted; the file is rewritten only when something changed.
Pickle runs code when it loads: the cache folder must be writable only by whoever builds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from .version import code_version

__all__ = ["ValidationCache", "pickled"]

FOLDER = "validate"
_MAGIC = b"familiennetz-validate 1\n"
_DIGEST = 32  # bytes of SHA-256


def _versions() -> tuple[str, str, int]:
    """What a stored pickle must have been written by (code, Python, pickle protocol)."""
    return code_version(), sys.version.split()[0], pickle.HIGHEST_PROTOCOL


class ValidationCache:
    """Per-file results by key (see the module docstring); `folder`: the build's cache
    folder (`.cache`), or None to keep them in this process only."""

    def __init__(self, folder: Path | None = None, *, save_each_time: bool = True) -> None:
        self.folder = folder / FOLDER if folder is not None else None
        self.save_each_time = save_each_time
        self._live: dict[bytes, Any] = {}  # key → results, as objects
        self._blobs: dict[bytes, bytes] = {}  # key → results, pickled (as read or to write)
        self._used: set[bytes] = set()
        self._read = False
        self._changed = False
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        """How many files' results are kept."""
        return len(self._live.keys() | self._blobs.keys())

    @property
    def file(self) -> Path | None:
        return self.folder / f"results-{code_version()}.pickle" if self.folder else None

    def start(self) -> None:
        """Before a validation: read the folder (the first time), reset the counts."""
        if not self._read and self.file is not None:
            self._blobs = _load(self.file)
        self._read = True
        self._used = set()
        self.hits = self.misses = 0

    def get(self, key: bytes) -> Any | None:
        if (value := self._live.get(key)) is None and (blob := self._blobs.get(key)) is not None:
            try:
                value = pickle.loads(blob)  # our own file, checksummed (see above)
            except Exception:  # a broken entry is computed again, whatever broke
                del self._blobs[key]
                value = None
            else:
                self._live[key] = value
        if value is None:
            self.misses += 1
            return None
        self._used.add(key)
        self.hits += 1
        return value

    def put(self, key: bytes, value: Any, blob: bytes | None = None) -> None:
        """Keep `value`; `blob`, its pickle, if already made (on the second core)."""
        self._live[key] = value
        if blob is not None:
            self._blobs[key] = blob
        else:
            self._blobs.pop(key, None)
        self._used.add(key)
        self._changed = True

    def finish(self) -> None:
        """After a validation: drop what no file used, and write the folder if it changed
        (unless `save_each_time` is off)."""
        for store in (self._live, self._blobs):
            for key in [k for k in store if k not in self._used]:
                del store[key]
                self._changed = True
        if self.save_each_time:
            self.save()

    def save(self) -> None:
        """Write the folder, if anything changed since it was last written or read."""
        if self._changed and self.file is not None:
            for key, value in self._live.items():
                if key not in self._blobs and (blob := pickled(value)) is not None:
                    self._blobs[key] = blob
            _save(self.file, self._blobs)
        self._changed = False


def pickled(value: Any) -> bytes | None:
    """`value` pickled, or None: what cannot be pickled is kept in memory only, never a
    reason for a validation to fail (headers are bounded in depth, yet)."""
    try:
        return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None


def _load(file: Path) -> dict[bytes, bytes]:
    try:
        data = file.read_bytes()
    except OSError:
        return {}
    head, digest = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + _DIGEST]
    payload = memoryview(data)[len(_MAGIC) + _DIGEST:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return {}
    try:
        versions, blobs = pickle.loads(payload)
    except Exception:  # checksummed, yet: anything wrong means "compute again"
        return {}
    if versions != _versions() or not isinstance(blobs, dict) or \
            not all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in blobs.items()):
        return {}
    return blobs


def _save(file: Path, blobs: dict[bytes, bytes]) -> None:
    """Atomically (a build that stops halfway leaves the old file), and quietly: a cache
    that cannot be written only makes the next validation slower."""
    payload = pickle.dumps((_versions(), blobs), pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        # Other code versions' files are never read again; a `.tmp` is left by a build
        # that was stopped while writing.
        for old in [*file.parent.glob("results-*.pickle"), *file.parent.glob(".results-*.tmp")]:
            if old != file:
                old.unlink(missing_ok=True)
        fd, name = tempfile.mkstemp(dir=file.parent, prefix=".results-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(_MAGIC)
                stream.write(hashlib.sha256(payload).digest())
                stream.write(payload)
            os.replace(name, file)
        except OSError:
            Path(name).unlink(missing_ok=True)
            raise
