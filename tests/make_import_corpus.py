"""Writes the Word, LibreOffice and PDF releases of the importer corpus (run once, by hand).

    .venv/bin/python tests/make_import_corpus.py

The files are committed next to their golden files in `tests/fixtures/import/corpus/`;
tests never regenerate them. The PDF is written by hand (Helvetica, WinAnsiEncoding, one
text object per line) so that no PDF library is needed besides the reader under test.
"""

from __future__ import annotations

import textwrap
import zlib
from pathlib import Path

import docx
from odfdo import Document, Header, List, Paragraph

CORPUS = Path(__file__).resolve().parent / "fixtures" / "import" / "corpus"

WORD_SAARLOUIS = [
    ("h", "Neue Familienhebammen im Landkreis Saarlouis"),
    ("p", "Nr. 88 – Landkreis Saarlouis. Saarlouis, 21.05.2025. Drei neue Familienhebammen "
     "verstärken ab Juni das Team der Frühen Hilfen. Sie besuchen Familien in den ersten "
     "Lebensmonaten zu Hause."),
    ("p", "Landrat und Teamleiterin begrüßen die drei Familienhebammen im Sitzungssaal. "
     "Foto: Landkreis Saarlouis - Vorname Nachname"),
    ("p", "Die Familienhebammen helfen bei Fragen zu Stillen, Schlaf und Entwicklung. Sie "
     "vermitteln auch zu Beratungsstellen und Elternkursen."),
    ("li", "Besuche bis zum ersten Geburtstag"),
    ("li", "Beratung auf Deutsch, Englisch und Französisch"),
    ("p", "Die Familienhebammen stellen sich beim Elternfrühstück in Dillingen vor. "
     "Foto: Landkreis Saarlouis - Vorname Nachname"),
    ("p", "Pressekontakt:"),
    ("p", "Vorname Nachname"),
    ("p", "Pressereferentin"),
    ("p", "Landratsamt Saarlouis"),
    ("p", "presse@example.org"),
]
WORD_EIFEL = [
    ("p", "Aktuelles | Eifel-Nachrichten"),
    ("h", "Kita-Sozialarbeit wird im Eifelkreis ausgebaut"),
    ("p", "Teilen | Drucken | E-Mail"),
    ("p", "Ab dem neuen Kita-Jahr arbeiten im Eifelkreis Bitburg-Prüm sechs weitere "
     "Fachkräfte der Kita-Sozialarbeit. Sie beraten Eltern direkt in der Kita."),
    ("p", "Unser WhatsApp-Kanal: Hier klicken und abonnieren"),
    ("p", "Der Kreistag des Eifelkreises Bitburg-Prüm hat die Mittel einstimmig bewilligt. "
     "Das Kreisjugendamt Bitburg-Prüm wählt die Kitas gemeinsam mit den Trägern aus."),
    ("p", "Nach oben"),
    ("p", "Quelle: Kreisverwaltung Eifelkreis Bitburg-Prüm"),
]
ODT_RHEIN_LAHN = [
    ("h", "Familienwegweiser Rhein-Lahn erscheint neu"),
    ("p", "Nr. 190 – Rhein-Lahn-Kreis. Bad Ems, 08.09.2025. Der Familienwegweiser des "
     "Rhein-Lahn-Kreises ist in einer neuen Auflage erschienen. Er nennt Angebote von der "
     "Schwangerschaft bis zum Schulbeginn."),
    ("p", "Die Koordinatorinnen der Frühen Hilfen stellen den neuen Familienwegweiser im "
     "Kreishaus vor. Foto: Kreisverwaltung Rhein-Lahn - Vorname Nachname"),
    ("p", "Neu sind in dieser Auflage:"),
    ("li", "eine Karte mit allen Familienzentren"),
    ("li", "Hinweise in Leichter Sprache"),
    ("li", "die Sprechzeiten der Kita-Sozialarbeit"),
    ("p", "Der Wegweiser liegt in Kinderarztpraxen und Rathäusern kostenlos aus."),
    ("p", "Foto: Kreisverwaltung Rhein-Lahn"),
]
ODT_ZWEI_KREISE = [
    ("h", "Elternkurs „Starke Eltern – starke Kinder“ in Mendig und Andernach"),
    ("p", "Der Kinderschutzbund bietet im Landkreis Mayen-Koblenz zwei neue Elternkurse an. "
     "Eltern aus dem benachbarten Rhein-Lahn-Kreis sind ebenfalls willkommen."),
    ("p", "Die Kurse finden an acht Abenden statt. Die Kreisverwaltung Mayen-Koblenz "
     "übernimmt die Kosten für Familien mit geringem Einkommen."),
    ("p", "Anmeldungen nimmt das Kreisjugendamt Mayen-Koblenz entgegen."),
]
PDF_MAYEN_KOBLENZ = [
    "Babybesuchsdienst erreicht neun von zehn Familien",
    "",
    "Nr. 230 – Landkreis Mayen-Koblenz. Koblenz, 17.10.2025. Der Babybesuchsdienst des "
    "Kreisjugendamtes hat im vergangenen Jahr neun von zehn Familien mit einem Neugeborenen "
    "besucht. Die Fachkräfte bringen ein Begrüßungspaket und Informationen zu Angeboten in "
    "der Nähe mit.",
    "",
    "Besonders gefragt waren die Hinweise zu Hebammen, Kinderärzten und Familienbildungsstätten. "
    "Viele Eltern wünschen sich außerdem mehr Krabbelgruppen am Nachmittag.",
    "",
    "Foto: Kreisverwaltung Mayen-Koblenz - Vorname Nachname",
]
PDF_STADT_BAD_KREUZNACH = [
    "Familienzentrum in der Neustadt lädt zum Sommerfest",
    "",
    "Das Familienzentrum der Stadt Bad Kreuznach feiert am 5. Juli 2025 sein Sommerfest. "
    "Eingeladen sind alle Familien aus Bad Kreuznach und Umgebung.",
    "",
    "Die Stadtverwaltung Bad Kreuznach und das Netzwerk Frühe Hilfen stellen ihre Angebote "
    "vor. Für Kinder gibt es eine Hüpfburg und ein Mitmachtheater.",
    "",
    "Quelle: Stadt Bad Kreuznach",
]


def write_docx(path: Path, parts: list[tuple[str, str]]) -> None:
    document = docx.Document()
    for kind, text in parts:
        if kind == "h":
            document.add_heading(text, level=1)
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.core_properties.author = ""  # no machine user name in a committed fixture
    document.save(str(path))


def write_odt(path: Path, parts: list[tuple[str, str]]) -> None:
    document = Document("text")
    body = document.body
    items: list[str] = []
    for index, (kind, text) in enumerate(parts):
        if kind == "li":
            items.append(text)
            if index + 1 == len(parts) or parts[index + 1][0] != "li":
                body.append(List(items))
                items = []
        elif kind == "h":
            body.append(Header(1, text))
        else:
            body.append(Paragraph(text))
    document.save(path)


def _pdf_text(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, paragraphs: list[str]) -> None:
    """One A4 page; lines wrapped at 80 characters, a blank line between paragraphs."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 80) if paragraph else [""])
    commands = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
    for line in lines:
        commands.append(b"(" + _pdf_text(line) + b") Tj T*" if line else b"T*")
    commands.append(b"ET")
    stream = zlib.compress(b"\n".join(commands))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def main() -> None:
    write_docx(CORPUS / "word-saarlouis.docx", WORD_SAARLOUIS)
    write_docx(CORPUS / "word-web-kopie-eifel.docx", WORD_EIFEL)
    write_odt(CORPUS / "libreoffice-rhein-lahn.odt", ODT_RHEIN_LAHN)
    write_odt(CORPUS / "libreoffice-zwei-kreise.odt", ODT_ZWEI_KREISE)
    write_pdf(CORPUS / "pdf-mayen-koblenz.pdf", PDF_MAYEN_KOBLENZ)
    write_pdf(CORPUS / "pdf-stadt-bad-kreuznach.pdf", PDF_STADT_BAD_KREUZNACH)


if __name__ == "__main__":
    main()
