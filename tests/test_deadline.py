"""The time limit on work for one body: a Python loop and a catastrophic regular
expression are both interrupted, and the clock stops when the work is done."""

from __future__ import annotations

import re
import threading
import time

import pytest

from familiennetz.deadline import TookTooLong, time_limit


def test_a_loop_that_never_ends_is_interrupted() -> None:
    with pytest.raises(TookTooLong), time_limit(0.2):
        while True:
            pass


def test_a_regular_expression_that_backtracks_for_ever_is_interrupted() -> None:
    with pytest.raises(TookTooLong), time_limit(0.2):
        re.match(r"(a+)+$", "a" * 60 + "b")


def test_work_done_in_time_leaves_no_clock_running() -> None:
    with time_limit(0.2):
        pass
    time.sleep(0.3)  # an alarm still set would raise here


def test_outside_the_main_thread_there_is_no_limit() -> None:
    done: list[bool] = []

    def work() -> None:
        with time_limit(0.01):
            time.sleep(0.05)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]
