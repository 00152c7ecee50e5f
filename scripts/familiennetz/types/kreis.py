"""Districts: a Landkreis or a kreisfreie Stadt (`kreise/`); the body describes it, and
its page lists everything that names it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..fields import spec
from .base import ReferenceType
from .parts import URL, URL_HINT
from .values import Fact, Refs

__all__ = ["DISTRICT", "STATES", "District"]

DistrictKind = Literal["landkreis", "stadt"]
KINDS = {"landkreis": "Landkreis", "stadt": "Stadt"}
State = Literal[
    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
]
STATES = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
    "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class District:
    title: str = spec("Name", "Name des Kreises oder der Stadt.", min_len=3, max_len=160)
    kind: DistrictKind = spec("Art", "`landkreis` oder `stadt`.", labels=KINDS,
                              form="Landkreis oder kreisfreie Stadt.")
    state: State = spec("Bundesland", "Kürzel, z. B. `RP`, `SL`.", labels=STATES,
                        form="Das Land, zu dem der Kreis gehört.")
    website: str | None = spec("Website", "Offizielle Website.", default=None, pattern=URL,
                               pattern_hint=URL_HINT)


class DistrictType(ReferenceType):
    key = "kreis"
    folder = "kreise"
    model = District
    label = "Kreis"
    plural = "Kreise und Städte"
    ref = "district"
    by = "Kreis oder Stadt"
    schema_type = "AdministrativeArea"

    def facts(self, entry: Any, refs: Refs) -> list[Fact]:
        data = entry.data
        facts = [Fact.text("Art", f"{KINDS[data.kind]}, {STATES[data.state]}")]
        if data.website:
            facts.append(Fact.text("Website", data.website, data.website))
        return facts

    def search_scope(self, entry: Any, refs: Refs) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (entry.title,), ()

    def search_details(self, entry: Any, refs: Refs) -> list[str | None]:
        return [STATES[entry.data.state]]


DISTRICT = DistrictType()
