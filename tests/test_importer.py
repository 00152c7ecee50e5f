"""The importer behind `familiennetz import FILE`: a release from a word processor → draft.

The fixtures in `tests/fixtures/import/` are fictional releases in the shapes press
officers send them: copied from a district's web page (with navigation, share buttons and a
cookie banner), written in Word and saved as text (one paragraph per line, Windows-1252),
or tidy Markdown. Word files are built with python-docx in each test. Every test checks one
promise: what is found goes into the front matter, what is page furniture is dropped and
listed, the text keeps its paragraphs and wording, gaps stay marked, nothing is invented,
and odd input gives German problems instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from familiennetz.importer import (
    DistrictName,
    ImportResult,
    import_file,
    import_text,
    render_markdown,
    suggest_filename,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
DISTRICTS = [
    DistrictName("rhein-lahn-kreis", "Rhein-Lahn-Kreis"),
    DistrictName("landkreis-bad-kreuznach", "Landkreis Bad Kreuznach"),
    DistrictName("stadt-bad-kreuznach", "Stadt Bad Kreuznach"),
    DistrictName("mayen-koblenz", "Landkreis Mayen-Koblenz"),
    DistrictName("saarlouis", "Landkreis Saarlouis"),
    DistrictName("eifelkreis-bitburg-pruem", "Eifelkreis Bitburg-Prüm"),
]
CONTENT_MODEL_ORDER = [
    "title", "date", "number", "embargo", "districts", "topics", "summary", "image",
    "contact", "source", "draft",
]  # fmt: skip


def fixture(name: str) -> ImportResult:
    return import_file(FIXTURES / name, DISTRICTS)


def paragraphs(body: str) -> list[str]:
    return [part for part in body.rstrip("\n").split("\n\n") if part.strip()]


def front_matter_of(markdown: str) -> dict[str, Any]:
    """The YAML between the first two `---` lines, parsed with safe_load."""
    assert markdown.startswith("---\n")
    yaml_text, separator, _ = markdown[4:].partition("\n---\n\n")
    assert separator, "front matter must end with ---"
    loaded = yaml.safe_load(yaml_text)
    assert isinstance(loaded, dict)
    return loaded


def text_release(*lines: str) -> ImportResult:
    return import_text("\n".join(lines) + "\n", DISTRICTS)


# --- lead: number and district ---------------------------------------------------------


def test_lead_line_gives_number_and_district() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert result.front_matter["number"] == 176
    assert result.front_matter["districts"] == ["rhein-lahn-kreis"]
    assert "Nummer: 176" in result.found
    assert "Kreis: Rhein-Lahn-Kreis (aus „Rhein-Lahn-Kreis.“)" in result.found


def test_lead_opening_the_first_paragraph_is_cut_from_the_text() -> None:
    body = fixture("web-kopie-rhein-lahn.txt").body
    assert paragraphs(body)[0].startswith("Am 13.06.24 fand in der Kreisverwaltung in Bad Ems")
    assert "Nr. 176" not in body


def test_lead_with_plain_hyphen_on_its_own_line() -> None:
    result = fixture("fruehe-hilfen-saarlouis-windows-1252.txt")
    assert result.front_matter["number"] == 345
    assert result.front_matter["districts"] == ["saarlouis"]
    assert "Nr. 345" not in result.body


def test_press_release_number_with_year_gives_number() -> None:
    result = fixture("kita-sozialarbeit-mayen-koblenz.txt")
    assert result.front_matter["number"] == 12
    assert "Jahrgang der Nummer: 2024" in result.found


def test_district_line_above_the_title_names_the_district() -> None:
    result = fixture("kita-sozialarbeit-mayen-koblenz.txt")
    assert result.front_matter["districts"] == ["mayen-koblenz"]
    assert result.front_matter["title"] == (
        "Jugendamt überarbeitet Konzept für die Kita-Sozialarbeit")


@pytest.mark.parametrize(
    ("lead", "slugs"),
    [
        ("Nr. 1 – Rhein-Lahn.", ["rhein-lahn-kreis"]),
        ("Nr. 1 - rhein-lahn-kreis", ["rhein-lahn-kreis"]),
        ("Nr. 1 — Kreis Mayen-Koblenz.", ["mayen-koblenz"]),
        ("Nr. 1 – Landkreis Mayen-Koblenz.", ["mayen-koblenz"]),
        ("Nr. 1 – Mayen-Koblenz.", ["mayen-koblenz"]),
        ("Nr. 1 – Eifelkreis Bitburg-Prüm.", ["eifelkreis-bitburg-pruem"]),
        ("Nr. 1 – Bitburg-Pruem.", ["eifelkreis-bitburg-pruem"]),
        ("Nr. 1 – LANDKREIS SAARLOUIS.", ["saarlouis"]),
        ("Nr. 1 – Kreis Bad Kreuznach.", ["landkreis-bad-kreuznach"]),
        ("Nr. 1 – Stadt und Landkreis Bad Kreuznach.", ["stadt-bad-kreuznach",
                                                        "landkreis-bad-kreuznach"]),
    ],
)
def test_district_spelling_variants_are_matched(lead: str, slugs: list[str]) -> None:
    result = text_release("Familien im Mittelpunkt", "", f"{lead} Der Text beginnt hier.")
    assert result.front_matter["districts"] == slugs
    assert paragraphs(result.body) == ["Der Text beginnt hier."]


def test_ambiguous_place_is_reported_not_guessed() -> None:
    result = text_release("Familien im Mittelpunkt", "", "Nr. 3 – Bad Kreuznach. Der Text.")
    assert "districts" not in result.front_matter
    assert any("landkreis-bad-kreuznach" in item and "stadt-bad-kreuznach" in item
               for item in result.todo)


def test_unknown_district_leaves_a_todo_and_an_empty_list() -> None:
    result = fixture("unbekannter-kreis.txt")
    assert result.front_matter["number"] == 88
    assert "districts" not in result.front_matter
    assert any("Kreis „Kreis Ahrweiler“ ist unbekannt" in item for item in result.todo)
    assert "districts: []  # TODO:" in render_markdown(result)


def test_district_named_only_in_the_text_is_offered_to_confirm() -> None:
    result = fixture("ohne-vorspann.txt")
    assert result.front_matter["districts"] == ["rhein-lahn-kreis"]
    assert result.confirm["districts"] == "aus dem Text erschlossen"
    assert "Kreis (districts) bestätigen: vorgeschlagen ist Rhein-Lahn-Kreis (1 Nennung)" in (
        result.todo)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dateline",
    ["Bad Ems, 14.06.2024", "14. Juni 2024", "Datum: 14.06.24", "Bad Ems, den 14. Juni 2024",
     "Freitag, 14. Juni 2024", "2024-06-14"],
)
def test_dateline_gives_iso_date(dateline: str) -> None:
    result = text_release("Familien im Mittelpunkt", dateline, "", "Der Text der Mitteilung.")
    assert result.front_matter["date"] == dt.date(2024, 6, 14)
    assert dateline not in result.body
    assert f"Datum: 2024-06-14 (aus „{dateline}“)" in result.found


def test_dates_in_the_text_are_listed_but_not_taken() -> None:
    result = fixture("ohne-vorspann.txt")
    assert "date" not in result.front_matter
    assert "Datum im Text: 2024-09-17 (aus „17.09.2024“)" in result.found
    assert "Datum im Text ohne Jahr: „20. Februar“" in result.found
    assert any(item.startswith("Datum (date) eintragen") for item in result.todo)


def test_two_digit_year_means_this_century() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert "Datum im Text: 2024-06-13 (aus „13.06.24“)" in result.found


def test_publication_note_in_the_page_header_gives_the_date() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert result.front_matter["date"] == dt.date(2024, 6, 14)
    assert "Veröffentlicht am 14.06.2024 von Pressestelle" in result.dropped


def test_explicit_dateline_wins_over_the_page_header() -> None:
    result = text_release(
        "Stand: 01.07.2024", "Familien im Mittelpunkt", "Bad Ems, 14.06.2024", "", "Der Text."
    )
    assert result.front_matter["date"] == dt.date(2024, 6, 14)


def test_sperrfrist_becomes_embargo_with_offset() -> None:
    result = fixture("kita-sozialarbeit-mayen-koblenz.txt")
    embargo = result.front_matter["embargo"]
    assert isinstance(embargo, dt.datetime)
    assert (embargo.date(), embargo.hour, embargo.utcoffset()) == (
        dt.date(2024, 6, 14), 10, dt.timedelta(hours=2))
    assert "SPERRFRIST" not in result.body
    assert front_matter_of(render_markdown(result))["embargo"] == embargo


def test_sperrfrist_without_time_is_a_todo_not_midnight() -> None:
    result = text_release("Sperrfrist: 14.06.2024", "Familien im Mittelpunkt", "", "Der Text.")
    assert "embargo" not in result.front_matter
    assert any(item.startswith("Sperrfrist „Sperrfrist: 14.06.2024“ prüfen")
               for item in result.todo)
    assert "Sperrfrist" not in result.body


# --- photo credits, source ---------------------------------------------------------------


def test_photo_credit_becomes_image_with_gaps_and_the_note_a_suggested_alt() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert result.front_matter["image"] == {
        "src": None, "alt": "Teilnehmende des Workshops an Gruppentischen",
        "credit": "Kreisverwaltung Rhein-Lahn"}
    assert "image.alt" in result.confirm
    assert "Foto:" not in result.body
    assert "Bildbeschreibung aus der Bildzeile: „Teilnehmende des Workshops an Gruppentischen“" in (
        result.found)
    assert any(item.startswith("Alternativtext (image.alt) prüfen") for item in result.todo)
    assert any("image.src" in item for item in result.todo)


def test_several_credits_first_goes_to_image_all_are_listed() -> None:
    result = fixture("netzwerkkonferenz-bad-kreuznach.txt")
    image = result.front_matter["image"]
    assert isinstance(image, dict)
    assert image["credit"] == "Stadt Bad Kreuznach"
    credits = [item for item in result.found if item.startswith("Bildnachweis:")]
    assert [item.split(" (aus")[0] for item in credits] == [
        "Bildnachweis: Stadt Bad Kreuznach", "Bildnachweis: Mara Musterfrau"]


def test_credit_lines_anywhere_in_the_closing_are_collected() -> None:
    result = text_release(
        "Familien im Mittelpunkt", "", "Der Text.", "", "Foto: Lea Beispiel",
        "Foto: Caritas Lahnstein",
    )
    assert result.front_matter["image"] == {"src": None, "alt": None, "credit": "Lea Beispiel"}
    assert paragraphs(result.body) == ["Der Text."]
    assert any(item.startswith("Mehrere Bilder im Text") for item in result.todo)


def test_credit_with_an_owner_after_the_dash_keeps_both() -> None:
    result = text_release(
        "Familien im Mittelpunkt", "", "Der Text.", "",
        "Foto: Lea Beispiel – Kreisverwaltung Rhein-Lahn",
    )
    image = result.front_matter["image"]
    assert isinstance(image, dict)
    assert image["credit"] == "Lea Beispiel – Kreisverwaltung Rhein-Lahn"


def test_source_line_becomes_source() -> None:
    result = fixture("netzwerkkonferenz-bad-kreuznach.txt")
    assert result.front_matter["source"] == "Pressestelle der Stadt Bad Kreuznach"
    assert "Quelle:" not in result.body


# --- contact -----------------------------------------------------------------------------


def test_contact_block_becomes_contact_mapping() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert result.front_matter["contact"] == {
        "name": "Lena Beispiel",
        "role": "Pressesprecherin",
        "organisation": "Kreisverwaltung Rhein-Lahn",
        "email": "presse@example.org",
        "phone": "02603 972-100",
    }
    assert "kontaktieren Sie bitte" not in result.body
    assert "presse@example.org" not in result.body


def test_contact_keeps_only_the_parts_present() -> None:
    result = fixture("kita-sozialarbeit-mayen-koblenz.txt")
    assert result.front_matter["contact"] == {
        "organisation": "Pressestelle der Kreisverwaltung Mayen-Koblenz",
        "email": "presse-myk@example.org",
        "phone": "0261 108-000",
    }


def test_contact_name_and_role_on_one_line_and_extras_reported() -> None:
    result = fixture("netzwerkkonferenz-bad-kreuznach.txt")
    contact = result.front_matter["contact"]
    assert isinstance(contact, dict)
    assert contact["name"] == "Dr. Jonas Muster"
    assert contact["role"] == "Netzwerkkoordinator Kinderschutz"
    assert contact["organisation"] == "Jugendamt der Stadt Bad Kreuznach"
    extras = [item for item in result.found if item.startswith("Kontakt – nicht übernommen")]
    assert [item.split(": ", 1)[1] for item in extras] == [
        "„Hauptstraße 12“", "„55543 Bad Kreuznach“", "„Fax: 0671 800-199“"]


def test_contact_heading_with_data_on_the_same_line() -> None:
    result = text_release(
        "Familien im Mittelpunkt", "", "Der Text.", "",
        "Pressekontakt: Lea Beispiel, Tel. 02603 972-0, lea@example.org",
    )
    assert result.front_matter["contact"] == {
        "name": "Lea Beispiel", "email": "lea@example.org", "phone": "02603 972-0"}


def test_sentence_after_a_contact_heading_stays_in_the_text() -> None:
    result = text_release(
        "Familien im Mittelpunkt", "", "Der Text.", "", "Ansprechpartnerin:", "",
        "Die Beratungsstelle hat montags bis freitags von 9 bis 12 Uhr geöffnet und berät "
        "kostenlos.",
    )
    assert "contact" not in result.front_matter
    assert paragraphs(result.body)[-1].startswith("Die Beratungsstelle hat montags")


# --- web page furniture ------------------------------------------------------------------


def test_web_page_furniture_is_dropped_and_listed() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert result.dropped == [
        "Zum Inhalt springen",
        "Diese Website verwendet Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten.",
        "Alle akzeptieren",
        "Startseite > Aktuelles > Pressemitteilungen",
        "Zurück zur Übersicht",
        "Veröffentlicht am 14.06.2024 von Pressestelle",
        "Teilen", "Facebook", "X", "WhatsApp", "E-Mail senden", "Drucken", "Nach oben",
        "Artikel bewerten",
    ]  # fmt: skip
    for line in result.dropped:
        assert line not in result.body


@pytest.mark.parametrize(
    "line",
    ["Start > Aktuelles > Presse", "Sie sind hier: Startseite", "Teilen | Drucken | E-Mail",
     "Facebook Twitter WhatsApp", "« Zurück", "↑ Nach oben", "Autor: Lea Beispiel",
     "3 Min. Lesezeit", "Seite teilen", "Twitter", "Schlagworte: Kita, Familie"],
)
def test_furniture_line_variants_are_dropped(line: str) -> None:
    result = text_release("Familien im Mittelpunkt", "", "Der Text.", "", line)
    assert result.dropped == [line]
    assert paragraphs(result.body) == ["Der Text."]


def test_sentences_that_mention_share_words_stay() -> None:
    sentences = [
        "Die Gruppe informiert auch auf Facebook über neue Termine.",
        "Beim Elterncafé gab es Kaffee und Cookies.",
        "Veröffentlicht wurde die Broschüre im Mai.",
    ]
    result = text_release("Familien im Mittelpunkt", "", *[f"{s}\n" for s in sentences])
    assert paragraphs(result.body) == sentences
    assert result.dropped == []


# --- body --------------------------------------------------------------------------------


def test_body_keeps_paragraphs_and_wording_exactly() -> None:
    result = fixture("web-kopie-rhein-lahn.txt")
    assert paragraphs(result.body) == [
        "Am 13.06.24 fand in der Kreisverwaltung in Bad Ems ein Workshop zur Kita-Sozialarbeit, "
        "zur Kita-Netzwerkarbeit und zum Kita-Sozialraumbudget statt, das es im Kreis seit 2021 "
        "gibt.",
        "Der Landrat eröffnete den Vormittag und dankte den Kitaleitungen, Fachkräften und "
        "Trägern für ihre Arbeit. Moderiert wurde der Workshop vom Institut für "
        "Sozialpädagogische Forschung Mainz (ISM).",
        "Grundlage der Gespräche war eine Befragung der Eltern im Dezember. Sie zeigte, welche "
        "Angebote Familien im Sozialraum nutzen und was ihnen noch fehlt.",
        "Gefördert wurden bisher unter anderem:\n- Eltern-Kind-Gruppen\n"
        "- Informationsabende für Eltern\n- Beratung in der Kita",
    ]
    assert result.body.endswith("\n") and not result.body.endswith("\n\n")


def test_markdown_headings_in_the_body_are_kept() -> None:
    result = fixture("netzwerkkonferenz-bad-kreuznach.txt")
    assert "## Erfahrungen aus dem Eifelkreis" in paragraphs(result.body)
    assert result.front_matter["title"] == (
        "12. Netzwerkkonferenz Kinderschutz: Familienzentren im Sozialraum im Mittelpunkt")


def test_h1_in_the_body_becomes_h2_because_the_title_is_the_only_h1() -> None:
    result = text_release(
        "# Familien im Mittelpunkt", "", "Der Text.", "", "# Ausblick", "",
        "Im Herbst geht es weiter.",
    )
    assert result.front_matter["title"] == "Familien im Mittelpunkt"
    assert paragraphs(result.body) == ["Der Text.", "## Ausblick", "Im Herbst geht es weiter."]


def test_paragraph_starting_with_an_ordinal_does_not_become_a_list() -> None:
    result = text_release("Familien im Mittelpunkt", "", "Der Text.", "",
                          "12. Netzwerkkonferenz war gut besucht.")
    assert paragraphs(result.body)[-1] == "12\\. Netzwerkkonferenz war gut besucht."


def test_word_text_export_with_one_paragraph_per_line() -> None:
    result = fixture("kita-sozialarbeit-mayen-koblenz.txt")
    assert paragraphs(result.body) == [
        "Nach dem neuen Kita-Gesetz von Rheinland-Pfalz, das seit Juli 2021 gilt, hat das "
        "Jugendamt des Landkreises Mayen-Koblenz sein Konzept für die Kita-Sozialarbeit "
        "überarbeitet.",
        "Rund 45 Kita-Sozialarbeiterinnen und Kita-Sozialarbeiter unterstützen Familien im "
        "ganzen Kreis. Zu ihren Aufgaben gehören:",
        "- Beratung von Eltern\n- Begleitung zu Ämtern und Behörden\n"
        "- Elterncafés und Eltern-Kind-Gruppen",
        "Grundlage ist eine Sozialraumanalyse, an der sich Eltern, Erzieherinnen und Erzieher "
        "sowie die Fachkräfte der Kita-Sozialarbeit beteiligt haben.",
        "„Wir wollen Familien dort erreichen, wo sie ohnehin jeden Tag sind“, heißt es aus dem "
        "Jugendamt.",
    ]


def test_windows_1252_file_is_decoded_and_noted() -> None:
    raw = (FIXTURES / "fruehe-hilfen-saarlouis-windows-1252.txt").read_bytes()
    assert b"\r\n" in raw and "ü".encode("cp1252") in raw  # the fixture really is cp1252
    result = fixture("fruehe-hilfen-saarlouis-windows-1252.txt")
    assert "Datei war Windows-1252 kodiert, als UTF-8 übernommen" in result.found
    assert result.front_matter["title"] == (
        "Frühe Hilfen: Großes Netzwerktreffen im Landratsamt Saarlouis")
    assert result.front_matter["date"] == dt.date(2024, 3, 5)
    assert "\r" not in render_markdown(result)
    assert "Frühen Hilfen" in result.body


def test_bom_and_windows_line_endings_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "mitteilung.txt"
    text = "\ufeffFamilien im Mittelpunkt\r\n\r\nErster Absatz.\r\n\r\nZweiter Absatz.\r\n"
    path.write_bytes(text.encode())
    result = import_file(path, DISTRICTS)
    assert result.front_matter["title"] == "Familien im Mittelpunkt"
    assert paragraphs(result.body) == ["Erster Absatz.", "Zweiter Absatz."]
    assert "\r" not in render_markdown(result) and "\ufeff" not in render_markdown(result)


def test_invisible_characters_from_web_pages_are_dropped_and_soft_hyphens_kept() -> None:
    # Pasted from a web page: zero-width spaces and word joiners in the title, which the
    # validator would refuse; the soft hyphen breaks long words on phones and stays.
    result = import_text("Familien\u200b im\u2060 Mittel\u00adpunkt\n\nDer\ufeff Text.\n", DISTRICTS)
    assert result.front_matter["title"] == "Familien im Mittel\u00adpunkt"
    assert paragraphs(result.body) == ["Der Text."]


def test_existing_front_matter_is_not_taken_over() -> None:
    result = import_text("---\ntitle: Alt\nsummary: erfunden\n---\nFamilien im Mittelpunkt\n\n"
                         "Der Text.\n", DISTRICTS)
    assert result.front_matter["title"] == "Familien im Mittelpunkt"
    assert "summary" not in result.front_matter
    assert "summary: erfunden" in result.dropped


# --- Word files --------------------------------------------------------------------------


def word_release(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Familienzentren stellen sich in Bitburg vor", 0)
    document.add_paragraph("Nr. 21 – Eifelkreis Bitburg-Prüm.")
    document.add_paragraph("Bitburg, 03.09.2024")
    document.add_paragraph(
        "Die Koordinatorin der Familienzentren im Eifelkreis hat mit den Kitas einen Tag der "
        "offenen Tür vorbereitet. Familien können die Räume kennenlernen."
    )
    document.add_heading("Was die Familienzentren anbieten", 1)
    for item in ["Elterncafés am Vormittag", "Beratung zu Erziehungsfragen",
                 "Eltern-Kind-Gruppen für Kinder unter drei Jahren"]:
        document.add_paragraph(item, style="List Bullet")
    for item in ["Anmeldung im Familienzentrum", "Besuch am Tag der offenen Tür"]:
        document.add_paragraph(item, style="List Number")
    paragraph = document.add_paragraph("Der Eintritt ist frei. ")
    paragraph.add_run("Für Getränke ist gesorgt.").bold = True
    document.add_paragraph("")
    for line in ["Pressekontakt:", "Mara Musterfrau", "Koordinatorin Familienzentren",
                 "Kreisverwaltung Eifelkreis Bitburg-Prüm", "Tel.: 06561 15-0",
                 "E-Mail: familienzentren@example.org", "Foto: Eifelkreis Bitburg-Prüm"]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_docx_headings_paragraphs_and_lists_become_markdown(tmp_path: Path) -> None:
    result = import_file(word_release(tmp_path / "mitteilung.docx"), DISTRICTS)
    assert result.problems == []
    assert result.front_matter["title"] == "Familienzentren stellen sich in Bitburg vor"
    assert paragraphs(result.body) == [
        "Die Koordinatorin der Familienzentren im Eifelkreis hat mit den Kitas einen Tag der "
        "offenen Tür vorbereitet. Familien können die Räume kennenlernen.",
        "## Was die Familienzentren anbieten",
        "- Elterncafés am Vormittag\n- Beratung zu Erziehungsfragen\n"
        "- Eltern-Kind-Gruppen für Kinder unter drei Jahren",
        "1. Anmeldung im Familienzentrum\n2. Besuch am Tag der offenen Tür",
        "Der Eintritt ist frei. Für Getränke ist gesorgt.",
    ]


def test_docx_lead_date_contact_and_credit_are_found(tmp_path: Path) -> None:
    result = import_file(word_release(tmp_path / "mitteilung.docx"), DISTRICTS)
    front = result.front_matter
    assert (front["number"], front["districts"], front["date"]) == (
        21, ["eifelkreis-bitburg-pruem"], dt.date(2024, 9, 3))
    assert front["contact"] == {
        "name": "Mara Musterfrau",
        "role": "Koordinatorin Familienzentren",
        "organisation": "Kreisverwaltung Eifelkreis Bitburg-Prüm",
        "email": "familienzentren@example.org",
        "phone": "06561 15-0",
    }
    assert front["image"] == {"src": None, "alt": None, "credit": "Eifelkreis Bitburg-Prüm"}
    assert suggest_filename(result) == "2024-09-03-familienzentren-stellen-sich-in-bitburg-vor.md"


def test_docx_contact_with_line_breaks_in_one_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Familien im Mittelpunkt")
    document.add_paragraph("Der Text der Mitteilung.")
    run = document.add_paragraph().add_run("Ansprechpartnerin:")
    for line in ["Lea Beispiel", "Tel.: 02603 972-0", "E-Mail: lea@example.org"]:
        run.add_break()
        run.add_text(line)
    document.save(str(tmp_path / "umbruch.docx"))
    result = import_file(tmp_path / "umbruch.docx", DISTRICTS)
    assert result.front_matter["contact"] == {
        "name": "Lea Beispiel", "email": "lea@example.org", "phone": "02603 972-0"}
    assert paragraphs(result.body) == ["Der Text der Mitteilung."]


def noise_png(width: int, height: int) -> bytes:
    """A valid PNG of random pixels: it does not compress, so the size is predictable."""
    noise = random.Random(176)
    rows = b"".join(b"\x00" + noise.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1))
            + chunk(b"IEND", b""))


def test_large_word_file_with_a_photo_imports(tmp_path: Path) -> None:
    picture = tmp_path / "foto.png"
    picture.write_bytes(noise_png(1300, 1300))
    document = docx.Document()
    document.add_paragraph("Familien im Mittelpunkt")
    document.add_picture(str(picture))
    document.add_paragraph("Der Text der Mitteilung.")
    document.save(str(tmp_path / "gross.docx"))
    assert (tmp_path / "gross.docx").stat().st_size > 5_000_000
    result = import_file(tmp_path / "gross.docx", DISTRICTS)
    assert result.problems == []
    assert paragraphs(result.body) == ["Der Text der Mitteilung."]
    assert any("enthält 1 Bild" in item for item in result.todo)


# --- odd input ---------------------------------------------------------------------------


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hallo.txt", "kein Word")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leer.txt", b"", "ist leer"),
        ("leerzeilen.txt", b"  \r\n\n\t\n", "ist leer"),
        ("bild.txt", bytes(range(256)) * 20, "Binärdaten"),
        ("kaputt.docx", b"Das ist keine Word-Datei.", "keine gültige Word-Datei"),
        ("alt.doc", b"\xd0\xcf\x11\xe0" + bytes(200), ".doc"),
        ("scan.pdf", b"%PDF-1.7\n", "PDF"),
        ("ohne-endung", b"%PDF-1.4\n\x00\x01", "PDF"),
        ("kaputt.odt", b"Das ist keine LibreOffice-Datei.", "keine gültige LibreOffice-Datei"),
        ("abgeschnitten.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "nicht als PDF lesen"),
        ("gross.txt", b"Ein Satz ueber Familien. " * 220_000, "zu groß"),
        ("nur-moebel.txt", b"Startseite\nTeilen\nDrucken\n", "kein Text"),
    ],
)
def test_odd_files_give_problems_not_exceptions(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = import_file(path, DISTRICTS)
    assert len(result.problems) == 1
    assert message in result.problems[0]
    render_markdown(result)  # a failed import still renders, without raising


def test_archive_of_an_unknown_zip_version_gives_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "mitteilung.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6 : entry + 8] = (218).to_bytes(2, "little")  # "needs zip version 21.8"
    path.write_bytes(bytes(data))
    result = import_file(path, DISTRICTS)
    assert len(result.problems) == 1 and "beschädigt" in result.problems[0]


def test_damaged_pdf_is_reported_in_german_only(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    source = (FIXTURES / "corpus" / "pdf-mayen-koblenz.pdf").read_bytes()
    # Bytes inserted after the header: every offset in the file is wrong, pypdf repairs it.
    shifted = source.replace(b"%PDF-1.4\n", b"%PDF-1.4\n% " + b"x" * 40 + b"\n", 1)
    (tmp_path / "verschoben.pdf").write_bytes(shifted)
    result = import_file(tmp_path / "verschoben.pdf", DISTRICTS)
    assert result.body.startswith("Der Babybesuchsdienst")
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""  # no English library chatter


def test_scanned_pdf_without_text_asks_for_the_word_file(tmp_path: Path) -> None:
    source = (FIXTURES / "corpus" / "pdf-mayen-koblenz.pdf").read_bytes()
    # The same page with its text drawn invisibly removed: what a scan without OCR gives.
    scan = re.sub(rb"/Length \d+ /Filter /FlateDecode >>\nstream\n.*?\nendstream",
                  b"/Length 0 >>\nstream\n\nendstream", source, flags=re.DOTALL)
    (tmp_path / "scan.pdf").write_bytes(scan)
    result = import_file(tmp_path / "scan.pdf", DISTRICTS)
    assert result.problems and "ein Scan?" in result.problems[0]


def test_zip_that_is_not_a_word_file_gives_a_problem(tmp_path: Path) -> None:
    _zip_without_document(tmp_path / "archiv.docx")
    result = import_file(tmp_path / "archiv.docx", DISTRICTS)
    assert result.problems and "Word-Datei" in result.problems[0]


def test_missing_file_and_folder_give_problems(tmp_path: Path) -> None:
    assert "gibt es nicht" in import_file(tmp_path / "fehlt.txt", DISTRICTS).problems[0]
    assert "Ordner" in import_file(tmp_path, DISTRICTS).problems[0]


def test_binary_text_passed_to_import_text_gives_a_problem() -> None:
    result = import_text("PK\x03\x04\x00\x00\x14\x00" * 50, DISTRICTS)
    assert result.problems and "Binärdaten" in result.problems[0]


def test_only_a_title_gives_todos_not_problems() -> None:
    result = fixture("nur-titel.txt")
    assert result.problems == []
    assert result.front_matter == {
        "title": "Kita-Netzwerkerinnen tauschen sich in Bad Ems aus", "draft": True}
    assert any(item.startswith("Text der Mitteilung fehlt") for item in result.todo)
    assert suggest_filename(result) is None


def test_text_without_title_asks_for_one() -> None:
    result = import_text("Nr. 176 – Rhein-Lahn-Kreis. " + "Ein langer erster Absatz. " * 12,
                         DISTRICTS)
    assert "title" not in result.front_matter
    assert result.todo[0] == "Titel (title) eintragen, 5–160 Zeichen"


# --- output ------------------------------------------------------------------------------

ALL_FIXTURES = sorted(path.name for path in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_rendered_file_round_trips_through_yaml(name: str) -> None:
    result = fixture(name)
    markdown = render_markdown(result)
    loaded = front_matter_of(markdown)
    for key, value in result.front_matter.items():
        assert loaded[key] == value
    assert loaded["draft"] is True
    assert loaded["summary"] is None and loaded["topics"] == []
    assert markdown.endswith(result.body)
    assert "\\u" not in markdown and "\\x" not in markdown  # umlauts written as themselves


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_keys_follow_the_content_model_order(name: str) -> None:
    keys = list(front_matter_of(render_markdown(fixture(name))))
    assert keys == [key for key in CONTENT_MODEL_ORDER if key in keys]


def test_gaps_are_written_with_todo_comments() -> None:
    lines = render_markdown(fixture("web-kopie-rhein-lahn.txt")).splitlines()
    assert "summary:  # TODO: Kurzfassung schreiben (20–400 Zeichen, reiner Text)" in lines
    assert any(line.startswith("topics: []  # TODO: ") for line in lines)
    assert any(line.startswith("  src:  # TODO: ") for line in lines)
    # The note after the credit's dash is offered as alt text, marked to confirm.
    assert "  alt: Teilnehmende des Workshops an Gruppentischen  # bitte prüfen – Vorschlag aus " \
        "der Bildunterschrift, beschreibt er das Foto?" in lines
    without_note = render_markdown(text_release("Familien im Mittelpunkt", "", "Der Text.", "",
                                                 "Foto: Lea Beispiel")).splitlines()
    assert any(line.startswith("  alt:  # TODO: ") for line in without_note)
    assert "draft: true" in lines


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_nothing_is_invented(name: str) -> None:
    result = fixture(name)
    front = result.front_matter
    assert {"summary", "topics", "network", "updated"}.isdisjoint(front)
    assert front["draft"] is True
    if "image" in front:
        image = front["image"]
        assert isinstance(image, dict)
        # alt may only be a caption taken word for word from the text, marked to confirm.
        assert image["src"] is None
        source = (FIXTURES / name).read_bytes().decode("utf-8", "replace")
        assert image["alt"] is None or (image["alt"] in source and "image.alt" in result.confirm)
    assert "Kurzfassung (summary) schreiben, 20–400 Zeichen" in result.todo
    assert "Themen (topics) eintragen" in result.todo


def test_title_with_colon_and_quotes_is_quoted_in_yaml() -> None:
    result = text_release("„Wir sind da“: Neues Angebot #2 für Familien", "", "Der Text.")
    assert front_matter_of(render_markdown(result))["title"] == (
        "„Wir sind da“: Neues Angebot #2 für Familien")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Workshop zur Weiterentwicklung des Kita-Sozialraumbudgets",
         "2024-06-14-workshop-zur-weiterentwicklung-des-kita-sozialraumbudgets.md"),
        ("Frühe Hilfen: Große Öffnung für Familien – Straße frei!",
         "2024-06-14-fruehe-hilfen-grosse-oeffnung-fuer-familien-strasse-frei.md"),
        ("Elterncafé im Familienzentrum", "2024-06-14-elterncafe-im-familienzentrum.md"),
        ("Netzwerktreffen " * 8, "2024-06-14-netzwerktreffen-netzwerktreffen-netzwerktreffen.md"),
    ],
)
def test_suggested_filename_is_date_and_slug(title: str, expected: str) -> None:
    result = text_release(title, "14.06.2024", "", "Der Text.")
    assert suggest_filename(result) == expected
    assert len(expected) - len("2024-06-14-.md") <= 60
