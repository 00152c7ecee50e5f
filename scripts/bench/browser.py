"""Debian's chromium and a local web server, for the browser tests and `make bench`.

No browser is downloaded: Playwright drives the `chromium` package of the system. The
site is served by the standard library on 127.0.0.1, below a sub-path as on GitHub Pages
(`/familiennetz/`), so that relative links and Pagefind's base URL are tested too.
Playwright is imported by the callers (it is a development dependency).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM_ARGS", "MOUNT", "find_chromium", "serve"]

MOUNT = "/familiennetz/"
# Headless, and quiet on this machine's closed network (no update checks, no sync).
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def find_chromium() -> str | None:
    """$FAMILIENNETZ_CHROMIUM, or the system's chromium, or None."""
    if explicit := os.environ.get("FAMILIENNETZ_CHROMIUM"):
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    return None


class _Handler(SimpleHTTPRequestHandler):
    """Serves `directory` at MOUNT; anything else is 404. Logs nothing."""

    def send_head(self) -> Any:
        if not self.path.startswith(MOUNT):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(MOUNT):])

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port); yields its base URL."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{MOUNT}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
