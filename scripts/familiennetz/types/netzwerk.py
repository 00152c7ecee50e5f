"""Networks: a local network — Frühe Hilfen, Kinderschutz, Kita (`netzwerke/`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..fields import spec
from .base import ReferenceType
from .parts import EMAIL
from .values import Fact, Part, Refs

__all__ = ["NETWORK", "NETWORK_TYPES", "Network", "NetworkCoordinator"]

NetworkKind = Literal["fruehe-hilfen", "kinderschutz", "kita-netzwerk", "kita-sozialarbeit", "sonstiges"]
NETWORK_TYPES = {
    "fruehe-hilfen": "Frühe Hilfen", "kinderschutz": "Kinderschutz",
    "kita-netzwerk": "Kita-Netzwerk", "kita-sozialarbeit": "Kita-Sozialarbeit",
    "sonstiges": "Sonstiges Netzwerk",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkCoordinator:
    name: str = spec("Name", "Name der Koordinatorin oder des Koordinators.")
    organisation: str | None = spec("Organisation", "Stelle.", default=None)
    email: str | None = spec("E-Mail", "E-Mail-Adresse.", default=None, pattern=EMAIL,
                             pattern_hint="eine E-Mail-Adresse, z. B. `netzwerk@example.org`")


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    title: str = spec("Name", "Name des Netzwerks.", min_len=5, max_len=160)
    districts: tuple[str, ...] = spec("Kreise", "Kreise des Netzwerks (Slugs).", min_items=1,
                                      ref="district")
    network_type: NetworkKind = spec("Art des Netzwerks", "Eine der festen Arten.",
                                     labels=NETWORK_TYPES)
    coordinators: tuple[NetworkCoordinator, ...] = spec("Koordination", "`name`, "
                                                        "`organisation`, `email`.", default=(),
                                                        form="Wer das Netzwerk koordiniert.",
                                                        singular="Person")


class NetworkType(ReferenceType):
    key = "netzwerk"
    folder = "netzwerke"
    model = Network
    label = "Netzwerk"
    plural = "Netzwerke"
    ref = "network"
    by = "Netzwerk"
    schema_type = "Organization"

    def facts(self, entry: Any, refs: Refs) -> list[Fact]:
        data = entry.data
        known = refs.get("district", {})
        districts: list[Part] = []
        for slug in data.districts:
            if districts:
                districts.append(Part(", "))
            district = known.get(slug)
            districts.append(Part(district.title, district.url, internal=True) if district
                             else Part(slug))
        facts = [Fact.text("Art", NETWORK_TYPES[data.network_type]),
                 Fact("Kreise", (tuple(districts),))]
        if data.coordinators:
            lines = []
            for c in data.coordinators:
                line = [Part(c.name + (f" ({c.organisation})" if c.organisation else ""))]
                if c.email:
                    line += [Part(", "), Part(c.email, f"mailto:{c.email}")]
                lines.append(tuple(line))
            facts.append(Fact("Koordination", tuple(lines)))
        return facts

    def search_scope(self, entry: Any, refs: Refs) -> tuple[tuple[str, ...], tuple[str, ...]]:
        known = refs.get("district", {})
        return tuple(known[s].title if s in known else s for s in entry.data.districts), ()

    def search_details(self, entry: Any, refs: Refs) -> list[str | None]:
        return [c.organisation for c in entry.data.coordinators]


NETWORK = NetworkType()
