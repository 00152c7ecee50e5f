"""Data types of the importer: the public result and the draft that collects findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# A line of the source with the number of the paragraph (block) it belongs to; keeping
# the block number lets the body be reassembled with the author's paragraphs intact.
Item = tuple[int, str]


@dataclass(frozen=True)
class DistrictName:
    """A known district: its slug (file name under `content/kreise/`) and display title."""

    slug: str
    title: str


@dataclass(frozen=True)
class ImportResult:
    """What the importer made of one press release.

    `front_matter` holds only what was found in the text (plus `draft: true`); every gap
    is listed in `todo` and written as a `# TODO:` comment by `render_markdown`.
    """

    front_matter: dict[str, object]
    body: str
    found: list[str]
    dropped: list[str]
    todo: list[str]
    problems: list[str]
    # Values taken from the text that the press officer must confirm, by field path
    # ("districts", "date", "image.alt"): the reason, written as a `# bitte prüfen` comment.
    confirm: dict[str, str] = field(default_factory=dict)


@dataclass
class DateFinding:
    """A date seen in the text, as written (`raw`) and as a value (None if impossible)."""

    value: dt.date | None
    raw: str


@dataclass(frozen=True)
class Picture:
    """A photo the text speaks of: its credit and what describes it (caption or note)."""

    credit: str
    description: str | None
    line: str


@dataclass
class Draft:
    """Mutable collector used while reading; `result.finish` turns it into ImportResult."""

    title: str | None = None
    date: dt.date | None = None
    number: int | None = None
    lead_seen: bool = False
    districts: list[str] = field(default_factory=list)
    unknown_districts: list[str] = field(default_factory=list)
    ambiguous_districts: list[tuple[str, list[str]]] = field(default_factory=list)
    embargo: dt.datetime | None = None
    pictures: list[Picture] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    source: str | None = None
    contact: dict[str, str] = field(default_factory=dict)
    contact_unassigned: list[str] = field(default_factory=list)
    # Dates of the web page's own notes (value, line, where on the page); publication
    # notes come before update notes, which serve only when nothing else dates the text.
    page_dates: list[tuple[dt.date, str, str]] = field(default_factory=list)
    update_dates: list[tuple[dt.date, str, str]] = field(default_factory=list)
    text_dates: list[DateFinding] = field(default_factory=list)
    today: dt.date | None = None
    confirm: dict[str, str] = field(default_factory=dict)
    embedded_images: int = 0
    found: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def note_page_date(self, finding: DateFinding, update: bool, where: str) -> None:
        """Remembers a date the web page printed around the text (`where`: "im Kopf der Seite")."""
        if finding.value is not None:
            dates = self.update_dates if update else self.page_dates
            dates.append((finding.value, finding.raw, where))

    def add_district(self, slug: str) -> bool:
        """Adds a district slug once; returns False if it was already there."""
        if slug in self.districts:
            return False
        self.districts.append(slug)
        return True
