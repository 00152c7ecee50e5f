"""`make screenshots`: the pictures of the guide "Im Browser bearbeiten", taken in
Chromium on a sandbox of the content (`sandbox.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..localedit import PROJECT
from .sandbox import sandbox

__all__ = ["take_screenshots"]


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
