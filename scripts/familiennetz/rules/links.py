"""Rules on what a file points to.

- `broken-link`: a relative link must lead to an existing file of the tree; a link to a
  Markdown file must lead to a page that is published no later than the linking page
  (a draft or an embargoed item may link to one that appears together with it).
  A link's `#abschnitt` must name a heading (or an `id`) of the page it leads to. Raw
  HTML links (`<a href>`, `<img src>`) may only lead out of the site or to an anchor:
  MkDocs does not rewrite them, so a file's path there would break (and name a draft).
- `image-missing`: the header's `image.src` must exist, relative to the file or under
  `content/assets/`; body images relative to the file, as MkDocs resolves them; both must
  be images (a PDF there is a broken image, and in the feeds a wrong enclosure).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from urllib.parse import unquote, urlsplit

from ..assets import is_image, link_path, resolve_asset, resolve_relative
from ..documents import TextPage
from ..problems import Problem
from ..scan import BodyScan
from .base import Checker, Context, Doc, Rule, problem

__all__ = ["CHECKER", "RULES"]

BROKEN_LINK = Rule(
    "broken-link", "Ein Link führt ins Leere: Die Seite gibt es nicht, der Link beginnt mit `/`, "
    "zeigt auf einen Ordner, ist in HTML geschrieben, nennt einen Abschnitt (`#…`), den es nicht "
    "gibt, oder die Zielseite ist ein Entwurf bzw. noch gesperrt.",
    "Auf die `.md`-Datei relativ verlinken, etwa `../../angebote/elterncafe-nastaetten.md`.")
IMAGE_MISSING = Rule(
    "image-missing", "Die Bilddatei aus `image.src` oder aus dem Text wurde nicht gefunden, oder "
    "die Datei ist kein Bild.",
    "Foto hochladen oder den Namen korrigieren; Groß- und Kleinschreibung zählt.")
RULES = (BROKEN_LINK, IMAGE_MISSING)

_EXAMPLE = "z. B. `../angebote/elterncafe.md`"


def check_links(doc: Doc, scan: BodyScan, context: Context) -> list[Problem]:
    files, exists, scans = context.files, context.exists, context.scans
    visible_from = context.visible_from  # -inf: now; a timestamp; +inf: never (a draft)
    problems: list[Problem] = []

    def add(pos: tuple[int, int], rule: str, message: str) -> None:
        problems.append(problem(doc, pos, rule, message))

    image = getattr(getattr(doc, "data", None), "image", None)
    if image is not None and resolve_asset(image.src, doc.src, exists) is None:
        where = "außerhalb des Inhaltsordners" if image.src.startswith("/") else "nicht gefunden"
        pos = doc.marks.value("image.src") if not isinstance(doc, TextPage) else (1, 1)
        add(pos, "image-missing", f"Bilddatei `{image.src}` {where} — "
            "legen Sie sie neben die Datei oder nach `content/assets/` und geben Sie den Pfad "
            "relativ an.")
    here = posixpath.dirname(doc.src)
    mine = visible_from.get(doc.src, float("-inf"))
    for link in scan.links:
        pos = (doc.body_line + link.line, link.col)
        fragment = unquote(urlsplit(link.target).fragment) if "#" in link.target else ""
        if link.image and link.target.startswith(("#", "?")):  # the page itself, as an image
            add(pos, "image-missing", f"`{link.target}` ist kein Bild, sondern diese Seite — "
                "geben Sie die Bilddatei an, z. B. `![…](foto.jpg)`.")
            continue
        if link.target.startswith("#"):
            if (missing := _missing_anchor(fragment, doc.src, scans)) is not None:
                add(pos, "broken-link", missing)
            continue
        path = link_path(link.target)
        if path is None:
            continue
        if link.html:
            add(pos, "broken-link", f"HTML-Link auf `{link.target}`: in HTML geschriebene Links "
                "und Bilder werden beim Bau nicht angepasst und liefen ins Leere — setzen Sie "
                "einen Markdown-Link `[Text](datei.md)` oder ein Bild `![Beschreibung](bild.jpg)`.")
            continue
        if path.startswith("/"):  # MkDocs leaves it as is: on the site it misses the base path
            add(pos, "broken-link", f"Link auf `{link.target}`: Links, die mit `/` beginnen, "
                "führen auf der veröffentlichten Seite ins Leere — verlinken Sie die `.md`-Datei "
                f"relativ, {_EXAMPLE}.")
            continue
        resolved = resolve_relative(link.target, doc.src)
        if link.image:
            if resolved is not None and exists(resolved) and not is_image(resolved):
                add(pos, "image-missing", f"`{link.target}` ist kein Bild und kann nicht im Text "
                    "gezeigt werden — ein Dokument verlinken Sie mit `[Beschreibung](datei.pdf)` "
                    "statt mit `![…](…)`.")
            elif resolved is None or not exists(resolved):
                hint = _relative_hint(path, doc.src, exists)
                add(pos, "image-missing", f"Bilddatei `{link.target}` nicht gefunden (Bilder im "
                    f"Text werden relativ zur Datei gesucht){hint}?" if hint else f"Bilddatei "
                    f"`{link.target}` nicht gefunden (Bilder im Text werden relativ zur Datei "
                    "gesucht).")
            continue
        if resolved is None:
            add(pos, "broken-link", f"Link auf `{link.target}` führt aus dem Inhaltsordner hinaus "
                "— verlinken Sie eine Datei in `content/`, relativ zu dieser Datei.")
            continue
        if path.endswith("/") or not posixpath.splitext(resolved)[1]:
            # MkDocs rewrites only links to files; `../kreise/` would be taken relative to the
            # page's URL, which is one folder deeper than its file.
            guess = next((c for c in (resolved + ".md", posixpath.join(resolved, "index.md"))
                          if c in files), None)
            hint = (f"verlinken Sie die Datei: `{posixpath.relpath(guess, here or '.')}`" if guess
                    else f"verlinken Sie die `.md`-Datei relativ, {_EXAMPLE}")
            add(pos, "broken-link", f"Link auf `{link.target}`: ein Link auf einen Ordner oder "
                f"ohne `.md` führt auf der veröffentlichten Seite ins Leere — {hint}.")
        elif resolved.endswith(".md"):
            if resolved not in files:
                add(pos, "broken-link", f"Link auf `{link.target}`: diese Seite gibt es nicht — "
                    f"verlinken Sie die `.md`-Datei relativ, {_EXAMPLE}.")
            # 0.0 stands for "now": hidden pages carry future timestamps or +inf.
            elif visible_from.get(resolved, float("-inf")) > max(mine, 0.0):
                add(pos, "broken-link", f"Link auf `{link.target}`: diese Seite ist ein Entwurf "
                    "oder erscheint erst nach dieser (Sperrfrist) — der Link liefe ins Leere.")
            elif fragment and (missing := _missing_anchor(fragment, resolved, scans)):
                add(pos, "broken-link", missing)
        elif not exists(resolved):
            add(pos, "broken-link", f"Link auf `{link.target}`: diese Datei gibt es nicht.")
    return problems


def _missing_anchor(fragment: str, src: str, scans: Mapping[str, BodyScan]) -> str | None:
    known = scans[src].anchors if src in scans else set()
    if not fragment or fragment in known:
        return None
    shown = ", ".join(f"`#{a}`" for a in sorted(known)[:12]) or "keine"
    return (f"Link auf den Abschnitt `#{fragment}`: diese Überschrift gibt es auf der Seite "
            f"nicht — vorhanden sind: {shown}. Der Abschnitt heißt wie seine Überschrift, klein "
            "geschrieben, mit `-` statt Leerzeichen und ohne Umlaute (`## Über uns` → `#uber-uns`).")


CHECKER = Checker(RULES, check_links, tree=True)


def _relative_hint(path: str, doc_src: str, exists: Callable[[str], bool]) -> str:
    """Suggest the relative path when the picture lies under assets/ or the content root."""
    for candidate in (posixpath.join("assets", path), posixpath.normpath(path)):
        if not candidate.startswith("..") and exists(candidate):
            relative = posixpath.relpath(candidate, posixpath.dirname(doc_src) or ".")
            return f" — meinten Sie `{relative}`"
    return ""
