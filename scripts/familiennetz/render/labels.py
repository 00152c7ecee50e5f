"""German display names for the model's fixed values (a test checks every value has one)."""

from __future__ import annotations

from functools import cache

__all__ = ["LABELS", "label", "language_name"]

LABELS: dict[str, dict[str, str]] = {
    "offer_type": {
        "elterncafe": "Elterncafé", "eltern-kind-gruppe": "Eltern-Kind-Gruppe",
        "beratung": "Beratung", "familienbildung": "Familienbildung", "begleitung": "Begleitung",
        "kita-sozialarbeit": "Kita-Sozialarbeit", "familienzentrum": "Familienzentrum",
        "sonstiges": "Sonstiges",
    },
    "target_groups": {
        "werdende-eltern": "Werdende Eltern", "eltern": "Eltern",
        "kinder-0-3": "Kinder von 0 bis 3 Jahren", "kinder-3-6": "Kinder von 3 bis 6 Jahren",
        "kinder-6-10": "Kinder von 6 bis 10 Jahren", "fachkraefte": "Fachkräfte", "alle": "Alle",
    },
    "network_type": {
        "fruehe-hilfen": "Frühe Hilfen", "kinderschutz": "Kinderschutz",
        "kita-netzwerk": "Kita-Netzwerk", "kita-sozialarbeit": "Kita-Sozialarbeit",
        "sonstiges": "Sonstiges Netzwerk",
    },
    "kind": {"landkreis": "Landkreis", "stadt": "Stadt"},
    "state": {
        "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
        "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
        "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
        "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
        "TH": "Thüringen",
    },
}


def label(field: str, value: str) -> str:
    return LABELS.get(field, {}).get(value, value)


@cache
def _languages() -> dict[str, str]:
    from babel import Locale  # babel ships CLDR data offline; it comes with mkdocs-material

    return dict(Locale("de").languages)


def language_name(code: str) -> str:
    """'tr' → 'Türkisch'."""
    return _languages().get(code, code)
