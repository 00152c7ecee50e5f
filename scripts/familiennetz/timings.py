"""Phase timings of a build, written where `make bench` asks for them ($FAMILIENNETZ_TIMINGS)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["Timings"]

ENV = "FAMILIENNETZ_TIMINGS"


class Timings:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        """Time measured elsewhere (in a child process, say)."""
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def write(self) -> None:
        target = os.environ.get(ENV)
        if target:
            Path(target).write_text(json.dumps(self.seconds, indent=2), encoding="utf-8")
