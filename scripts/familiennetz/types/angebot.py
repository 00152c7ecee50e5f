"""Offers for families: a standing offer such as an Elterncafé or counselling
(`angebote/`). Undated: `reviewed` says when the office last vouched for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from ..dates import format_date_de, start_of_day
from ..fields import spec
from ..text import sort_key_de
from .base import ItemType
from .parts import (
    TARGET_GROUPS,
    Item,
    Location,
    OfferContact,
    TargetGroup,
    audience_of_groups,
    language_name,
    languages_spec,
)
from .values import DateProblem, FinderFilter, FinderToggle, Refs

__all__ = ["OFFER", "OFFER_TYPES", "STALE_AFTER", "Offer"]

OfferKind = Literal[
    "elterncafe", "eltern-kind-gruppe", "beratung", "familienbildung", "begleitung",
    "kita-sozialarbeit", "familienzentrum", "sonstiges",
]
OFFER_TYPES = {
    "elterncafe": "Elterncafé", "eltern-kind-gruppe": "Eltern-Kind-Gruppe",
    "beratung": "Beratung", "familienbildung": "Familienbildung", "begleitung": "Begleitung",
    "kita-sozialarbeit": "Kita-Sozialarbeit", "familienzentrum": "Familienzentrum",
    "sonstiges": "Sonstiges",
}
STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True, kw_only=True)
class Offer(Item):
    offer_type: OfferKind = spec("Art des Angebots", "Eine der festen Arten.", labels=OFFER_TYPES)
    target_groups: tuple[TargetGroup, ...] = spec("Zielgruppen", "Für wen das Angebot ist.",
                                                  min_items=1, labels=TARGET_GROUPS)
    provider: str = spec("Träger", "Wer das Angebot betreibt.", min_len=2)
    contact: OfferContact = spec("Kontakt", "Mindestens eines von `email`, `phone`, `website` "
                                 "(dazu `name`).", form="Ein Name und mindestens E-Mail, "
                                 "Telefon oder Website.")
    location: Location | None = spec("Adresse", "`name`, `street`, `postcode`, `town`.",
                                     default=None, form="Wo das Angebot stattfindet.")
    schedule: str | None = spec("Zeiten", "z. B. „dienstags 9–11 Uhr“.", default=None)
    cost: str | None = spec("Kosten", "„kostenlos“ oder ein Preis.", default=None)
    languages: tuple[str, ...] = languages_spec()
    funding: str | None = spec("Förderung", "z. B. „Kita-Sozialraumbudget“.", default=None)
    network: str | None = spec("Netzwerk", "Netzwerk (Slug).", default=None, ref="network")
    reviewed: dt.date = spec("Geprüft am", "Wann das Angebot zuletzt geprüft wurde; älter als 365 "
                             "Tage ergibt eine Warnung.", example="2026-09-01", today=True,
                             form="Wann Sie zuletzt geprüft haben, ob alles noch stimmt – "
                             "heute, wenn Sie es gerade tun.")

    @property
    def is_free(self) -> bool:
        return (self.cost or "").strip().lower() == "kostenlos"


class OfferType(ItemType):
    key = "angebot"
    folder = "angebote"
    model = Offer
    label = "Angebot"
    plural = "Angebote"
    schema_type = "Service"
    feed_name = "Angebote für Familien"
    description = "Neue und neu geprüfte Angebote für Familien."
    purpose = "ein dauerhaftes Angebot für Familien, etwa ein Elterncafé oder eine Beratung"
    audience = "familien"  # unless only for professionals: audience_of
    finder_filters = (
        FinderFilter("kreis", "Kreis oder Stadt", "Alle Kreise und Städte",
                     lambda e: e.data.districts,
                     lambda s, refs: refs["district"][s].title if s in refs["district"] else s,
                     pages="district"),
        FinderFilter("art", "Art des Angebots", "Alle Arten", lambda e: [e.data.offer_type],
                     lambda v, refs: OFFER_TYPES[v]),
        FinderFilter("fuer", "Für wen", "Alle Zielgruppen", lambda e: e.data.target_groups,
                     lambda v, refs: TARGET_GROUPS[v], everyone="alle"),
        FinderFilter("sprache", "Sprache", "Alle Sprachen", lambda e: e.data.languages,
                     lambda v, refs: language_name(v)),
    )
    finder_teaser = ("Angebote für Familien finden", "{count} Angebote: Elterncafés, "
                     "Eltern-Kind-Gruppen, Beratung und mehr – nach Kreis, Zielgruppe und "
                     "Sprache filterbar.", "Zu den Angeboten")
    finder_messages = ("{shown} von {total} Angeboten passen zu Ihrer Auswahl.",
                       "Alle {total} Angebote werden angezeigt.")
    near_me = True
    finder_toggles = (FinderToggle("kostenlos", "Nur kostenlose Angebote",
                                   lambda e: bool(e.data.is_free)),)

    def published_at(self, data: Any) -> dt.datetime:
        """Offers have no publication date, so their `reviewed` day stands in: it is the last
        time the office vouched for the offer, and a re-checked offer rightly resurfaces as
        news, while the time still comes from the content, not the build."""
        return start_of_day(data.reviewed)

    def is_stale(self, data: Any, now: dt.datetime) -> bool:
        return bool((now.date() - data.reviewed) > STALE_AFTER)

    def date_problems(self, entry: Any, now: dt.datetime) -> list[DateProblem]:
        reviewed = entry.data.reviewed
        problems = []
        if self.is_stale(entry.data, now):
            days = (now.date() - reviewed).days
            problems.append(DateProblem("reviewed", "stale-offer", f"Angebot zuletzt vor {days} "
                                        f"Tagen geprüft (`reviewed: {reviewed}`) — bitte prüfen, ob "
                                        "es noch stimmt, und das Datum aktualisieren.", warning=True))
        if reviewed > now.date():
            problems.append(DateProblem("reviewed", "date-order", f"`reviewed` ({reviewed}) liegt "
                                        "in der Zukunft — tragen Sie den Tag ein, an dem das "
                                        "Angebot geprüft wurde."))
        return problems

    def sort_key(self, entry: Any, facts: Any) -> tuple[str, str]:
        return (sort_key_de(entry.title), entry.slug)  # offers are listed alphabetically

    def location(self, entry: Any) -> Location | None:
        place: Location | None = entry.data.location
        return place

    def finder_facts(self, entry: Any) -> list[str]:
        data = entry.data
        facts = ["Für: " + ", ".join(TARGET_GROUPS[g] for g in data.target_groups),
                 "Sprachen: " + ", ".join(language_name(c) for c in data.languages)]
        if data.is_free:
            facts.append("kostenlos")
        return [*facts, f"Träger: {data.provider}"]

    def stale_note(self, entry: Any) -> str:
        return f"Zuletzt geprüft am {format_date_de(entry.data.reviewed)}, vor über einem Jahr."

    def card_facts(self, entry: Any, refs: Refs) -> list[str]:
        data = entry.data
        town = data.location.town if data.location and data.location.town else None
        return [OFFER_TYPES[data.offer_type] + (f", {town}" if town else "")]

    def audience_of(self, entry: Any) -> str:
        return audience_of_groups(entry.data.target_groups)

    def search_when(self, entry: Any, stale: bool) -> tuple[str | None, str | None]:
        checked = f"geprüft am {format_date_de(entry.data.reviewed)}"
        return (checked + " – vor über einem Jahr" if stale else checked), None

    def jsonld(self, entry: Any, refs: Refs, *, url: str, updated: dt.datetime) -> dict[str, Any]:
        data = entry.data
        districts = refs.get("district", {})
        out: dict[str, Any] = {
            "@type": self.schema_type, "name": entry.title,
            "serviceType": OFFER_TYPES[data.offer_type],
            "provider": {"@type": "Organization", "name": data.provider},
            "areaServed": [districts[s].title for s in data.districts if s in districts],
            "availableLanguage": [language_name(c) for c in data.languages],
            "audience": [{"@type": "Audience", "audienceType": TARGET_GROUPS[g]}
                         for g in data.target_groups]}
        if data.is_free:
            out["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
        return out

    def search_text(self, entry: Any) -> list[str]:
        data = entry.data
        parts = [data.provider, data.schedule or "", data.funding or ""]
        if data.location:
            parts += [data.location.name or "", data.location.town or ""]
        return parts

    def search_details(self, entry: Any, refs: Refs) -> list[str | None]:
        data = entry.data  # its kind, too: a "Babytreff" is an Elterncafé
        parts = [OFFER_TYPES[data.offer_type], data.provider, data.funding]
        if data.location:
            parts += [data.location.name, data.location.street, data.location.town]
        return parts


OFFER = OfferType()
