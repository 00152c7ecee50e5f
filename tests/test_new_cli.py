"""`familiennetz new` for people: German help per type with examples, the new file is a
draft, the number is asked for or computed with its reason (never a silent 1), and the YAML
reads as a person writes it (golden files)."""

from __future__ import annotations

import builtins
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from conftest import NOW, Tree
from familiennetz import scaffold
from familiennetz.argparse_de import german_error
from familiennetz.cli import main
from familiennetz.frontmatter_yaml import dump_front_matter
from familiennetz.types import BY_KEY, TYPES
from familiennetz.validator import validate

GOLDEN = Path(__file__).parent / "fixtures" / "new"
SUMMARY = ("Ab sofort treffen sich Eltern mit Babys dienstags von 9 bis 11 Uhr im Familienzentrum "
           "Nastätten: offen, kostenlos und begleitet von einer Hebamme der Frühen Hilfen.")
ANSWERS = {
    "pressemitteilung": ["--title", "Elterncafé in Nastätten: jetzt jeden Dienstag", "--summary",
                         SUMMARY, "--districts", "rhein-lahn-kreis", "--topics",
                         "fruehe-hilfen,kita-sozialarbeit"],
    "netzwerktreffen": ["--title", "Frühjahrstreffen des Kita-Netzwerks", "--summary", SUMMARY,
                        "--districts", "rhein-lahn-kreis", "--topics", "kita-sozialarbeit",
                        "--network", "kita-netzwerk-rhein-lahn", "--meeting-date",
                        "2027-03-03T14:00:00+01:00", "--meeting-location", "Kreishaus Bad Ems"],
    "angebot": ["--title", "Babytreff Lahnstein", "--summary", SUMMARY, "--districts",
                "rhein-lahn-kreis", "--topics", "fruehe-hilfen", "--offer-type", "elterncafe",
                "--target-groups", "eltern,kinder-0-3", "--provider", "Caritas",
                "--contact-email", "babytreff@example.org", "--cost", "kostenlos"],
    "kreis": ["--title", "Westerwaldkreis", "--kind", "landkreis", "--state", "RP"],
}
RELEASE = """---
title: {title}
date: {day}
districts: [{district}]
topics: [fruehe-hilfen]
summary: Eine Pressemitteilung aus dem Kreis, die für diesen Test eine Nummer trägt.
{number}---

Text.
"""


def _release(name: str, day: str, district: str, number: int | None) -> dict[str, str]:
    line = f"number: {number}\n" if number else ""
    text = RELEASE.format(title=f"Mitteilung {name} aus dem Kreis", day=day, district=district,
                          number=line)
    return {f"pressemitteilungen/{day[:4]}/{day}-{name}.md": text}


def _new(root: Path, key: str, *extra: str) -> int:
    return main(["new", key, "--root", str(root), "--now", NOW.isoformat(), *extra])


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def _created(root: Path, before: set[Path]) -> Path:
    (path,) = set(root.rglob("*.md")) - before
    return path


@dataclass
class Terminal:
    answers: list[str] = field(default_factory=list)  # what the press officer types, in order
    prompts: list[str] = field(default_factory=list)  # what they were asked


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """A press officer at a terminal: stdin is a TTY, `input` answers from a script."""
    seen = Terminal()
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)

    def answer(prompt: str = "") -> str:
        seen.prompts.append(prompt)
        if not seen.answers:
            raise EOFError  # Ctrl-D
        return seen.answers.pop(0)

    monkeypatch.setattr(builtins, "input", answer)
    return seen


# --- help -----------------------------------------------------------------------------------

@pytest.mark.parametrize("doctype", TYPES, ids=lambda t: t.key)
def test_type_help_is_german_with_only_that_types_options_and_examples(
        doctype: object, capsys: pytest.CaptureFixture[str]) -> None:
    key = doctype.key  # type: ignore[attr-defined]
    out = _help(capsys, "new", key)
    assert out.startswith(f"Verwendung: familiennetz new {key}")
    for english in ("usage:", "options:", "show this help message", "positional arguments"):
        assert english not in out
    assert "diese Hilfe zeigen und beenden" in out
    listed = set(re.findall(r"^ {2}(?:-h, )?(--[a-z-]+)", out, flags=re.M))
    own = {q.option for q in scaffold.questions_for(BY_KEY[key], None)
           + scaffold.extras_for(BY_KEY[key], None)}
    numbered = {"--number", "--no-number"} if scaffold.is_numbered(BY_KEY[key]) else set()
    assert listed == own | numbered | {"--help", "--root", "--yes"}
    examples = out.split("Beispiele:\n", 1)[1]
    assert len(re.findall(rf"^  familiennetz new {key}\b", examples, flags=re.M)) >= 2


def test_help_options_are_far_fewer_than_all_types_together(
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "new", "pressemitteilung")
    assert "--offer-type" not in out and "--meeting-location" not in out
    assert "--event-start" not in out and "--kind" not in out


def test_new_help_lists_each_type_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "new")
    assert out.startswith("Verwendung: familiennetz new")
    for doctype in TYPES:
        (line,) = [row for row in out.splitlines() if f"{doctype.label}: content/" in row]
        assert f"content/{doctype.folder}/" in line


def test_press_release_help_example_creates_a_valid_draft(
        content: Path, tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    """The second example, run as printed, works (only the summary placeholder is replaced)."""
    out = _help(capsys, "new", "pressemitteilung")
    example = out.split("Beispiele:\n", 1)[1].split("legt die Datei")[0]
    options = shlex.split(example.split("--yes", 1)[1].replace("\\\n", " "))
    options[options.index("--summary") + 1] = SUMMARY
    assert _new(content, "pressemitteilung", "--yes", *options) == 0
    assert validate(content, now=NOW).errors == []


def test_argparse_errors_are_said_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["new", "pressemitteilung", "--number", "null"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Verwendung: familiennetz new pressemitteilung")
    assert "Fehler: bei --number: `null` ist keine Nummer" in err
    assert german_error("the following arguments are required: ART") == "es fehlt: ART"
    assert german_error("argument type: invalid choice: 'x' (choose from 'a', 'b')") == \
        "bei type: unbekannter Wert 'x' — möglich sind: 'a', 'b'"


# --- draft ----------------------------------------------------------------------------------

def test_new_item_is_a_draft_with_the_placeholder_and_says_how_to_publish(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = set(content.rglob("*.md"))
    assert _new(content, "angebot", "--yes", *ANSWERS["angebot"]) == 0
    out = capsys.readouterr().out
    path = _created(content, before)
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    assert yaml.safe_load(head.removeprefix("---\n"))["draft"] is True
    assert scaffold.BODY_MARKER in body
    result = validate(content, now=NOW)
    assert result.errors == []
    (entry,) = [e for e in result.collection.entries if e.type.key == "angebot"]
    assert entry.src in result.collection.hidden  # never published as it is
    assert "löschen Sie die Zeile `draft: true`" in out


def test_new_page_without_draft_field_shows_no_placeholder(content: Path) -> None:
    """Districts have no `draft`: their hint is a comment, which no page shows."""
    before = set(content.rglob("*.md"))
    assert _new(content, "kreis", "--yes", *ANSWERS["kreis"]) == 0
    body = _created(content, before).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert re.fullmatch(r"\n<!--[^<>]*-->\n", body)
    assert scaffold.BODY_MARKER not in body


# --- number ---------------------------------------------------------------------------------

def test_number_follows_the_highest_of_the_first_district_and_year_and_names_it(
        content: Path, tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree({**_release("a", "2026-02-03", "rhein-lahn-kreis", 344),
          **_release("b", "2026-05-06", "rhein-lahn-kreis", 345),
          **_release("c", "2025-12-30", "rhein-lahn-kreis", 900),  # another year
          **_release("d", "2026-07-01", "saarlouis", 500)})  # another district
    before = set(content.rglob("*.md"))
    assert _new(content, "pressemitteilung", "--yes", *ANSWERS["pressemitteilung"]) == 0
    out = capsys.readouterr().out
    assert (f"Nr. 346: Die höchste bisher für `rhein-lahn-kreis` im Jahr 2026 ist Nr. 345 in "
            f"{content.as_posix()}/pressemitteilungen/2026/2026-05-06-b.md.") in out
    meta = yaml.safe_load(_created(content, before).read_text(encoding="utf-8").split("---")[1])
    assert meta["number"] == 346


def test_no_number_without_a_numbered_release_and_it_says_so(
        content: Path, tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree({**_release("a", "2026-02-03", "rhein-lahn-kreis", None),
          **_release("b", "2025-05-06", "rhein-lahn-kreis", 12)})
    before = set(content.rglob("*.md"))
    assert _new(content, "pressemitteilung", "--yes", *ANSWERS["pressemitteilung"]) == 0
    out = capsys.readouterr().out
    assert ("Ohne Nummer: Für `rhein-lahn-kreis` gibt es 2026 noch keine Pressemitteilung mit "
            "Nummer.") in out
    assert "number" not in _created(content, before).read_text(encoding="utf-8")


def test_number_is_asked_for_at_a_terminal_with_the_next_free_one_offered(
        content: Path, tree: Tree, terminal: Terminal) -> None:
    tree(_release("b", "2026-05-06", "rhein-lahn-kreis", 345))
    terminal.answers += ["", "x", "347"]  # the date: today; a typing error is asked again
    before = set(content.rglob("*.md"))
    assert _new(content, "pressemitteilung", *ANSWERS["pressemitteilung"]) == 0
    meta = yaml.safe_load(_created(content, before).read_text(encoding="utf-8").split("---")[1])
    assert meta["number"] == 347
    prompts = terminal.prompts
    assert prompts[0].startswith("Datum (date)") and "leer lassen: heute (2026-11-21)" in prompts[0]
    assert len(prompts) == 3 and "Nr. 345 in" in prompts[1] and prompts[2] == prompts[1]
    assert "leer lassen: Nr. 346; `-`: ohne Nummer" in prompts[1]


@pytest.mark.parametrize(("typed", "expected"), [("", 346), ("-", None)])
def test_number_prompt_takes_the_offer_or_none(content: Path, tree: Tree, terminal: Terminal,
                                               typed: str, expected: int | None) -> None:
    tree(_release("b", "2026-05-06", "rhein-lahn-kreis", 345))
    terminal.answers += ["", typed]
    before = set(content.rglob("*.md"))
    assert _new(content, "pressemitteilung", *ANSWERS["pressemitteilung"]) == 0
    meta = yaml.safe_load(_created(content, before).read_text(encoding="utf-8").split("---")[1])
    assert meta.get("number") == expected


def test_interactive_questions_fill_what_the_options_leave_out(
        content: Path, terminal: Terminal) -> None:
    terminal.answers += ["Thema für den Test", SUMMARY]
    assert _new(content, "thema") == 0
    prompts = terminal.prompts
    assert prompts[0].startswith("Name (title)") and "Kurzfassung (summary)" in prompts[1]
    assert (content / "themen/thema-fuer-den-test.md").exists()


def test_lists_are_asked_for_as_typed_with_commas(content: Path, terminal: Terminal) -> None:
    terminal.answers += ["Netzwerk Kinderschutz Saarlouis", "rhein-lahn-kreis, saarlouis",
                         "kinderschutz"]
    assert _new(content, "netzwerk") == 0
    assert "ein oder mehrere Werte, durch Komma getrennt" in terminal.prompts[1]
    text = (content / "netzwerke/netzwerk-kinderschutz-saarlouis.md").read_text(encoding="utf-8")
    assert "districts: [rhein-lahn-kreis, saarlouis]\n" in text


def test_ctrl_d_at_a_question_creates_nothing(content: Path, terminal: Terminal,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = set(content.rglob("*.md"))
    terminal.answers.append("Nur ein Titel")
    assert _new(content, "thema") == 130
    assert "Abgebrochen — es wurde nichts angelegt." in capsys.readouterr().err
    assert set(content.rglob("*.md")) == before


def test_without_a_terminal_the_number_is_computed_and_explained(content: Path, tree: Tree) -> None:
    tree(_release("b", "2026-05-06", "rhein-lahn-kreis", 345))
    run = subprocess.run([sys.executable, "-m", "familiennetz.cli", "new", "pressemitteilung",
                          "--root", str(content), "--now", NOW.isoformat(),
                          *ANSWERS["pressemitteilung"]],
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Nr. 346: Die höchste bisher für `rhein-lahn-kreis` im Jahr "
                                 "2026 ist Nr. 345 in ")


def test_a_taken_number_is_refused_with_the_next_free_one(
        content: Path, tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    tree({**_release("a", "2026-02-03", "rhein-lahn-kreis", 344),
          **_release("b", "2026-05-06", "rhein-lahn-kreis", 345)})
    before = set(content.rglob("*.md"))
    assert _new(content, "pressemitteilung", "--yes", "--number", "344",
                *ANSWERS["pressemitteilung"]) == 1
    err = capsys.readouterr().err
    assert "Nr. 344 gibt es für `rhein-lahn-kreis` im Jahr 2026 schon" in err
    assert "2026-02-03-a.md" in err and "die nächste freie ist Nr. 346" in err
    assert set(content.rglob("*.md")) == before


def test_no_number_option_leaves_the_number_out(content: Path, tree: Tree) -> None:
    tree(_release("b", "2026-05-06", "rhein-lahn-kreis", 345))
    before = set(content.rglob("*.md"))
    assert _new(content, "pressemitteilung", "--yes", "--no-number",
                *ANSWERS["pressemitteilung"]) == 0
    assert "number" not in _created(content, before).read_text(encoding="utf-8")


# --- YAML -----------------------------------------------------------------------------------

@pytest.mark.parametrize("key", sorted(ANSWERS))
def test_new_file_matches_its_golden_file(key: str, content: Path, tree: Tree) -> None:
    tree(_release("b", "2026-05-06", "rhein-lahn-kreis", 345))
    before = set(content.rglob("*.md"))
    assert _new(content, key, "--yes", *ANSWERS[key]) == 0
    path = _created(content, before)
    expected = (GOLDEN / f"{key}.md").read_text(encoding="utf-8")
    assert f"{path.relative_to(content).as_posix()}\n{path.read_text(encoding='utf-8')}" == expected
    assert validate(content, now=NOW).errors == []


def test_long_values_stay_on_one_line_and_read_back_unchanged() -> None:
    meta = {"title": "Bad Ems: Workshop #2", "summary": SUMMARY * 3, "postcode": "01234",
            "flag": "ja", "districts": ["rhein-lahn-kreis", "a, b"],
            "speakers": [{"name": "Vorname Nachname", "topic": "Zeile 1\nZeile 2\u2028Ende"}],
            "empty": []}
    text = dump_front_matter(meta)
    lines = text.splitlines()
    assert len(lines) == 9
    assert lines[1].startswith("summary: ") and len(lines[1]) > 3 * len(SUMMARY)
    assert "districts: [rhein-lahn-kreis, 'a, b']\n" in text
    assert "speakers:\n  - name: Vorname Nachname\n    topic: " in text
    assert yaml.safe_load(text) == meta
