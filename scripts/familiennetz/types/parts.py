"""What several types share: the common item fields, nested groups (image, contact,
place) and the fixed values with their German names. Each field is declared once here or
in its type's module; everything else reads the declarations (`fields.fields_of`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Literal

from ..assets import IMAGE_FILE
from ..fields import spec

__all__ = [
    "EMAIL", "EMAIL_HINT", "PHONE", "PHONE_HINT", "TARGET_GROUPS", "URL", "URL_HINT", "Address",
    "Image", "Item", "Location", "OfferContact", "PageMeta", "PressContact", "TargetGroup", "address_line",
    "language_name", "languages", "languages_spec", "postcode_spec",
]

# Strict on purpose: these values end up in `mailto:`, `tel:` and `href` attributes.
EMAIL = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
PHONE = r"^\+?[0-9][0-9 /()\-]{4,30}$"
URL = r"^https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?(?:[/?#][^\s\"'<>\\`]*)?$"
EMAIL_HINT = "eine E-Mail-Adresse, z. B. `presse@example.org`"
PHONE_HINT = "eine Telefonnummer, z. B. `02603 972-0`"
URL_HINT = "eine Webadresse, z. B. `https://www.example.org/`"

TargetGroup = Literal[
    "werdende-eltern", "eltern", "kinder-0-3", "kinder-3-6", "kinder-6-10", "fachkraefte", "alle",
]
TARGET_GROUPS = {
    "werdende-eltern": "Werdende Eltern", "eltern": "Eltern",
    "kinder-0-3": "Kinder von 0 bis 3 Jahren", "kinder-3-6": "Kinder von 3 bis 6 Jahren",
    "kinder-6-10": "Kinder von 6 bis 10 Jahren", "fachkraefte": "Fachkräfte", "alle": "Alle",
}


def audience_of_groups(groups: Iterable[str]) -> str:
    """An offer or event only for professionals is for them; any other is for families."""
    return "fachkraefte" if set(groups) == {"fachkraefte"} else "familien"


@cache
def _languages() -> dict[str, str]:
    from babel import Locale  # babel ships CLDR data offline; it comes with mkdocs-material

    return dict(Locale("de").languages)


def languages() -> dict[str, str]:
    """Two-letter language codes with their German names, by name: what the web form offers."""
    found = {code: name for code, name in _languages().items() if len(code) == 2}
    return dict(sorted(found.items(), key=lambda item: item[1]))


def languages_spec() -> Any:
    """The `languages` field offers and events share: declared once here."""
    return spec("Sprachen", "ISO-639-1-Codes, z. B. `[de, tr]`.",
                form="In welchen Sprachen man sich verständigen kann.", offer=languages,
                default=("de",), pattern=r"^[a-z]{2}$",
                pattern_hint="ein Sprachcode aus zwei Buchstaben, z. B. `de`")


def language_name(code: str) -> str:
    """'tr' → 'Türkisch'."""
    return _languages().get(code, code)


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    src: str = spec("Bilddatei", "Pfad zum Bild, relativ zur Datei oder unter `content/assets/`.",
                    form="Ein Foto hochladen oder eines auswählen (JPG, PNG, WebP oder SVG).", media=True,
                    example="assets/workshop.jpg", pattern=IMAGE_FILE,
                    pattern_hint="eine Bilddatei (`.jpg`, `.png`, `.gif`, `.webp`, `.avif` oder `.svg`)")
    alt: str = spec("Alternativtext", "Beschreibt, was auf dem Bild zu sehen ist (für Menschen, "
                    "die das Bild nicht sehen).", min_len=5, plain=True,
                    example="Teilnehmende sitzen in Gruppen an Tischen.")
    credit: str = spec("Fotonachweis", "Wird unter dem Bild als „Foto: …“ gezeigt.",
                       example="Kreisverwaltung Rhein-Lahn")


@dataclass(frozen=True, slots=True, kw_only=True)
class PressContact:
    name: str | None = spec("Name", "Name der Ansprechperson.", default=None)
    role: str | None = spec("Funktion", "z. B. Pressesprecherin.", default=None,
                            form="z. B. Pressesprecherin oder Koordination.")
    organisation: str | None = spec("Organisation", "Behörde oder Stelle.", default=None)
    email: str | None = spec("E-Mail", "E-Mail-Adresse.", default=None, pattern=EMAIL,
                             pattern_hint=EMAIL_HINT)
    phone: str | None = spec("Telefon", "Telefonnummer.", default=None, pattern=PHONE,
                             pattern_hint=PHONE_HINT)


@dataclass(frozen=True, slots=True, kw_only=True)
class OfferContact(PressContact):
    REQUIRE_ONE_OF: ClassVar[tuple[str, ...]] = ("email", "phone", "website")
    website: str | None = spec("Website", "Adresse einer Webseite mit https://.", default=None,
                               pattern=URL, pattern_hint=URL_HINT)


def postcode_spec() -> Any:
    """The optional `postcode` of places and addresses: declared once here."""
    return spec("Postleitzahl", "Fünf Ziffern in Anführungszeichen.", default=None,
                form="Fünf Ziffern, z. B. 56130.", pattern=r"^[0-9]{5}$",
                pattern_hint='fünf Ziffern in Anführungszeichen, z. B. `"56130"`')


def address_line(street: str | None, postcode: str | None, town: str | None) -> str:
    """"Marktplatz 1, 56130 Bad Ems"."""
    return ", ".join(p for p in (street, " ".join(p for p in (postcode, town) if p)) if p)


@dataclass(frozen=True, slots=True, kw_only=True)
class Address:
    """Where a place is, so that readers find it on a map (a meeting's `address`)."""

    street: str = spec("Straße", "Straße und Hausnummer.", min_len=2, example="Insel Silberau 1")
    postcode: str | None = postcode_spec()
    town: str = spec("Ort", "Stadt oder Gemeinde.", min_len=2, example="Bad Ems")

    @property
    def town_line(self) -> str:
        return address_line(None, self.postcode, self.town)

    @property
    def one_line(self) -> str:
        return address_line(self.street, self.postcode, self.town)


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    name: str | None = spec("Name des Ortes", "z. B. „Familienzentrum Am Markt“.", default=None)
    street: str | None = spec("Straße", "Straße und Hausnummer.", default=None)
    postcode: str | None = postcode_spec()
    town: str | None = spec("Ort", "Stadt oder Gemeinde.", default=None)

    @property
    def town_line(self) -> str:
        """"56130 Bad Ems"."""
        return address_line(None, self.postcode, self.town)

    @property
    def address(self) -> str:
        """"Marktplatz 1, 56130 Bad Ems": what a map looks up (without the name, which maps
        often do not know); the name where there is no street."""
        return address_line(self.street or self.name, self.postcode, self.town)

    @property
    def one_line(self) -> str:
        """"Familienzentrum, Marktplatz 1, 56130 Bad Ems"."""
        return ", ".join(p for p in (self.name, address_line(self.street, self.postcode, self.town)) if p)


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """The fields every item type has."""

    title: str = spec("Überschrift", "Die Überschrift; die einzige H1 der Seite.",
                      form="Die Überschrift des Beitrags, wie sie über dem Text steht.",
                      min_len=5, max_len=160, example="Workshop zum Kita-Sozialraumbudget")
    summary: str = spec("Kurzfassung", "Anreißer für Listen, Feeds, Suche; reiner Text.",
                        form="Ein, zwei Sätze, die in Listen, Feeds und der Suche unter der "
                        "Überschrift stehen.",
                        min_len=20, max_len=400, plain=True)
    districts: tuple[str, ...] = spec("Kreise", "Herausgebende oder betroffene Kreise (Slugs).",
                                      form="Wählen Sie mindestens einen Kreis: den "
                                      "herausgebenden und jeden, den es betrifft.",
                                      min_items=1, ref="district", example=["rhein-lahn-kreis"])
    topics: tuple[str, ...] = spec("Themen", "Themen (Slugs).", min_items=1, ref="topic",
                                   form="Wählen Sie mindestens ein Thema.",
                                   example=["fruehe-hilfen"])
    image: Image | None = spec("Bild", "Ein Bild mit `src`, `alt` und `credit`.", default=None,
                               form="Optional: ein Foto mit Beschreibung und Fotonachweis.")
    draft: bool = spec("Entwurf", "`true`: wird geprüft, aber nirgends veröffentlicht.",
                       default=False, form="Eingeschaltet: wird geprüft, aber nirgends veröffentlicht.")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """The few fields an ordinary page (home, Impressum, help) may have: anything else is a
    mistake, most likely an item in the wrong folder."""

    title: str | None = spec("Titel", "Titel der Seite; sonst gilt die erste Überschrift `# …`.",
                             default=None, min_len=2, max_len=160)
    description: str | None = spec("Beschreibung", "Kurze Beschreibung für Suchmaschinen; reiner "
                                   "Text.", default=None, max_len=400, plain=True)
    draft: bool = spec("Entwurf", "`true`: wird geprüft, aber nicht veröffentlicht.", default=False)
