"""The lead of a release: "Nr. 176 – Rhein-Lahn-Kreis." or "Pressemitteilung Nr. 12/2024"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .districts import DistrictIndex, Resolution

_NUMBER = re.compile(
    r"^\(?(?:(?:Presse(?:mitteilung|information|meldung|info)|PM|Medieninformation)\s*)?"
    r"(?P<nr>Nr\.?|Nummer)?\s*(?P<number>\d{1,6})"
    r"(?:\s*/\s*(?P<year>\d{4}|\d{2}))?\)?(?![\d/])",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^\s*(?:[–—-]|:|,)\s*")
_AFTER_DISTRICT = re.compile(r"^\s*[.:;,–—-]?\s*")
# "Pressemitteilung der Kreisverwaltung Mayen-Koblenz": a label naming the issuer.
_LABEL = re.compile(
    r"^(?:presse(?:mitteilung|information|meldung|info)|medieninformation|pressedienst)"
    r"\s+(?:der|des|vom|von|aus|für)\s+(?P<issuer>.{2,80}?)\s*[.:!]?$",
    re.IGNORECASE,
)
_DISTRICT_OPENING = re.compile(r"^(?P<name>[^.:–—]{3,60}?)(?:\.|:|\s[–—-])\s+(?=\S)")
# Words that show an unknown phrase after the dash is meant as a district.
_DISTRICT_WORD = re.compile(r"kreis|stadt|region|landratsamt|verbandsgemeinde", re.IGNORECASE)


@dataclass
class Lead:
    """A recognised lead: the parts that go into the front matter and the rest of the line."""

    number: int | None
    year: int | None
    district_raw: str | None
    resolution: Resolution | None
    consumed: str
    rest: str


def _ends_phrase(raw: str, following: str) -> bool:
    """Whether a district phrase stops here, not in the middle of a sentence."""
    if raw.endswith((".", ":", ";", ",")) or not following.strip():
        return True
    after = following.lstrip()
    return after[0] in ".:;,–—-" or after[0].isupper()


def _district(text: str, index: DistrictIndex) -> tuple[str, Resolution, int] | None:
    """The longest run of words at the start of `text` that names known districts."""
    tokens = list(islice(re.finditer(r"\S+", text), 8))
    for count in range(len(tokens), 0, -1):
        end = tokens[count - 1].end()
        resolution = index.resolve(text[:end])
        if resolution.complete and _ends_phrase(text[:end], text[end:]):
            return text[:end], resolution, end
    # Unknown: a short phrase up to the sentence end that calls itself a district.
    match = re.match(r"([^.:;\n]{2,60}?)[.:;](?=\s|$)", text) or re.fullmatch(r".{2,60}", text)
    if match is None:
        return None
    phrase = match.group(0).rstrip(".:; ")
    words = phrase.split()
    whole_line = match.end() >= len(text.rstrip())
    looks_like_district = _DISTRICT_WORD.search(phrase) or (whole_line and len(words) <= 4)
    if len(words) > 6 or any(char.isdigit() for char in phrase) or not looks_like_district:
        return None
    return match.group(0), index.resolve(phrase), match.end()


def parse_number_lead(line: str, index: DistrictIndex) -> Lead | None:
    """A lead starting with a release number, optionally followed by the district."""
    match = _NUMBER.match(line.strip())
    # "Pressemitteilung 12/2024" is a number, "Pressemitteilung 2024" and "12 Kitas" are not.
    if match is None or not (match["nr"] or (match["year"] and match.group(0)[0].isalpha())):
        return None
    text = line.strip()
    after = text[match.end() :]
    separator = _SEPARATOR.match(after)
    number, year = int(match["number"]), match["year"]
    full_year = None if year is None else (2000 + int(year) if len(year) == 2 else int(year))
    if separator is None and after and not after[0].isspace() and after[0] not in ".":
        return None  # "Nr.176b" or similar: not a lead
    rest_start = match.end()
    district_raw: str | None = None
    resolution: Resolution | None = None
    if separator is not None or after.strip(". "):
        offset = match.end() + (separator.end() if separator else 0)
        found = _district(text[offset:], index)
        if found is not None:
            district_raw, resolution, end = found
            rest_start = offset + end
    tail = text[rest_start:]
    skip = _AFTER_DISTRICT.match(tail)
    rest = tail[skip.end() :] if skip else tail
    consumed = text[: len(text) - len(rest)].strip()
    return Lead(number, full_year, district_raw, resolution, consumed, rest)


def parse_district_lead(line: str, index: DistrictIndex) -> Lead | None:
    """A district opening the first paragraph: "Rhein-Lahn-Kreis. Am 13. Juni …"."""
    text = line.strip()
    match = _DISTRICT_OPENING.match(text)
    if match is None:
        return None
    slug = index.strong_slug(match["name"])
    if slug is None:
        return None
    consumed = match.group(0).strip()
    shown = consumed.rstrip(" –—-")
    return Lead(None, None, shown, Resolution(slugs=[slug]), consumed, text[match.end() :])


def parse_label(line: str, index: DistrictIndex) -> Resolution | None:
    """The districts named by a label such as "Pressemitteilung der Kreisverwaltung X"."""
    match = _LABEL.match(line.strip())
    if match is None:
        return None
    slugs = index.mentions(match["issuer"])
    return Resolution(slugs=slugs) if len(slugs) == 1 else Resolution()
