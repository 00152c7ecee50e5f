"""The index in parts: what the search page asks first, and the archive, one part per year.

Why parts: Pagefind holds a whole index in memory while it writes it, and the chunks of
common words and its metadata grow with every page in an index. Measured at 30,000 items
as one index: 5 GB for Pagefind's process, 599 KB for a first query of "familie". Split,
each piece is indexed by its own Pagefind run, one after the other, so the memory is that
of the largest piece; a first query loads only the current part; and a piece whose
documents did not change is taken from the cache as it is (an hourly build, or an edit
of one item, indexes one piece of the current part only).

- The current part (`CURRENT`, its first piece in `site/pagefind/`): everything undated
  (offers, the pages about districts, networks and topics, ordinary pages) and the items of
  this year and the last one. The search page loads it first.
- One archive part per older year (`site/pagefind-teile/<year>/`), which the search page
  adds when the reader asks for older items (Pagefind's `mergeIndex`). A year becomes an
  archive only on 1 January, and then never changes unless an item of it does: whole
  calendar years, not "the last 24 months", so that an old year's part is reused for
  ever, not re-indexed whenever a day passes.

A part of more than `MAX_PAGES` pages is indexed in pieces (by a digest of each page's
URL, so a page stays in its piece while the part's size stays in the same band): Pagefind's
memory is about fifty times the documents it is given (measured at 10,000 items: the
current part's 3,600 documents, 13 MB, took 660–730 MiB), so a piece's size bounds it.
The search page merges the current part's pieces at once and an archive year's with it.

`PartSpool` keeps each part's documents in a file while MkDocs converts the pages (the
Python process keeps only a digest per page), and says each part's cache key.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..addresses import SEARCH_PIECES

__all__ = ["CURRENT", "CURRENT_YEARS", "MAX_PAGES", "OUTPUT", "PIECES", "Part", "PartSpool", "Piece",
           "document_digest", "index_order", "is_merged", "output_of", "part_of", "piece_name", "piece_of",
           "read_spool"]

OUTPUT = "pagefind"  # the current part's first piece; search.js loads pagefind/pagefind.js
PIECES = SEARCH_PIECES  # every other piece: pagefind-teile/<name>/
CURRENT = "aktuell"
CURRENT_YEARS = 2  # this year and the last one
MAX_PAGES = 2000  # per piece, that is per Pagefind run


def part_of(year: str | None, this_year: int) -> str:
    """The part a page goes to: its year's archive, or the current part."""
    if year is None or not year.isdigit() or int(year) > this_year - CURRENT_YEARS:
        return CURRENT
    return year


def index_order(srcs: Iterable[str], parts: Mapping[str, str]) -> list[str]:
    """The pages in the order to convert them in: the archive's years, oldest first, then
    the current part, then the pages not indexed (`parts`: src → part), each group in its
    order — so that each part is complete, and indexed, as early as can be."""
    years = sorted({part for part in parts.values() if part != CURRENT})
    rank = {part: i for i, part in enumerate([*years, CURRENT])}
    return sorted(srcs, key=lambda src: rank.get(parts.get(src, ""), len(rank)))


def is_merged(piece: str) -> bool:
    """Whether the search page merges the piece (every one but the current part's first),
    which then keeps only what `mergeIndex` reads."""
    return piece != CURRENT


def output_of(piece: str) -> str:
    """Where a piece lives below site_dir."""
    return OUTPUT if piece == CURRENT else f"{PIECES}/{piece}"


def piece_of(url: str, count: int) -> int:
    return int(hashlib.sha256(url.encode("utf-8")).hexdigest()[:8], 16) % count


def piece_name(part: str, index: int) -> str:
    return part if index == 0 else f"{part}-{index + 1}"


def document_digest(document: str | bytes) -> str:
    """A document's digest (its text, or its UTF-8 bytes), as a piece's key takes it."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    return hashlib.sha256(data).hexdigest()[:32]


@dataclass(frozen=True)
class Piece:
    part: str
    index: int
    count: int
    key: str  # the cache key: the code's version, the piece and every document in it

    @property
    def name(self) -> str:
        return piece_name(self.part, self.index)


@dataclass
class Part:
    name: str
    spool: Path
    pages: dict[str, str] = field(default_factory=dict)  # url → digest of its document

    @property
    def count(self) -> int:
        """How many pieces it is indexed in."""
        return max(1, math.ceil(len(self.pages) / MAX_PAGES))

    def pieces(self, version: str) -> list[Piece]:
        count = self.count
        digests = [hashlib.sha256(f"{version}\n{self.name}\n{i}/{count}\n".encode()) for i in range(count)]
        for url in sorted(self.pages):
            digests[piece_of(url, count)].update(f"{url}\t{self.pages[url]}\n".encode())
        return [Piece(self.name, i, count, d.hexdigest()[:32]) for i, d in enumerate(digests)]


class PartSpool:
    """Each part's documents in a file of its own below `folder`, as they come."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts: dict[str, Part] = {}
        self._files: dict[str, BinaryIO] = {}

    def add(self, part: str, url: str, document: str) -> None:
        found = self.parts.get(part)
        if found is None:
            found = self.parts[part] = Part(part, self.folder / f"{part}.spool")
            self._files[part] = found.spool.open("wb")
        data, name = document.encode("utf-8"), url.encode("utf-8")
        found.pages[url] = document_digest(data)
        self._files[part].write(b"%d %d\n%s%s" % (len(name), len(data), name, data))

    def close_part(self, part: str) -> None:
        """No more pages for this part: its file is complete."""
        if (handle := self._files.pop(part, None)) is not None:
            handle.close()

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()

    @property
    def pages(self) -> int:
        return sum(len(p.pages) for p in self.parts.values())


def read_spool(path: Path, piece: tuple[int, int] = (0, 1)) -> Iterator[tuple[str, str]]:
    """(url, document) as `PartSpool.add` wrote them, of one piece (index, count), sorted by
    URL; one document in memory at a time (a part's are tens of megabytes)."""
    places: list[tuple[str, int, int]] = []  # (url, offset, size)
    with path.open("rb") as spool:
        while header := spool.readline():
            url_size, size = (int(n) for n in header.split())
            url = spool.read(url_size).decode("utf-8")
            if piece_of(url, piece[1]) == piece[0]:
                places.append((url, spool.tell(), size))
            spool.seek(size, 1)
        for url, offset, size in sorted(places):
            spool.seek(offset)
            yield url, spool.read(size).decode("utf-8")
