"""A gate in front of Decap's local backend (`decap-server`), which has no login, trusts
any localhost origin and writes wherever a request says — `.git/config` included, from
which git then runs commands. The gate answers only requests addressed to it by name
(no DNS rebinding), from the preview's own origin, about files under `content/`."""

from __future__ import annotations

import http.server
import json
import posixpath
import threading
import urllib.error
import urllib.request
from typing import Any

__all__ = ["Guard", "allowed_paths"]

PATH_KEYS = frozenset({"path", "newPath", "folder", "mediaFolder"})
MAX_BODY = 60 * 1024 * 1024  # an uploaded picture, base64


def allowed_paths(value: Any) -> bool:
    """Every path in a request lies below content/, spelled plainly."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in PATH_KEYS and isinstance(inner, str):
                clean = posixpath.normpath(inner.strip("/"))
                if clean != inner.strip("/") or not (clean == "content" or clean.startswith("content/")) \
                        or "/." in f"/{clean}":
                    return False
            elif key == "paths" and isinstance(inner, list):
                if not all(allowed_paths({"path": p}) for p in inner):
                    return False
            elif not allowed_paths(inner):
                return False
    elif isinstance(value, list):
        return all(allowed_paths(v) for v in value)
    return True


class Guard:
    """Listens on 127.0.0.1:`port` and passes checked requests to `upstream`."""

    def __init__(self, port: int, upstream: str, origins: frozenset[str]) -> None:
        guard = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _refuse(self, status: int, why: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"error": why}).encode())

            def _cors(self) -> bool:
                origin = self.headers.get("Origin")
                if self.headers.get("Host") != guard.host or (origin and origin not in origins):
                    self._refuse(403, "not for this preview")
                    return False
                return True

            def do_OPTIONS(self) -> None:  # the browser's preflight
                if self._cors():
                    self.send_response(204)
                    self.send_header("Access-Control-Allow-Origin", self.headers["Origin"] or "")
                    self.send_header("Access-Control-Allow-Methods", "POST")
                    self.send_header("Access-Control-Allow-Headers", "Content-Type")
                    self.end_headers()

            def do_POST(self) -> None:
                if not self._cors():
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if self.path != "/api/v1" or length > MAX_BODY:
                    return self._refuse(404, "unknown")
                body = self.rfile.read(length)
                try:
                    request = json.loads(body)
                except ValueError:
                    return self._refuse(400, "not json")
                if not allowed_paths(request):
                    return self._refuse(403, "only files under content/")
                forward = urllib.request.Request(upstream, data=body, method="POST",
                                                 headers={"Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(forward, timeout=120) as answer:
                        status, data = answer.status, answer.read()
                except urllib.error.HTTPError as exc:
                    status, data = exc.code, exc.read()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if self.headers.get("Origin"):
                    self.send_header("Access-Control-Allow-Origin", self.headers["Origin"])
                self.end_headers()
                self.wfile.write(data)

        self.host = f"127.0.0.1:{port}"
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
