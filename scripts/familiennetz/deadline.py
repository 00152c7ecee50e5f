"""A time limit for work on one body: rendering Markdown has corners that cost the square
of the text (`markdown_limits.py` refuses the known ones); should a text find another, its
page fails with a German message instead of holding the build for hours.

Implemented with the interval timer (SIGALRM): Python-Markdown and the regular
expressions it runs are interrupted between bytecodes and by `re`'s own signal checks.
Only the main thread receives signals; elsewhere (e.g. `mkdocs serve`'s watcher) the limit
is not applied.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["TookTooLong", "start", "stop", "time_limit"]


class TookTooLong(Exception):
    """The work ran past its time limit."""


def _raise(signum: int, frame: FrameType | None) -> None:
    raise TookTooLong


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def start(seconds: float) -> None:
    """Raise TookTooLong in this (main) thread after `seconds`, unless `stop()` comes first."""
    if _available():
        signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, seconds)


def stop() -> None:
    if _available():
        signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    start(seconds)
    try:
        yield
    finally:
        stop()
