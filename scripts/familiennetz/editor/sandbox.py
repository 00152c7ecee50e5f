"""The editor on a copy of the content, for the browser tests and `make screenshots`:
a temporary Git repository with content/, the site built for the local backend, served
from 127.0.0.1, and Decap's local backend saving into that repository."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..localedit import LocalBackend, edit_config

__all__ = ["Sandbox", "sandbox"]

_GIT = ["git", "-c", "user.name=Redaktion", "-c", "user.email=redaktion@example.org"]


@dataclass(frozen=True)
class Sandbox:
    repo: Path  # the Git repository the editor saves into
    base: str  # the site's address: f"{base}admin/" is the editor
    site: Path  # the built site
    backend: LocalBackend

    def git(self, *args: str) -> str:
        return subprocess.run([*_GIT, *args], cwd=self.repo, capture_output=True, text=True,
                              check=True).stdout


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def sandbox(content: Path, *, now: str | None = None) -> Iterator[Sandbox]:
    with tempfile.TemporaryDirectory(prefix="fn-editor-") as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(content, repo / "content")
        (repo / ".gitignore").write_text("node_modules\n", encoding="utf-8")
        subprocess.run([*_GIT, "init", "-q", "-b", "main"], cwd=repo, check=True)
        subprocess.run([*_GIT, "add", "-A"], cwd=repo, check=True)
        subprocess.run([*_GIT, "commit", "-qm", "Inhalte"], cwd=repo, check=True)
        site = Path(tmp) / "site"
        site.mkdir()
        # The site's server first: the editor's backend answers only the site's origin.
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        backend = LocalBackend(repo, frozenset({base})).start()
        try:
            config = edit_config(repo, Path(tmp))
            env = {**os.environ, "FAMILIENNETZ_EDITOR_LOCAL": backend.url, "NO_MKDOCS_2_WARNING": "1"}
            if now is not None:
                env["FAMILIENNETZ_NOW"] = now
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                            str(site)], env=env, check=True, capture_output=True, timeout=300)
            yield Sandbox(repo, base + "/", site, backend)
        finally:
            backend.stop()
            server.shutdown()
            server.server_close()
