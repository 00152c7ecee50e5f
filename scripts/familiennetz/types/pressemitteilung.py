"""Press releases: a numbered release of a district administration (`pressemitteilungen/`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..dates import Instant
from ..fields import spec
from .base import ItemType
from .parts import Item, PressContact
from .values import Refs

__all__ = ["PRESS_RELEASE", "PressRelease"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PressRelease(Item):
    date: Instant = spec("Datum", "Veröffentlichungsdatum: `JJJJ-MM-TT` oder mit Uhrzeit und "
                         "Zeitzone.", example="2024-06-14",
                         form="Tag der Veröffentlichung.")
    number: int | None = spec("Nummer", "Laufende Nummer der Pressestelle („Nr. 345“); "
                              "eindeutig je erstem Kreis und Jahr.", default=None)
    embargo: dt.datetime | None = spec("Sperrfrist", "Vor diesem Zeitpunkt wird nichts "
                                       "veröffentlicht; Datum mit Uhrzeit und Zeitzone.",
                                       default=None, example="2024-06-14T10:00:00+02:00",
                                       form="Vor diesem Zeitpunkt wird nichts veröffentlicht.")
    contact: PressContact | None = spec("Pressekontakt", "`name`, `role`, `organisation`, "
                                        "`email`, `phone`.", default=None,
                                        form="Wer Fragen der Presse beantwortet.")
    source: str | None = spec("Quelle", "„Quelle: …“, wenn der Text von einer anderen Stelle "
                              "stammt.", default=None)
    network: str | None = spec("Netzwerk", "Das Netzwerk, um das es geht (Slug).", default=None,
                               ref="network")
    updated: dt.date | None = spec("Aktualisiert", "Letzte inhaltliche Änderung (`JJJJ-MM-TT`).",
                                   form="Nur bei einer inhaltlichen Korrektur: ihr Tag.",
                                   default=None)


class PressReleaseType(ItemType):
    key = "pressemitteilung"
    folder = "pressemitteilungen"
    model = PressRelease
    label = "Pressemitteilung"
    plural = "Pressemitteilungen"
    dated = True
    schema_type = "NewsArticle"
    feed_name = "Pressemitteilungen"
    description = "Die neuen Pressemitteilungen der Kreise und Städte."

    purpose = "Ihre Mitteilungen an die Presse, gern mit Ihrer laufenden Nummer"
    def kicker(self, entry: Any) -> str:
        number = entry.data.number
        return f"{self.label} Nr. {number}" if number else self.label

    def issuer(self, entry: Any, refs: Refs) -> str:
        """The issuing office: the contact's organisation, else the first district."""
        contact = entry.data.contact
        if contact is not None and contact.organisation:
            return str(contact.organisation)
        districts = refs.get("district", {})
        first = entry.data.districts[0]
        return districts[first].title if first in districts else ""

    def jsonld(self, entry: Any, refs: Refs, *, url: str, updated: dt.datetime) -> dict[str, Any]:
        issuer = {"@type": "Organization", "name": self.issuer(entry, refs)}
        return {"@type": self.schema_type, "headline": entry.title,
                "datePublished": entry.data.date.at.isoformat(),
                "dateModified": updated.isoformat(), "author": issuer, "publisher": issuer,
                "mainEntityOfPage": url}

    def search_details(self, entry: Any, refs: Refs) -> list[str | None]:
        data = entry.data
        return [f"Nr. {data.number}" if data.number else None, data.source]


PRESS_RELEASE = PressReleaseType()
