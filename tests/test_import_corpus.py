"""The importer on a corpus of releases as district offices and news sites publish them.

`tests/fixtures/import/corpus/` holds fictional releases in every shape the importer
must read: copies from news websites (category and site name above the headline,
furniture above, between and below the text, author boxes), releases without the
"Nr. – Kreis." lead, inline photo captions with several credits (one right under the
title), releases naming two districts, and Word, LibreOffice and PDF files (made once by
`tests/make_import_corpus.py`). Each `<name>.<ext>` has its golden draft
`<name>.expected.md` and report `<name>.report.txt`; the importer must reproduce both.
After a deliberate change, `UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_import_corpus.py`
rewrites them — then read the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from familiennetz.importer import (
    ImportResult,
    import_file,
    render_markdown,
    render_report,
)
from familiennetz.importer.pdf_reader import _join
from test_importer import DISTRICTS

CORPUS = Path(__file__).resolve().parent / "fixtures" / "import" / "corpus"
TODAY = dt.date(2025, 3, 14)
SOURCES = sorted(
    path.name for path in CORPUS.iterdir() if not path.name.endswith((".expected.md", ".report.txt"))
)


def imported(name: str) -> ImportResult:
    return import_file(CORPUS / name, DISTRICTS, today=TODAY)


def golden(name: str, suffix: str) -> Path:
    return CORPUS / f"{Path(name).stem}{suffix}"


def front_matter(markdown: str) -> dict[str, Any]:
    _, yaml_text, _ = markdown.split("---\n", 2)
    loaded = yaml.safe_load(yaml_text)
    assert isinstance(loaded, dict)
    return loaded


def test_corpus_has_every_kind_of_release() -> None:
    suffixes = {Path(name).suffix for name in SOURCES}
    assert len(SOURCES) >= 15
    assert {".txt", ".md", ".docx", ".odt", ".pdf"} <= suffixes


@pytest.mark.parametrize("name", SOURCES)
def test_importer_matches_the_golden_draft_and_report(name: str) -> None:
    result = imported(name)
    assert result.problems == []
    draft, report = render_markdown(result), render_report(result)
    if os.environ.get("UPDATE_GOLDEN"):
        golden(name, ".expected.md").write_text(draft, encoding="utf-8")
        golden(name, ".report.txt").write_text(report, encoding="utf-8")
    assert draft == golden(name, ".expected.md").read_text(encoding="utf-8")
    assert report == golden(name, ".report.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SOURCES)
def test_golden_draft_is_valid_yaml_with_a_date_and_a_title(name: str) -> None:
    front = front_matter(golden(name, ".expected.md").read_text(encoding="utf-8"))
    assert isinstance(front["date"], dt.date)
    assert isinstance(front["title"], str) and len(front["title"]) >= 5
    assert front["draft"] is True


@pytest.mark.parametrize("name", [n for n in SOURCES if n.endswith((".txt", ".md"))])
def test_body_paragraphs_are_the_authors_words_exactly(name: str) -> None:
    source = (CORPUS / name).read_text(encoding="utf-8")
    body = imported(name).body
    for paragraph in body.split("\n\n"):
        for line in paragraph.splitlines():
            # A lead or dateline may be cut from the start of a line, nothing else changes.
            assert line.replace("\\", "") in source, line


def test_category_and_site_name_above_the_headline_are_not_the_title() -> None:
    result = imported("web-kategorie-rhein-lahn.txt")
    assert result.front_matter["title"] == "Elterncafé in Nastätten öffnet nach dem Umbau wieder"
    assert "Familie & SozialesLahn-Bote" in result.dropped
    separated = imported("web-zeitung-mayen-koblenz.txt")
    assert separated.front_matter["title"] == "Neue Babylotsinnen begleiten Familien in Andernach"
    assert separated.dropped[:2] == ["Region · Lokales · Andernach", "Kreiszeitung Online"]


def test_furniture_between_and_below_the_text_is_dropped_and_listed() -> None:
    result = imported("web-kategorie-rhein-lahn.txt")
    for line in (
        "Folgen Sie uns auf WhatsApp: Jetzt den Kanal des Lahn-Boten abonnieren!",
        "Anzeige",
        "Nach oben",
        "Über die Autorin",
        "Webdesign und Umsetzung: Agentur Beispiel",
    ):
        assert line in result.dropped
        assert line not in result.body
    assert any(entry.startswith("Vorname Nachname schreibt seit 2019") for entry in result.dropped)
    assert "  - Anzeige\n" in render_report(result)


def test_sentence_about_a_messenger_channel_stays_in_the_text() -> None:
    from familiennetz.importer import import_text

    result = import_text(
        "Neuer Kanal für Eltern im Kreis\n\nDas Jugendamt informiert künftig über einen "
        "WhatsApp-Kanal.\n", DISTRICTS, today=TODAY)
    assert result.body.strip() == "Das Jugendamt informiert künftig über einen WhatsApp-Kanal."


def test_district_without_lead_is_offered_with_its_evidence_to_confirm() -> None:
    result = imported("ohne-vorspann-saarlouis.txt")
    assert result.front_matter["districts"] == ["saarlouis"]
    assert "districts" in result.confirm
    draft = render_markdown(result)
    assert "districts: [saarlouis]  # bitte prüfen – aus dem Text erschlossen" in draft
    evidence = [entry for entry in result.found if "Beleg für Landkreis Saarlouis" in entry]
    assert any("„Kreisjugendamt Saarlouis“" in entry for entry in evidence)
    assert any("„Kreisverwaltung Saarlouis“ in „Quelle: Kreisverwaltung Saarlouis“" in entry
               for entry in evidence)  # the closing "Quelle:" line


@pytest.mark.parametrize(
    ("name", "top", "other"),
    [
        ("zwei-kreise-eifel-rhein-lahn.txt", "eifelkreis-bitburg-pruem", "Rhein-Lahn-Kreis"),
        ("zwei-kreise-gleichstand.txt", "rhein-lahn-kreis", "Landkreis Mayen-Koblenz"),
        ("libreoffice-zwei-kreise.odt", "mayen-koblenz", "Rhein-Lahn-Kreis"),
    ],
)
def test_two_districts_are_never_decided_silently(name: str, top: str, other: str) -> None:
    result = imported(name)
    assert result.front_matter["districts"] == [top]
    assert other in result.confirm["districts"]
    assert any(entry.startswith("Kreis (districts) bestätigen") and other in entry
               for entry in result.todo)
    assert any(f"Beleg für {other}" in entry for entry in result.found)


def test_equal_evidence_says_so() -> None:
    result = imported("zwei-kreise-gleichstand.txt")
    assert result.confirm["districts"].startswith("gleich oft genannt")


def test_bare_place_that_fits_city_and_county_is_reported_not_counted() -> None:
    result = imported("pdf-stadt-bad-kreuznach.pdf")
    assert result.front_matter["districts"] == ["stadt-bad-kreuznach"]
    assert any(entry.startswith("„Bad Kreuznach“ passt auf mehrere Kreise") for entry in result.todo)


def test_lead_district_is_taken_without_asking() -> None:
    result = imported("kanonisch-rhein-lahn.txt")
    assert result.front_matter["districts"] == ["rhein-lahn-kreis"]
    assert "districts" not in result.confirm


def test_inline_captions_become_pictures_and_leave_the_body() -> None:
    result = imported("bildzeilen-bad-kreuznach.txt")
    assert "Foto:" not in result.body and "Kinder bemalen" not in result.body
    image = result.front_matter["image"]
    assert image == {
        "src": None,
        "alt": "Landrätin und Koordinatorin der Frühen Hilfen begrüßen die ersten zwölf "
        "Patinnen und Paten auf dem Spielplatz.",
        "credit": "Landkreis Bad Kreuznach - Vorname Nachname",
    }
    assert result.confirm["image.alt"].startswith("Vorschlag aus der Bildunterschrift")
    several = next(entry for entry in result.todo if entry.startswith("Mehrere Bilder"))
    assert "Kinder bemalen auf dem Spielplatzfest" in several and "Netzwerk Frühe Hilfen" in several


def test_caption_right_under_the_title_is_a_picture_and_the_lead_still_found() -> None:
    result = imported("bildzeile-unter-titel-eifel.txt")
    assert result.body.startswith("Die Hebammensprechstunde der Frühen Hilfen gibt es ab sofort")
    assert result.front_matter["number"] == 45
    image = result.front_matter["image"]
    assert isinstance(image, dict) and image["alt"].startswith("Die Hebamme berät Eltern")


def test_photographer_after_the_dash_stays_in_the_credit() -> None:
    image = imported("kanonisch-rhein-lahn.txt").front_matter["image"]
    assert isinstance(image, dict)
    assert image["credit"] == "Kreisverwaltung Rhein-Lahn – Vorname Nachname"
    assert image["alt"] is None


def test_release_without_a_date_is_dated_today_to_confirm() -> None:
    result = imported("ohne-datum-mayen-koblenz.txt")
    assert result.front_matter["date"] == TODAY
    assert "date: 2025-03-14  # bitte prüfen – kein Datum im Text" in render_markdown(result)
    assert result.todo[0].startswith("Datum (date) prüfen: heute eingesetzt")


def test_pdf_paragraphs_come_from_the_gaps_between_lines() -> None:
    body = imported("pdf-mayen-koblenz.pdf").body
    assert body.split("\n\n")[0].startswith("Der Babybesuchsdienst des Kreisjugendamtes")
    assert len(body.split("\n\n")) == 2
    assert "\n" not in body.split("\n\n")[0]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Familien-", "bildungsstätten"], "Familienbildungsstätten"),
        (["die Kita-", "Sozialarbeit"], "die Kita-Sozialarbeit"),
        (["neun von", "zehn"], "neun von zehn"),
    ],
)
def test_pdf_lines_are_joined_without_changing_words(lines: list[str], joined: str) -> None:
    assert _join(lines) == joined


def test_odt_headings_lists_and_umlauts_are_kept() -> None:
    body = imported("libreoffice-rhein-lahn.odt").body
    assert "- die Sprechzeiten der Kita-Sozialarbeit" in body
    assert "Rathäusern" in body
    assert re.search(r"^#", body, re.MULTILINE) is None  # the heading became the title


@pytest.mark.parametrize("name", SOURCES)
def test_every_piece_of_evidence_shows_its_phrase_in_its_line(name: str) -> None:
    evidence = re.compile(r"^Beleg für [^:]+: „(?P<phrase>[^“]+)“ in „(?P<line>.*)“$")
    for entry in imported(name).found:
        match = evidence.match(entry)
        if entry.startswith("Beleg für"):
            assert match is not None, entry
            assert match["phrase"] in match["line"]
            assert len(match["line"]) <= 92  # a long line is cut around the phrase


@pytest.mark.parametrize(
    "line",
    [
        "Gestaltung von Spielplätzen",
        "Das Jugendamt informiert künftig über einen WhatsApp-Kanal.",
        "Von Montag an gelten neue Sprechzeiten.",
        "Der Autor des Buches liest in der Stadtbibliothek.",
        "Entwickelt wurde das Konzept von den Kitas selbst.",
    ],
)
def test_sentences_that_look_a_little_like_furniture_stay(line: str) -> None:
    from familiennetz.importer.furniture import is_author_heading, is_furniture

    assert not is_furniture(line)
    assert not is_author_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Realisiert von Agentur Beispiel",
        "Webdesign: Beispiel Medien GmbH",
        "Jetzt unserem Telegram-Kanal beitreten und nichts verpassen",
        "Lesen Sie auch: Kitaplätze im Kreis werden knapp",
        "Von Vorname Nachname",
        "↑ Zurück nach oben",
    ],
)
def test_furniture_lines_by_their_shape(line: str) -> None:
    from familiennetz.importer.furniture import is_furniture

    assert is_furniture(line)


def test_short_real_title_followed_by_the_text_is_kept() -> None:
    from familiennetz.importer import import_text

    result = import_text(
        "Soziales Netzwerk wächst\n\nDas Netzwerk Frühe Hilfen hat zehn neue Mitglieder.\n",
        DISTRICTS, today=TODAY)
    assert result.front_matter["title"] == "Soziales Netzwerk wächst"
    assert result.dropped == []


def test_caption_above_the_headline_is_a_picture_not_the_title() -> None:
    from familiennetz.importer import import_text

    result = import_text(
        "Kinder spielen im neuen Sandkasten der Kita Sonnenschein. Foto: Stadt Bad Kreuznach\n\n"
        "Kita Sonnenschein hat einen neuen Spielplatz\n\n"
        "Die Kita Sonnenschein hat ihren Spielplatz neu gestaltet.\n",
        DISTRICTS, today=TODAY)
    assert result.front_matter["title"] == "Kita Sonnenschein hat einen neuen Spielplatz"
    assert result.front_matter["image"] == {
        "src": None, "alt": "Kinder spielen im neuen Sandkasten der Kita Sonnenschein.",
        "credit": "Stadt Bad Kreuznach"}
    assert result.body.strip() == "Die Kita Sonnenschein hat ihren Spielplatz neu gestaltet."


# --- a reviewer's copy of a news site (web-zeitung-online-diez.txt) ---------------------

DIEZ = "web-zeitung-online-diez.txt"


@pytest.mark.parametrize("masthead", ["Rhein-Lahn-Zeitung Online", "Lahn-Bote", "Kreis-Anzeiger",
                                      "Westerwälder Kurier", "Eifel Online", "Lokales"])
def test_site_name_above_the_headline_is_dropped_even_with_the_date_between(masthead: str) -> None:
    from familiennetz.importer import import_text, suggest_filename

    result = import_text(
        f"{masthead}\nZuletzt aktualisiert: 03.11.2026, 14:27 Uhr\n"
        "Kinderschutzbund eröffnet Beratungsstelle in Diez\n\n"
        "Der Kinderschutzbund hat in Diez eine Beratungsstelle eröffnet.\n", DISTRICTS, today=TODAY)
    assert result.front_matter["title"] == "Kinderschutzbund eröffnet Beratungsstelle in Diez"
    assert result.dropped[0] == masthead
    assert result.body.strip() == "Der Kinderschutzbund hat in Diez eine Beratungsstelle eröffnet."
    assert suggest_filename(result) == "2026-11-03-kinderschutzbund-eroeffnet-beratungsstelle-in-diez.md"


def test_reviewers_copy_keeps_the_headline_and_drops_the_site_name() -> None:
    result = imported(DIEZ)
    assert result.front_matter["title"] == "Kinderschutzbund eröffnet Beratungsstelle in Diez"
    assert result.dropped[0] == "Rhein-Lahn-Zeitung Online"
    assert "Zeitung Online" not in result.body


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Zuletzt aktualisiert: 03.11.2026, 14:27 Uhr", dt.date(2026, 11, 3)),
        ("Veröffentlicht am 02.11.2026, 09:15 Uhr", dt.date(2026, 11, 2)),
        ("Stand: 04.11.2026", dt.date(2026, 11, 4)),
        ("Erstellt: 05.11.2026", dt.date(2026, 11, 5)),
    ],
)
def test_page_date_note_is_the_date_not_today(line: str, day: dt.date) -> None:
    from familiennetz.importer import import_text

    for text in (f"Neue Sprechzeiten im Familienbüro\n{line}\n\nDas Familienbüro hat neue "
                 "Sprechzeiten.\n",
                 f"Neue Sprechzeiten im Familienbüro\n\nDas Familienbüro hat neue Sprechzeiten."
                 f"\n\n{line}\n"):  # above and below the text
        result = import_text(text, DISTRICTS, today=TODAY)
        assert result.front_matter["date"] == day
        assert "date" not in result.confirm
        assert any(entry.startswith(f"Datum: {day.isoformat()} (aus „{line}“")
                   for entry in result.found)
        assert line in result.dropped and line not in result.body


def test_publication_note_wins_over_the_update_note() -> None:
    result = imported(DIEZ)
    assert result.front_matter["date"] == dt.date(2026, 11, 2)
    assert any(entry.startswith("„Zuletzt aktualisiert: 03.11.2026, 14:27 Uhr“ nicht als Datum")
               for entry in result.found)


def test_ads_teasers_comments_and_subscription_prompts_are_dropped_and_listed() -> None:
    result = imported(DIEZ)
    for line in ("Anzeige", "Jetzt Abo sichern – 4 Wochen gratis!", "Mehr zum Thema:",
                 "Kitaplätze im Rhein-Lahn-Kreis: Eltern warten länger", "Plus-Artikel",
                 "Jetzt weiterlesen", "Abo", "Kommentare (3)", "Jetzt kommentieren", "Teilen",
                 "Drucken", "Artikel merken"):
        assert line in result.dropped
        assert line not in result.body
    assert len(result.body.split("\n\n")) == 3


@pytest.mark.parametrize("label", ["Anzeige", "Lesen Sie auch:", "Mehr zum Thema:"])
def test_teaser_in_its_own_paragraph_after_a_label_is_dropped_but_prose_stays(label: str) -> None:
    from familiennetz.importer import import_text

    teaser = "Kitaplätze im Rhein-Lahn-Kreis: Eltern warten länger"
    prose = "Das Angebot ist kostenlos. Eine Anmeldung ist nicht nötig."
    text = f"Neue Sprechzeiten im Familienbüro\n\nErster Absatz.\n\n{label}\n\n{teaser}\n\n"
    result = import_text(text + f"{prose}\n", DISTRICTS, today=TODAY)
    assert teaser in result.dropped and teaser not in result.body
    assert result.body.strip().endswith(prose)
    after_picture_ad = import_text(
        f"Neue Sprechzeiten im Familienbüro\n\nErster Absatz.\n\n{label}\n\n{prose}\n",
        DISTRICTS, today=TODAY)
    assert after_picture_ad.body.strip().endswith(prose)


def test_district_evidence_counts_only_the_release_text() -> None:
    result = imported(DIEZ)
    evidence = [entry for entry in result.found if entry.startswith("Beleg für")]
    assert evidence == [
        "Beleg für Rhein-Lahn-Kreis: „Kreisjugendamt Rhein-Lahn“ in „…und auf Wunsch anonym. Das "
        "Kreisjugendamt Rhein-Lahn unterstützt die Stelle in den…“"
    ]  # not the site's name, the photo credit or the "Mehr zum Thema" teaser
    other = imported("zwei-kreise-eifel-rhein-lahn.txt")
    assert not any(entry.startswith("Beleg für") and "Foto:" in entry for entry in other.found)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Eltern sehen sich die neuen Räume an.\nFoto: Rhein-Lahn-Zeitung/Vorname Nachname",
        "Eltern sehen sich die neuen Räume an (Foto: Rhein-Lahn-Zeitung/Vorname Nachname)",
        "Eltern sehen sich die neuen Räume an. (Foto: Rhein-Lahn-Zeitung/Vorname Nachname)",
        "Eltern sehen sich die neuen Räume an. Bild: Rhein-Lahn-Zeitung/Vorname Nachname",
        "Eltern sehen sich die neuen Räume an. © Rhein-Lahn-Zeitung/Vorname Nachname",
        "Eltern sehen sich die neuen Räume an. Foto: © Rhein-Lahn-Zeitung/Vorname Nachname",
        # An initial in the credit: not readable as one inline caption, still a pair.
        "Eltern sehen sich die neuen Räume an.\nFoto: Rhein-Lahn-Zeitung/V. Nachname",
    ],
)
def test_caption_forms_of_news_sites_become_the_alt_text_suggestion(paragraph: str) -> None:
    from familiennetz.importer import import_text

    result = import_text(f"Beratungsstelle in Diez eröffnet\n\n{paragraph}\n\nDer Kinderschutzbund "
                         "hat eine Beratungsstelle eröffnet.\n", DISTRICTS, today=TODAY)
    image = result.front_matter["image"]
    assert isinstance(image, dict)
    assert image["alt"].startswith("Eltern sehen sich die neuen Räume an")
    assert image["credit"] in {"Rhein-Lahn-Zeitung/Vorname Nachname", "Rhein-Lahn-Zeitung/V. Nachname"}
    assert "Räume" not in result.body and "Foto" not in result.body
    assert "Alternativtext (image.alt) für das Foto beschreiben" not in result.todo


def test_site_copyright_is_furniture_not_a_photo_credit() -> None:
    from familiennetz.importer import import_text

    result = import_text("Beratungsstelle in Diez eröffnet\n\nDer Kinderschutzbund hat eine "
                         "Beratungsstelle eröffnet.\n\n© 2026 Rhein-Lahn-Zeitung\n", DISTRICTS,
                         today=TODAY)
    assert "image" not in result.front_matter
    assert "© 2026 Rhein-Lahn-Zeitung" in result.dropped


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Elternkurse für Familien mit Babys in Bitburg und Prüm und im ganzen Eifelkreis",
         "elternkurse-fuer-familien-mit-babys-in-bitburg-und-pruem"),
        ("Elternkurs „Starke Eltern – starke Kinder“ in Mendig und Andernach",
         "elternkurs-starke-eltern-starke-kinder-in-mendig"),
        ("Neue Sprechzeiten der Beratungsstelle für Eltern und Kinder mit dem Familienbüro",
         "neue-sprechzeiten-der-beratungsstelle-fuer-eltern-und-kinder"),
        ("Kurz und gut", "kurz-und-gut"),  # not shortened: a title may end as it likes
    ],
)
def test_shortened_file_name_does_not_end_in_a_function_word(title: str, slug: str) -> None:
    from familiennetz.importer.render import MAX_SLUG
    from familiennetz.text import slugify  # `new` names its files with it too

    assert slugify(title, max_length=MAX_SLUG) == slug


def test_corpus_file_name_is_cut_between_content_words() -> None:
    from familiennetz.importer import suggest_filename

    assert suggest_filename(imported("pressestelle-eifel.txt")) == (
        "2025-09-18-elternkurse-fuer-familien-mit-babys-in-bitburg-und-pruem.md")


def test_press_office_over_the_authority_is_the_role_and_the_authority_the_organisation() -> None:
    result = imported("pressestelle-eifel.txt")
    assert result.front_matter["contact"] == {
        "role": "Pressestelle", "organisation": "Kreisverwaltung Eifelkreis Bitburg-Prüm",
        "email": "presse@bitburg-pruem.example", "phone": "06561 15-1234"}
    assert not any("keinem Feld zugeordnet" in entry for entry in result.todo)


def test_press_office_alone_stays_the_organisation() -> None:
    from familiennetz.importer.contact import parse_contact

    assert parse_contact(["Pressestelle", "Telefon: 06561 15-1234"]).fields == {
        "organisation": "Pressestelle", "phone": "06561 15-1234"}
    with_role = parse_contact(["Vorname Nachname", "Pressesprecherin", "Pressestelle",
                               "Kreisverwaltung Eifelkreis Bitburg-Prüm"])
    assert with_role.fields["role"] == "Pressesprecherin"
    assert with_role.fields["organisation"] == "Kreisverwaltung Eifelkreis Bitburg-Prüm"
    assert with_role.unassigned == []


def test_bare_credit_repeating_the_first_pictures_credit_is_no_second_picture() -> None:
    result = imported("libreoffice-rhein-lahn.odt")
    assert not any(entry.startswith("Mehrere Bilder") for entry in result.todo)
    assert any("gehört zum ersten Bild" in entry for entry in result.found)
    # A bare credit naming someone else is still another picture (bildzeilen-bad-kreuznach).
    assert any(entry.startswith("Mehrere Bilder") and "Netzwerk Frühe Hilfen" in entry
               for entry in imported("bildzeilen-bad-kreuznach.txt").todo)


def test_sentence_starting_with_stand_stays_in_the_text() -> None:
    from familiennetz.importer import import_text

    sentence = "Stand: 1. Januar 2026 gab es zwölf Kitas mit Sozialarbeit im Kreis."
    result = import_text(f"Kita-Sozialarbeit wächst\n\nErster Absatz.\n\n{sentence}\n", DISTRICTS,
                         today=TODAY)
    assert sentence in result.body and sentence not in result.dropped


def test_photo_with_caption_and_credit_lines_between_site_name_and_headline() -> None:
    from familiennetz.importer import import_text

    result = import_text(
        "Rhein-Lahn-Zeitung Online\n\nEltern sehen sich die neuen Räume an.\n"
        "Foto: Rhein-Lahn-Zeitung/Vorname Nachname\n\n"
        "Kinderschutzbund eröffnet Beratungsstelle in Diez\n\n"
        "Der Kinderschutzbund hat in Diez eine Beratungsstelle eröffnet.\n", DISTRICTS, today=TODAY)
    assert result.front_matter["title"] == "Kinderschutzbund eröffnet Beratungsstelle in Diez"
    assert result.front_matter["image"] == {
        "src": None, "alt": "Eltern sehen sich die neuen Räume an.",
        "credit": "Rhein-Lahn-Zeitung/Vorname Nachname"}
    assert result.dropped == ["Rhein-Lahn-Zeitung Online"]
    assert result.body.strip() == "Der Kinderschutzbund hat in Diez eine Beratungsstelle eröffnet."
    # The newspaper's name in the credit is no evidence for the Rhein-Lahn-Kreis.
    assert "districts" not in result.front_matter
