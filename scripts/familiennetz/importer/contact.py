"""The press contact block at the end of a release ("Pressekontakt:", "Ansprechpartner/in:")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(
    r"^(?:für\s+(?:weitere\s+informationen|rückfragen|nachfragen|presseanfragen)[^:]{0,60}:"
    r"|(?:pressekontakt|medienkontakt|presseanfragen|ansprechperson|kontakt"
    r"|kontakt\s+für\s+(?:die\s+)?(?:presse|medien|rückfragen)"
    r"|rückfragen\s+(?:bitte\s+)?(?:an|bei)"
    r"|ansprechpartner(?:in|/in|/-in|\*in|:in|_in|\(in\)|innen)?"
    r"(?:\s+für\s+(?:die\s+)?(?:presse|medien|rückfragen))?)\s*(?::|$))\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"^(?:(?:tel(?:efon)?|fon|phone|telefonnummer|mobil(?:telefon)?|handy|durchwahl)\.?"
    r"\s*(?:nr\.?)?\s*[:.]?\s*)?(?P<number>\+?\(?\d[\d\s/()–.+-]{4,}\d)$",
    re.IGNORECASE,
)
_FAX = re.compile(r"^(?:tele)?fax\b", re.IGNORECASE)
_WEB = re.compile(r"^(?:internet|web(?:seite|site)?|homepage)\s*:|^(?:https?://|www\.)", re.I)
_ADDRESS = re.compile(
    r"\b\d{5}\s+[A-ZÄÖÜ]|^postfach\b|(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|ufer"
    r"|damm|markt)\s*\d+\s*[a-z]?\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"sprecher|referent|leiter|leitung|koordinator|sachbearbeit|beauftragte|fachkraft"
    r"|mitarbeiter|landrat(?!samt)|landrätin|bürgermeister|beigeordnete|dezernent|geschäftsführ"
    r"|vorsitzende|netzwerker|sozialarbeiter|pädagog|berater|manager|assistenz|redakteur",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"verwaltung|landratsamt|amt\b|kreis\b|stadt\b|caritas|diakonie|e\.\s?v\.|gmbh|institut"
    r"|referat|abteilung|fachbereich|fachdienst|pressestelle|büro\b|zentrum\b|netzwerk"
    r"|stabsstelle|stiftung|verband|verein\b|ministerium|behörde|dienst\b|hochschule"
    r"|universität|schule\b|kita\b|öffentlichkeitsarbeit|stelle\b",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^(?:(?:Frau|Herr|Dr\.|Prof\.|Dipl\.-[\wäöü]+\.?)\s+)*[A-ZÄÖÜ][\w'’.-]+"
    r"(?:\s+(?:(?:von|van|de|zu|der|den)\s+)*[A-ZÄÖÜ][\w'’-]+){1,3}$"
)
_PARTS = re.compile(r"\s*[;|]\s*|,\s+")
FIELD_NAMES = {
    "name": "Name", "role": "Funktion", "organisation": "Organisation",
    "email": "E-Mail", "phone": "Telefon",
}  # fmt: skip


@dataclass
class Contact:
    """Fields found in a contact block, and what was in it but has no field."""

    fields: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)


def contact_heading(line: str) -> str | None:
    """The text after a contact heading ("" if none), or None if the line is no heading."""
    match = _HEADING.match(line.strip().lstrip("#* ").replace("**", ""))
    return None if match is None else match["rest"].strip()


def _kind(part: str) -> tuple[str, str]:
    """What one comma-separated part of a contact line is, and its value."""
    email = _EMAIL.search(part)
    if email:
        return "email", email.group(0)
    phone = _PHONE.match(part)
    if phone and sum(char.isdigit() for char in phone["number"]) >= 6:
        return "phone", phone["number"].strip()
    if _FAX.match(part) or _WEB.search(part) or _ADDRESS.search(part):
        return "extra", part
    if _ROLE.search(part):
        return "role", part
    if _ORGANISATION.search(part):
        return "organisation", part
    if _NAME.match(part):
        return "name", part
    return "unassigned", part


def is_contact_like(line: str) -> bool:
    """Whether a line can belong to a contact block (short, not a sentence)."""
    text = line.strip()
    if not text or len(text) > 120:
        return False
    kinds = {_kind(part)[0] for part in _PARTS.split(text) if part}
    if kinds & {"email", "phone", "extra"}:
        return True
    words = text.split()
    last = words[-1]
    sentence = text.endswith(("!", "?")) or (
        text.endswith(".") and len(words) >= 3 and "." not in last[:-1]
    )
    return len(words) <= 8 and not sentence


# An office's unit rather than the office: "Pressestelle" over "Kreisverwaltung X".
_UNIT = re.compile(
    r"^(?:(?:die\s+)?pressestelle|pressereferat|pressebüro|presse(?:-|\s+und\s+)"
    r"öffentlichkeitsarbeit|öffentlichkeitsarbeit|stabsstelle\s+(?:presse|kommunikation)"
    r"(?:\s+und\s+öffentlichkeitsarbeit)?|referat\s+(?:presse|kommunikation))$",
    re.IGNORECASE,
)


def _assign_unit(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A unit ("Pressestelle") beside the office it belongs to is the role, not the
    organisation: the office is what readers know and what names the district."""
    offices = [value for kind, value in parts if kind == "organisation" and not _UNIT.match(value)]
    if not offices:
        return parts
    return [("role", value) if kind == "organisation" and _UNIT.match(value) else (kind, value)
            for kind, value in parts]


def parse_contact(lines: list[str]) -> Contact:
    """Assigns the lines of a block to name, role, organisation, email and phone."""
    contact = Contact()
    parts = [
        _kind(part)
        for line in lines
        for part in (part.strip() for part in _PARTS.split(line.strip()))
        if part
    ]
    for kind, value in _assign_unit(parts):
        if kind in FIELD_NAMES and kind not in contact.fields:
            contact.fields[kind] = value
        elif kind == "role" and _UNIT.match(value):
            contact.extra.append(value)  # the person's own role is more telling
        elif kind == "unassigned" or kind in FIELD_NAMES:
            contact.unassigned.append(value)
        else:
            contact.extra.append(value)
    return contact
