"""The press officers' field reference is generated from the models and cannot drift."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from familiennetz.markers import tag
from familiennetz.render.fieldref import field_reference_markdown, reference_rows
from familiennetz.types import ITEM_TYPES, REFERENCE_TYPES

PROJECT = Path(__file__).resolve().parents[1]
MARKER = tag("felder")


def _paths_by_dataclass_walk(model: type, prefix: str = "") -> list[str]:
    """Every front-matter field path, found without the code under test."""
    hints = typing.get_type_hints(model)
    out = []
    for f in dataclasses.fields(model):
        if "fn" not in f.metadata:
            continue
        path = prefix + f.name
        out.append(path)
        inner = [a for a in (typing.get_args(hints[f.name]) or (hints[f.name],))
                 if dataclasses.is_dataclass(a)]
        if inner:
            is_list = typing.get_origin(hints[f.name]) is tuple
            out += _paths_by_dataclass_walk(inner[0], f"{path}[]." if is_list else f"{path}.")  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("doctype", ITEM_TYPES + REFERENCE_TYPES, ids=lambda t: t.key)
def test_reference_lists_exactly_the_fields_of_the_model(doctype: typing.Any) -> None:
    assert [row[0] for row in reference_rows(doctype)] == _paths_by_dataclass_walk(doctype.model)


def test_reference_marks_required_fields_as_the_model_does() -> None:
    rows = {row[0]: row[1] for row in reference_rows(ITEM_TYPES[0])}
    assert rows["title"] == "ja"
    assert rows["number"] == "nein"
    assert rows["image.alt"] == "ja, wenn `image` angegeben"


def test_reference_lists_the_allowed_values_of_fixed_lists() -> None:
    text = field_reference_markdown()
    assert "`elterncafe` (Elterncafé)" in text
    assert "`kinder-0-3` (Kinder von 0 bis 3 Jahren)" in text


def test_guide_page_uses_the_generated_reference_not_a_copy() -> None:
    page = (PROJECT / "content/hilfe/felder.md").read_text(encoding="utf-8")
    assert page.count(MARKER) == 1
    assert "| `title`" not in page  # no hand-written table that could drift


def test_built_guide_shows_every_field_of_every_type(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAMILIENNETZ_NOW": "2026-11-21T12:00:00+01:00"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                          str(PROJECT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
                         capture_output=True, text=True, env=env, cwd=PROJECT, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    html = (tmp_path / "site/hilfe/felder/index.html").read_text(encoding="utf-8")
    assert MARKER not in html
    for doctype in ITEM_TYPES + REFERENCE_TYPES:
        for path in _paths_by_dataclass_walk(doctype.model):
            assert f"<code>{path}</code>" in html, f"{doctype.key}: {path} missing"
    start = (tmp_path / "site/hilfe/index.html").read_text(encoding="utf-8")
    for doctype in ITEM_TYPES:  # the table of types, from the registry
        assert f"<td>{doctype.label}</td>" in start and f"content/{doctype.folder}/" in start


def test_the_rules_page_lists_every_rule_from_the_registry() -> None:
    RULES_MARKER = tag("regeln")
    from familiennetz.render.rulesref import rule_reference_markdown
    from familiennetz.rules import RULES

    table = rule_reference_markdown()
    for rule in RULES.values():
        assert f"| `{rule.id}`" in table and rule.summary.replace("|", "\\|") in table
    assert "| `stale-offer` (Warnung) |" in table
    page = Path(__file__).parents[1] / "content" / "hilfe" / "meldungen-verstehen.md"
    assert RULES_MARKER in page.read_text(encoding="utf-8")
