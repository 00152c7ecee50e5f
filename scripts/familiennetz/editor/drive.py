"""The web editor driven in Chromium (Playwright), as a press officer uses it: for the
browser tests and for the guide's screenshots (`make screenshots`). Fields are found by
their German labels, as a person finds them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

__all__ = ["Editor"]

Page = Any  # playwright.sync_api.Page


class Editor:
    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base.rstrip("/") + "/admin/"

    def login(self) -> None:
        self.page.goto(self.base)
        self.page.get_by_role("button", name="Anmelden").click()
        self.page.get_by_text("Inhaltstypen").wait_for()

    def open_new(self, collection: str) -> None:
        self.page.goto(f"{self.base}#/collections/{collection}/new")
        self.page.locator("label", has_text=re.compile("^Überschrift", re.I)).wait_for()

    def open_entry(self, collection: str, slug: str) -> None:
        self.page.goto(f"{self.base}#/collections/{collection}/entries/{slug}")
        self.page.locator("label", has_text=re.compile("^Überschrift", re.I)).wait_for()

    def field(self, label: str, within: str | None = None) -> Any:
        """The input of the field labelled `label` (inside the group `within`)."""
        scope = self.page
        if within is not None:
            scope = self.page.locator(f'[id="{self._label(self.page, within).get_attribute("for")}"]')
        return self.page.locator(f'[id="{self._label(scope, label).get_attribute("for")}"]')

    @staticmethod
    def _label(scope: Any, text: str) -> Any:
        """The label reading `text`, with Decap's "(optional)" or without."""
        return scope.locator("label", has_text=re.compile(rf"^{re.escape(text)}( \(optional\))?$",
                                                          re.I)).first

    def fill(self, label: str, value: str, within: str | None = None) -> None:
        self.field(label, within).fill(value)

    def fill_item(self, title: str, day: str, summary: str, districts: tuple[str, ...],
                  topics: tuple[str, ...]) -> None:
        """The fields every item has, as a press officer fills them from the top."""
        self.fill("Überschrift", title)
        self.field("Datum").fill(day)
        self.fill("Kurzfassung", summary)
        self.pick("Kreise", *districts)
        self.pick("Themen", *topics)

    def pick(self, label: str, *choices: str) -> None:
        """A relation or select field: type each choice and take the first match."""
        box = self.field(label)
        for choice in choices:
            box.click()
            box.press_sequentially(choice)
            self.page.locator("[class*='option']", has_text=choice).first.click()

    def check(self, label: str, within: str | None = None) -> None:
        self.field(label, within).click()

    def body(self, text: str) -> None:
        editor = self.page.locator("[data-slate-editor='true']").first
        editor.click()
        self.page.keyboard.type(text)

    def upload_image(self, path: Path) -> None:
        self.page.get_by_role("button", name=re.compile("Bild", re.I)).filter(
            has_text=re.compile("wähle|auswählen", re.I)).first.click()
        self.page.locator("input[type=file]").set_input_files(str(path))
        self.page.get_by_text(path.name).first.wait_for()
        self.page.get_by_role("button", name=re.compile("Ausgewähltes Element verwenden", re.I)).click()

    def save(self) -> None:
        self.page.get_by_role("button", name="Speichern").click()
        self.page.get_by_text(re.compile("Änderungen gespeichert", re.I)).wait_for()

    def set_status(self, status: str) -> None:
        """"Zur Prüfung" or "Bereit"."""
        self.page.get_by_role("button", name=re.compile("^Status", re.I)).click()
        self.page.get_by_role("menuitem", name=status).click()

    def publish(self) -> None:
        self.page.once("dialog", lambda dialog: dialog.accept())  # "Wirklich veröffentlichen?"
        self.page.get_by_role("button", name=re.compile("^Veröffentlichen", re.I)).click()
        self.page.get_by_role("menuitem", name=re.compile("Jetzt veröffentlichen", re.I)).click()
