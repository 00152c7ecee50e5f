"""Files a previous build made from the same inputs — the feeds and calendars, the
converted bodies — kept in `<cache>/<kind>/`: the i-th file a key's maker gave as
`<key>.<i>`, byte for byte, so that a build can hard-link it into the new site instead of
reading and writing it (at 10,000 items the feeds child spent 1.2 of its 1.5 s of an edit's
rebuild opening files). Which files a key has, and their sizes, is in `sizes.json`, read once
and written when the build is done (`prune`): a file that is cut or gone is made again, as
`make` or Git's index would tell by its size; a file's bytes are never written in place."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from ..documents import Entry
from .fingerprint import Fingerprints, digest

__all__ = ["OutputMemo", "OutputStore"]

_INDEX = "sizes.json"


class OutputStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._sizes: dict[str, list[int]] | None = None  # key → size of each of its files

    def _index(self) -> dict[str, list[int]]:
        if self._sizes is None:
            try:
                data = json.loads((self.root / _INDEX).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            self._sizes = {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, list)
                           and all(isinstance(n, int) for n in v)} if isinstance(data, dict) else {}
        return self._sizes

    def paths(self, key: str) -> list[Path] | None:
        """The key's files, each as big as when it was kept; None if any is not."""
        sizes = self._index().get(key)
        if sizes is None:
            return None
        paths = [self.root / f"{key}.{i}" for i in range(len(sizes))]
        for path, size in zip(paths, sizes, strict=True):
            try:
                if os.stat(path).st_size != size:
                    return None
            except OSError:
                return None
        return paths

    def get(self, key: str) -> list[bytes] | None:
        paths = self.paths(key)
        if paths is None:
            return None
        try:
            found = [path.read_bytes() for path in paths]
        except OSError:
            return None
        return found if [len(f) for f in found] == self._index()[key] else None

    def put(self, key: str, files: Sequence[bytes]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for i, data in enumerate(files):
            scratch = self.root / f"{key}.{i}.tmp"
            scratch.write_bytes(data)
            os.replace(scratch, self.root / f"{key}.{i}")  # a new file: a link to the old one keeps it
        self._index()[key] = [len(f) for f in files]

    def prune(self, used: Iterable[str]) -> None:
        """Forget and remove every key but `used`, and keep the sizes for the next build."""
        keep = set(used)
        sizes = self._index()
        self._sizes = {k: v for k, v in sizes.items() if k in keep}
        if not self.root.is_dir():
            return
        with os.scandir(self.root) as found:
            for item in found:
                if item.name != _INDEX and item.name.split(".", 1)[0] not in self._sizes:
                    os.unlink(item.path)
        scratch = self.root / f"{_INDEX}.tmp"
        scratch.write_text(json.dumps(self._sizes, separators=(",", ":")), encoding="utf-8")
        os.replace(scratch, self.root / _INDEX)


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

    def __call__(self, parts: Sequence[str],
                 make: Callable[[], list[bytes]]) -> Sequence[bytes | Path]:
        """The files `make()` gives: the kept ones (as paths to link), or made now."""
        key = digest(*parts)
        self.used.append(key)
        found = self.store.paths(key)
        if found is not None:
            return found
        made = make()
        self.store.put(key, made)
        return made

    def finish(self) -> None:
        self.store.prune(self.used)
