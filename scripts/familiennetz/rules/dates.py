"""Rules on dates that the field types cannot see.

- `stale-offer` (warning): an offer's `reviewed` is more than 365 days before the build.
- `date-order`: a meeting's `end` before its start; `updated` before `date`; `reviewed`
  or `updated` in the future.
- `future-date` (warning): an item dated in the future without an `embargo` appears at
  once, at the top of every list and feed; an embargo is probably what was meant.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..dates import Instant
from ..documents import Entry
from ..model import MeetingReport, Offer
from ..problems import Level, Problem

__all__ = ["STALE_AFTER", "check_dates", "is_stale"]

STALE_AFTER = timedelta(days=365)


def is_stale(offer: Offer, now: datetime) -> bool:
    return (now.date() - offer.reviewed) > STALE_AFTER


def check_dates(entry: Entry, now: datetime) -> list[Problem]:
    data = entry.data
    marks_problems: list[Problem] = []

    def add(field: str, level: Level, rule: str, message: str) -> None:
        line, col = entry.marks.key(field)
        marks_problems.append(Problem(entry.display, line, col, level, rule, message))

    if isinstance(data, Offer):
        if is_stale(data, now):
            days = (now.date() - data.reviewed).days
            add("reviewed", Level.WARNING, "stale-offer", f"Angebot zuletzt vor {days} Tagen geprüft "
                f"(`reviewed: {data.reviewed}`) — bitte prüfen, ob es noch stimmt, und das Datum "
                "aktualisieren.")
        if data.reviewed > now.date():
            add("reviewed", Level.ERROR, "date-order", f"`reviewed` ({data.reviewed}) liegt in der "
                "Zukunft — tragen Sie den Tag ein, an dem das Angebot geprüft wurde.")
    if isinstance(data, MeetingReport) and _ends_before_start(data.meeting.date, data.meeting.end):
        add("meeting.end", Level.ERROR, "date-order", "`meeting.end` liegt vor `meeting.date` — "
            "prüfen Sie beide Angaben (Ende nach dem Beginn).")
    updated = getattr(data, "updated", None)
    if updated is not None and updated > now.date():
        add("updated", Level.ERROR, "date-order", f"`updated` ({updated}) liegt in der Zukunft — "
            "tragen Sie den Tag der letzten Änderung ein.")
    date_ = getattr(data, "date", None)
    if date_ is not None and date_.at > now and getattr(data, "embargo", None) is None:
        add("date", Level.WARNING, "future-date", f"`date` ({date_}) liegt in der Zukunft, der "
            "Beitrag erscheint aber sofort — soll er erst dann erscheinen, setzen Sie eine "
            f"Sperrfrist: `embargo: {date_.at.isoformat()}`.")
    if updated is not None and updated < data.date.day:
        add("updated", Level.ERROR, "date-order", f"`updated` ({updated}) liegt vor `date` "
            f"({data.date.day}) — `updated` ist der Tag der letzten Änderung, also frühestens "
            "das Veröffentlichungsdatum.")
    return marks_problems


def _ends_before_start(start: Instant, end: Instant | None) -> bool:
    if end is None:
        return False
    if end.all_day:  # `end: 2026-12-03` means "until that day", also after a start at 09:30
        return end.day < start.day
    return end.at < start.at
