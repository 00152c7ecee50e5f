"""The pages rendered on both cores: MkDocs takes them from the front of its list, the
child beside the build (the one that makes the feeds, `plugin.on_env`) from the back once
its feeds are written, until the two meet.

Why: after the conversion the other core has the feeds and the rest of the search index
to do, then nothing, while MkDocs renders ten thousand templates on this one (measured at
10,000 items: the last 5.5 s of a 49 s build on one core). Taking pages from both ends, each
process renders as many as it gets to, whatever else it has to do; neither waits for the
other, and on one core (no child) MkDocs renders them all, as always.

How: in a `dirty` build MkDocs asks each page's `File.is_modified()` just before rendering
it; here that answer takes the page for this process (`PageShare`), and a page the child
took is skipped. The child renders with MkDocs' own `_build_page`, so a page's bytes are
the same whoever renders it. Its log records come back and are logged here (a warning
still fails a `strict` build), and its error fails the build as MkDocs' own would.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from mkdocs.commands.build import _build_page
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

__all__ = ["PageShare", "Rendered", "render_from_back"]

_FREE, _HERE, _CHILD = 0, 1, 2


class PageShare:
    """The pages still to render, each taken once: by MkDocs here, from the front, or by
    the child, from the back (the claims live in shared memory, behind one lock)."""

    # Whether this process may take page i: always, but a test makes the child render some.
    may_take: Callable[[int], bool] = staticmethod(lambda i: True)

    def __init__(self, files: Sequence[File]) -> None:
        context = multiprocessing.get_context("fork")
        self.files = list(files)
        self._owner = context.RawArray("b", len(self.files))
        self._lock = context.Lock()
        self._back = len(self.files)  # (the child's: where it looks next)
        for i, file in enumerate(self.files):
            file.is_modified = partial(self._take_here, i)  # type: ignore[method-assign]

    def _take_here(self, i: int) -> bool:
        with self._lock:
            if self._owner[i] == _FREE and self.may_take(i):
                self._owner[i] = _HERE
            return bool(self._owner[i] == _HERE)

    def take_back(self) -> File | None:
        """For the child: the last page nobody has taken, or None when none is left."""
        with self._lock:
            while self._back > 0:
                self._back -= 1
                if self._owner[self._back] == _FREE:
                    self._owner[self._back] = _CHILD
                    return self.files[self._back]
        return None


@dataclass
class Rendered:
    """What the child did: pages rendered, seconds, its log records (logger name, level,
    message), and the error that stopped it."""

    pages: int = 0
    seconds: float = 0.0
    records: list[tuple[str, int, str]] = field(default_factory=list)
    error: BaseException | None = None

    def report(self) -> None:
        """Log the child's records here, then raise its error (after the page's name)."""
        for name, level, message in self.records:
            logging.getLogger(name).log(level, "%s", message)
        if self.error is not None:
            raise self.error


class _Keep(logging.Handler):
    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def render_from_back(share: PageShare, config: Any, files: Files, nav: Navigation,
                     env: Any) -> Rendered:
    """In the child: render pages from the back of `share` until none is left."""
    done = Rendered()
    start = time.perf_counter()
    logger = logging.getLogger("mkdocs")
    handlers, logger.handlers = logger.handlers, [_Keep(done.records)]  # told by the parent
    # What MkDocs' build hands each page (`mkdocs build`: the pages that are published).
    pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
    try:
        while (file := share.take_back()) is not None:
            assert file.page is not None
            _build_page(file.page, config, pages, nav, env, dirty=False,
                        excluded=file.inclusion.is_excluded())  # type: ignore[no-untyped-call]
            done.pages += 1
    except Exception as exc:  # MkDocs logged which page; the parent raises it
        done.error = exc if _picklable(exc) else RuntimeError(f"{type(exc).__name__}: {exc}")
    finally:
        logger.handlers = handlers
    done.seconds = time.perf_counter() - start
    return done


def _picklable(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True
