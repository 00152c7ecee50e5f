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

from ..localedit import PROJECT, LocalBackend, edit_config

__all__ = ["Sandbox", "sandbox", "take_screenshots"]

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


def take_screenshots(target: Path) -> int:
    """The pictures of the guide "Im Browser bearbeiten", taken in Chromium."""
    from playwright.sync_api import sync_playwright

    from .drive import Editor

    sys.path.insert(0, str(PROJECT / "scripts"))
    from bench.browser import CHROMIUM_ARGS, find_chromium

    target.mkdir(parents=True, exist_ok=True)
    with sandbox(PROJECT / "content") as box, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1366, "height": 820}, locale="de-DE",
                                timezone_id="Europe/Berlin")
        editor = Editor(page, box.base)
        page.goto(editor.base)
        page.get_by_role("button", name="Anmelden").wait_for()
        page.screenshot(path=str(target / "editor-anmelden.png"))
        editor.login()
        page.goto(f"{editor.base}#/collections/pressemitteilungen")
        page.get_by_text("Sortieren nach").wait_for()
        page.screenshot(path=str(target / "editor-liste.png"))
        editor.open_new("pressemitteilungen")
        editor.fill_item("Elternbriefe für alle Familien mit Neugeborenen", "2026-12-03",
                         "Der Kreis schickt ab Januar allen Familien mit einem Baby kostenlose "
                         "Elternbriefe – Monat für Monat bis zum achten Geburtstag.",
                         ("Rhein-Lahn",), ("Frühe Hilfen",))
        editor.body("Ab Januar bekommen alle Familien mit Neugeborenen Post vom Kreis.")
        page.screenshot(path=str(target / "editor-formular.png"))
        editor.save()
        editor.set_status("Zur Prüfung")
        page.goto(f"{editor.base}#/workflow")
        page.get_by_text("Elternbriefe für alle Familien").first.wait_for()
        page.screenshot(path=str(target / "editor-arbeitsablauf.png"))
        browser.close()
    print(f"Bilder geschrieben: {target}")
    return 0
