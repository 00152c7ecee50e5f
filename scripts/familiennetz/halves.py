"""Per-file work on two cores: the second half of the list in a forked child process.

Reading and parsing 10,000 files is Python-bound and the files are independent, so on a
machine with two cores the child takes one half while this process takes the other
(measured at 10,000 files: validation takes about a quarter less wall time, pickling the
child's results back included). Below `MINIMUM` items, with one core, or when threads are
running (`mkdocs serve`: forking a threaded process is unsafe) everything stays in this
process. The results come back in the order of the items either way.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["MINIMUM", "map_in_halves"]

MINIMUM = 1000  # below this, starting a process costs more than it saves

T = TypeVar("T")
R = TypeVar("R")


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _each(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [func(item) for item in items]


def map_in_halves(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[func(item) for item in items], on two cores where that is worth it and safe.

    `func` must be a module-level function (the child is told its name, not its code)."""
    if (len(items) < MINIMUM or _cores() < 2 or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return _each(func, items)
    half = len(items) // 2
    with multiprocessing.get_context("fork").Pool(1) as pool:
        second = pool.apply_async(_each, (func, items[half:]))
        first = _each(func, items[:half])
        return first + second.get()
