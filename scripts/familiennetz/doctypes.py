"""The six document types: the folder decides the type (see the content model)."""

from __future__ import annotations

from dataclasses import dataclass

from .model import District, MeetingReport, Network, Offer, PressRelease, Topic

__all__ = ["BY_FOLDER", "BY_KEY", "ITEM_TYPES", "REFERENCE_TYPES", "DocType"]


@dataclass(frozen=True, slots=True)
class DocType:
    key: str  # singular, used in templates and the CLI: "pressemitteilung"
    folder: str  # top folder under content/ and in the URL
    model: type
    dated: bool  # files are YYYY/YYYY-MM-DD-<slug>.md
    label: str  # German singular
    plural: str  # German plural
    ref: str | None = None  # reference types: the name used by FieldDoc.ref
    schema_type: str = "Thing"  # schema.org type for JSON-LD

    @property
    def is_item(self) -> bool:
        return self.ref is None


ITEM_TYPES = (
    DocType("pressemitteilung", "pressemitteilungen", PressRelease, True, "Pressemitteilung",
            "Pressemitteilungen", schema_type="NewsArticle"),
    DocType("netzwerktreffen", "netzwerktreffen", MeetingReport, True, "Netzwerktreffen",
            "Netzwerktreffen", schema_type="Event"),
    DocType("angebot", "angebote", Offer, False, "Angebot", "Angebote", schema_type="Service"),
)
REFERENCE_TYPES = (
    DocType("kreis", "kreise", District, False, "Kreis", "Kreise und Städte", ref="district",
            schema_type="AdministrativeArea"),
    DocType("netzwerk", "netzwerke", Network, False, "Netzwerk", "Netzwerke", ref="network",
            schema_type="Organization"),
    DocType("thema", "themen", Topic, False, "Thema", "Themen", ref="topic",
            schema_type="DefinedTerm"),
)
BY_FOLDER = {t.folder: t for t in ITEM_TYPES + REFERENCE_TYPES}
BY_KEY = {t.key: t for t in ITEM_TYPES + REFERENCE_TYPES}
BY_REF = {t.ref or "": t for t in REFERENCE_TYPES}
