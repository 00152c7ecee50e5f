"""Files a previous build made from the same inputs — the feeds and calendars — kept in
`<cache>/<kind>/<key>`: one or more files' bytes, framed with their lengths, so that a cut
or foreign file is recognised and made again."""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from ..documents import Entry
from .fingerprint import Fingerprints, digest

__all__ = ["OutputMemo", "OutputStore"]

_MAGIC = b"FNCACHE1"


class OutputStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def get(self, key: str) -> list[bytes] | None:
        try:
            data = (self.root / key).read_bytes()
        except OSError:
            return None
        if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 4:
            return None
        (count,) = struct.unpack_from(">I", data, len(_MAGIC))
        at = len(_MAGIC) + 4 + 8 * count
        if count > 1000 or len(data) < at:
            return None
        sizes = struct.unpack_from(f">{count}Q", data, len(_MAGIC) + 4)
        if at + sum(sizes) != len(data):
            return None
        found = []
        for size in sizes:
            found.append(data[at:at + size])
            at += size
        return found

    def put(self, key: str, files: Sequence[bytes]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        head = _MAGIC + struct.pack(f">I{len(files)}Q", len(files), *(len(f) for f in files))
        scratch = self.root / f"{key}.tmp"
        scratch.write_bytes(head + b"".join(files))
        os.replace(scratch, self.root / key)

    def prune(self, used: Iterable[str]) -> None:
        keep = set(used)
        if self.root.is_dir():
            with os.scandir(self.root) as found:
                for item in found:
                    if item.name not in keep:
                        os.unlink(item.path)


class OutputMemo:
    """What `feeds.build_feed_files` asks: an entry's digest, and a file made or reused."""

    def __init__(self, store: OutputStore, fingerprints: Fingerprints,
                 html: Mapping[str, str], content_root: Path) -> None:
        self.store = store
        self.content_root = content_root  # enclosures give their pictures' sizes
        self.fingerprints = fingerprints
        self.html = html
        self.used: list[str] = []

    def entry(self, entry: Entry) -> str:
        """What a feed shows of an entry: its values, facts, references, its body, and the
        sizes of its files."""
        sizes = []
        for rel in sorted(self.fingerprints.collection.assets.get(entry.src, ())
                          if self.fingerprints.collection else ()):
            try:
                sizes.append(f"{rel}:{(self.content_root / rel).stat().st_size}")
            except OSError:
                sizes.append(f"{rel}:-")
        return digest(self.fingerprints.shown(entry), self.html.get(entry.src) or "", *sizes)

    def __call__(self, parts: Sequence[str], make: Callable[[], list[bytes]]) -> list[bytes]:
        key = digest(*parts)
        self.used.append(key)
        found = self.store.get(key)
        if found is not None:
            return found
        made = make()
        self.store.put(key, made)
        return made

    def finish(self) -> None:
        self.store.prune(self.used)
