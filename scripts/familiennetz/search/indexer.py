"""Run Pagefind over the built site: the search index in `site/pagefind/`.

The `pagefind` binary comes in the `pagefind_bin` wheel (no download at build time); we
run it as `python -m pagefind`, the way its Python package documents. It reads what the
templates marked: `data-pagefind-body` (what to index), `-meta`, `-filter`. German for
the whole site (`--force-language de`): stemming ("Familien" finds "Familie") and
umlauts in both spellings ("Fruehe" finds "Frühe").

The command line is used rather than `pagefind.index.PagefindIndex`: the Python API
waits a tenth of a second per answer of its service (fine for tens of pages, minutes for
ten thousand), and the command line indexes on all cores.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LANGUAGE", "OUTPUT", "IndexResult", "SearchIndexError", "build_index", "index_size"]

LANGUAGE = "de"
OUTPUT = "pagefind"  # below site_dir; search.js loads `pagefind/pagefind.js` from there
_COUNT = re.compile(r"Indexed (\d+) (pages|words|filters)")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message says so in German, with Pagefind's own output."""


@dataclass(frozen=True, slots=True)
class IndexResult:
    pages: int
    words: int
    filters: int
    files: int  # in site_dir/pagefind
    bytes: int
    seconds: float


def index_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) below a folder."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


def build_index(site_dir: Path) -> IndexResult:
    start = time.perf_counter()
    argv = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT,
            "--force-language", LANGUAGE]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexError(f"Der Suchindex konnte nicht erstellt werden: Pagefind ließ sich "
                               f"nicht starten ({exc}).") from exc
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise SearchIndexError("Der Suchindex konnte nicht erstellt werden; Pagefind meldet:\n"
                               + output.strip()[-2000:])
    counts = {kind: 0 for kind in ("pages", "words", "filters")}
    for number, kind in _COUNT.findall(output):
        counts[kind] = max(counts[kind], int(number))  # the per-language line, then the total
    files, size = index_size(site_dir / OUTPUT)
    return IndexResult(counts["pages"], counts["words"], counts["filters"], files, size,
                       time.perf_counter() - start)
