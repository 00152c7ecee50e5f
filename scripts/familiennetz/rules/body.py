"""Rules on the Markdown body.

- `h1-in-body`: items and reference pages get their H1 from `title`; a second H1 breaks
  the outline screen-reader users navigate by.
- `unsafe-html`: HTML that runs script or submits data (`<script>`, `<iframe>`, `<form>`,
  `<svg>`, `on…=` attributes, `javascript:` URLs, also entity-encoded) is never published.
- `external-resource`: nothing the page would load from another server (images, styles,
  `ping` beacons): the site must make no request to a third-party host.
- `html-not-allowed`: HTML outside the allow-list (`<font>`, `style`, ids and classes of
  the site itself); harmless or not, the site cannot promise to show it well.
- `image-alt`: every image in the body needs an alternative text.
- `generated-marker`: a marker for generated text (`markers.py`) only in its own page.

The last four are findings of the allow-list (`sanitize/`) on the body rendered as the
build renders it, placed back on the line of the Markdown source.
"""

from __future__ import annotations

import re

from ..documents import TextPage
from ..markers import PLACES, misplaced
from ..problems import Problem
from ..sanitize import (
    Locator,
    RenderError,
    check_html,
    contained_heading,
    needs_render,
    render_body,
)
from ..scan import BodyScan
from .base import Checker, Context, Doc, Rule, problem

__all__ = ["CHECKER", "RULES"]

RULES = (
    Rule("h1-in-body", "Im Text steht eine Überschrift mit nur einem `#`.",
         "`## ` verwenden; die große Überschrift kommt aus `title`."),
    Rule("unsafe-html", "Im Text steht HTML, das Programme ausführt, fremde Seiten einbettet "
         "oder Eingaben sendet: `<script>`, `<iframe>`, `<form>`, `<svg>`, `onclick=`, "
         "`javascript:` und Ähnliches — oder HTML, das nicht geschlossen wird.",
         "Entfernen. Videos, Karten und Formulare als normalen Link setzen."),
    Rule("html-not-allowed", "Im Text steht HTML, das die Website nicht unterstützt, etwa "
         "`<font>`, `style=\"…\"` (oft aus Word eingefügt) oder eine Kennung der Website selbst.",
         "Entfernen und mit Markdown gestalten: `**fett**`, `## Zwischentitel`, Listen, Links."),
    Rule("external-resource", "Der Text lädt etwas von einem fremden Server, etwa ein Bild mit "
         "einer Adresse `https://…`. Für öffentliche Stellen ist das datenschutzrechtlich nicht "
         "zulässig.", "Das Bild (mit Bildrechten) hochladen und als Datei einbinden oder einfach "
         "einen Link setzen."),
    Rule("image-alt", "Ein Bild im Text hat keinen Alternativtext.",
         "In `![…](bild.jpg)` in die eckigen Klammern schreiben, was zu sehen ist."),
    Rule("generated-marker", "Im Text steht eine Markierung `<!-- familiennetz:… -->`, an "
         "deren Stelle die Website Text einsetzt — aber nur in der Seite, für die sie gedacht "
         "ist (Impressum, Datenschutz, Barrierefreiheit, die Hilfe).",
         "Die Markierung löschen."),
)


def _marker_problem(name: str, marker: str) -> str:
    place = PLACES.get(name)
    if place is None:
        return (f"Die Markierung `{marker}` kennt die Website nicht (es gibt "
                f"{', '.join(f'`{known}`' for known in PLACES)}) — löschen Sie sie.")
    where = f"den Seiten in `content/{place}`" if place.endswith("/") else f"`content/{place}`"
    return (f"Die Markierung `{marker}` wirkt nur in {where} (dort setzt die Website Text für "
            "sie ein) — hier bliebe sie wirkungslos; löschen Sie sie.")


def check_body(doc: Doc, scan: BodyScan, context: Context) -> list[Problem]:
    problems = []

    def add(line: int, col: int, rule: str, message: str) -> None:
        problems.append(problem(doc, (doc.body_line + line, col), rule, message))

    if not isinstance(doc, TextPage):  # items and reference pages get their H1 from `title`
        lines = doc.body.split("\n") if scan.h1 else []
        for line, col in scan.h1:
            text = lines[line]
            if re.match(r"#[^\s#]", text):  # `#Kinderschutz`: meant as a hashtag
                add(line, col, "h1-in-body", f"`{text.split()[0][:40]}` am Anfang einer Zeile "
                    "wird zur großen Überschrift — setzen Sie ein Wort davor (`Stichwort: #…`) "
                    "oder einen umgekehrten Schrägstrich davor (`\\#…`).")
                continue
            add(line, col, "h1-in-body", "Überschrift erster Ebene (`# …`) im Text — die "
                "Überschrift der Seite kommt aus `title`; verwenden Sie `## …` für Zwischentitel.")
    for m in misplaced(doc.src, doc.body):
        line = doc.body.count("\n", 0, m.start())
        add(line, m.start() - doc.body.rfind("\n", 0, m.start()), "generated-marker",
            _marker_problem(m.group(1), m.group(0)))
    # MkDocs' HTML reader fails on it, in code too (it reads the whole source).
    if (marked := doc.body.find("<![")) >= 0:
        line = doc.body.count("\n", 0, marked)
        add(line, marked - doc.body.rfind("\n", 0, marked), "html-not-allowed", "`<![…]>` "
            "(ein Abschnitt aus XML oder Word) wird im Text nicht unterstützt — entfernen Sie ihn.")
        return problems
    if needs_render(doc.body):
        try:
            html = render_body(doc.body)
        except RenderError as exc:
            add(0, 1, "too-large", "Der Text ist so aufgebaut, dass ihn die Website nicht in "
                "vertretbarer Zeit darstellen kann (sehr viele Zeichen wie `<`, `[`, `(` oder "
                "`!!!`) — vereinfachen oder kürzen Sie ihn." if exc.slow else "Der Text ist zu "
                "tief verschachtelt (Listen, Zitate oder Hervorhebungen in vielen Ebenen) — "
                "vereinfachen Sie ihn.")
            return problems
        if not isinstance(doc, TextPage) and html.count("<h1") > len(scan.h1):
            at = contained_heading(doc.body) or 0
            add(doc.body.count("\n", 0, at), 1, "h1-in-body", "Überschrift erster Ebene (`# …`) "
                "in einer Liste oder einem Zitat — die Überschrift der Seite kommt aus `title`; "
                "verwenden Sie `## …` für Zwischentitel.")
        locator = Locator(scan.text, scan.links, doc.body)
        for finding in check_html(html, allow_h1=True):  # H1: see above
            line, col = locator.locate(finding)
            add(line, col, finding.rule, finding.message)
    return problems


CHECKER = Checker(RULES, check_body)
