"""Time at the boundary: everything inside is time-zone-aware, in Europe/Berlin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["BERLIN", "Instant", "ends_before", "format_date_de", "over_at", "start_of_day", "weekday_de",
           "when_de"]

BERLIN = ZoneInfo("Europe/Berlin")

_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)

_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=BERLIN)


@dataclass(frozen=True, slots=True, order=True)
class Instant:
    """A 'date, or datetime with offset' field: the moment, and whether only a day was given."""

    at: datetime  # aware, converted to Europe/Berlin
    all_day: bool = False

    @classmethod
    def from_date(cls, day: date) -> Instant:
        return cls(start_of_day(day), all_day=True)

    @classmethod
    def from_datetime(cls, moment: datetime) -> Instant:
        return cls(moment.astimezone(BERLIN), all_day=False)

    @property
    def day(self) -> date:
        return self.at.date()

    def __str__(self) -> str:
        return self.day.isoformat() if self.all_day else self.at.isoformat()


def format_date_de(value: date | datetime | Instant, *, with_time: bool | None = None) -> str:
    """'14. Juni 2024' or '14. Juni 2024, 10:30 Uhr' — German long form, as readers expect."""
    if isinstance(value, Instant):
        show_time = not value.all_day if with_time is None else with_time
        value = value.at
    else:
        show_time = bool(with_time) and isinstance(value, datetime)
    text = f"{value.day}. {_MONTHS[value.month - 1]} {value.year}"
    if show_time and isinstance(value, datetime):
        text += f", {value.astimezone(BERLIN):%H:%M} Uhr"
    return text


def weekday_de(day: date) -> str:
    return _WEEKDAYS[day.weekday()]


def ends_before(start: Instant, end: Instant | None) -> bool:
    """Whether an end lies before its start; `end: 2026-12-03` means "until that day", also
    after a start at 09:30 on that day."""
    if end is None:
        return False
    if end.all_day:
        return end.day < start.day
    return end.at < start.at


def over_at(start: Instant, end: Instant | None) -> datetime:
    """When it is over: its end, or the end of its last day when only days are given (or no
    end at all), so that it counts as upcoming while it runs."""
    last = end or start
    if last.all_day or end is None:
        return start_of_day(last.day + timedelta(days=1))
    return last.at


def when_de(moment: Instant, session: timedelta | None = None) -> str:
    """"Samstag, 13. März 2027, 10:00 bis 16:00 Uhr"."""
    text = f"{weekday_de(moment.day)}, {format_date_de(moment, with_time=False)}"
    if moment.all_day:
        return text
    if session is None:
        return f"{text}, {moment.at:%H:%M} Uhr"
    return f"{text}, {moment.at:%H:%M} bis {moment.at + session:%H:%M} Uhr"
