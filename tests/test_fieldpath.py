"""Messages name positions in lists in words ("im 1. Eintrag von `districts`"), never in
developer notation (`districts.0`)."""

from __future__ import annotations

import re

import pytest

from conftest import NOW, Tree
from familiennetz.fieldpath import field_and_place, place, sentence, subject
from familiennetz.validator import validate


@pytest.mark.parametrize(("path", "expected"), [
    ("network", "in `network`"),
    ("meeting.location", "in `meeting.location`"),
    ("districts.0", "im 1. Eintrag von `districts`"),
    ("meeting.speakers.1.name", "im Feld `name` des 2. Eintrags von `meeting.speakers`"),
    ("a.0.b.2", "im 3. Eintrag von `b` im 1. Eintrag von `a`"),
])
def test_place_says_positions_in_words(path: str, expected: str) -> None:
    assert place(path) == expected


@pytest.mark.parametrize(("path", "expected"), [
    ("title", "`title` (Etwas)"),
    ("tags.9", "Der 10. Eintrag von `tags` (Etwas)"),
    ("speakers.1.name", "Das Feld `name` (Etwas) des 2. Eintrags von `speakers`"),
])
def test_subject_puts_the_label_after_the_field_name(path: str, expected: str) -> None:
    assert sentence(subject(path, "Etwas")) == expected


def test_field_and_place_splits_off_the_entry() -> None:
    assert field_and_place("parts.0.name") == ("name", " im 1. Eintrag von `parts`")
    assert field_and_place("image.alt") == ("image.alt", "")


MEETING = """---
title: Herbsttreffen des Kita-Netzwerks Rhein-Lahn
date: 2026-10-10
districts: [rhein-lahn-kreis, rhein-lahn]
topics: [kita-sozialarbeit]
summary: Die Kita-Netzwerkerinnen des Kreises haben sich in Bad Ems zum Austausch getroffen.
network: kita-netzwerk-rhein-lahn
meeting:
  date: 2026-10-08T09:30:00+02:00
  location: Kreishaus Bad Ems
  speakers:
    - name: Vorname Nachname
    - organisation: Jugendamt
      topic: Kinderschutz
      topic: doppelt
---

Text.
"""


def test_validator_messages_have_no_numeric_field_paths(tree: Tree) -> None:
    root = tree({"netzwerktreffen/2026/2026-10-10-herbsttreffen.md": MEETING})
    messages = {p.rule: p.message for p in validate(root, now=NOW).problems}
    assert "Kreis `rhein-lahn` gibt es nicht (im 2. Eintrag von `districts`)" in \
        messages["unknown-slug"]
    assert messages["duplicate-field"] == ("Feld `topic` steht doppelt im 2. Eintrag von "
                                           "`meeting.speakers` — löschen Sie eine der Zeilen.")
    assert messages["missing-field"].startswith("Pflichtfeld `name` (Name) fehlt im 2. Eintrag "
                                                "von `meeting.speakers`")
    for message in messages.values():
        assert not re.search(r"\.\d+\b", message.replace("2026-10-10", "")), message
