"""`make serve`: how long after saving an item file its page shows the change.

Starts `familiennetz serve` (or, where that command does not exist yet, `mkdocs serve`),
waits until the start page answers, appends a unique word to one item and polls that
item's page over HTTP until the word appears.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .edits import append_word, unique_word

__all__ = ["ServeResult", "free_port", "measure_serve", "serve_command"]

STARTUP_TIMEOUT = 3600.0  # the first full build of a large corpus, with search
UPDATE_TIMEOUT = 120.0
PAGE_TIMEOUT = 30.0  # the item's page, once the start page answers
STOP_TIMEOUT = 300.0  # a rebuild under way at 30,000 items finishes first


@dataclass(frozen=True)
class ServeResult:
    seconds: float | None  # None: the page did not change within the timeout
    command: str  # "familiennetz serve" or "mkdocs serve (fallback)"
    startup_seconds: float
    note: str = ""
    address: str = ""  # where it served (stopped by now)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_command(python: str, config: Path, port: int,
                  env: dict[str, str] | None = None) -> tuple[list[str], str]:
    """`familiennetz serve` where the CLI has it, else MkDocs' own server."""
    ours = [python, "-m", "familiennetz.cli", "serve"]
    has_it = subprocess.run([*ours, "--help"], capture_output=True, env=env).returncode == 0
    if has_it:
        return [*ours, "--config", str(config), "--dev-addr", f"127.0.0.1:{port}"], \
            "familiennetz serve"
    return [python, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"], \
        "mkdocs serve (familiennetz serve fehlt noch)"


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):  # not up yet, or rebuilding
        return None


def _wait(test: Callable[[], bool], timeout: float, proc: subprocess.Popen[bytes],
          poll: float) -> float | None:
    """Seconds until `test()` holds; None at the timeout or when the server ended."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if test():
            return time.perf_counter() - start
        if proc.poll() is not None:
            return None
        time.sleep(poll)
    return None


def measure_serve(python: str, config: Path, item: Path, url_path: str, *,
                  env: dict[str, str], cwd: Path, page_timeout: float = PAGE_TIMEOUT) -> ServeResult:
    port = free_port()
    argv, command = serve_command(python, config, port, env)
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        # Its own process group: the server's children (Pagefind) end with it.
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                start_new_session=True, preexec_fn=_ctrl_c_reaches_it)
        try:
            startup = _wait(lambda: _get(base) is not None, STARTUP_TIMEOUT, proc, 0.5)
            if startup is None:
                log.seek(0)
                tail = log.read()[-300:].decode("utf-8", "replace").strip()
                return ServeResult(None, command, 0.0, f"server did not come up: {tail}", base)
            if _wait(lambda: _get(base + url_path) is not None, page_timeout, proc, 0.5) is None:
                return ServeResult(None, command, startup, f"no page at /{url_path}", base)
            word = unique_word()
            append_word(item, word)
            seconds = _wait(lambda: word in (_get(base + url_path) or ""), UPDATE_TIMEOUT, proc,
                            0.1)
            note = "" if seconds is not None else f"no change within {UPDATE_TIMEOUT:.0f} s"
            return ServeResult(seconds, command, startup, note, base)
        finally:
            _stop(proc)


def _ctrl_c_reaches_it() -> None:
    """In the server's process, before it starts: Ctrl-C as in a terminal. A shell starts
    background jobs (`make bench &`) with SIGINT ignored, and the server would inherit
    that: Python then installs no KeyboardInterrupt, and MkDocs could not clean up."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C to the server alone, as a press officer stops it: MkDocs finishes or drops a
    rebuild and removes its temporary site (gigabytes at 30,000 items), which a kill would
    leave behind, and Pagefind is not cut off under it. Then whatever is left of the
    process group this bench started for it."""
    try:
        os.kill(proc.pid, signal.SIGINT)
        proc.wait(timeout=STOP_TIMEOUT)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        _signal_group(proc.pid, signal.SIGKILL)
        proc.wait()
    _signal_group(proc.pid, signal.SIGTERM)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # nothing left in the group
        os.killpg(pgid, sig)
