"""The small values a type hands to the stages: when and where something happens, a row
of a facts box, a finder's filter, a problem with a date."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..dates import Instant

if TYPE_CHECKING:
    from ..documents import Entry

__all__ = ["DateProblem", "Fact", "FinderFilter", "FinderToggle", "Happening", "Part", "Refs"]

Refs = Mapping[str, Mapping[str, "Entry"]]  # "district" → slug → the district's entry


@dataclass(frozen=True, slots=True)
class Happening:
    """When and where something takes place: a meeting, an event for families."""

    start: Instant
    end: Instant | None
    place: str  # one line: "Familienzentrum, Marktplatz 1, 56130 Bad Ems"
    over_at: datetime  # when it counts as past
    cancelled: bool = False
    dates: tuple[Instant, ...] = ()  # the single dates of a series, if any
    session: timedelta | None = None  # how long each of them lasts, where known


@dataclass(frozen=True, slots=True)
class FinderFilter:
    """One filter of a type's finder: also its URL parameter and its cards' `data-` name."""

    key: str  # "kreis": `?kreis=…` and `data-kreis`
    heading: str  # "Kreis oder Stadt"
    every: str  # the choice that filters nothing: "Alle Kreise und Städte"
    values: Callable[[Entry], Iterable[str]]  # an item's values (slugs, codes)
    name: Callable[[str, Refs], str]  # a value's German name
    everyone: str | None = None  # a value that matches whatever is chosen ("alle")
    # The reference ("district") whose slugs are the values, if each value gets a finder
    # page of its own, <folder>/<key>/<value>/, listing its items without JavaScript: a
    # link that can be shared ("/angebote/kreis/saarlouis/").
    pages: str | None = None


@dataclass(frozen=True, slots=True)
class FinderToggle:
    """A yes/no filter: `?kostenlos=ja`, `data-kostenlos="ja"`."""

    key: str
    label: str  # "Nur kostenlose Angebote"
    test: Callable[[Entry], bool]


@dataclass(frozen=True, slots=True)
class DateProblem:
    field: str  # where it is reported: "meeting.end"
    rule: str  # "date-order", "stale-offer"
    message: str  # German
    warning: bool = False


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a fact: text, or a link (`internal`: a site-relative URL)."""

    text: str
    url: str | None = None
    internal: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of a facts box: its label and one or more lines of parts."""

    label: str
    lines: tuple[tuple[Part, ...], ...]

    @classmethod
    def text(cls, label: str, text: str, url: str | None = None) -> Fact:
        return cls(label, ((Part(text, url),),))
