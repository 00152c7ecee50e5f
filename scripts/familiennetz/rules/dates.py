"""Rules on dates that the field types cannot see.

- `stale-offer` (warning): an offer's `reviewed` is more than 365 days before the build.
- `date-order`: an end before its start; `updated` before `date`; `reviewed` or `updated`
  in the future.
- `future-date` (warning): an item dated in the future without an `embargo` appears at
  once, at the top of every list and feed; an embargo is probably what was meant.

What belongs to one type (an offer's `reviewed`, a meeting's end) its type module says
(`date_problems`); the rules on the common fields are here.
"""

from __future__ import annotations

from datetime import datetime

from ..documents import Entry
from ..problems import Level, Problem
from ..types import ItemType

__all__ = ["check_dates"]


def check_dates(entry: Entry, now: datetime) -> list[Problem]:
    data = entry.data
    problems: list[Problem] = []

    def add(field: str, level: Level, rule: str, message: str) -> None:
        line, col = entry.marks.key(field)
        problems.append(Problem(entry.display, line, col, level, rule, message))

    kind: ItemType = entry.type  # type: ignore[assignment]
    for found in kind.date_problems(entry, now):
        add(found.field, Level.WARNING if found.warning else Level.ERROR, found.rule, found.message)
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
    return problems
