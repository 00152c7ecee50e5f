"""Rules on the Markdown body.

- `h1-in-body`: items and reference pages get their H1 from `title`; a second H1 breaks
  the outline screen-reader users navigate by.
- `unsafe-html`: raw HTML that runs script (`<script>`, `<iframe>`, `on…=` attributes,
  `javascript:` URLs) is never published.
- `image-alt`: every image in the body needs an alternative text.
- `external-resource`: nothing the page would load from another server (images, video,
  stylesheets): the site must make no request to a third-party host.
"""

from __future__ import annotations

from ..documents import Entry, Page, Unbound
from ..problems import Level, Problem
from ..scan import BodyScan

__all__ = ["check_body"]


def check_body(doc: Entry | Page | Unbound, scan: BodyScan) -> list[Problem]:
    problems = []

    def add(line: int, col: int, rule: str, message: str) -> None:
        problems.append(Problem(doc.display, doc.body_line + line, col, Level.ERROR, rule, message))

    if not isinstance(doc, Page):  # items and reference pages get their H1 from `title`
        for line, col in scan.h1:
            add(line, col, "h1-in-body", "Überschrift erster Ebene (`# …`) im Text — die "
                "Überschrift der Seite kommt aus `title`; verwenden Sie `## …` für Zwischentitel.")
    for line, col, snippet in scan.unsafe:
        add(line, col, "unsafe-html", f"`{snippet}` führt Skripte aus oder bettet fremde Seiten "
            "ein und wird nicht veröffentlicht — entfernen Sie es (Videos und Karten bitte als "
            "Link setzen).")
    for line, col, snippet in scan.external:
        add(line, col, "external-resource", f"`{snippet}` lädt Inhalte von einem fremden Server "
            "— das ist für öffentliche Stellen datenschutzrechtlich nicht zulässig. Legen Sie "
            "Bilder nach `content/assets/` oder setzen Sie einen Link.")
    for link in scan.links:
        if link.image and link.target.startswith(("http://", "https://", "//")):
            add(link.line, link.col, "external-resource", f"Bild `{link.target}` liegt auf einem "
                "fremden Server — das ist für öffentliche Stellen datenschutzrechtlich nicht "
                "zulässig. Legen Sie eine Kopie nach `content/assets/` (mit Bildrechten).")
        if link.image and not link.text.strip():
            add(link.line, link.col, "image-alt", "Bild ohne Alternativtext — beschreiben Sie in "
                "`![…](bild.jpg)` in den eckigen Klammern, was zu sehen ist.")
    return problems
