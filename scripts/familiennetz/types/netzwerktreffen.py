"""Meeting reports: a report on, or the announcement of, a network meeting
(`netzwerktreffen/`). The meeting itself is in `meeting:`; calendars list it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..dates import Instant, ends_before, over_at
from ..fields import spec
from .base import ItemType
from .parts import Address, Item, PressContact
from .values import DateProblem, Happening, Refs

__all__ = ["MEETING_REPORT", "Meeting", "MeetingReport", "Speaker"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    name: str = spec("Name", "Name der oder des Vortragenden.")
    organisation: str | None = spec("Organisation", "Institution.", default=None)
    topic: str | None = spec("Thema", "Thema des Vortrags.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    date: Instant = spec("Termin", "Wann das Treffen stattfindet oder stattfand: Datum oder "
                         "Datum mit Uhrzeit und Zeitzone.", example="2024-10-08T09:30:00+02:00", time=True)
    end: Instant | None = spec("Ende", "Ende, wenn es länger dauert.", default=None, time=True)
    location: str = spec("Ort", "Ort, z. B. „Kreisverwaltung, Bad Ems“.", min_len=2)
    address: Address | None = spec("Adresse", "`street`, `postcode`, `town` des Ortes; die "
                                   "Seite zeigt sie mit einem Link zur Karte.", default=None,
                                   form="Straße, Postleitzahl und Ort: damit man den Ort auf "
                                   "der Karte findet.")
    edition: int | None = spec("Ausgabe", "„12.“ für die 12. Netzwerkkonferenz.", default=None)
    participants: int | None = spec("Teilnehmende", "Ungefähr wie viele teilnahmen.", default=None)
    organisers: tuple[str, ...] = spec("Veranstalter", "Personen oder Stellen.", default=(),
                                       singular="Veranstalter")
    speakers: tuple[Speaker, ...] = spec("Vorträge", "Vortragende mit `name`, `organisation`, "
                                         "`topic`.", default=(),
                                         form="Je Vortrag: Name, Organisation und Thema.",
                                         singular="Vortrag")

    @property
    def over_at(self) -> dt.datetime:
        return over_at(self.date, self.end)

    @property
    def place(self) -> str:
        """"Kreisverwaltung, Insel Silberau 1, 56130 Bad Ems" (the address where it is new)."""
        if self.address is None or self.address.one_line in self.location:
            return self.location
        return f"{self.location}, {self.address.one_line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingReport(Item):
    date: Instant = spec("Datum", "Veröffentlichungsdatum des Berichts.", example="2024-10-10")
    network: str = spec("Netzwerk", "Das Netzwerk, das sich trifft (Slug).", ref="network")
    meeting: Meeting = spec("Treffen", "Angaben zum Treffen: `date`, `location`, …",
                           form="Wann und wo das Treffen ist oder war.")
    contact: PressContact | None = spec("Kontakt", "`name`, `role`, `organisation`, `email`, "
                                        "`phone`.", default=None,
                                        form="Wer Fragen beantwortet.")
    updated: dt.date | None = spec("Aktualisiert", "Letzte inhaltliche Änderung.", default=None)


class MeetingReportType(ItemType):
    key = "netzwerktreffen"
    folder = "netzwerktreffen"
    model = MeetingReport
    label = "Netzwerktreffen"
    plural = "Netzwerktreffen"
    dated = True
    schema_type = "Event"
    feed_name = "Berichte aus Netzwerktreffen"
    description = "Berichte aus Netzwerktreffen und Ankündigungen von Treffen."
    purpose = ("Bericht über ein Treffen oder eine Konferenz – oder die Ankündigung eines "
               "kommenden Termins")
    audience = "fachkraefte"
    calendar = "Netzwerktreffen"
    calendar_scopes = ("network", "district")
    upcoming_heading = "Nächste Netzwerktreffen"

    def happening(self, data: Any) -> Happening:
        meeting = data.meeting
        return Happening(meeting.date, meeting.end, meeting.place, meeting.over_at,
                         map_query=meeting.address.one_line if meeting.address else None)

    def date_problems(self, entry: Any, now: dt.datetime) -> list[DateProblem]:
        meeting = entry.data.meeting
        if ends_before(meeting.date, meeting.end):
            return [DateProblem("meeting.end", "date-order", "`meeting.end` liegt vor "
                                "`meeting.date` — prüfen Sie beide Angaben (Ende nach dem Beginn).")]
        return []

    def jsonld(self, entry: Any, refs: Refs, *, url: str, updated: dt.datetime) -> dict[str, Any]:
        meeting = entry.data.meeting
        network = refs.get("network", {}).get(entry.data.network)
        out: dict[str, Any] = {
            "@type": self.schema_type, "name": entry.title, "startDate": str(meeting.date),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": {"@type": "Place", "name": meeting.location, "address": _address(meeting)}}
        if meeting.end:
            out["endDate"] = str(meeting.end)
        organisers = list(meeting.organisers) or ([network.title] if network else [])
        if organisers:
            out["organizer"] = [{"@type": "Organization", "name": o} for o in organisers]
        return out

    def search_day(self, entry: Any) -> dt.date:
        """A meeting is found and filed by the day it takes place, not by its report's."""
        day: dt.date = entry.data.meeting.date.day
        return day

    def search_text(self, entry: Any) -> list[str]:
        meeting = entry.data.meeting
        return [meeting.place, *meeting.organisers, *(s.topic or "" for s in meeting.speakers)]

    def search_details(self, entry: Any, refs: Refs) -> list[str | None]:
        meeting = entry.data.meeting
        return [meeting.place, *meeting.organisers,
                *(text for s in meeting.speakers for text in (s.name, s.organisation, s.topic))]


def _address(meeting: Meeting) -> str | dict[str, str]:
    """schema.org's PostalAddress where the address is given, else the place as written."""
    address = meeting.address
    if address is None:
        return meeting.location
    found = {"@type": "PostalAddress", "streetAddress": address.street,
             "postalCode": address.postcode, "addressLocality": address.town,
             "addressCountry": "DE"}
    return {key: value for key, value in found.items() if value}


MEETING_REPORT = MeetingReportType()
