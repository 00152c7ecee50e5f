"""The loader: bytes → text → front matter → YAML with a position for every key and value."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from familiennetz.loader import SAVE_AS_UTF8, InvalidTimestamp, SourceFile, read_source
from familiennetz.problems import Level, Problem

MEETING = """\
---
title: Netzwerkkonferenz
meeting:
  date: 2024-10-08T09:30:00+02:00
  location: Bad Kreuznach
  speakers:
    - name: Vorname Nachname
      topic: Familienzentren
    -   name: Zweite Person
  organisers: [Jugendamt, Gesundheitsamt]
districts:
  - rhein-lahn-kreis
---

Erster Absatz.
"""


def read(tmp_path: Path, data: str | bytes, rel: str = "seite.md") -> tuple[SourceFile | None,
                                                                             list[Problem]]:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return read_source(path, tmp_path, rel)


def read_ok(tmp_path: Path, data: str | bytes) -> SourceFile:
    source, problems = read(tmp_path, data)
    assert problems == []
    assert source is not None
    return source


# --- positions ---------------------------------------------------------------------------


def test_marks_give_line_and_column_of_nested_keys_and_values(tmp_path: Path) -> None:
    marks = read_ok(tmp_path, MEETING).marks
    assert marks.keys["title"] == (2, 1)
    assert marks.values["title"] == (2, 8)
    assert marks.keys["meeting"] == (3, 1)
    assert marks.keys["meeting.date"] == (4, 3)
    assert marks.values["meeting.date"] == (4, 9)
    assert marks.keys["meeting.speakers.0.name"] == (7, 7)
    assert marks.values["meeting.speakers.0.name"] == (7, 13)
    assert marks.keys["meeting.speakers.0.topic"] == (8, 7)
    assert marks.keys["meeting.speakers.1.name"] == (9, 9)


def test_marks_give_positions_of_list_items_block_and_flow(tmp_path: Path) -> None:
    marks = read_ok(tmp_path, MEETING).marks
    assert marks.values["meeting.speakers.0"] == (7, 7)
    assert marks.values["meeting.organisers.0"] == (10, 16)
    assert marks.values["meeting.organisers.1"] == (10, 27)
    assert marks.values["districts.0"] == (12, 5)


def test_list_item_has_no_key_so_key_falls_back_to_value(tmp_path: Path) -> None:
    marks = read_ok(tmp_path, MEETING).marks
    assert marks.key("districts.0") == (12, 5)
    assert marks.value("meeting") == (4, 3)  # a mapping's value starts at its first key
    assert marks.key("gibt-es-nicht") == (1, 1)
    assert marks.value("gibt-es-nicht", (7, 7)) == (7, 7)


def test_body_line_is_the_line_after_the_closing_boundary(tmp_path: Path) -> None:
    source = read_ok(tmp_path, MEETING)
    assert source.body_line == 14
    assert source.body == "\nErster Absatz.\n"
    assert MEETING.split("\n")[source.body_line - 1 + 1] == "Erster Absatz."


def test_file_without_front_matter_is_all_body(tmp_path: Path) -> None:
    source = read_ok(tmp_path, "# Impressum\n\nText.\n")
    assert (source.has_front_matter, source.meta, source.body_line) == (False, {}, 1)
    assert source.body.startswith("# Impressum")


def test_empty_front_matter_is_an_empty_mapping(tmp_path: Path) -> None:
    source = read_ok(tmp_path, "---\n---\nText.\n")
    assert (source.has_front_matter, source.meta, source.body, source.body_line) == (
        True, {}, "Text.\n", 3)


def test_front_matter_without_body(tmp_path: Path) -> None:
    source = read_ok(tmp_path, "---\ntitle: Nur Kopf\n---")
    assert (source.meta, source.body) == ({"title": "Nur Kopf"}, "")


def test_boundaries_may_carry_trailing_spaces(tmp_path: Path) -> None:
    source = read_ok(tmp_path, "--- \ntitle: Mit Leerzeichen\n---\t\nText.\n")
    assert (source.meta, source.body_line) == ({"title": "Mit Leerzeichen"}, 4)
    assert source.marks.keys["title"] == (2, 1)


def test_rel_path_is_posix_relative_to_root(tmp_path: Path) -> None:
    source, _ = read(tmp_path, "---\n---\n", "angebote/elterncafe.md")
    assert source is not None and source.rel == "angebote/elterncafe.md"


# --- line ends and byte order mark --------------------------------------------------------------


def test_crlf_line_ends_keep_positions(tmp_path: Path) -> None:
    lf = read_ok(tmp_path, MEETING)
    crlf = read_ok(tmp_path, MEETING.replace("\n", "\r\n").encode())
    assert (crlf.marks, crlf.body_line, crlf.body, crlf.meta) == (
        lf.marks, lf.body_line, lf.body, lf.meta)


def test_old_mac_line_ends_count_as_lines(tmp_path: Path) -> None:
    source = read_ok(tmp_path, MEETING.replace("\n", "\r").encode())
    assert source.marks.keys["meeting.speakers.1.name"] == (9, 9)


def test_byte_order_mark_is_accepted_and_invisible(tmp_path: Path) -> None:
    source = read_ok(tmp_path, b"\xef\xbb\xbf" + MEETING.encode())
    assert source.meta["title"] == "Netzwerkkonferenz"
    assert source.marks.keys["title"] == (2, 1)


# --- YAML values -----------------------------------------------------------------------------


def test_dates_and_datetimes_come_back_typed(tmp_path: Path) -> None:
    meta = read_ok(tmp_path, MEETING).meta
    assert meta["meeting"]["date"] == dt.datetime(2024, 10, 8, 7, 30, tzinfo=dt.UTC)
    assert meta["meeting"]["date"].utcoffset() is not None
    assert read_ok(tmp_path, "---\nd: 2024-06-14\n---\n").meta["d"] == dt.date(2024, 6, 14)


def test_impossible_date_becomes_invalid_timestamp_not_an_error(tmp_path: Path) -> None:
    value = read_ok(tmp_path, "---\ndate: 2024-02-30\n---\n").meta["date"]
    assert isinstance(value, InvalidTimestamp) and value == "2024-02-30"


def test_duplicate_key_is_reported_at_the_second_occurrence(tmp_path: Path) -> None:
    source, problems = read(tmp_path, "---\ntitle: Eins\nimage:\n  alt: a\n  alt: b\ntitle: Zwei\n"
                                      "---\n")
    assert [(p.line, p.col, p.rule) for p in problems] == [(5, 3, "duplicate-field"),
                                                           (6, 1, "duplicate-field")]
    assert problems[0].message == ("Feld `image.alt` steht doppelt im Kopfbereich — löschen Sie "
                                   "eine der Zeilen.")
    assert source is not None and source.yaml_ok  # the rest of the file is still checked


# --- what is not a readable file -------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\n\t"], ids=["empty", "blank"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    source, [problem] = read(tmp_path, data)
    assert source is None
    assert (problem.line, problem.col, problem.rule, problem.level) == (1, 1, "empty-file",
                                                                        Level.ERROR)


def test_binary_file(tmp_path: Path) -> None:
    source, [problem] = read(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00")
    assert source is None and problem.rule == "encoding"
    assert problem.message == ("Die Datei ist keine Textdatei (sie enthält Binärdaten) — "
                               "speichern Sie den Text als Markdown (.md).")


def test_windows_1252_is_recognised_with_position_of_first_bad_byte(tmp_path: Path) -> None:
    data = "---\ntitle: Grüße aus Bad Ems\n---\n".encode("cp1252")
    source, [problem] = read(tmp_path, data)
    assert source is None
    assert (problem.line, problem.col, problem.rule) == (2, 10, "encoding")
    assert "Windows-1252" in problem.message and problem.message.endswith(SAVE_AS_UTF8)
    for program in ("in Word", "in LibreOffice Writer", "im Windows-Editor"):
        assert program in SAVE_AS_UTF8


def test_other_encodings_get_the_general_utf8_message(tmp_path: Path) -> None:
    _, [problem] = read(tmp_path, b"---\ntitle: \x81\x8d\n---\n")  # undefined in Windows-1252
    assert problem.message == ("Die Datei ist nicht UTF-8-kodiert — speichern Sie sie als UTF-8: "
                               f"{SAVE_AS_UTF8}")


def test_utf16_from_windows_editor_is_named(tmp_path: Path) -> None:
    _, [problem] = read(tmp_path, "---\ntitle: Grüße\n---\n".encode("utf-16"))
    assert problem.message == ("Die Datei ist als UTF-16 („Unicode“) gespeichert — speichern Sie "
                               f"sie als UTF-8: {SAVE_AS_UTF8}")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_dangling_symlink_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "weg.md").symlink_to(tmp_path / "gibt-es-nicht.md")
    source, [problem] = read_source(tmp_path / "weg.md", tmp_path, "weg.md")
    assert source is None and problem.rule == "unreadable"
    assert "nicht lesen" in problem.message


# --- front matter boundaries ------------------------------------------------------------------


def test_unclosed_front_matter(tmp_path: Path) -> None:
    source, [problem] = read(tmp_path, "---\ntitle: Offen\n\nText.\n")
    assert source is None
    assert (problem.line, problem.col, problem.rule) == (1, 1, "front-matter-missing")
    assert problem.message == ("Der Kopfbereich wird mit `---` geöffnet, aber nicht mit einer "
                               "Zeile `---` geschlossen.")


def test_a_horizontal_rule_later_in_the_text_is_not_front_matter(tmp_path: Path) -> None:
    source = read_ok(tmp_path, "Text.\n\n---\n\nMehr Text.\n")
    assert not source.has_front_matter


# --- broken YAML -----------------------------------------------------------------------------

# Every message libyaml can produce for a front matter that press officers write (and some
# they don't): the position, and German words only.
BROKEN_YAML = {
    "tab indent": ("title: Workshop\n\tdate: x\n", (3, 1)),
    "unclosed double quote": ('title: "Workshop\ndate: 2024-06-14\n', (2, 8)),
    "unclosed single quote": ("title: 'Workshop\n", (2, 8)),
    "colon in value": ("title: Bad Ems: Workshop\n", (2, 15)),
    "bold at start": ("summary: **Wichtig** x\n", (2, 11)),
    "undefined alias": ("summary: *x\n", (2, 10)),
    "anchor": ("a: &x 1\nb: &x 2\n", (2, 4)),
    "at sign": ("title: @home\n", (2, 8)),
    "backtick": ("title: `x`\n", (2, 8)),
    "unclosed list": ("districts: [a, b\n", (3, 1)),
    "unclosed mapping": ("image: {src: b\n", (3, 1)),
    "indented key": ("title: x\n  date: y\n", (3, 7)),
    "list then key": ("- a\nb: c\n", (3, 1)),
    "text after list": ("a:\n  - b\n  c: d\n", (4, 3)),
    "key after dash": ("a: b\n- c\n", (3, 1)),
    "escape": ('title: "a\\q"\n', (2, 10)),
    "unknown tag": ("title: !foo x\n", (2, 8)),
    "python tag": ("title: !!python/object:os.system x\n", (2, 8)),
    "undefined tag handle": ("title: !x!y z\n", (2, 8)),
    "missing colon": ("title: x\nfoo\n", (4, 1)),
    "unhashable key": ("{[a]: b}\n", (2, 1)),
    "complex key": ("? [a]\n: b\n", (2, 1)),
    "junk after quote": ("a: 'b'c\n", (2, 7)),
    "dash in value": ("a: - b\n", (2, 4)),
    "directive": ("%YAML 1.1\n", (3, 1)),
    "document end": ("a: b\n...\nc: d\n", (4, 1)),
    "deep nesting": ("title: " + "[" * 3000 + "]" * 3000 + "\n", (2, 20)),
    "deep block nesting": ("a:\n" + "".join(" " * n + "- b\n" for n in range(0, 90, 2)), (23, 1)),
    "brackets behind an apostrophe": ("topics: [x's, " + "[" * 3000 + "]" * 3000 + ", 'y']\n",
                                      (2, 26)),
    "alias bomb": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", (2, 4)),
    "huge integer": ("number: " + "9" * 5000 + "\n", (2, 1)),
    "list instead of fields": ("- title\n- date\n", (2, 1)),
    "scalar instead of fields": ("Workshop in Bad Ems\n", (2, 1)),
}


@pytest.mark.parametrize("yaml_text", list(BROKEN_YAML), ids=list(BROKEN_YAML))
def test_broken_yaml_is_reported_in_german_at_its_position(tmp_path: Path, yaml_text: str) -> None:
    text, position = BROKEN_YAML[yaml_text]
    source, problems = read(tmp_path, f"---\n{text}---\n\nText.\n")
    assert [(p.line, p.col, p.rule) for p in problems] == [(*position, "yaml-syntax")]
    message = problems[0].message
    assert message.startswith(("YAML-Fehler im Kopfbereich: ", "Der Kopfbereich muss"))
    prose = re.sub(r"`[^`]*`", "", message)
    assert not re.search(r"\b(found|expected|mapping|while|could|character|scalar|token|the|"
                         r"not|of|is)\b", prose, re.IGNORECASE)
    assert source is not None and not source.yaml_ok and source.meta == {}


def test_broken_yaml_messages_say_how_to_fix(tmp_path: Path) -> None:
    def message(text: str) -> str:
        _, [problem] = read(tmp_path, f"---\n{text}---\n")
        return problem.message

    assert message("title: Bad Ems: Workshop\n") == (
        "YAML-Fehler im Kopfbereich: Doppelpunkt an unerwarteter Stelle — enthält ein Wert einen "
        '`:`? Dann setzen Sie ihn in Anführungszeichen: `title: "Bad Ems: Workshop"`.')
    assert message("title: Workshop\n\tdate: x\n") == (
        "YAML-Fehler im Kopfbereich: Tabulator im Kopfbereich — rücken Sie nur mit Leerzeichen "
        "ein.")
    assert message('title: "Workshop\n') == (
        "YAML-Fehler im Kopfbereich: Anführungszeichen oder Klammer nicht geschlossen.")
    assert "Anführungszeichen" in message("summary: **Wichtig** x\n")


def test_broken_yaml_keeps_the_body_for_page_checks(tmp_path: Path) -> None:
    source, _ = read(tmp_path, "---\ntitle: [\n---\n\n# Seite\n")
    assert source is not None
    assert (source.body, source.body_line) == ("\n# Seite\n", 4)


def test_a_file_that_cannot_be_read_is_reported_in_german(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: x\n---\n", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    source, [problem] = read_source(path, tmp_path, "x.md")
    assert source is None
    assert (problem.rule, problem.message) == ("unreadable", "Die Datei lässt sich nicht lesen "
                                               "(Fehler 13: ein Verweis ins Leere oder fehlende "
                                               "Rechte) — legen Sie sie neu an.")


# --- characters written as references ------------------------------------------------------

@pytest.mark.parametrize("reference", ["&#x1b;", "&#X1B", "&#27;", "&#11;", "&#xFFFE;",
                                       "&#xD800;", "&#1114112;", "&#x9F;", "&\\#x1b;", "&\\#27"])
def test_a_reference_to_a_control_character_is_refused_where_it_stands(tmp_path: Path,
                                                                        reference: str) -> None:
    # The browser, the sanitiser and the feeds read the reference as the character itself.
    source, problems = read(tmp_path, f"---\ntitle: T\n---\n\nText {reference} Ende.\n")
    assert source is None
    [problem] = problems
    assert (problem.line, problem.col, problem.rule) == (5, 6, "control-character")
    assert f"Die Umschreibung `{reference}`" in problem.message


@pytest.mark.parametrize("reference", ["&#x2013;", "&#8364;", "&#9;", "&#xA0;", "&amp;#x1b;"])
def test_references_to_printable_characters_are_text(tmp_path: Path, reference: str) -> None:
    read_ok(tmp_path, f"---\ntitle: T\n---\n\nText {reference} Ende.\n")
