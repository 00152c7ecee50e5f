"""The small values a type hands to the stages: when and where something happens, a row
of a facts box, a finder's filter, a problem with a date."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..dates import Instant, clock_de, days_de, span_de
from ..maps import MAP_LINK_TEXT, map_url

if TYPE_CHECKING:
    from ..documents import Entry

__all__ = ["DateProblem", "Fact", "FinderFilter", "FinderToggle", "Happening", "Part", "Refs",
           "When", "map_part"]

Refs = Mapping[str, Mapping[str, "Entry"]]  # "district" → slug → the district's entry


@dataclass(frozen=True, slots=True)
class When:
    """The date a card or search result shows, with what it is: "Termin: 10. März 2027",
    "Veröffentlicht am 14. Juni 2024" (a reader cannot tell the two apart otherwise)."""

    label: str  # "Termin:", "Veröffentlicht am"
    at: Instant  # for `<time datetime>`: the (first) start
    text: str
    cancelled: bool = False

    @property
    def line(self) -> str:
        text = f"{self.label} {self.text}"
        return f"Abgesagt – {text}" if self.cancelled else text


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
    map_query: str | None = None  # the address to look up on a map, where there is one

    def when(self) -> When:
        """Its date in one line: a series as the span of its dates, with the hours they share."""
        if len(self.dates) < 2:
            start = self.dates[0] if self.dates else self.start
            end = self.end if not self.dates else self._session_end(start)
            return When("Termin:", start, span_de(start, end), self.cancelled)
        first, last = self.dates[0], self.dates[-1]
        text = days_de(first.day, last.day)
        if len({clock_de(d) for d in self.dates}) == 1 and not first.all_day:
            end = self._session_end(first)
            text += f", je {clock_de(first)}–{clock_de(end)} Uhr" if end else \
                f", je {clock_de(first)} Uhr"
        return When(f"Reihe mit {len(self.dates)} Terminen:", first, text, self.cancelled)

    def _session_end(self, start: Instant) -> Instant | None:
        if start.all_day or self.session is None:
            return None
        return Instant.from_datetime(start.at + self.session)


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
    rel: str | None = None  # of a link elsewhere: "noopener"


def map_part(address: str) -> Part:
    """The link that opens a map of an address (only when the reader clicks it)."""
    return Part(MAP_LINK_TEXT, map_url(address), rel="noopener")


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of a facts box: its label and one or more lines of parts."""

    label: str
    lines: tuple[tuple[Part, ...], ...]

    @classmethod
    def text(cls, label: str, text: str, url: str | None = None) -> Fact:
        return cls(label, ((Part(text, url),),))
