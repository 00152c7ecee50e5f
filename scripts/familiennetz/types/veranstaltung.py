"""Events for families: an Elternabend, a course, a family festival (`veranstaltungen/`).
What happens is in `event:`; upcoming events come first in their listing, past ones stay
in the year archives, and every district has a calendar of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..dates import Instant, ends_before, format_date_de, weekday_de
from ..fields import spec
from .base import ItemType
from .event_parts import EventDetails, Registration, when_lines
from .parts import TARGET_GROUPS, Item, Location, OfferContact, audience_of_groups, language_name
from .values import DateProblem, Fact, Happening, Part, Refs, map_part

__all__ = ["EVENT", "Event", "EventType"]

_SCHEDULED = "https://schema.org/EventScheduled"
_CANCELLED = "https://schema.org/EventCancelled"


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Item):
    date: Instant = spec("Datum", "Veröffentlichungsdatum der Ankündigung.", example="2027-02-01",
                         form="Der Tag, an dem die Ankündigung erscheint – nicht der Termin "
                         "selbst: der steht unten unter „Veranstaltung“.")
    event: EventDetails = spec("Veranstaltung", "Angaben zur Veranstaltung: `start`, "
                               "`location`, `provider`, `target_groups`, …",
                               form="Wann, wo, für wen und von wem.")
    network: str | None = spec("Netzwerk", "Das Netzwerk, das einlädt (Slug).", default=None,
                               ref="network")
    contact: OfferContact | None = spec("Kontakt", "Für Fragen: `name` und mindestens eines von "
                                        "`email`, `phone`, `website`.", default=None,
                                        form="Für Fragen: ein Name und mindestens E-Mail, "
                                        "Telefon oder Website.")
    updated: dt.date | None = spec("Aktualisiert", "Letzte inhaltliche Änderung, etwa ein "
                                   "neuer Ort oder die Absage.", default=None)


class EventType(ItemType):
    key = "veranstaltung"
    folder = "veranstaltungen"
    model = Event
    label = "Veranstaltung"
    plural = "Termine für Familien"
    dated = True
    schema_type = "Event"
    feed_name = "Veranstaltungen"
    description = "Neue Veranstaltungen für Familien: Elternabende, Kurse, Feste und mehr."
    purpose = ("eine Veranstaltung für Familien – Elternabend, Kurs, Fest – mit Termin, Ort und "
               "Anmeldung; sie erscheint auch in den Kalendern der Kreise")
    audience = "familien"  # unless only for professionals: audience_of
    calendar = "Veranstaltungen für Familien"
    calendar_prefix = "veranstaltungen/"
    calendar_scopes = ("district",)
    upcoming_heading = "Nächste Termine für Familien"
    past_to_archive = True
    near_me = True
    empty_listing = ("Zurzeit sind keine Termine angekündigt. Vergangene Termine finden Sie "
                     "im Archiv.")

    def audience_of(self, entry: Any) -> str:
        return audience_of_groups(entry.data.event.target_groups)

    def happening(self, data: Any) -> Happening:
        event = data.event
        return Happening(event.start, event.end, event.location.one_line, event.over_at,
                         cancelled=event.cancelled, dates=tuple(sorted(event.dates)),
                         session=event.session, map_query=event.location.address)

    def date_problems(self, entry: Any, now: dt.datetime) -> list[DateProblem]:
        event = entry.data.event
        problems = []
        if ends_before(event.start, event.end):
            problems.append(DateProblem("event.end", "date-order", "`event.end` liegt vor "
                                        "`event.start` — prüfen Sie beide Angaben (Ende nach "
                                        "dem Beginn)."))
        outside = [d for d in event.dates if d.day < event.start.day
                   or (event.end is not None and d.day > event.end.day)]
        if outside:
            problems.append(DateProblem("event.dates", "date-order", f"Der Termin "
                                        f"`{outside[0]}` in `event.dates` liegt nicht zwischen "
                                        "`event.start` und `event.end` — die Reihe beginnt mit "
                                        "`start` und endet mit `end`."))
        registration = event.registration
        if registration is not None and registration.deadline is not None \
                and registration.deadline > event.start.day:
            problems.append(DateProblem("event.registration.deadline", "date-order",
                                        "Der Anmeldeschluss liegt nach dem Beginn "
                                        "(`event.start`) — tragen Sie einen Tag davor ein."))
        return problems

    def sort_key(self, entry: Any, facts: Any) -> tuple[Any, ...]:
        """What comes next first, then the past, most recent first."""
        start = entry.data.event.start.at.timestamp()
        return (0, start, entry.slug) if facts.upcoming else (1, -start, entry.slug)

    def kicker(self, entry: Any) -> str:
        return f"{self.label}, abgesagt" if entry.data.event.cancelled else self.label

    def location(self, entry: Any) -> Location | None:
        place: Location = entry.data.event.location
        return place

    def card_facts(self, entry: Any, refs: Refs) -> list[str]:
        event = entry.data.event
        return [event.location.town] + (["kostenlos"] if event.is_free else [])

    def facts(self, entry: Any, refs: Refs) -> list[Fact]:
        data = entry.data
        event = data.event
        place = event.location
        where = [(Part(line),) for line in (place.name, place.street, place.town_line) if line]
        rows = [Fact("Wann", tuple((Part(line),) for line in when_lines(event))),
                Fact("Wo", (*where, (map_part(place.address),)))]
        if event.accessible is not None:
            rows.append(Fact.text("Barrierefrei", "Ja, der Ort ist barrierefrei zugänglich."
                                  if event.accessible else "Nein, der Ort ist nicht barrierefrei."))
        rows.append(Fact.text("Für wen", ", ".join(TARGET_GROUPS[g] for g in event.target_groups)))
        if event.cost:
            rows.append(Fact.text("Kosten", event.cost))
        rows.append(Fact.text("Sprachen", ", ".join(language_name(c) for c in event.languages)))
        if (signup := _registration(event.registration)) is not None:
            rows.append(signup)
        rows.append(Fact.text("Veranstalter", event.provider))
        networks = refs.get("network", {})
        if data.network in networks:
            network = networks[data.network]
            rows.append(Fact("Netzwerk", ((Part(network.title, network.url, internal=True),),)))
        return rows

    def search_day(self, entry: Any) -> dt.date:
        """An event is found and filed by the day it takes place."""
        day: dt.date = entry.data.event.start.day
        return day

    def search_text(self, entry: Any) -> list[str]:
        event = entry.data.event
        return [event.provider, event.location.name, event.location.town, event.cost or ""]

    def search_details(self, entry: Any, refs: Refs) -> list[str | None]:
        event = entry.data.event
        place = event.location
        return [event.provider, place.name, place.street, place.town,
                "abgesagt" if event.cancelled else None]

    def jsonld(self, entry: Any, refs: Refs, *, url: str, updated: dt.datetime) -> dict[str, Any]:
        event = entry.data.event
        place = event.location
        address = {"@type": "PostalAddress", "streetAddress": place.street,
                   "postalCode": place.postcode, "addressLocality": place.town,
                   "addressCountry": "DE"}
        out: dict[str, Any] = {
            "@type": self.schema_type, "name": entry.title, "startDate": str(event.start),
            "eventStatus": _CANCELLED if event.cancelled else _SCHEDULED,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": place.name,
                         "address": {k: v for k, v in address.items() if v}},
            "organizer": {"@type": "Organization", "name": event.provider},
            "audience": [{"@type": "Audience", "audienceType": TARGET_GROUPS[g]}
                         for g in event.target_groups],
            "inLanguage": list(event.languages)}
        if event.end is not None:
            out["endDate"] = str(event.end)
        if event.is_free:
            out["isAccessibleForFree"] = True
            out["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR", "url": url}
        return out


def _registration(registration: Registration | None) -> Fact | None:
    if registration is None:
        return None
    lines: list[tuple[Part, ...]] = []
    if registration.deadline is not None:
        lines.append((Part(f"bis {weekday_de(registration.deadline)}, "
                           f"{format_date_de(registration.deadline)}"),))
    if registration.url:
        lines.append((Part("Online anmelden", registration.url),))
    if registration.email:
        lines.append((Part("E-Mail: "), Part(registration.email, f"mailto:{registration.email}")))
    if registration.phone:
        digits = registration.phone.replace(" ", "").replace("/", "")
        lines.append((Part("Telefon: "), Part(registration.phone, f"tel:{digits}")))
    return Fact("Anmeldung", tuple(lines))


EVENT = EventType()
