"""`make edit`: the web editor on this machine, without GitHub.

Decap's local backend (`decap-server`, pinned in package-lock.json) saves into a Git
working tree the way the GitHub backend saves into the repository: each item a branch
`cms/<collection>/<slug>`, its status in the branch's description, "Veröffentlichen"
merges it. A preview server (`mkdocs serve`) shows the site with the editor at /admin/.

`LocalBackend` is also what the browser tests and `make screenshots` start.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LocalBackend", "free_port", "main"]

PROJECT = Path(__file__).resolve().parents[2]
SERVER = Path("node_modules/decap-server/dist/index.js")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalBackend:
    """decap-server in Git mode on `repo` (a Git working tree with content/)."""

    repo: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    def start(self, project: Path = PROJECT) -> LocalBackend:
        script = project / SERVER
        if not script.is_file():
            raise SystemExit("Der lokale Speicherdienst fehlt (node_modules/decap-server): "
                             "`make edit` installiert ihn mit npm.")
        env = {**os.environ, "PORT": str(self.port), "BIND_HOST": "127.0.0.1", "MODE": "git",
               "GIT_REPO_DIRECTORY": str(self.repo), "LOG_LEVEL": "warn"}
        self.process = subprocess.Popen(["node", str(script)], env=env, cwd=self.repo)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                request = urllib.request.Request(self.url, data=json.dumps({"action": "info"})
                                                 .encode(), headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=2):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise SystemExit("Der lokale Speicherdienst (decap-server) ist nicht gestartet.")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


def _unsaved_changes(repo: Path) -> list[str]:
    out = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True,
                         text=True, check=True).stdout
    return [line for line in out.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make edit", description="Der Web-Editor auf diesem "
                                     "Rechner: speichert als Git-Zweige in diesem Repository.")
    parser.add_argument("--port", type=int, default=8000, help="Port der Vorschau (8000)")
    parser.add_argument("--screenshots", type=Path, help="Bilder für die Hilfe hierhin schreiben")
    args = parser.parse_args(argv)
    if args.screenshots is not None:
        from .editor.screenshots import take_screenshots

        return take_screenshots(args.screenshots.resolve())
    if changes := _unsaved_changes(PROJECT):
        print("Der Web-Editor speichert als Git-Zweige und braucht dafür einen sauberen Stand. "
              f"Bitte zuerst {len(changes)} ungesicherte Änderung(en) committen oder mit "
              "`git stash` beiseitelegen:\n  " + "\n  ".join(changes[:10]), file=sys.stderr)
        return 1
    backend = LocalBackend(PROJECT, port=8081).start()
    env = {**os.environ, "FAMILIENNETZ_EDITOR_LOCAL": backend.url}
    preview = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a",
                                f"127.0.0.1:{args.port}"], env=env, cwd=PROJECT)
    print(f"\nDer Web-Editor läuft: http://127.0.0.1:{args.port}/admin/\n"
          "Gespeichertes landet als Zweig „cms/…“ in diesem Repository; „Veröffentlichen“ "
          "übernimmt es in den Hauptzweig. Die Vorschau der Website zeigt den Hauptzweig.\n"
          "Beenden mit Strg+C.\n", flush=True)
    try:
        return preview.wait()
    except KeyboardInterrupt:
        preview.terminate()
        return 0
    finally:
        backend.stop()


if __name__ == "__main__":
    raise SystemExit(main())
