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

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .cores import to_background

__all__ = ["aside_of", "clear_aside", "replace_folder"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_DELETE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


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


def aside_of(target: Path) -> Path:
    return target.with_name(f".{target.name}-alt")


def replace_folder(new: Path, target: Path) -> None:
    """Make `new` the folder at `target`; the previous `target` goes aside (`aside_of`),
    which must not exist (`clear_aside`)."""
    if not target.exists():
        new.rename(target)
        return
    aside = aside_of(target)
    if _exchange(new, target):
        new.rename(aside)  # now the previous site
        return
    target.rename(aside)
    new.rename(target)


def clear_aside(target: Path) -> subprocess.Popen[bytes] | None:
    """Start deleting the folder an earlier build put aside; wait for the process returned
    before the build ends. The folder is renamed first, so this build may put its own aside."""
    aside = aside_of(target)
    if not aside.exists():
        return None
    doomed = aside.with_name(f"{aside.name}-{os.getpid()}")
    try:
        aside.rename(doomed)
        process = subprocess.Popen([sys.executable, "-c", _DELETE, str(doomed)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(doomed if doomed.exists() else aside, ignore_errors=True)
        return None
    to_background(process.pid)
    return process
