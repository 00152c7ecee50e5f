"""From a read source file to a typed entry: which type (by folder), which slug, which model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .addresses import GENERATED_PAGES, RESERVED_FOLDERS
from .binding import Binder
from .loader import Marks, SourceFile
from .problems import Level, Problem
from .text import SLUG_RE, did_you_mean, slugify
from .types import BY_FOLDER, Type
from .types.parts import PageMeta

__all__ = ["Entry", "TextPage", "Unbound", "bind_source", "taken_by_type"]

_PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # no dots: `alle.atom.md` ≠ a feed
_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")


@dataclass(frozen=True, slots=True)
class Entry:
    """A valid document of one of the types (`types/`)."""

    type: Type
    slug: str
    src: str  # path relative to the content root
    display: str
    data: Any  # the model instance (PressRelease, Offer, …)
    body: str
    body_line: int
    marks: Marks

    @property
    def url(self) -> str:
        """Site-relative URL with trailing slash; stable once published."""
        return self.type.url(self.slug, self.data)

    @property
    def title(self) -> str:
        return str(self.data.title)


@dataclass(frozen=True, slots=True)
class TextPage:
    """An ordinary Markdown page (home, Impressum, listing intros, help)."""

    src: str
    display: str
    body: str
    body_line: int
    data: PageMeta  # its fields; all defaults when the header is broken (that is reported)
    marks: Marks = field(default_factory=Marks)

    @property
    def title(self) -> str | None:
        return self.data.title

    @property
    def draft(self) -> bool:
        return self.data.draft

    @property
    def url(self) -> str:
        """Where MkDocs puts it: `a.md` and `a/index.md` (or `a/README.md`) both at `a/`."""
        folder, _, name = self.src[:-3].rpartition("/")
        if name in ("index", "README"):
            return f"{folder}/" if folder else ""
        return f"{self.src[:-3]}/"


@dataclass(frozen=True, slots=True)
class Unbound:
    """A file of one of the types whose header did not bind: its body, links and
    references are still checked, so one error never hides the others."""

    type: Type
    src: str
    display: str
    body: str
    body_line: int
    marks: Marks
    meta: dict[str, Any]


def _err(source: SourceFile, rule: str, message: str, pos: tuple[int, int] = (1, 1)) -> Problem:
    return Problem(source.display, pos[0], pos[1], Level.ERROR, rule, message)


def _name_problems(doctype: Type, parts: list[str], source: SourceFile) -> tuple[str, list[Problem]]:
    """The slug from the file name, and what is wrong with the name or place."""
    stem = parts[-1][:-3]
    problems: list[Problem] = []
    where = f"{doctype.folder}/JJJJ/JJJJ-MM-TT-name.md" if doctype.dated else f"{doctype.folder}/name.md"
    expected_depth = 3 if doctype.dated else 2
    if len(parts) != expected_depth:
        problems.append(_err(source, "file-name", f"Die Datei liegt nicht am richtigen Ort — "
                             f"{doctype.label}: `{where}`."))
    slug = stem
    if doctype.dated:
        m = _DATED.match(stem)
        if not m:
            problems.append(_err(source, "file-name", f"Der Dateiname `{parts[-1]}` muss mit dem "
                                 f"Datum beginnen: `JJJJ-MM-TT-name.md`, z. B. "
                                 f"`2024-06-14-{slugify(stem) or 'workshop'}.md`."))
        else:
            slug = m.group(4)
    if not SLUG_RE.match(slug):
        problems.append(_err(source, "file-name", f"Der Dateiname `{parts[-1]}` enthält Zeichen, "
                             "die in Adressen nicht erlaubt sind (nur Kleinbuchstaben, Ziffern, "
                             f"`-`) — nennen Sie ihn `{parts[-1].replace(slug, slugify(slug))}`."))
    return slug, problems


def _date_problems(doctype: Type, parts: list[str], entry_data: Any,
                   source: SourceFile) -> list[Problem]:
    m = _DATED.match(parts[-1][:-3])
    if not doctype.dated or not m:
        return []
    day = entry_data.date.day
    problems = []
    if m.group(1, 2, 3) != (f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"):
        problems.append(_err(source, "file-name", f"Der Dateiname beginnt mit "
                             f"`{'-'.join(m.group(1, 2, 3))}`, aber `date` ist `{day.isoformat()}` "
                             f"— nennen Sie die Datei `{day.isoformat()}-{m.group(4)}.md` oder "
                             "korrigieren Sie das Datum.", source.marks.value("date")))
    elif len(parts) == 3 and parts[1] != f"{day.year:04d}":
        problems.append(_err(source, "file-name", f"Die Datei liegt im Ordner `{parts[1]}`, "
                             f"gehört aber in `{doctype.folder}/{day.year}/`.", source.marks.value("date")))
    return problems


def _bind_page(source: SourceFile, parts: list[str]) -> tuple[TextPage, list[Problem]]:
    binder = Binder(source.display, source.marks)
    data = binder.bind(PageMeta, source.meta) if source.yaml_ok else None
    page = TextPage(source.rel, source.display, source.body, source.body_line, data or PageMeta(),
                source.marks)
    problems = binder.problems
    bad = [part for part in [*parts[:-1], parts[-1][:-3]] if not _PAGE_NAME.match(part)]
    if bad:  # the URL would carry percent-encoded umlauts or spaces, forever
        problems.append(_err(source, "file-name", f"`{bad[0]}` im Pfad `{source.rel}` enthält "
                             "Zeichen, die in Adressen nicht erlaubt sind (nur Kleinbuchstaben, "
                             f"Ziffern, `-`) — nennen Sie es `{slugify(bad[0]) or 'seite'}`."))
    elif len(parts) > 1 and parts[0] not in BY_FOLDER and \
            (folder := did_you_mean(parts[0], BY_FOLDER, cutoff=0.8)):
        problems.append(_err(source, "unknown-folder", f"Den Ordner `{parts[0]}/` gibt es im "
                             f"Inhaltsmodell nicht — meinten Sie `{folder}/`? Dateien hier "
                             "würden als gewöhnliche Seiten gebaut und fehlten in allen Listen, "
                             "Feeds und Kalendern."))
    elif parts[-1] == "index.md" and (own := "/".join(parts[:-1]) + ".md") in GENERATED_PAGES:
        problems.append(_err(source, "file-name", f"Die Seite `{own[:-3]}/` baut die Website "
                             f"selbst; eigenen Text dafür nimmt sie aus `{own}` — nennen Sie "
                             f"die Datei so."))
    elif (held := RESERVED_FOLDERS.get(folder := _folder_of(parts))) is not None and \
            source.rel not in GENERATED_PAGES:
        problems.append(_err(source, "file-name", f"Der Ordner `{folder}/` ist der Website "
                             f"vorbehalten: {held}. Legen Sie die Seite "
                             "in einen anderen Ordner."))
    elif (kind := taken_by_type(parts)) is not None:
        problems.append(_err(source, "file-name", f"Eine Seite `{source.rel}` hätte eine Adresse "
                             f"in `{kind.folder}/`, die dem Typ {kind.label} gehört — dort gehören "
                             f"nur Dateien nach dem Muster `{kind.where()}` hin, und "
                             f"`{kind.folder}/index.md` für die Einleitung der Liste."))
    return page, problems


def _folder_of(parts: list[str]) -> str:
    """The first folder of a page's address: `admin.md` is `admin/index.html` too."""
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".md")


def taken_by_type(parts: list[str]) -> Type | None:
    """The type whose URLs a page at this path would take: `kreise/x/index.md` is the
    address of the district `kreise/x.md`, `pressemitteilungen.md` that of the listing."""
    if len(parts) == 1:
        return BY_FOLDER.get(parts[0][:-3])
    kind = BY_FOLDER.get(parts[0])
    if kind is None or parts == [kind.folder, "index.md"]:
        return None
    if kind.dated and len(parts) == 3 and parts[1].isdigit() and len(parts[1]) == 4:
        return None  # the introduction of a year's archive
    return kind


def bind_source(source: SourceFile) -> tuple[Entry | TextPage | Unbound | None, list[Problem]]:
    parts = source.rel.split("/")
    doctype = BY_FOLDER.get(parts[0]) if len(parts) > 1 and parts[-1] != "index.md" else None
    if doctype is None:
        return _bind_page(source, parts)
    slug, problems = _name_problems(doctype, parts, source)
    if not source.has_front_matter:
        problems.append(_err(source, "front-matter-missing", "Der Kopfbereich fehlt — die Datei "
                             "muss mit `---` beginnen, dann die Felder (`title: …`), dann wieder "
                             "`---`. Vorlage: `familiennetz new " + doctype.key + "`."))
        return Unbound(doctype, source.rel, source.display, source.body, source.body_line,
                       source.marks, {}), problems
    unbound = Unbound(doctype, source.rel, source.display, source.body, source.body_line,
                      source.marks, source.meta if source.yaml_ok else {})
    if not source.yaml_ok:  # the loader said why; binding `{}` would add one error per field
        return unbound, problems
    binder = Binder(source.display, source.marks)
    data = binder.bind(doctype.model, source.meta)
    problems += binder.problems
    if data is None:
        return unbound, problems
    problems += _date_problems(doctype, parts, data, source)
    entry = Entry(doctype, slug, source.rel, source.display, data, source.body, source.body_line,
                  source.marks)
    return entry, problems
