"""Per-file work on two cores: same results, same order, as one process would give."""

from __future__ import annotations

import os
import threading

import pytest

from familiennetz import halves


def pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@pytest.mark.skipif(halves._cores() < 2, reason="one core: everything stays in this process")
def test_a_long_list_is_shared_with_a_child_and_comes_back_in_order() -> None:
    items = list(range(halves.MINIMUM * 2 + 1))
    results = halves.map_in_halves(pid_and_square, items)
    assert [square for _, square in results] == [n * n for n in items]
    pids = [pid for pid, _ in results]
    assert set(pids[: len(items) // 2]) == {os.getpid()}
    assert os.getpid() not in set(pids[len(items) // 2:])


def test_a_short_list_stays_in_this_process() -> None:
    results = halves.map_in_halves(pid_and_square, list(range(halves.MINIMUM - 1)))
    assert {pid for pid, _ in results} == {os.getpid()}


def test_no_child_is_forked_while_threads_run() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        results = halves.map_in_halves(pid_and_square, list(range(halves.MINIMUM * 2)))
    finally:
        stop.set()
        worker.join()
    assert {pid for pid, _ in results} == {os.getpid()}
