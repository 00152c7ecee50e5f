"""Put a finished build in place of the published folder, all at once.

`site/` is never deleted and then refilled: on Linux the two folders change places in one
step (`renameat2` with RENAME_EXCHANGE), elsewhere the old one is renamed aside and the new
one renamed in. Either way an interrupted build (Ctrl-C, a killed CI job) leaves the
previous site whole.

The previous site is not deleted at once but kept aside (`.site-alt`, never published), and
the next build deletes it in a process of its own while it validates (`clear_aside`):
deleting 11,000 folders took 1.9 s of every rebuild at 10,000 items, at the very end, where
nothing else runs beside it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .cores import to_idle

__all__ = ["clear_aside", "replace_folder"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_DELETE = "import shutil, sys; [shutil.rmtree(p, ignore_errors=True) for p in sys.argv[1:]]"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # no libc, or a glibc before 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def _aside_of(target: Path) -> Path:
    return target.with_name(f".{target.name}-alt")


def replace_folder(new: Path, target: Path) -> None:
    """Make `new` the folder at `target`; the previous `target` goes aside (`_aside_of`)."""
    if not target.exists():
        new.rename(target)
        return
    aside = _aside_of(target)
    if aside.exists():  # not cleared (see clear_aside): the next build deletes it
        aside.rename(_doomed(aside))
    if _exchange(new, target):
        new.rename(aside)  # now the previous site
        return
    target.rename(aside)
    new.rename(target)


def _doomed(aside: Path) -> Path:
    return aside.with_name(f"{aside.name}-{os.getpid()}-{time.monotonic_ns()}")


def clear_aside(target: Path) -> subprocess.Popen[bytes] | None:
    """Start deleting what earlier builds put aside (also what an interrupted deletion
    left); wait for the process returned before the build ends. The folder is renamed
    first, so this build may put its own aside."""
    aside = _aside_of(target)
    with contextlib.suppress(OSError):
        if aside.exists():
            aside.rename(_doomed(aside))
    doomed = sorted(str(p) for p in target.parent.glob(f"{aside.name}-*") if p.is_dir())
    if not doomed:
        return None
    try:  # its own session: a Ctrl-C to the build does not stop it half-way
        process = subprocess.Popen([sys.executable, "-c", _DELETE, *doomed], start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        for path in doomed:
            shutil.rmtree(path, ignore_errors=True)
        return None
    to_idle(process.pid)
    return process
