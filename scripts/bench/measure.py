"""One measured step: a fresh process, its wall and CPU time, and the peak memory of its
whole process tree (our build plus the Pagefind process it starts).

`wait4` gives the largest single process's peak (exact, but blind to the sum of the tree);
a thread samples the resident memory (RSS) of the process and all its descendants from
/proc every 50 ms. RSS counts the pages a forked child shares with its parent twice (our
feeds are written by a fork of the build), so whenever the sum comes near its highest so
far, the sampler also reads each process's proportional set size (PSS: shared pages split
between their users; `smaps_rollup` costs milliseconds, hence not every 50 ms). The figure
reported is the larger of wait4's peak and the PSS sum's peak (the RSS sum where the
kernel gives no PSS).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Measurement", "StepFailed", "TreeSampler", "measure", "tree_pids", "tree_pss", "tree_rss"]

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MIB = 1024 * 1024


@dataclass(frozen=True)
class Measurement:
    seconds: float
    max_rss_mib: float  # the largest single process (wait4)
    output: str
    cpu_seconds: float = 0.0  # user + system of the step (drifts less than wall time on a VM)
    tree_peak_mib: float = 0.0  # the sampled sum over the process tree (PSS where readable)
    tree_rss_mib: float = 0.0  # the sampled RSS sum: shared pages counted in every process

    @property
    def peak_mib(self) -> float:
        return max(self.max_rss_mib, self.tree_peak_mib)


class StepFailed(RuntimeError):
    pass


_HAS_CHILDREN_FILE = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()


def _children(pid: int) -> list[int]:
    """The direct children of `pid` (every thread may have its own)."""
    if not _HAS_CHILDREN_FILE:  # a kernel without CONFIG_PROC_CHILDREN: ask every process
        return _children_by_scan(pid)
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{tid}/children").read_text()
        except OSError:
            continue
        found.extend(int(child) for child in text.split())
    return found


def _children_by_scan(pid: int) -> list[int]:
    found: list[int] = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # "pid (name) state ppid …": the name may hold spaces and parentheses
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):  # gone in the meantime
        return 0


def _pss(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        return None
    return None


def tree_pids(pid: int) -> list[int]:
    """`pid` and all its descendants, now."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        if current not in found:
            found.append(current)
            todo.extend(_children(current))
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants, now (shared pages counted in each)."""
    return sum(_rss(p) for p in tree_pids(pid))


def tree_pss(pid: int) -> int | None:
    """Proportional set size of the tree (shared pages split); None where unreadable."""
    sizes = [_pss(p) for p in tree_pids(pid)]
    return None if any(size is None for size in sizes) else sum(s for s in sizes if s)


class TreeSampler:
    """Samples the tree's memory in a thread until stopped: `rss_peak`, `pss_peak` and
    `peak` (the PSS peak where there is one) in bytes."""

    NEAR_PEAK = 0.9  # read PSS when the RSS sum is within 10 % of its highest so far
    PSS_INTERVAL = 0.25  # seconds, at most once per

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval = pid, interval
        self.rss_peak = 0
        self.pss_peak: int | None = None
        self.samples = 0
        self._last_pss = float("-inf")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def peak(self) -> int:
        return self.pss_peak if self.pss_peak is not None else self.rss_peak

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def sample(self) -> None:
        rss = tree_rss(self.pid)
        self.rss_peak = max(self.rss_peak, rss)
        now = time.monotonic()
        if rss and rss >= self.NEAR_PEAK * self.rss_peak and now - self._last_pss >= self.PSS_INTERVAL:
            self._last_pss = now
            pss = tree_pss(self.pid)
            if pss is not None:
                self.pss_peak = max(self.pss_peak or 0, pss)
        self.samples += 1


def measure(argv: list[str], *, env: dict[str, str] | None = None,
            cwd: Path | None = None, check: bool = True) -> Measurement:
    """Run `argv` to the end; raise StepFailed (after printing its output's tail) on failure."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        with TreeSampler(proc.pid) as sampler:
            _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read()
    if proc.returncode and check:
        sys.stderr.write(out[-4000:])
        raise StepFailed(f"bench: step failed: {' '.join(argv)}")
    return Measurement(seconds, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime,
                       sampler.peak / MIB, sampler.rss_peak / MIB)
