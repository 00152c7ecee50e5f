"""Output formats: one line per problem for people, annotations for GitHub, JSON for tools."""

from __future__ import annotations

import json

import pytest

from familiennetz.problems import Level, Problem, sort_problems
from familiennetz.reporters import FORMATS, render_problems, summary_line

ERROR = Problem("content/angebote/elterncafe.md", 6, 13, Level.ERROR, "invalid-value",
                "`offer_type` (Art des Angebots): unbekannter Wert `elterncafee`")
WARNING = Problem("content/angebote/alt.md", 21, 1, Level.WARNING, "stale-offer",
                  "Angebot zuletzt vor 538 Tagen geprüft")


def test_problem_prints_as_path_line_col_level_message_rule() -> None:
    assert str(ERROR) == ("content/angebote/elterncafe.md:6:13: [error] `offer_type` (Art des "
                          "Angebots): unbekannter Wert `elterncafee` (invalid-value)")
    assert str(WARNING).startswith("content/angebote/alt.md:21:1: [warning] ")


def test_problems_sort_by_path_line_col_rule_message() -> None:
    a = Problem("a.md", 2, 1, Level.ERROR, "z", "m")
    b = Problem("a.md", 10, 1, Level.ERROR, "a", "m")
    c = Problem("b.md", 1, 1, Level.ERROR, "a", "m")
    d = Problem("a.md", 2, 1, Level.ERROR, "a", "m")
    assert sort_problems([c, b, a, d]) == [d, a, b, c]  # line 2 before line 10: numbers


def test_standard_format_is_one_line_per_problem() -> None:
    assert render_problems([ERROR, WARNING], "standard") == f"{ERROR}\n{WARNING}\n"
    assert render_problems([], "standard") == ""


# --- GitHub annotations -------------------------------------------------------------------------


def test_github_annotation_for_error_and_warning() -> None:
    assert render_problems([ERROR, WARNING], "github").splitlines() == [
        "::error file=content/angebote/elterncafe.md,line=6,col=13,title=invalid-value::"
        "`offer_type` (Art des Angebots): unbekannter Wert `elterncafee`",
        "::warning file=content/angebote/alt.md,line=21,col=1,title=stale-offer::"
        "Angebot zuletzt vor 538 Tagen geprüft",
    ]


def test_github_message_escapes_percent_and_line_breaks() -> None:
    problem = Problem("a.md", 1, 1, Level.ERROR, "r", "100 % sicher\nzweite Zeile\r\nEnde")
    line = render_problems([problem], "github")
    assert line == "::error file=a.md,line=1,col=1,title=r::100 %25 sicher%0Azweite Zeile%0D%0AEnde\n"
    assert line.count("\n") == 1


def test_github_message_keeps_colons_and_commas() -> None:
    problem = Problem("a.md", 1, 1, Level.ERROR, "r", "Bad Ems: Workshop, Teil 2")
    assert render_problems([problem], "github").endswith("::Bad Ems: Workshop, Teil 2\n")


def test_github_properties_escape_colon_comma_percent_and_newline() -> None:
    problem = Problem("C:\\inhalt\\a,b%\n.md", 3, 4, Level.ERROR, "x:y,z", "m")
    assert render_problems([problem], "github") == (
        "::error file=C%3A\\inhalt\\a%2Cb%25%0A.md,line=3,col=4,title=x%3Ay%2Cz::m\n")


# --- JSON ----------------------------------------------------------------------------------------


def test_json_is_a_list_of_objects_with_all_fields() -> None:
    rows = json.loads(render_problems([ERROR, WARNING], "json"))
    assert rows == [
        {"path": "content/angebote/elterncafe.md", "line": 6, "col": 13, "level": "error",
         "rule": "invalid-value", "message": ERROR.message},
        {"path": "content/angebote/alt.md", "line": 21, "col": 1, "level": "warning",
         "rule": "stale-offer", "message": WARNING.message},
    ]


def test_json_keeps_umlauts_readable_and_ends_with_newline() -> None:
    text = render_problems([WARNING], "json")
    assert "geprüft" in text and text.endswith("]\n")
    assert json.loads(render_problems([], "json")) == []


# --- auto ----------------------------------------------------------------------------------------


def test_auto_is_github_inside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert render_problems([ERROR], "auto") == render_problems([ERROR], "github")


@pytest.mark.parametrize("value", [None, "false", ""])
def test_auto_is_standard_elsewhere(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", value)
    assert render_problems([ERROR]) == render_problems([ERROR], "standard")


def test_formats_offered_on_the_command_line() -> None:
    assert sorted(FORMATS) == ["github", "json", "standard"]


# --- summary ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("files", "problems", "line"), [
    (0, [], "0 Dateien geprüft: keine Probleme."),
    (1, [], "1 Datei geprüft: keine Probleme."),
    (55, [WARNING], "55 Dateien geprüft: 0 Fehler, 1 Warnung."),
    (2, [ERROR, ERROR, WARNING, WARNING], "2 Dateien geprüft: 2 Fehler, 2 Warnungen."),
    (2, [ERROR], "2 Dateien geprüft: 1 Fehler, 0 Warnungen."),
])
def test_summary_line_in_german_with_plurals(files: int, problems: list[Problem], line: str) -> None:
    assert summary_line(files, problems) == line


FORGED = Problem("pressemitteilungen/a\nb\x1b[2J.md", 3, 1, Level.ERROR, "unknown-field",
                 "unbekanntes Feld `x\n::error file=y::gefälscht` \u202e (rtl)")


def test_a_problem_is_one_line_whatever_its_path_and_message_hold() -> None:
    for fmt in ("standard", "github"):
        text = render_problems([FORGED], fmt)
        assert text.count("\n") == 1 and text.endswith("\n"), fmt
        assert "\x1b" not in text and "\u202e" not in text, fmt
    assert str(FORGED) == ("pressemitteilungen/a\\nb\\x1b[2J.md:3:1: [error] unbekanntes Feld "
                           "`x\\n::error file=y::gefälscht` \\u202e (rtl) (unknown-field)")
    assert render_problems([FORGED], "github").startswith("::error file=pressemitteilungen/a%0Ab")


def test_json_keeps_the_exact_strings_but_writes_invisible_characters_out() -> None:
    text = render_problems([FORGED], "json")
    assert "\u202e" not in text and "\x1b" not in text
    [row] = json.loads(text)
    assert (row["path"], row["message"]) == (FORGED.path, FORGED.message)
