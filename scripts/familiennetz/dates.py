"""Time at the boundary: everything inside is time-zone-aware, in Europe/Berlin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["BERLIN", "Instant", "clock_de", "days_de", "ends_before", "format_date_de", "over_at", "span_de",
           "start_of_day", "weekday_de"]

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


def clock_de(moment: Instant) -> str:
    return f"{moment.at.astimezone(BERLIN):%H:%M}"


def days_de(first: date, last: date) -> str:
    """"10.–12. März 2027", "30. März – 2. April 2027", "30. Dezember 2026 – 2. Januar 2027":
    as much of the date written once as both days share."""
    if first == last:
        return format_date_de(first)
    if first.year != last.year:
        return f"{format_date_de(first)} – {format_date_de(last)}"
    if first.month != last.month:
        return f"{first.day}. {_MONTHS[first.month - 1]} – {format_date_de(last)}"
    return f"{first.day}.–{format_date_de(last)}"


def span_de(start: Instant, end: Instant | None = None, *, weekday: bool = False) -> str:
    """When something takes place, as people say it: "10. März 2027, 14:00–17:30 Uhr",
    "10.–12. März 2027", "10. März 2027, 14:00 Uhr bis 11. März 2027, 12:00 Uhr".
    `weekday`: with the day of the week, for the page that details it."""
    def day(value: date) -> str:
        return f"{weekday_de(value)}, {format_date_de(value)}" if weekday else format_date_de(value)

    def moment(value: Instant) -> str:
        return day(value.day) if value.all_day else f"{day(value.day)}, {clock_de(value)} Uhr"

    if end is None or end.day == start.day:
        if end is None or start.all_day or end.all_day:  # an end given as that day adds nothing
            return moment(start)
        return f"{day(start.day)}, {clock_de(start)}–{clock_de(end)} Uhr"
    if start.all_day and end.all_day:
        days = days_de(start.day, end.day)
        return f"{days} ({weekday_de(start.day)} bis {weekday_de(end.day)})" if weekday else days
    return f"{moment(start)} bis {moment(end)}"
