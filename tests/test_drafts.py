"""Drafts never block others: a `draft: true` file may still have gaps (missing fields, the
gaps `new` and `import` mark), which are warnings in a draft and errors once `draft` is gone;
what is wrong rather than missing stays an error everywhere. An incomplete draft never
stops the site from being built, and is not published."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import pytest

import sitebuild
from conftest import NOW, write_tree
from familiennetz.drafts import DRAFT_NOTE
from familiennetz.problems import Level, Problem
from familiennetz.rules.gaps import BODY_PLACEHOLDER
from familiennetz.scaffold import write_new
from familiennetz.validator import validate

Tree = Callable[[Mapping[str, str | bytes]], Path]
PR = "pressemitteilungen/2026/2026-11-20-elterncafe.md"
# What `familiennetz import` writes when the text gave no summary, district or topics.
IMPORTED = """---
# Entwurf aus „familiennetz import“: Zeilen mit TODO ausfüllen, dann draft entfernen.
title: Neues Elterncafé in Nastätten
date: 2026-11-20
districts: []  # TODO: Kreis eintragen (Slug aus content/kreise/)
topics: []  # TODO: Themen eintragen (Slugs aus content/themen/)
summary:  # TODO: Kurzfassung schreiben (20–400 Zeichen, reiner Text)
draft: true
---

Das Elterncafé Zwergenstube öffnet jeden Dienstag. Wortmarke Quastenflosser.
"""


def problems_of(tree: Tree, text: str | bytes, rel: str = PR) -> list[Problem]:
    root = tree({rel: text})
    return [p for p in validate(root, now=NOW, display_base=root).problems if p.path == rel]


def test_an_imported_drafts_gaps_are_warnings_that_say_why(tree: Tree) -> None:
    problems = problems_of(tree, IMPORTED)
    assert [(p.line, p.rule) for p in problems] == [(5, "missing-field"), (6, "missing-field"),
                                                    (7, "missing-field")]
    assert {p.level for p in problems} == {Level.WARNING}
    assert all(p.message.endswith(DRAFT_NOTE) for p in problems)
    assert "`summary` (Kurzfassung)" in problems[2].message


def test_the_same_gaps_are_errors_once_draft_is_removed(tree: Tree) -> None:
    problems = problems_of(tree, IMPORTED.replace("draft: true\n", ""))
    assert [(p.line, p.rule, p.level) for p in problems] == [
        (5, "missing-field", Level.ERROR), (6, "missing-field", Level.ERROR),
        (7, "missing-field", Level.ERROR)]
    assert not any(DRAFT_NOTE in p.message for p in problems)


def test_draft_must_be_written_true_to_count(tree: Tree) -> None:
    # `draft: ja` is itself wrong; the file is then no draft, and its gaps are errors.
    problems = problems_of(tree, IMPORTED.replace("draft: true", "draft: ja"))
    assert {(p.rule, p.level) for p in problems} == {("missing-field", Level.ERROR),
                                                     ("wrong-type", Level.ERROR)}


def test_a_marker_left_in_a_finished_file_is_an_error_naming_the_field(tree: Tree) -> None:
    text = IMPORTED.replace("draft: true\n", "").replace(
        "summary:  # TODO:", "summary: Jeden Dienstag ab 9 Uhr im Familienzentrum.  # TODO:"
    ).replace("districts: []", "districts: [rhein-lahn-kreis]").replace(
        "topics: []", "topics: [fruehe-hilfen]")
    [gap, gap2, gap3] = problems_of(tree, text)
    assert (gap.line, gap.rule, gap.level) == (5, "gap", Level.ERROR)
    assert gap.message.startswith("Feld `districts` (Kreise): Hier ist noch eine Lücke markiert "
                                  "(„TODO: Kreis eintragen (Slug aus content/kreise/)“)")
    assert (gap3.line, gap3.col) == (7, 55) and "`summary` (Kurzfassung)" in gap3.message
    assert gap2.line == 6


def test_the_placeholder_body_of_new_is_a_gap(tree: Tree, content: Path) -> None:
    # `new` writes scaffold.BODY; the rule knows its first sentence: keep the two together.
    meta = {"title": "Neues Elterncafé in Nastätten", "date": date(2026, 11, 20),
            "districts": ["rhein-lahn-kreis"], "topics": ["fruehe-hilfen"],
            "summary": "Jeden Dienstag ab 9 Uhr im Familienzentrum Nastätten."}
    write_new(content / PR, meta)
    assert BODY_PLACEHOLDER in (content / PR).read_text(encoding="utf-8")
    [finding] = [p for p in validate(content, now=NOW, display_base=content).problems
                 if p.path == PR]
    assert (finding.rule, finding.level) == ("gap", Level.ERROR)
    assert "Platzhalter von `familiennetz new`" in finding.message
    # … and in a draft, a warning.
    text = (content / PR).read_text(encoding="utf-8").replace("---\n\n", "draft: true\n---\n\n")
    [softened] = problems_of(tree, text)
    assert (softened.rule, softened.level) == ("gap", Level.WARNING)


@pytest.mark.parametrize(("name", "text", "rule"), [
    ("yaml", IMPORTED.replace("title: Neues", "title: Neues: Elterncafé"), "yaml-syntax"),
    ("typo", IMPORTED.replace("draft: true", "draft: true\nsumary: Tippfehler"), "unknown-field"),
    ("html", IMPORTED + '\n<img src="x" onerror="alert(1)">\n', "unsafe-html"),
    ("encoding", IMPORTED.replace("Nastätten", "Nast\udce4tten").encode("utf-8", "surrogateescape"),
     "encoding"),
    ("value", IMPORTED.replace("districts: []", "districts: [rhein-lahn]"), "unknown-slug"),
])
def test_what_is_wrong_stays_an_error_in_a_draft(tree: Tree, name: str, text: str | bytes,
                                                  rule: str) -> None:
    problems = problems_of(tree, text)
    assert [p.level for p in problems if p.rule == rule] == [Level.ERROR], problems


def test_a_misnamed_draft_is_still_an_error(tree: Tree) -> None:
    problems = problems_of(tree, IMPORTED, "pressemitteilungen/2026/Elterncafe.md")
    assert Level.ERROR in {p.level for p in problems if p.rule == "file-name"}


def test_an_unbound_draft_is_hidden_and_so_are_its_pictures(tree: Tree) -> None:
    text = IMPORTED.replace("draft: true", "image:\n  src: foto.jpg\ndraft: true")
    root = tree({PR: text, "pressemitteilungen/2026/foto.jpg": _JPEG})
    result = validate(root, now=NOW, display_base=root)
    assert result.errors == []
    assert PR in result.collection.hidden
    assert "pressemitteilungen/2026/foto.jpg" in result.collection.hidden_assets()


_JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")


# --- the build ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_incomplete_draft_never_stops_the_site_and_is_not_published(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    content = config.parent / "content"
    write_tree(content, {PR: IMPORTED.replace("draft: true", "image:\n  src: quastenflosser.jpg\n"
                                              "draft: true"),
                         "pressemitteilungen/2026/quastenflosser.jpg": _JPEG})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    # `familiennetz build` (what `make site` and both workflows run) …
    built = subprocess.run([sys.executable, "-m", "familiennetz.cli", "build", "--config",
                            str(config), "--site-dir", str(tmp_path / "site"),
                            f"--now={NOW.isoformat()}"], cwd=config.parent, env=env,
                           capture_output=True, text=True, timeout=sitebuild.BUILD_TIMEOUT,
                           check=False)
    assert built.returncode == 0, built.stderr
    assert f"content/{PR}:7:1: [warning] Pflichtfeld `summary`" in built.stdout
    assert ": 0 Fehler," in built.stderr
    mine = [line for line in built.stdout.splitlines() if line.startswith(f"content/{PR}:")]
    assert len(mine) == 5 and all("[warning]" in line for line in mine)  # + image.alt, .credit
    # … and MkDocs' own strict build through the plugin.
    strict = sitebuild.run_build(config, tmp_path / "strict")
    assert strict.returncode == 0, strict.output
    for site in (tmp_path / "site", tmp_path / "strict"):
        files = [p for p in site.rglob("*") if p.is_file()]
        assert not any(p.name == "quastenflosser.jpg" for p in files)
        assert not any(b"Quastenflosser" in p.read_bytes() for p in files)
