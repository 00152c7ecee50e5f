"""Work on the second core: same results, same order, as one process would give."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from familiennetz import cores


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@pytest.mark.skipif(cores._cores() < 2, reason="one core: everything stays in this process")
def test_a_long_list_is_shared_with_a_child_and_comes_back_in_order() -> None:
    items = list(range(cores.MINIMUM * 2 + 1))
    results = cores.map_in_halves(pid_and_square, items)
    assert [square for _, square in results] == [n * n for n in items]
    pids = [pid for pid, _ in results]
    assert set(pids[: len(items) // 2]) == {os.getpid()}
    assert os.getpid() not in set(pids[len(items) // 2:])


def test_a_short_list_stays_in_this_process() -> None:
    results = cores.map_in_halves(pid_and_square, list(range(cores.MINIMUM - 1)))
    assert {pid for pid, _ in results} == {os.getpid()}


def test_no_child_is_forked_while_threads_run() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        results = cores.map_in_halves(pid_and_square, list(range(cores.MINIMUM * 2)))
    finally:
        stop.set()
        worker.join()
    assert {pid for pid, _ in results} == {os.getpid()}


def pid_and_sum(*numbers: int) -> tuple[int, int]:
    return os.getpid(), sum(numbers)


def fail(message: str) -> None:
    raise ValueError(message)


@pytest.mark.skipif(cores._cores() < 2, reason="one core: everything stays in this process")
def test_a_job_beside_runs_in_a_child_and_hands_back_its_result() -> None:
    job = cores.Beside(pid_and_sum, 1, 2, 3)
    assert job.forked
    pid, total = job.result()
    assert total == 6
    assert pid != os.getpid()


def test_a_job_beside_raises_the_childs_error_here() -> None:
    job = cores.Beside(fail, "kaputt")
    with pytest.raises(ValueError, match="kaputt"):
        job.result()


def test_a_job_beside_stays_in_this_process_while_threads_run() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        job = cores.Beside(pid_and_sum, 4, 5)
    finally:
        stop.set()
        worker.join()
    assert not job.forked
    assert job.result() == (os.getpid(), 9)


def sleep_then_write(path: str) -> None:
    time.sleep(30)
    Path(path).write_text("too late", encoding="utf-8")


@pytest.mark.skipif(cores._cores() < 2, reason="one core: everything stays in this process")
def test_a_cancelled_job_beside_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "written"
    job = cores.Beside(sleep_then_write, str(target))
    job.cancel()  # had it waited for the job instead, the file would be there
    assert not target.exists()


def own_priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


@pytest.mark.skipif(cores._cores() < 2, reason="one core: everything stays in this process")
def test_a_job_beside_yields_the_core_to_this_process() -> None:
    assert cores.Beside(own_priority).result() > own_priority()


def _resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="Linux only")
def test_memory_freed_goes_back_to_the_system() -> None:
    freed = [bytes(1500) for _ in range(60_000)]  # ~90 MB in the C library's heap
    last = bytes(1500)  # above them: the heap cannot just shrink from its top
    del freed
    before = _resident_mib()
    cores.return_free_memory()
    assert _resident_mib() < before - 40
    assert last
