"""Which files are new or changed relative to Git's `HEAD`: when two files clash (the same
number, the same name), the one that is new or changed is the one to blame — not the
release that was published long ago.

Git is asked as a program (`git diff`, `git ls-files`) in the content root; without Git,
outside a repository or on any failure the answer is None, and the checks fall back to
blaming the later file by date (`rules/references.py`).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

__all__ = ["changed_files"]

_SECONDS = 20  # a large repository answers in well under a second


def _git(root: Path, *args: str) -> list[str] | None:
    """The NUL-separated paths git prints, relative to `root`; None on any failure."""
    # No pager, no prompt, no configuration of the caller's repository meddling with paths.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root,
                              capture_output=True, timeout=_SECONDS, env=env, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return [p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p]


def changed_files(root: Path, base: str = "HEAD") -> frozenset[str] | None:
    """Paths below `root` ('/'-separated, relative to it) that differ from `base` — staged
    or not — or that Git does not track yet; None when Git cannot tell. `base` is any
    commit (the pull request's check passes `origin/main`: its own checkout is clean)."""
    if base.startswith("-"):  # a revision, never an option
        return None
    # `--relative`: paths relative to root, and only those below it; `--end-of-options`:
    # whatever `base` holds, it is read as a revision.
    changed = _git(root, "diff", "--name-only", "-z", "--no-renames", "--relative",
                   "--end-of-options", base)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    if changed is None or untracked is None:
        return None
    return frozenset(changed) | frozenset(untracked)
