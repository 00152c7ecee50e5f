"""The `event:` mapping of an event for families: when (a date, a span or a series of
dates), where, for whom, at what cost and how to sign up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from ..dates import BERLIN, Instant, over_at, span_de
from ..fields import spec
from .parts import (
    EMAIL,
    EMAIL_HINT,
    PHONE,
    PHONE_HINT,
    TARGET_GROUPS,
    URL,
    URL_HINT,
    Location,
    TargetGroup,
    languages_spec,
)

__all__ = ["EventDetails", "Registration", "Venue", "when_lines"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Venue(Location):
    name: str = spec("Name des Ortes", "z. B. „Familienzentrum Am Markt“ oder „Stadtpark“.",
                     min_len=2)
    town: str = spec("Ort", "Stadt oder Gemeinde.", min_len=2)


@dataclass(frozen=True, slots=True, kw_only=True)
class Registration:
    REQUIRE_ONE_OF: ClassVar[tuple[str, ...]] = ("url", "email", "phone")
    url: str | None = spec("Anmeldeseite", "Adresse der Anmeldung im Netz, mit https://.",
                           default=None, pattern=URL, pattern_hint=URL_HINT)
    email: str | None = spec("E-Mail", "E-Mail-Adresse für die Anmeldung.", default=None,
                             pattern=EMAIL, pattern_hint=EMAIL_HINT)
    phone: str | None = spec("Telefon", "Telefonnummer für die Anmeldung.", default=None,
                             pattern=PHONE, pattern_hint=PHONE_HINT)
    deadline: dt.date | None = spec("Anmeldeschluss", "Bis wann man sich anmelden kann "
                                    "(`JJJJ-MM-TT`).", default=None, example="2027-03-01",
                                    form="Bis wann man sich anmelden kann (vor dem Beginn).")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDetails:
    start: Instant = spec("Beginn", "Wann es beginnt: Datum oder Datum mit Uhrzeit und "
                          "Zeitzone; bei einer Reihe der erste Termin.",
                          example="2027-03-13T10:00:00+01:00", time=True,
                          form="Tag und Uhrzeit des Beginns; bei einer Reihe der erste Termin.")
    end: Instant | None = spec("Ende", "Wann es endet; bei einer Reihe das Ende des letzten "
                               "Termins.", default=None, example="2027-03-13T16:00:00+01:00", time=True,
                               form="Tag und Uhrzeit des Endes (nach dem Beginn); bei einer "
                               "Reihe das Ende des letzten Termins.")
    dates: tuple[Instant, ...] = spec("Termine", "Die einzelnen Termine einer Reihe („5 Abende“) "
                                      "mit ihrer Beginnzeit; jeder dauert von der Uhrzeit von "
                                      "`start` bis zu der von `end`.", default=(), time=True,
                                      singular="Termin",
                                      form="Nur bei einer Reihe: jeder Termin mit Datum und "
                                      "Beginn; jeder dauert so lange wie der erste.")
    location: Venue = spec("Veranstaltungsort", "`name`, `street`, `postcode`, `town`.",
                           form="Wo die Veranstaltung stattfindet.")
    provider: str = spec("Veranstalter", "Wer die Veranstaltung anbietet.", min_len=2)
    target_groups: tuple[TargetGroup, ...] = spec("Zielgruppen", "Für wen sie ist.",
                                                  min_items=1, labels=TARGET_GROUPS)
    cost: str | None = spec("Kosten", "„kostenlos“ oder ein Preis.", default=None)
    languages: tuple[str, ...] = languages_spec()
    registration: Registration | None = spec("Anmeldung", "`url`, `email` oder `phone`, dazu "
                                             "`deadline`.", default=None,
                                             form="Wie man sich anmeldet: Anmeldeseite, "
                                             "E-Mail oder Telefon, dazu der Anmeldeschluss.")
    accessible: bool | None = spec("Barrierefrei", "`true`: der Ort ist barrierefrei "
                                   "zugänglich; `false`: nicht.", default=None,
                                   form="Eingeschaltet: der Ort ist barrierefrei zugänglich.")
    cancelled: bool = spec("Abgesagt", "`true`: die Veranstaltung fällt aus; sie bleibt "
                           "sichtbar und wird als abgesagt gezeigt.", default=False,
                   form="Eingeschaltet: die Veranstaltung fällt aus; sie bleibt sichtbar und wird "
                   "als abgesagt gezeigt.")

    @property
    def is_free(self) -> bool:
        return (self.cost or "").strip().lower() == "kostenlos"

    @property
    def session(self) -> dt.timedelta | None:
        """How long one date lasts: from the start's time of day to the end's."""
        if self.end is None or self.start.all_day or self.end.all_day:
            return None
        day = self.start.day
        until = dt.datetime.combine(day, self.end.at.timetz()).replace(tzinfo=BERLIN)
        return until - self.start.at if until > self.start.at else None

    @property
    def over_at(self) -> dt.datetime:
        if not self.dates:
            return over_at(self.start, self.end)
        last = max(self.dates)
        session = self.session
        if last.all_day or session is None:
            return over_at(last, None)
        return last.at + session


def when_lines(event: EventDetails) -> list[str]:
    """When it takes place, one line per date, with the day of the week, as its page shows
    it: "Dienstag, 1. Dezember 2026, 19:00–21:00 Uhr"."""
    session = event.session
    if event.dates:
        return [span_de(moment, None if moment.all_day or session is None
                        else Instant.from_datetime(moment.at + session), weekday=True)
                for moment in sorted(event.dates)]
    return [span_de(event.start, event.end, weekday=True)]
