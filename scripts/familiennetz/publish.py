"""Put a finished build in place of the published folder, all at once.

`site/` is never deleted and then refilled: on Linux the two folders change places in one
step (`renameat2` with RENAME_EXCHANGE), elsewhere the old one is renamed aside and the new
one renamed in. Either way an interrupted build (Ctrl-C, a killed CI job) leaves the
previous site whole; what is left over is cleaned up by the next build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
from pathlib import Path

__all__ = ["replace_folder"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


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


def replace_folder(new: Path, target: Path) -> None:
    """Make `new` the folder at `target`; the previous `target` is removed afterwards."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # now the previous site
        return
    aside = target.with_name(f".{target.name}-alt")
    shutil.rmtree(aside, ignore_errors=True)
    target.rename(aside)
    new.rename(target)
    shutil.rmtree(aside)
