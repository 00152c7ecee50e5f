"""The whole check over content trees: the examples, the verbatim messages, and robustness.

`tests/examples/valid/` is a complete tree that must pass without a single problem.
Every `tests/examples/invalid/<case>/` is laid over `tests/examples/base/` (two districts,
one network, two topics) and must produce exactly the problems listed in its
`expected.txt` (`path:line:col rule`, one per line, `#` for comments).
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

import familiennetz
from conftest import EXAMPLES, NOW, copy_example, write_tree
from familiennetz.drafts import GAP_RULES
from familiennetz.fields import fields_of
from familiennetz.problems import Level, Problem
from familiennetz.rules import RULES
from familiennetz.types import ITEM_TYPES, REFERENCE_TYPES
from familiennetz.validator import ValidationResult, validate

Tree = Callable[[Mapping[str, str | bytes]], Path]
INVALID = EXAMPLES / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())
PACKAGE = Path(familiennetz.__file__).parent
PR = "pressemitteilungen/2024/2024-06-14-workshop.md"

# Words of the English messages of PyYAML, Python and the OS; none belongs in a German text.
_ENGLISH = re.compile(
    r"\b(expected|mapping|found|while|scanning|parsing|could|cannot|unexpected|character|"
    r"token|scalar|sequence|the|and|not|of|is|error|invalid|file|recursion|exceeds|limit|"
    r"string|such|directory|permission|denied)\b", re.IGNORECASE)
_GERMAN = re.compile(r"\b(der|die|das|ist|sind|nicht|Sie|fehlt|gibt|muss|mit|im|kein|keine|"
                     r"Feld|Datei|und|oder|liegt|vor)\b")
_FIELD_PATH = re.compile(r"`([a-z_]+(?:\.[a-z0-9_]+)*)[`:]")
# Rules about one field: their message names it in backticks (`title`, `meeting.end`).
FIELD_RULES = {"unknown-field", "missing-field", "wrong-type", "invalid-value", "length",
               "plain-text", "invalid-date", "unknown-slug", "duplicate-field", "duplicate-number",
               "date-order", "stale-offer"}


def _field_names() -> set[str]:
    names: set[str] = set()
    todo = [t.model for t in ITEM_TYPES + REFERENCE_TYPES]
    while todo:
        model = todo.pop()
        for info in fields_of(model):
            names.add(info.name)
            for shape in (info.shape, info.shape.item):
                if shape is not None and shape.model is not None:
                    todo.append(shape.model)
    return names


FIELD_NAMES = _field_names()


def check_message(problem: Problem) -> None:
    """German, with no English left in it, and naming the field where one is involved."""
    prose = re.sub(r"`[^`]*`", "", problem.message)  # field names and values may be English
    assert not _ENGLISH.search(prose), f"English in: {problem}"
    assert _GERMAN.search(problem.message), f"not German: {problem}"
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", problem.rule)
    assert problem.line >= 1 and problem.col >= 1
    if problem.rule in FIELD_RULES:
        named = [m for m in _FIELD_PATH.findall(problem.message)
                 if all(part in FIELD_NAMES for part in m.split(".") if not part.isdigit())]
        assert named, f"names no field: {problem}"


def run_example(name: str, dest: Path) -> ValidationResult:
    """Validate base + tests/examples/<name> (e.g. `invalid/unknown-field`)."""
    root = copy_example(name, dest / "content")
    return validate(root, now=NOW, display_base=root)


def run_case(case: str, dest: Path) -> ValidationResult:
    return run_example(f"invalid/{case}", dest)


def expected_lines(case: str) -> list[str]:
    text = (INVALID / case / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def as_lines(problems: list[Problem]) -> list[str]:
    return [f"{p.path}:{p.line}:{p.col} {p.rule}" for p in problems]


# --- the examples ------------------------------------------------------------------------


def test_valid_example_has_no_problems(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(EXAMPLES / "valid", root)
    result = validate(root, now=NOW, display_base=root)
    assert [str(p) for p in result.problems] == []
    assert result.files == sum(1 for p in root.rglob("*") if p.is_file())  # assets are checked too
    slugs = {e.slug for e in result.collection.entries}
    assert {"workshop-sozialraumbudget", "entwurf-elternbefragung", "fachtag-fruehe-hilfen",
            "netzwerktreffen-bad-ems", "elterncafe-nastaetten"} <= slugs


def test_base_tree_has_no_problems(tmp_path: Path) -> None:
    assert run_example("base", tmp_path).problems == []


@pytest.mark.parametrize("case", CASES)
def test_invalid_example_reports_exactly_the_expected_problems(case: str, tmp_path: Path) -> None:
    result = run_case(case, tmp_path)
    assert as_lines(result.problems) == expected_lines(case)
    for problem in result.problems:
        check_message(problem)


def test_every_invalid_example_has_a_nonempty_golden_file() -> None:
    empty = [case for case in CASES if not expected_lines(case)]
    assert empty == []


def test_every_rule_the_examples_show_is_in_the_registry(tmp_path: Path) -> None:
    shown = {line.rsplit(" ", 1)[1] for case in CASES for line in expected_lines(case)}
    assert shown - set(RULES) == set()


def test_every_rule_of_the_registry_has_a_negative_example() -> None:
    covered = {line.rsplit(" ", 1)[1] for case in CASES for line in expected_lines(case)}
    # git keeps no permissions, and root reads every file: unit tests cover this one.
    covered.add("unreadable")
    assert set(RULES) - covered == set(), "rule without example in tests/examples/invalid"


def test_every_rule_says_in_german_what_is_wrong_and_what_to_do() -> None:
    for rule in RULES.values():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.id)
        for text in (rule.summary, rule.fix):
            prose = re.sub(r"`[^`]*`|\([^)]*\)", "", text)
            assert text.endswith(".") and not _ENGLISH.search(prose), (rule.id, text)
    warnings = {r.id for r in RULES.values() if r.level is Level.WARNING}
    assert warnings == {"future-date", "stale-offer"}


def test_every_problem_of_every_example_carries_its_rules_level(tmp_path: Path) -> None:
    for case in CASES:
        for problem in run_case(case, tmp_path / case).problems:
            # (The one draft's gaps are warnings: the draft policy, tests/test_drafts.py.)
            draft_gap = case == "gap-in-draft" and problem.rule in GAP_RULES
            level = Level.WARNING if draft_gap else RULES[problem.rule].level
            assert problem.level is level, (case, problem)


def test_all_problems_of_all_files_come_in_one_run(tmp_path: Path) -> None:
    # Four broken files side by side: one run reports all of them, sorted by file and line.
    root = copy_example("invalid/unknown-field", tmp_path / "content")
    for case in ("encoding-windows-1252", "stale-offer", "h1-in-body-atx"):
        staged = copy_example(f"invalid/{case}", tmp_path / case)
        for path in staged.rglob("*.md"):
            rel = path.relative_to(staged).as_posix()
            if not (root / rel).exists() or case == "stale-offer":
                write_tree(root, {rel: path.read_bytes()})
            else:  # the same press release path: keep both under another name
                write_tree(root, {rel.replace("workshop", case): path.read_bytes()})
    result = validate(root, now=NOW, display_base=root)
    assert {p.rule for p in result.problems} == {"unknown-field", "missing-field", "encoding",
                                                 "stale-offer", "h1-in-body"}
    assert len({p.path for p in result.problems}) == 4
    assert result.problems == sorted(result.problems,
                                     key=lambda p: (p.path, p.line, p.col, p.rule, p.message))


def test_result_splits_errors_and_warnings(tmp_path: Path) -> None:
    result = run_case("stale-offer", tmp_path)
    assert [p.level for p in result.warnings] == [Level.WARNING]
    assert result.errors == []


# --- messages, word for word ---------------------------------------------------------------


def _only(case: str, tmp_path: Path, rule: str) -> Problem:
    [problem] = [p for p in run_case(case, tmp_path).problems if p.rule == rule]
    return problem


def test_misspelled_field_gets_did_you_mean(tmp_path: Path) -> None:
    problem = _only("unknown-field", tmp_path, "unknown-field")
    assert str(problem) == (f"{PR}:6:1: [error] unbekanntes Feld `sumary` — meinten Sie "
                            "`summary`? (unknown-field)")


def test_missing_field_names_field_label_and_example(tmp_path: Path) -> None:
    problem = _only("missing-field", tmp_path, "missing-field")
    assert problem.message == ("Pflichtfeld `title` (Überschrift) fehlt — Beispiel: "
                               "`title: Workshop zum Kita-Sozialraumbudget`")
    assert (problem.line, problem.col) == (1, 1)


def test_unknown_district_gets_suggestion(tmp_path: Path) -> None:
    problem = _only("unknown-slug-district", tmp_path, "unknown-slug")
    assert problem.message == ("Kreis `rhein-lahn` gibt es nicht (im 1. Eintrag von `districts`) "
                               "— meinten Sie `rhein-lahn-kreis`? Neue Einträge legen Sie in "
                               "`content/kreise/` an.")


def test_unknown_topic_without_close_match_lists_known_topics(tmp_path: Path) -> None:
    problem = _only("unknown-slug-topic", tmp_path, "unknown-slug")
    assert problem.message == ("Thema `kinderschutz` gibt es nicht (im 2. Eintrag von `topics`) — "
                               "bekannt sind: `fruehe-hilfen`, `kita-sozialarbeit`. Neue Einträge legen "
                               "Sie in `content/themen/` an.")


def test_windows_1252_file_is_named_as_such(tmp_path: Path) -> None:
    problem = _only("encoding-windows-1252", tmp_path, "encoding")
    assert problem.message == ("Die Datei ist nicht UTF-8-kodiert, sondern offenbar Windows-1252 "
                               "(z. B. aus Word oder dem Windows-Editor gespeichert); Umlaute "
                               "wären kaputt. Speichern Sie sie als UTF-8: in Word „Datei → "
                               "Speichern unter“, Dateityp „Nur Text (*.txt)“, dann im Fenster "
                               "„Dateikonvertierung“ „Andere Codierung: Unicode (UTF-8)“; in "
                               "LibreOffice Writer „Datei → Speichern unter“, Dateityp „Text "
                               "(.txt)“ mit Häkchen bei „Filtereinstellungen bearbeiten“, dann "
                               "Zeichensatz „Unicode (UTF-8)“; im Windows-Editor „Datei → "
                               "Speichern unter“, unten „Codierung: UTF-8“. Der Dateiname muss "
                               "danach wieder auf `.md` enden.")
    assert (problem.line, problem.col) == (6, 31)  # the first byte that is not UTF-8: 'ä'


def test_duplicate_number_names_first_file_and_next_free_number(tmp_path: Path) -> None:
    problem = _only("duplicate-number", tmp_path, "duplicate-number")
    assert problem.path == "pressemitteilungen/2024/2024-07-01-elternbefragung.md"
    assert problem.message == ("`number` (Nummer): Nr. 176 gibt es für `rhein-lahn-kreis` im "
                               "Jahr 2024 schon (pressemitteilungen/2024/2024-06-14-workshop.md) "
                               "— die nächste freie Nummer ist 177.")


def test_stale_offer_is_a_warning_with_the_age_in_days(tmp_path: Path) -> None:
    problem = _only("stale-offer", tmp_path, "stale-offer")
    assert problem.level is Level.WARNING
    assert problem.message.startswith("Angebot zuletzt vor 538 Tagen geprüft "
                                      "(`reviewed: 2025-06-01`)")


# --- display paths -------------------------------------------------------------------------


def test_paths_are_shown_relative_to_display_base(tmp_path: Path) -> None:
    root = copy_example("invalid/unknown-field", tmp_path / "content")
    result = validate(root, now=NOW, display_base=tmp_path)
    assert {p.path for p in result.problems} == {f"content/{PR}"}


def test_paths_default_to_the_working_directory(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_example("invalid/unknown-field", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    assert {p.path for p in validate(root, now=NOW).problems} == {f"content/{PR}"}


def test_hidden_folders_are_skipped_as_mkdocs_skips_them(tree: Tree, content: Path) -> None:
    tree({".git/x.md": b"\x00", "angebote/.notizen.md/y.md": b"", ".entwurf.md": b""})
    assert validate(content, now=NOW, display_base=content).problems == []


def test_underscore_folders_and_other_markdown_endings_are_checked_as_mkdocs_builds_them(
        tree: Tree, content: Path) -> None:
    tree({"_intern/notiz.md": "<script>alert(1)</script>\n", "seite.markdown": "Text.\n"})
    rules = {(p.path, p.rule) for p in validate(content, now=NOW, display_base=content).problems}
    assert rules == {("_intern/notiz.md", "file-name"), ("_intern/notiz.md", "unsafe-html"),
                     ("seite.markdown", "file-name")}


# --- robustness: no input produces a traceback -----------------------------------------------

_GOOD = (EXAMPLES / "valid/pressemitteilungen/2024/2024-06-14-workshop-sozialraumbudget.md"
         ).read_bytes()
CRAFTED: dict[str, bytes] = {
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "empty": b"",
    "whitespace only": b" \n\t\n",
    "5 MB body": b"---\ntitle: x\n---\n" + b"Ein Satz mit [Link](x.md) und `Code`.\n" * 140_000,
    "front matter only": b"---\ntitle: Workshop zum Sozialraumbudget\n---",
    "lone ---": b"---",
    "lone --- newline": b"---\n",
    "two ---": b"---\n---\n",
    "CRLF": _GOOD.replace(b"\n", b"\r\n"),
    "CR only": _GOOD.replace(b"\n", b"\r"),
    "BOM": b"\xef\xbb\xbf" + _GOOD,
    "BOM only": b"\xef\xbb\xbf",
    "UTF-16": _GOOD.decode().encode("utf-16"),
    "YAML list": b"---\n- a\n- b\n---\n",
    "YAML scalar": b"---\nnur ein Satz\n---\n",
    "YAML null": b"---\n~\n---\n",
    "deeply nested list": b"---\ntitle: " + b"[" * 5_000 + b"]" * 5_000 + b"\n---\n",
    "deeply nested map": b"---\n" + b"".join(b"  " * i + b"k:\n" for i in range(2_000)) + b"---\n",
    "unhashable key": b"---\n{[a]: b}\n---\n",
    "complex key": b"---\n? [a]\n: b\n---\n",
    "huge int": b"---\nnumber: " + b"9" * 10_000 + b"\n---\n",
    "huge float": b"---\nnumber: 1e999\n---\n",
    "nan": b"---\nnumber: .nan\n---\n",
    "null and bool keys": b"---\n~: a\ntrue: b\n1: c\n---\n",
    "merge key": b"---\na: &x {title: b}\n<<: *x\n---\n",
    "python tag": b"---\ntitle: !!python/object/apply:os.system [ls]\n---\n",
    "binary tag": b"---\ntitle: !!binary aGFsbG8=\n---\n",
    "set tag": b"---\ntitle: !!set {a, b}\n---\n",
    "control character": b"---\ntitle: a\x07b\n---\n",
    "NEL": b"---\ntitle: a\xc2\x85b\n---\n",
    "lone surrogate": b"---\ntitle: \xed\xa0\x80\n---\n",
    "invalid UTF-8 not cp1252": b"---\ntitle: \x81\x8d\n---\n",
    "second document": b"---\ntitle: a\n...\n---\n",
    "anchor bomb": b"---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n---\n",
    "image not a mapping": _GOOD.replace(b"image:\n", b"image: bild.jpg\nx:\n"),
    "date types everywhere": b"---\ntitle: 2024-06-14\ndate: [1]\nsummary: {a: 1}\n"
                             b"districts: 2024-02-30\ntopics: 12:30\n---\n",
    "unclosed fence": _GOOD + b"\n```\n<script>\n",
    "link soup": _GOOD + b"\n[a](<>) [b]( ) ![](%zz) [c](../../../../etc/passwd) [d]: \n",
}
PLACES = [PR, "angebote/elterncafe.md", "netzwerktreffen/2024/2024-06-14-treffen.md",
          "kreise/neu.md", "seite.md"]


def _validate_bytes(tmp_path: Path, data: bytes) -> ValidationResult:
    root = copy_example("base", tmp_path / "content")
    write_tree(root, {place: data for place in PLACES})
    return validate(root, now=NOW, display_base=root)


@pytest.mark.parametrize("name", list(CRAFTED))
def test_crafted_input_gives_problems_not_tracebacks(name: str, tmp_path: Path) -> None:
    result = _validate_bytes(tmp_path, CRAFTED[name])
    lines = {p: CRAFTED[name].count(b"\n") + CRAFTED[name].count(b"\r") + 1 for p in PLACES}
    # The same bytes stand as a press release, an offer, a meeting report, a district and
    # a page: none of the inputs is valid as all five.
    assert result.errors, name
    for problem in result.problems:
        check_message(problem)
        if problem.path in lines:
            assert problem.line <= lines[problem.path]


def test_crlf_file_reports_the_same_positions_as_lf(tmp_path: Path) -> None:
    lf = run_case("unknown-slug-topic", tmp_path / "lf")
    root = copy_example("invalid/unknown-slug-topic", tmp_path / "crlf" / "content")
    path = root / PR
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    crlf = validate(root, now=NOW, display_base=root)
    assert as_lines(crlf.problems) == as_lines(lf.problems) == [f"{PR}:5:29 unknown-slug"]


def test_bom_is_accepted(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(EXAMPLES / "valid", root)
    for path in root.rglob("*.md"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert validate(root, now=NOW, display_base=root).problems == []


def test_md_directories_are_not_read_as_files(tree: Tree, content: Path) -> None:
    tree({"angebote/ordner.md/liesmich.pdf": b"%PDF-1.7\n", "seite.md/index.md": "Text.\n"})
    problems = validate(content, now=NOW, display_base=content).problems
    assert [(p.path, p.rule) for p in problems] == [("angebote/ordner.md/liesmich.pdf", "file-name"),
                                                    ("seite.md/index.md", "file-name")]  # dots


def test_random_and_mutated_bytes_never_raise(tmp_path: Path) -> None:
    rng = random.Random(20261121)
    for i in range(200):
        if i % 2:
            data = rng.randbytes(rng.randrange(0, 400))
        else:  # a valid file with a few bytes flipped, dropped or inserted
            buf = bytearray(_GOOD)
            for _ in range(rng.randrange(1, 8)):
                at = rng.randrange(len(buf))
                match rng.randrange(3):
                    case 0:
                        buf[at] = rng.randrange(256)
                    case 1:
                        del buf[at]
                    case _:
                        buf.insert(at, rng.choice(b":-[]{}#&*!|>'\"\t\n `%@,?"))
            data = bytes(buf)
        try:
            result = _validate_bytes(tmp_path / str(i), data)
        except Exception as exc:  # pragma: no cover - the message says which input broke it
            raise AssertionError(f"iteration {i}: {data!r}") from exc
        assert result.errors, f"iteration {i}: {data!r}"  # no input is valid in all five places
        for problem in result.problems:
            check_message(problem)


def test_git_keeps_example_files_byte_for_byte() -> None:
    # The golden files rely on exact bytes: Windows-1252, binary, line ends.
    assert "* -text" in (EXAMPLES / ".gitattributes").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["unknown-slug-topic", "duplicate-slug", "broken-link",
                                  "yaml-syntax-tab", "encoding-binary", "valid"])
def test_two_cores_find_what_one_finds(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = EXAMPLES / "valid" if case == "valid" else INVALID / case
    assert root.is_dir()
    one = validate(root, now=NOW)
    monkeypatch.setattr(familiennetz.cores, "MINIMUM", 2)  # share even a small tree
    two = validate(root, now=NOW)
    assert two.problems == one.problems
    assert [e.src for e in two.collection.entries] == [e.src for e in one.collection.entries]
    assert two.collection.entries == one.collection.entries
