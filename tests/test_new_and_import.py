"""`familiennetz new` and `familiennetz import`: what they write passes (or names its gaps)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW
from familiennetz.cli import main
from familiennetz.problems import Level
from familiennetz.validator import validate

CONTENT = Path(__file__).resolve().parents[1] / "content"
FIXTURES = Path(__file__).parent / "fixtures" / "import"

ANSWERS = {
    "pressemitteilung": ["--title", "Neues Elterncafé in Nastätten eröffnet", "--summary",
                         "Ab sofort treffen sich Eltern dienstags im Familienzentrum Nastätten.",
                         "--districts", "rhein-lahn-kreis", "--topics", "fruehe-hilfen"],
    "netzwerktreffen": ["--title", "Frühjahrstreffen des Netzwerks Frühe Hilfen", "--summary",
                        "Das Netzwerk Frühe Hilfen trifft sich zum Austausch über neue Angebote.",
                        "--districts", "saarlouis", "--topics", "fruehe-hilfen", "--network",
                        "fruehe-hilfen-saarlouis", "--meeting-date", "2027-03-03T14:00:00+01:00",
                        "--meeting-location", "Landratsamt Saarlouis"],
    "angebot": ["--title", "Babytreff Lahnstein", "--summary", "Offener Treff für Eltern mit "
                "Babys im ersten Lebensjahr, begleitet von einer Hebamme.", "--districts",
                "rhein-lahn-kreis", "--topics", "fruehe-hilfen", "--offer-type", "elterncafe",
                "--target-groups", "eltern,kinder-0-3", "--provider", "Caritas",
                "--contact-email", "babytreff@example.org"],
    "veranstaltung": ["--title", "Elternabend zum Schulstart in Lahnstein", "--summary",
                      "Was Kinder und Eltern vor dem ersten Schultag wissen sollten – ein Abend "
                      "mit Lehrkräften und Schulsozialarbeit.", "--districts", "rhein-lahn-kreis",
                      "--topics", "elternbildung", "--event-start", "2027-05-04T19:00:00+02:00",
                      "--event-location-name", "Grundschule am Rhein", "--event-location-town",
                      "Lahnstein", "--event-provider", "Schulsozialarbeit Lahnstein",
                      "--event-target-groups", "eltern,kinder-3-6"],
    "kreis": ["--title", "Rhein-Hunsrück-Kreis", "--kind", "landkreis", "--state", "RP"],
    "netzwerk": ["--title", "Netzwerk Kinderschutz Saarlouis", "--districts", "saarlouis",
                 "--network-type", "kinderschutz"],
    "thema": ["--title", "Sprachförderung", "--summary", "Wie Kitas und Familien die Sprache "
              "von Kindern gemeinsam fördern."],
}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


@pytest.mark.parametrize("doctype", sorted(ANSWERS))
def test_new_writes_a_valid_file_for_every_type(doctype: str, tree: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    before = {p for p in tree.rglob("*.md")}
    code = main(["new", doctype, "--root", str(tree), "--yes", "--now", NOW.isoformat(),
                 *ANSWERS[doctype]])
    assert code == 0, capsys.readouterr().err
    created = {p for p in tree.rglob("*.md")} - before
    assert len(created) == 1
    result = validate(tree, now=NOW)
    # Its header is complete; the placeholder body is a marked gap (`gap`) until the press
    # officer writes the text — a warning, because the new item is a draft.
    # Districts, networks and topics get no placeholder (an HTML comment instead): no gap.
    assert result.errors == []
    gaps = [w for w in result.warnings if w.rule == "gap"]
    if doctype in ("kreis", "netzwerk", "thema"):
        assert gaps == []
    else:
        [gap] = gaps
        assert "Schreiben Sie hier den Text." in gap.message
    assert str(created.pop().relative_to(tree)) in {e.src for e in result.collection.entries}


def test_new_computes_date_file_name_and_next_press_release_number(tree: Path) -> None:
    assert main(["new", "pressemitteilung", "--root", str(tree), "--yes", "--now",
                 NOW.isoformat(), *ANSWERS["pressemitteilung"]]) == 0
    path = tree / "pressemitteilungen/2026/2026-11-21-neues-elterncafe-in-nastaetten-eroeffnet.md"
    text = path.read_text(encoding="utf-8")
    numbers = [e.data.number for e in validate(tree, now=NOW).collection.entries
               if e.type.key == "pressemitteilung" and e.data.districts[0] == "rhein-lahn-kreis"
               and e.data.date.day.year == 2026 and e.src != str(path.relative_to(tree))]
    assert f"number: {max(n for n in numbers if n) + 1}\n" in text
    assert "date: 2026-11-21\n" in text


def test_new_never_overwrites_an_existing_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", "thema", "--root", str(tree), "--yes", *ANSWERS["thema"]]
    assert main(args) == 0
    path = tree / "themen/sprachfoerderung.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEigener Text.\n", encoding="utf-8")
    assert main(args) == 1
    assert "es wird nichts überschrieben" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8").endswith("Eigener Text.\n")


def test_new_names_missing_answers_and_unknown_slugs_without_writing(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(tree.rglob("*.md"))
    code = main(["new", "pressemitteilung", "--root", str(tree), "--yes", "--title",
                 "Ein Titel für den Test", "--districts", "rhein-lahn"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Pflichtfeld `summary` (Kurzfassung) fehlt" in err
    assert "`districts`: `rhein-lahn` gibt es nicht" in err
    assert "--topics" in err
    assert sorted(tree.rglob("*.md")) == before


def test_new_is_non_interactive_when_stdin_is_not_a_terminal(tree: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "familiennetz.cli", "new", "thema", "--root",
                          str(tree), *ANSWERS["thema"]], stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "Angelegt:" in run.stdout


def test_import_writes_a_draft_whose_gaps_the_validator_names(
        tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "kita-sozialarbeit-mayen-koblenz.txt"
    assert main(["import", str(source), "--root", str(tree)]) == 0
    out = capsys.readouterr().out
    assert "Noch zu tun:" in out and "Kurzfassung (summary)" in out
    written = Path(out.split("Entwurf geschrieben: ")[1].split(" (draft")[0])
    assert "draft: true" in written.read_text(encoding="utf-8")
    # A draft: its gaps are warnings (drafts.py), and they name the fields.
    problems = [p for p in validate(tree, now=NOW).problems if p.path.endswith(written.name)]
    assert {p.rule for p in problems} <= {"missing-field", "gap"}
    assert {p.level for p in problems} == {Level.WARNING}
    assert any("`summary`" in p.message for p in problems)


def test_import_reports_unreadable_input_without_a_traceback(
        tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"\x00\x01 not a zip")
    assert main(["import", str(broken), "--root", str(tree)]) == 1
    assert "Fehler:" in capsys.readouterr().err


CORPUS = FIXTURES / "corpus"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ohne-datum-mayen-koblenz.txt",
         "2026/2026-11-21-sprechzeiten-des-kreisjugendamts-an-ostern.md"),
        ("libreoffice-zwei-kreise.odt",
         "2026/2026-11-21-elternkurs-starke-eltern-starke-kinder-in-mendig.md"),
    ],
)
def test_import_without_a_date_writes_todays_draft_into_the_year_folder(
        name: str, expected: str, tree: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILIENNETZ_NOW", NOW.isoformat())
    assert main(["import", str(CORPUS / name), "--root", str(tree)]) == 0
    written = tree / "pressemitteilungen" / expected
    assert f"Entwurf geschrieben: {written}" in capsys.readouterr().out
    text = written.read_text(encoding="utf-8")
    assert "date: 2026-11-21  # bitte prüfen – kein Datum im Text, heute eingesetzt" in text
    assert not (tree / "pressemitteilungen" / "entwurf-import.md").exists()
    # Only the gaps a press officer fills in remain, as warnings of a draft (they block
    # nobody); folder, file name and date agree.
    result = validate(tree, now=NOW)
    assert [p for p in result.errors if p.path.endswith(written.name)] == []
    gaps = {p.rule for p in result.warnings if p.path.endswith(written.name)}
    assert gaps and gaps <= {"missing-field", "gap"}


def test_reimport_stops_before_the_report_and_overwrites_nothing(
        tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILIENNETZ_NOW", NOW.isoformat())
    source = CORPUS / "web-zeitung-online-diez.txt"
    assert main(["import", str(source), "--root", str(tree)]) == 0
    name = "2026-11-02-kinderschutzbund-eroeffnet-beratungsstelle-in-diez.md"
    written = tree / "pressemitteilungen" / "2026" / name
    assert f"Entwurf geschrieben: {written}" in capsys.readouterr().out
    written.write_text(written.read_text(encoding="utf-8") + "\nEigener Text.\n", encoding="utf-8")
    assert main(["import", str(source), "--root", str(tree)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # no "Erkannt" / "Noch zu tun" for a draft that is not written
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert str(written) in lines[0] and "nichts wurde überschrieben" in lines[0]
    assert "--out DATEI" in lines[0]
    assert written.read_text(encoding="utf-8").endswith("Eigener Text.\n")
    other = tree / "pressemitteilungen/2026/zweiter-entwurf.md"
    assert main(["import", str(source), "--root", str(tree), "--out", str(other)]) == 0
    assert "Erkannt:" in capsys.readouterr().out and other.is_file()


def test_import_help_is_german_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["import", "--help"])
    assert leaving.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("Verwendung: familiennetz import [-h] [--root ORDNER] [--out DATEI] DATEI")
    assert "--root ORDNER" in text and "--out DATEI" in text
    assert "FILE" not in text and "ROOT" not in text and "usage" not in text
    examples = text.split("Beispiele:\n", 1)[1].splitlines()
    assert [line.split()[:2] for line in examples if line.strip()] == [["familiennetz", "import"]] * 2
