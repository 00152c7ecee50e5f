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

from ..documents import Entry
from ..problems import Level, Problem
from ..scan import BodyScan
from ..types import ItemType
from .base import Checker, Context, Doc, Rule, problem

__all__ = ["CHECKER", "RULES"]

RULES = (
    Rule("date-order", "Daten passen nicht zusammen: `updated` vor `date`, ein Ende vor dem "
         "Beginn, `reviewed` oder `updated` in der Zukunft.", "Die Daten korrigieren."),
    Rule("future-date", "Warnung: `date` liegt in der Zukunft, aber der Beitrag erscheint "
         "sofort, oben in allen Listen und Feeds.", "Soll er erst dann erscheinen, eine "
         "Sperrfrist `embargo` setzen; sonst das Datum korrigieren.", Level.WARNING),
    Rule("stale-offer", "Warnung: Das Angebot wurde seit mehr als 365 Tagen nicht geprüft.",
         "Angebot prüfen und `reviewed` auf das heutige Datum setzen.", Level.WARNING),
)


def check_dates(doc: Doc, scan: BodyScan, context: Context) -> list[Problem]:
    if not isinstance(doc, Entry) or not doc.type.is_item:
        return []
    entry, now, data = doc, context.now, doc.data
    problems: list[Problem] = []

    def add(field: str, level: Level, rule: str, message: str) -> None:
        problems.append(problem(entry, entry.marks.key(field), rule, message, level))

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


CHECKER = Checker(RULES, check_dates, clock=True)
