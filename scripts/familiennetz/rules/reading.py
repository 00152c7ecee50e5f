"""Rules reported while files are read and their headers bound: by the inventory of
files (`inventory.py`), the loader and header parser (`loader.py`, `header.py`), the type
and file name (`documents.py`) and the binder (`binding.py`), which know best where a
problem is. Declared here so that they are listed, with what to do, like all others."""

from __future__ import annotations

from ..problems import Level
from .base import Rule

__all__ = ["RULES"]

RULES = (
    Rule("yaml-syntax", "Der Kopfbereich ist kein gültiges YAML: Doppelpunkt im Wert, "
         "Tabulator, falsche Einrückung, offenes Anführungszeichen oder offene Klammer, ein "
         "YAML-Anker (`&`, `*`) oder zu tiefe Verschachtelung.",
         "Die Meldung nennt die Ursache. Siehe die Stolpersteine unten."),
    Rule("front-matter-missing", "Der Kopfbereich fehlt oder wird nicht mit `---` geschlossen.",
         "Erste Zeile `---`, dann die Felder, dann wieder eine Zeile `---`."),
    Rule("empty-file", "Die Datei ist leer.",
         "Vorlage einfügen und ausfüllen – oder die Datei löschen."),
    Rule("encoding", "Die Datei ist nicht als UTF-8 gespeichert (oft Windows-1252 oder "
         "„Unicode“/UTF-16) oder gar keine Textdatei.",
         "Als UTF-8 speichern; die Meldung nennt die Schritte in Word, LibreOffice Writer und "
         "im Windows-Editor. Oder den Text im GitHub-Editor neu einfügen."),
    Rule("unreadable", "Die Datei lässt sich nicht lesen.",
         "Datei neu anlegen; hilft das nicht, die Redaktion fragen."),
    Rule("control-character", "In der Datei oder einem Feld steht ein unsichtbares "
         "Steuerzeichen, meist aus kopiertem Text.", "Die Stelle löschen und neu tippen."),
    Rule("too-large", "Der Kopfbereich (über 64 KB), der Text (über 1 MB) oder eine Datei "
         "(Bilder über 10 MB, PDF über 20 MB) ist zu groß.",
         "Kürzen oder aufteilen; Bilder verkleinern."),
    Rule("symlink", "Eine Datei oder ein Ordner ist ein Verweis (symbolischer Link) auf eine "
         "andere Stelle.", "Eine echte Datei anlegen; Verweise werden nie veröffentlicht."),
    Rule("unsafe-file", "Eine Datei darf nicht veröffentlicht werden: eine andere Art als "
         "Markdown, Bild (JPEG, PNG, GIF, WebP, AVIF, SVG) oder PDF; ein Bild, dessen Inhalt "
         "nicht zur Endung passt; eine SVG-Grafik mit Skripten oder Verweisen.",
         "Die Datei entfernen oder im richtigen Format speichern."),
    Rule("file-name", "Dateiname oder Ordner passen nicht: Datum fehlt, weicht von `date` ab, "
         "falscher Jahresordner, Großbuchstaben, Umlaute oder Leerzeichen.",
         "Datei so umbenennen oder verschieben, wie die Meldung es sagt."),
    Rule("unknown-folder", "Der Ordner heißt fast wie ein Inhaltsordner (`pressemiteilungen` "
         "statt `pressemitteilungen`). Beiträge darin fehlten sonst in allen Listen und Feeds.",
         "Die Datei in den richtigen Ordner verschieben."),
    Rule("unknown-field", "Ein Feld gibt es nicht, meist ein Tippfehler.",
         "Den vorgeschlagenen Namen übernehmen; erlaubte Felder stehen in der "
         "[Feldreferenz](felder.md)."),
    Rule("missing-field", "Ein Pflichtfeld fehlt oder ist leer, etwa `summary` oder beim Foto "
         "`image.alt`.", "Das Feld ergänzen; die Meldung zeigt oft ein Beispiel."),
    Rule("duplicate-field", "Ein Feld steht zweimal im Kopfbereich.",
         "Eine der beiden Zeilen löschen."),
    Rule("duplicate-entry", "Ein Eintrag steht zweimal in einer Liste, etwa derselbe Kreis in "
         "`districts`.", "Den doppelten Eintrag löschen."),
    Rule("wrong-type", "Der Wert hat die falsche Form: Text statt Liste, `ja` statt `true`, "
         "Zahl statt Text, Datum ohne Uhrzeit bei `embargo`.",
         "So schreiben, wie die Meldung es vorschlägt."),
    Rule("length", "Ein Text ist zu kurz oder zu lang (Überschrift 5–160, Kurzfassung 20–400 "
         "Zeichen).", "Kürzen oder ergänzen."),
    Rule("invalid-value", "Der Wert ist nicht erlaubt, etwa eine unbekannte Angebotsart oder "
         "eine ungültige E-Mail-Adresse.", "Einen der genannten Werte nehmen."),
    Rule("plain-text", "In einem Feld steht etwas, das wie HTML aussieht (`<b>`, `</`, "
         "`&amp;`), ein Zeilenumbruch, oder in der Kurzfassung Formatierung (Link, `**`).",
         "Nur reinen Text in eine Zeile schreiben; einzelne Zeichen wie `<`, `>` und `&` sind "
         "erlaubt."),
    Rule("invalid-date", "Das Datum gibt es nicht (30. Februar), es ist deutsch geschrieben "
         "(`19.11.2026`) oder eine Uhrzeit hat keine Zeitzone.",
         "`JJJJ-MM-TT` schreiben, mit Uhrzeit etwa `2026-11-25T10:00:00+01:00`."),
)
assert all(rule.level is Level.ERROR for rule in RULES)  # nothing read badly is published
