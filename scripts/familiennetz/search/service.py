"""A small client for Pagefind's indexing service (`pagefind --service`).

Why not `pagefind.index.PagefindIndex`: its reader sleeps a tenth of a second before each
answer of the service, so 10,000 pages would take over a quarter of an hour; and it
wants an asyncio loop, which a MkDocs build does not run. The protocol is the one that
Python package and Pagefind's Node API speak, and this module is all that knows it:
each message is a JSON object, base64-encoded, followed by a comma, on the service's
stdin; answers come the same way on its stdout, with the `message_id` they answer.

The service works in its own process, so pages sent while MkDocs is still rendering
others are indexed on another core. Its answers go to a file, not a pipe: a pipe would
need a reader thread, which would compete with the build for Python's lock, fall behind,
and stall the service. The file is read only when an answer is awaited.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from ..cores import to_background

__all__ = ["PagefindService", "ServiceError"]

POLL = 0.02  # seconds between looks at the answers while waiting
_VANISHED = "Pagefind hat sich unerwartet beendet"


class ServiceError(RuntimeError):
    """The service failed or answered with an error; the text is Pagefind's."""


def _executable() -> Path:
    from pagefind.service import get_executable  # the binary of the pagefind_bin wheel

    found = get_executable()
    if found is None:
        raise ServiceError("Pagefind ist nicht installiert (Paket `pagefind[bin]`).")
    return found


class PagefindService:
    """`background`: at a lower priority than the build (the build is what is waited for),
    unless what it indexes is what the build will wait for."""

    def __init__(self, config: dict[str, Any], *, background: bool = True) -> None:
        handle, name = tempfile.mkstemp(prefix="pagefind-", suffix=".answers")
        os.close(handle)
        self._answers_path = Path(name)
        self._answers_in: IO[bytes] | None = None
        self._answers: dict[int, dict[str, Any]] = {}
        self._pending = b""
        self._next_id = 0
        try:
            with self._answers_path.open("wb") as out:  # the child keeps its own descriptor
                self._process = subprocess.Popen([str(_executable()), "--service"],
                                                 stdin=subprocess.PIPE, stdout=out,
                                                 stderr=subprocess.DEVNULL)
            if background:
                to_background(self._process.pid)
        except OSError as exc:
            self._answers_path.unlink(missing_ok=True)
            raise ServiceError(f"Pagefind ließ sich nicht starten ({exc}).") from exc
        self._answers_in = self._answers_path.open("rb")
        try:
            answer = self.wait(self.send({"type": "NewIndex", "config": config}))
        except ServiceError:
            self.close()
            raise
        self.index_id: int = answer["index_id"]

    def send(self, payload: dict[str, Any]) -> int:
        """Send a request without waiting for its answer; returns its id."""
        self._next_id += 1
        message = json.dumps({"message_id": self._next_id, "payload": payload}).encode("utf-8")
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(base64.b64encode(message) + b",")
            stdin.flush()
        except OSError as exc:  # the pipe broke: the service has ended
            raise ServiceError(self._failure(_VANISHED)) from exc
        return self._next_id

    def _collect(self) -> None:
        """Read the answers written since the last look."""
        assert self._answers_in is not None
        self._pending += self._answers_in.read()
        *messages, self._pending = self._pending.split(b",")
        for message in messages:
            try:
                answer = json.loads(base64.b64decode(message))
            except ValueError:
                answer = {"payload": {"type": "Error", "message": f"Antwort unlesbar: {message[:80]!r}"}}
            self._answers[answer.get("message_id") or 0] = answer["payload"]

    def wait(self, message_id: int) -> dict[str, Any]:
        """The answer to a request (raises ServiceError for an error answer)."""
        while True:
            self._collect()
            if message_id in self._answers:
                answer = self._answers[message_id]
                if answer.get("type") == "Error":
                    raise ServiceError(str(answer.get("message", answer)))
                return answer
            if self._process.poll() is not None:
                self._collect()
                if message_id not in self._answers:
                    raise ServiceError(self._failure(_VANISHED))
            else:
                time.sleep(POLL)

    def errors(self) -> list[str]:
        self._collect()
        return [str(a.get("message", a)) for a in self._answers.values() if a.get("type") == "Error"]

    def _failure(self, text: str) -> str:
        found = self.errors() if self._answers_in else []
        return f"{text}: {found[0]}" if found else f"{text}."

    def close(self) -> None:
        """End the service (it exits when its input ends) and remove its answers."""
        if self._process.stdin and not self._process.stdin.closed:
            with contextlib.suppress(OSError):  # it may be gone already
                self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._answers_in is not None:
            self._answers_in.close()
            self._answers_in = None
        self._answers_path.unlink(missing_ok=True)
