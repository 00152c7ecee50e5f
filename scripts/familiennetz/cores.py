"""Work on the second core, in a forked child process.

- `map_in_halves`: per-file work, the second half of the list in the child. Reading and
  parsing 10,000 files is Python-bound and the files are independent (measured at 10,000
  files: validation takes about a quarter less wall time, pickling the child's results
  back included). Below `MINIMUM` items everything stays in this process. The results
  come back in the order of the items either way.
- `Beside`: one job in the child while this process goes on (the feeds, then a share of
  the pages, while MkDocs renders the others). The child inherits the job's data with the
  fork; only its result travels back.

With one core, or when threads are running (`mkdocs serve`: forking a threaded process is
unsafe), nothing is forked and the work is done in this process.

Work beside the build (the `Beside` child, Pagefind's process) runs at a lower priority
(`to_background`): with more busy processes than cores, the one the build waits for keeps
a whole core (at 10,000 items with search: 2–16 % less wall time in five of five paired
builds, though `make bench`'s ratio moved less than this machine's noise).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

__all__ = ["MINIMUM", "Beside", "in_child", "map_in_halves", "return_free_memory", "to_background",
           "to_idle"]

MINIMUM = 1000  # below this, starting a process costs more than it saves
BACKGROUND_NICENESS = 10

T = TypeVar("T")
R = TypeVar("R")


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _may_fork() -> bool:
    return (_cores() >= 2 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def to_background(pid: int = 0) -> None:
    """Lower a process's priority (0: this process)."""
    with contextlib.suppress(OSError):  # not permitted or gone: it runs as it is
        niceness = os.getpriority(os.PRIO_PROCESS, pid)
        os.setpriority(os.PRIO_PROCESS, pid, min(niceness + BACKGROUND_NICENESS, 19))


def to_idle(pid: int) -> None:
    """Let a process run only when a core is otherwise idle (Linux's SCHED_IDLE): for
    housekeeping nobody waits for, which must not slow the index or the feeds down."""
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):  # elsewhere, or not permitted: lowered only
        to_background(pid)


def return_free_memory() -> None:
    """Give memory this process freed back to the system. The C library keeps it for later
    allocations, which a child that goes on to other work does not make: after the feeds, at
    10,000 items, 45 MB of the child's. Without glibc's `malloc_trim`, nothing happens."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


_in_child = False


def _mark_child() -> None:
    global _in_child  # set once, in the child only
    _in_child = True


def in_child() -> bool:
    """Whether this runs in `map_in_halves`' child: a result that is pickled anyway to
    travel back may be returned in its pickled form (the validation cache keeps it so)."""
    return _in_child


def _each(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [func(item) for item in items]


def map_in_halves(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[func(item) for item in items], on two cores where that is worth it and safe.

    `func` must be a module-level function (the child is told its name, not its code)."""
    if len(items) < MINIMUM or not _may_fork():
        return _each(func, items)
    half = len(items) // 2
    with multiprocessing.get_context("fork").Pool(1, initializer=_mark_child) as pool:
        second = pool.apply_async(_each, (func, items[half:]))
        first = _each(func, items[:half])
        return first + second.get()


class Beside(Generic[R]):
    """`func(*args)`, started in a child now; `result()` waits for it (and raises what the
    child raised). Where forking is not safe, `result()` runs it in this process."""

    def __init__(self, func: Callable[..., R], *args: Any) -> None:
        self._job: tuple[Callable[..., R], tuple[Any, ...]] = (func, args)
        self._process: Any = None
        self._receive: Connection | None = None
        if _may_fork():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(send, func, args), daemon=True)
            self._process.start()
            send.close()  # the child holds the other end: EOF here if it dies

    @property
    def forked(self) -> bool:
        return self._process is not None

    def result(self) -> R:
        if self._receive is None:
            func, args = self._job
            return func(*args)
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise RuntimeError(f"child process ended with exit code {self._process.exitcode}") from None
        finally:
            self._receive.close()
            self._receive = None
            self._process.join()
        if not ok:
            raise value
        result: R = value
        return result

    def cancel(self) -> None:
        """Stop the child (a failed build must not go on writing files)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _child(send: Connection, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
    to_background()
    try:
        send.send((True, func(*args)))
    except BaseException as exc:  # every failure goes back to the parent
        send.send((False, exc))
