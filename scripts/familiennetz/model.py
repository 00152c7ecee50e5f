"""The typed content model: one frozen dataclass per front-matter shape.

This file is the single source of truth for fields; the binder, JSON Schema, templates,
feeds and the field reference for press officers are all derived from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, Literal

from .dates import Instant, start_of_day
from .fields import spec

__all__ = [
    "District",
    "Image",
    "Item",
    "Location",
    "Meeting",
    "MeetingReport",
    "Network",
    "NetworkCoordinator",
    "Offer",
    "OfferContact",
    "PageMeta",
    "PressContact",
    "PressRelease",
    "Speaker",
    "Topic",
]

OfferType = Literal[
    "elterncafe", "eltern-kind-gruppe", "beratung", "familienbildung", "begleitung",
    "kita-sozialarbeit", "familienzentrum", "sonstiges",
]
TargetGroup = Literal[
    "werdende-eltern", "eltern", "kinder-0-3", "kinder-3-6", "kinder-6-10", "fachkraefte", "alle",
]
NetworkType = Literal["fruehe-hilfen", "kinderschutz", "kita-netzwerk", "kita-sozialarbeit", "sonstiges"]
DistrictKind = Literal["landkreis", "stadt"]
State = Literal[
    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
]

# Strict on purpose: these values end up in `mailto:`, `tel:` and `href` attributes.
EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
PHONE = r"^\+?[0-9][0-9 /()\-]{4,30}$"
URL = r"^https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?(?:[/?#][^\s\"'<>\\`]*)?$"
SLUG_HINT = "Kleinbuchstaben, Ziffern und Bindestriche, z. B. `rhein-lahn-kreis`"

T = "Text"

# --- nested mappings ---------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    src: str = spec("Bilddatei", "Pfad zum Bild, relativ zur Datei oder unter `content/assets/`.",
                    example="assets/workshop.jpg")
    alt: str = spec("Alternativtext", "Beschreibt, was auf dem Bild zu sehen ist (für Menschen, "
                    "die das Bild nicht sehen).", min_len=5, plain=True,
                    example="Teilnehmende sitzen in Gruppen an Tischen.")
    credit: str = spec("Fotonachweis", "Wird unter dem Bild als „Foto: …“ gezeigt.",
                       example="Kreisverwaltung Rhein-Lahn")


@dataclass(frozen=True, slots=True, kw_only=True)
class PressContact:
    name: str | None = spec("Name", "Name der Ansprechperson.", default=None)
    role: str | None = spec("Funktion", "z. B. Pressesprecherin.", default=None)
    organisation: str | None = spec("Organisation", "Behörde oder Stelle.", default=None)
    email: str | None = spec("E-Mail", "E-Mail-Adresse.", default=None, pattern=EMAIL,
                             pattern_hint="eine E-Mail-Adresse, z. B. `presse@example.org`")
    phone: str | None = spec("Telefon", "Telefonnummer.", default=None, pattern=PHONE,
                             pattern_hint="eine Telefonnummer, z. B. `02603 972-0`")


@dataclass(frozen=True, slots=True, kw_only=True)
class OfferContact(PressContact):
    REQUIRE_ONE_OF: ClassVar[tuple[str, ...]] = ("email", "phone", "website")
    website: str | None = spec("Website", "Adresse einer Webseite mit https://.", default=None,
                               pattern=URL, pattern_hint="eine Webadresse, z. B. `https://www.example.org/`")


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    name: str = spec("Name", "Name der oder des Vortragenden.")
    organisation: str | None = spec("Organisation", "Institution.", default=None)
    topic: str | None = spec("Thema", "Thema des Vortrags.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    date: Instant = spec("Termin", "Wann das Treffen stattfindet oder stattfand: Datum oder "
                         "Datum mit Uhrzeit und Zeitzone.", example="2024-10-08T09:30:00+02:00")
    end: Instant | None = spec("Ende", "Ende, wenn es länger dauert.", default=None)
    location: str = spec("Ort", "Ort, z. B. „Kreisverwaltung, Bad Ems“.", min_len=2)
    edition: int | None = spec("Ausgabe", "„12.“ für die 12. Netzwerkkonferenz.", default=None)
    participants: int | None = spec("Teilnehmende", "Ungefähr wie viele teilnahmen.", default=None)
    organisers: tuple[str, ...] = spec("Veranstalter", "Personen oder Stellen.", default=())
    speakers: tuple[Speaker, ...] = spec("Vorträge", "Vortragende mit `name`, `organisation`, "
                                         "`topic`.", default=())

    @property
    def over_at(self) -> dt.datetime:
        """When the meeting is over: its end, or the end of its last day when only days are
        given (or no end at all), so a meeting counts as upcoming while it runs."""
        last = self.end or self.date
        if last.all_day or self.end is None:
            return start_of_day(last.day + dt.timedelta(days=1))
        return last.at


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    name: str | None = spec("Name des Ortes", "z. B. „Familienzentrum Am Markt“.", default=None)
    street: str | None = spec("Straße", "Straße und Hausnummer.", default=None)
    postcode: str | None = spec("Postleitzahl", "Fünf Ziffern in Anführungszeichen.", default=None,
                                pattern=r"^[0-9]{5}$",
                                pattern_hint='fünf Ziffern in Anführungszeichen, z. B. `"56130"`')
    town: str | None = spec("Ort", "Stadt oder Gemeinde.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkCoordinator:
    name: str = spec("Name", "Name der Koordinatorin oder des Koordinators.")
    organisation: str | None = spec("Organisation", "Stelle.", default=None)
    email: str | None = spec("E-Mail", "E-Mail-Adresse.", default=None, pattern=EMAIL,
                             pattern_hint="eine E-Mail-Adresse, z. B. `netzwerk@example.org`")


# --- items -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    title: str = spec("Überschrift", "Die Überschrift; die einzige H1 der Seite.",
                      min_len=5, max_len=160, example="Workshop zum Kita-Sozialraumbudget")
    summary: str = spec("Kurzfassung", "Anreißer für Listen, Feeds, Suche; reiner Text.",
                        min_len=20, max_len=400, plain=True)
    districts: tuple[str, ...] = spec("Kreise", "Herausgebende oder betroffene Kreise (Slugs).",
                                      min_items=1, ref="district", example=["rhein-lahn-kreis"])
    topics: tuple[str, ...] = spec("Themen", "Themen (Slugs).", min_items=1, ref="topic",
                                   example=["fruehe-hilfen"])
    image: Image | None = spec("Bild", "Ein Bild mit `src`, `alt` und `credit`.", default=None)
    draft: bool = spec("Entwurf", "`true`: wird geprüft, aber nirgends veröffentlicht.",
                       default=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class PressRelease(Item):
    date: Instant = spec("Datum", "Veröffentlichungsdatum: `JJJJ-MM-TT` oder mit Uhrzeit und "
                         "Zeitzone.", example="2024-06-14")
    number: int | None = spec("Nummer", "Laufende Nummer der Pressestelle („Nr. 345“); "
                              "eindeutig je erstem Kreis und Jahr.", default=None)
    embargo: dt.datetime | None = spec("Sperrfrist", "Vor diesem Zeitpunkt wird nichts "
                                    "veröffentlicht; Datum mit Uhrzeit und Zeitzone.",
                                    default=None, example="2024-06-14T10:00:00+02:00")
    contact: PressContact | None = spec("Pressekontakt", "`name`, `role`, `organisation`, "
                                        "`email`, `phone`.", default=None)
    source: str | None = spec("Quelle", "„Quelle: …“, wenn der Text von einer anderen Stelle "
                              "stammt.", default=None)
    network: str | None = spec("Netzwerk", "Das Netzwerk, um das es geht (Slug).", default=None,
                               ref="network")
    updated: dt.date | None = spec("Aktualisiert", "Letzte inhaltliche Änderung (`JJJJ-MM-TT`).",
                                default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingReport(Item):
    date: Instant = spec("Datum", "Veröffentlichungsdatum des Berichts.", example="2024-10-10")
    network: str = spec("Netzwerk", "Das Netzwerk, das sich trifft (Slug).", ref="network")
    meeting: Meeting = spec("Treffen", "Angaben zum Treffen: `date`, `location`, …")
    contact: PressContact | None = spec("Kontakt", "`name`, `role`, `organisation`, `email`, "
                                        "`phone`.", default=None)
    updated: dt.date | None = spec("Aktualisiert", "Letzte inhaltliche Änderung.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Offer(Item):
    offer_type: OfferType = spec("Art des Angebots", "Eine der festen Arten.")
    target_groups: tuple[TargetGroup, ...] = spec("Zielgruppen", "Für wen das Angebot ist.",
                                                  min_items=1)
    provider: str = spec("Träger", "Wer das Angebot betreibt.", min_len=2)
    contact: OfferContact = spec("Kontakt", "Mindestens eines von `email`, `phone`, `website` "
                                 "(dazu `name`).")
    location: Location | None = spec("Adresse", "`name`, `street`, `postcode`, `town`.",
                                     default=None)
    schedule: str | None = spec("Zeiten", "z. B. „dienstags 9–11 Uhr“.", default=None)
    cost: str | None = spec("Kosten", "„kostenlos“ oder ein Preis.", default=None)
    languages: tuple[str, ...] = spec("Sprachen", "ISO-639-1-Codes, z. B. `[de, tr]`.",
                                      default=("de",), pattern=r"^[a-z]{2}$",
                                      pattern_hint="ein Sprachcode aus zwei Buchstaben, z. B. `de`")
    funding: str | None = spec("Förderung", "z. B. „Kita-Sozialraumbudget“.", default=None)
    network: str | None = spec("Netzwerk", "Netzwerk (Slug).", default=None, ref="network")
    reviewed: dt.date = spec("Geprüft am", "Wann das Angebot zuletzt geprüft wurde; älter als 365 "
                          "Tage ergibt eine Warnung.", example="2026-09-01")

    @property
    def is_free(self) -> bool:
        return (self.cost or "").strip().lower() == "kostenlos"


# --- reference entities ------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class District:
    title: str = spec("Name", "Name des Kreises oder der Stadt.", min_len=3, max_len=160)
    kind: DistrictKind = spec("Art", "`landkreis` oder `stadt`.")
    state: State = spec("Bundesland", "Kürzel, z. B. `RP`, `SL`.")
    website: str | None = spec("Website", "Offizielle Website.", default=None, pattern=URL,
                               pattern_hint="eine Webadresse, z. B. `https://www.example.org/`")


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    title: str = spec("Name", "Name des Netzwerks.", min_len=5, max_len=160)
    districts: tuple[str, ...] = spec("Kreise", "Kreise des Netzwerks (Slugs).", min_items=1,
                                      ref="district")
    network_type: NetworkType = spec("Art des Netzwerks", "Eine der festen Arten.")
    coordinators: tuple[NetworkCoordinator, ...] = spec("Koordination", "`name`, "
                                                        "`organisation`, `email`.", default=())


@dataclass(frozen=True, slots=True, kw_only=True)
class Topic:
    title: str = spec("Name", "Name des Themas.", min_len=3, max_len=160)
    summary: str = spec("Kurzfassung", "Ein, zwei Sätze zum Thema; reiner Text.", min_len=20,
                        max_len=400, plain=True)


# --- ordinary pages ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """The few fields an ordinary page (home, Impressum, help) may have: anything else is a
    mistake, most likely an item in the wrong folder."""

    title: str | None = spec("Titel", "Titel der Seite; sonst gilt die erste Überschrift `# …`.",
                             default=None, min_len=2, max_len=160)
    description: str | None = spec("Beschreibung", "Kurze Beschreibung für Suchmaschinen; reiner "
                                   "Text.", default=None, max_len=400, plain=True)
    draft: bool = spec("Entwurf", "`true`: wird geprüft, aber nicht veröffentlicht.", default=False)
