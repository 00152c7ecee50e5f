"""libyaml's English errors, said in German with what to do: press officers write the
YAML of the front matter by hand (or paste it), and every mistake must read as a hint."""

from __future__ import annotations

import yaml

__all__ = ["YAML_FALLBACK", "yaml_message"]

_YAML_HINTS = (
    ("mapping values are not allowed", "Doppelpunkt an unerwarteter Stelle — enthält ein Wert "
     "einen `:`? Dann setzen Sie ihn in Anführungszeichen: `title: \"Bad Ems: Workshop\"`."),
    ("cannot start any token", "Zeichen, mit dem kein YAML-Wert beginnen darf (Tabulator, `@` "
     "oder `` ` ``) — rücken Sie mit Leerzeichen ein oder setzen Sie den Wert in Anführungszeichen."),
    ("could not find expected ':'", "Zeile ohne `feld: wert` — fehlt ein Doppelpunkt, oder ist "
     "ein mehrzeiliger Wert nicht eingerückt?"),
    ("expected <block end>", "Einrückung stimmt nicht — Felder einer Ebene müssen genau gleich "
     "weit eingerückt sein."),
    ("found unexpected end of stream", "Anführungszeichen oder Klammer nicht geschlossen."),
    ("while scanning a quoted scalar", "Anführungszeichen nicht geschlossen."),
    ("while parsing a flow", "Klammer `[` oder `{` nicht richtig geschlossen."),
    ("found duplicate anchor", "Anker `&` doppelt vergeben."),
    ("found undefined alias", "Verweis `*` auf einen unbekannten Anker."),
    # libyaml (the C loader) words these differently from the pure-Python loader above.
    ("found a tab character", "Tabulator im Kopfbereich — rücken Sie nur mit Leerzeichen ein."),
    ("did not find expected key", "Einrückung stimmt nicht, oder nach einem Wert in "
     "Anführungszeichen oder Klammern steht noch Text — prüfen Sie diese Zeile."),
    ("did not find expected '-' indicator", "Listeneinträge `- …` und Felder `feld: wert` sind "
     "gemischt — prüfen Sie die Einrückung."),
    ("block sequence entries are not allowed", "Listeneintrag `- …` an unerwarteter Stelle — "
     "eine Liste beginnt in der Zeile nach `feld:`, oder schreiben Sie `feld: [a, b]`."),
    ("while scanning an alias", "ein Wert beginnt mit `*` (in YAML ein Verweis) — setzen Sie ihn "
     "in Anführungszeichen: `summary: \"**Wichtig:** …\"`; Fettdruck gehört ohnehin nicht in "
     "den Kopfbereich."),
    ("while scanning an anchor", "ein Wert beginnt mit `&` — setzen Sie ihn in Anführungszeichen."),
    ("found unknown escape character", "unbekanntes Zeichen nach `\\` in doppelten "
     "Anführungszeichen — verwenden Sie einfache Anführungszeichen `'…'`."),
    ("found unhashable key", "ein Feldname ist eine Liste oder Gruppe (`[…]`, `{…}`) — "
     "Feldnamen sind einfache Wörter wie `title`."),
    ("could not determine a constructor", "unbekannte Markierung `!…` — entfernen Sie sie oder "
     "setzen Sie den Wert in Anführungszeichen."),
    ("found undefined tag handle", "unbekannte Markierung `!…` — entfernen Sie sie oder setzen "
     "Sie den Wert in Anführungszeichen."),
    ("<document start>", "der Kopfbereich enthält eine YAML-Steuerzeile (`%…` oder `...`) — "
     "entfernen Sie sie."),
)
# Whatever libyaml says in English, the press officer gets German and the line.
YAML_FALLBACK = ("diese Zeile ist kein gültiges `feld: wert` — prüfen Sie Einrückung (nur "
                  "Leerzeichen), Doppelpunkte und Anführungszeichen.")


def yaml_message(exc: yaml.MarkedYAMLError) -> str:
    detail = f"{exc.context or ''} {exc.problem or ''}".strip()
    for needle, german in _YAML_HINTS:
        if needle in detail:
            return f"YAML-Fehler im Kopfbereich: {german}"
    return f"YAML-Fehler im Kopfbereich: {YAML_FALLBACK}"
