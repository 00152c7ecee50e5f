"""`make edit`: the web editor on this machine, without GitHub.

Decap's local backend (`decap-server`, pinned in package-lock.json) saves into a Git
working tree the way the GitHub backend saves into the repository: each item a branch
`cms/<collection>/<slug>`, its status in the branch's description, "Veröffentlichen"
merges it. That tree is a clone in `.edit/repo`, not this checkout: decap-server commits
with `git add .` and would take along whatever lies around here. A preview server
(`familiennetz serve`) shows the clone's site with the editor at /admin/.

`LocalBackend` is also what the browser tests and `make screenshots` start.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .editor.guard import Guard

__all__ = ["LocalBackend", "edit_config", "free_port", "main"]

PROJECT = Path(__file__).resolve().parents[2]
SERVER = Path("node_modules/decap-server/dist/index.js")


def _taken(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalBackend:
    """decap-server in Git mode on `repo` (a Git working tree with content/), behind a gate
    (`editor/guard.py`) that only the preview at `origins` may use, and only for content/."""

    repo: Path
    origins: frozenset[str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    guard: Guard | None = None
    _home: tempfile.TemporaryDirectory[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v1"

    def start(self, project: Path = PROJECT) -> LocalBackend:
        script = project / SERVER
        if not script.is_file():
            raise SystemExit("Der lokale Speicherdienst fehlt (node_modules/decap-server): "
                             "`make edit` installiert ihn mit npm.")
        if _taken(self.port):
            raise SystemExit(f"Port {self.port} ist belegt – läuft `make edit` schon in einem "
                             "anderen Fenster? Beenden Sie es dort (Strg+C) und starten Sie neu.")
        inner = free_port()
        # An empty working folder: decap-server reads a `.env` from it (a repository's own
        # could set GIT_CONFIG_* and make git run commands), and only what it needs.
        self._home = tempfile.TemporaryDirectory(prefix="fn-decap-")
        env = {"PATH": os.environ.get("PATH", ""), "HOME": self._home.name, "PORT": str(inner),
               "BIND_HOST": "127.0.0.1", "MODE": "git", "GIT_REPO_DIRECTORY": str(self.repo),
               "LOG_LEVEL": "warn", "ORIGIN": "http://127.0.0.1",
               # its commits' author: the empty HOME has no git identity
               **{f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
                  for what, value in (("NAME", "Web-Editor (lokal)"),
                                      ("EMAIL", "web-editor@localhost"))}}
        self.process = subprocess.Popen(["node", str(script)], env=env, cwd=self._home.name)
        upstream = f"http://127.0.0.1:{inner}/api/v1"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                request = urllib.request.Request(upstream, data=json.dumps({"action": "info"})
                                                 .encode(), headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=2):
                    self.guard = Guard(self.port, upstream, self.origins)
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise SystemExit("Der lokale Speicherdienst (decap-server) ist nicht gestartet.")

    def stop(self) -> None:
        if self.guard is not None:
            self.guard.close()
            self.guard = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None
        if self._home is not None:
            self._home.cleanup()
            self._home = None


def edit_config(repo: Path, folder: Path) -> Path:
    """A copy of mkdocs.yml in `folder` that builds `repo`'s content with our theme and
    the editor's bundle (node_modules beside it)."""
    config = folder / "mkdocs.yml"
    config.write_text((PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
                      .replace("custom_dir: overrides", f"custom_dir: {PROJECT / 'overrides'}")
                      .replace("docs_dir: content", f"docs_dir: {repo / 'content'}"),
                      encoding="utf-8")
    link = folder / "node_modules"
    if not link.exists():
        link.symlink_to(PROJECT / "node_modules")
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make edit", description="Der Web-Editor auf diesem "
                                     "Rechner: speichert als Git-Zweige in diesem Repository.")
    parser.add_argument("--port", type=int, default=8000, help="Port der Vorschau (8000)")
    parser.add_argument("--screenshots", type=Path, help="Bilder für die Hilfe hierhin schreiben")
    args = parser.parse_args(argv)
    if args.screenshots is not None:
        from .editor.screenshots import take_screenshots

        return take_screenshots(args.screenshots.resolve())
    if _taken(args.port):
        print(f"Port {args.port} ist belegt – läuft schon eine Vorschau (`make serve`, `make edit`)? "
              "Beenden Sie sie oder wählen Sie einen anderen: `make edit` mit "
              "`.venv/bin/python -m familiennetz.localedit --port 8001`.", file=sys.stderr)
        return 1
    work = PROJECT / ".edit"
    repo = work / "repo"
    if not (repo / ".git").is_dir():  # the editor saves here, never into this checkout
        work.mkdir(exist_ok=True)
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(PROJECT), str(repo)],
                       check=True)
    origins = frozenset({f"http://127.0.0.1:{args.port}", f"http://localhost:{args.port}"})
    backend = LocalBackend(repo, origins, port=8081).start()
    env = {**os.environ, "FAMILIENNETZ_EDITOR_LOCAL": backend.url}
    preview = subprocess.Popen([sys.executable, "-m", "familiennetz.cli", "serve", "--config",
                                str(edit_config(repo, work)), "--dev-addr",
                                f"127.0.0.1:{args.port}", "--cache", str(work / ".cache")],
                               env=env, cwd=work)
    print(f"\nDer Web-Editor läuft: http://127.0.0.1:{args.port}/admin/\n"
          f"Er speichert in einer eigenen Kopie dieses Repositorys ({repo.relative_to(PROJECT)}): "
          "jeder Beitrag ein Zweig „cms/…“, „Veröffentlichen“ übernimmt ihn dort in den "
          "Hauptzweig, und die Vorschau zeigt diesen.\n"
          f"Ergebnisse übernehmen: git pull {repo.relative_to(PROJECT)} main\n"
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
