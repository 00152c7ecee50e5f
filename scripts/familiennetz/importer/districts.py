"""Matching district names as press officers write them against the known districts.

"Rhein-Lahn-Kreis", "Rhein-Lahn", "Kreis Mayen-Koblenz", "Landkreises Saarlouis" and
"Bitburg-Pruem" must all find their district; "Bad Kreuznach" alone is ambiguous between
the city and the county and must be reported, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import slugify
from .model import DistrictName

_PREFIXES = (
    "kreisfreie stadt", "kreisverwaltung", "stadtverwaltung", "landratsamt", "landkreis",
    "eifelkreis", "kreis", "stadt", "lk",
)  # fmt: skip
_SPLIT = re.compile(r"\s*(?:/|,|;|&|\+|\bund\b|\bsowie\b)\s*", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lowercase ASCII words separated by single spaces; genitive "-kreises" → "-kreis"."""
    words = slugify(text, max_length=len(text) * 2 + 1).replace("-", " ")
    return re.sub(r"kreises\b", "kreis", words)


def _strip_prefix(name: str) -> tuple[str | None, str]:
    for prefix in _PREFIXES:
        if name.startswith(prefix + " "):
            return prefix, name[len(prefix) + 1 :]
    return None, name


def _core(name: str) -> str:
    core = _strip_prefix(name)[1]
    # "rhein lahn kreis" → "rhein lahn": the "-Kreis" suffix is part of the title only.
    return core[: -len(" kreis")] if core.endswith(" kreis") else core


@dataclass
class Resolution:
    """Outcome of resolving a district phrase: slugs found, unknown and ambiguous parts."""

    slugs: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.unknown and bool(self.slugs or self.ambiguous)


class DistrictIndex:
    """Spelling variants of the known districts, strong (unique) and weak (bare place)."""

    def __init__(self, districts: Sequence[DistrictName]) -> None:
        self.titles = {district.slug: district.title for district in districts}
        self.strong: dict[str, str] = {}
        self.weak: dict[str, list[str]] = {}
        clashes: set[str] = set()
        for district in districts:
            title = normalise(district.title)
            slug_words = normalise(district.slug)
            core = _core(title)
            is_city = title.startswith(("stadt ", "kreisfreie stadt ")) or district.slug.startswith(
                "stadt-"
            )
            if is_city:
                forms = ["stadt", "stadtverwaltung", "kreisfreie stadt"]
            else:
                forms = ["landkreis", "kreis", "kreisverwaltung", "landratsamt", "lk"]
            variants = {title, slug_words, *(f"{form} {core}" for form in forms)}
            if not is_city:
                variants.add(f"{core} kreis")
            for variant in variants:
                if variant in self.strong and self.strong[variant] != district.slug:
                    clashes.add(variant)
                self.strong.setdefault(variant, district.slug)
            self.weak.setdefault(core, [])
            if district.slug not in self.weak[core]:
                self.weak[core].append(district.slug)
        for variant in clashes:
            slug = self.strong.pop(variant)
            self.weak.setdefault(variant, [slug])

    def title(self, slug: str) -> str:
        return self.titles.get(slug, slug)

    def strong_slug(self, phrase: str) -> str | None:
        """The district a phrase names unmistakably ("Rhein-Lahn-Kreis", not "Bad Kreuznach")."""
        return self.strong.get(normalise(phrase))

    def _one(self, phrase: str, resolution: Resolution) -> None:
        words = normalise(phrase)
        if words in self.strong:
            resolution.slugs.append(self.strong[words])
        elif len(self.weak.get(words, [])) == 1:
            resolution.slugs.append(self.weak[words][0])
        elif words in self.weak:
            resolution.ambiguous.append((phrase, list(self.weak[words])))
        else:
            resolution.unknown.append(phrase)

    def resolve(self, phrase: str) -> Resolution:
        """Resolves "Rhein-Lahn-Kreis" or "Stadt und Landkreis Bad Kreuznach"."""
        phrase = phrase.strip().rstrip(".:,;–—- ").strip()
        whole = Resolution()
        self._one(phrase, whole)
        if whole.complete or not _SPLIT.search(phrase):
            return whole
        parts = _SPLIT.split(phrase)
        resolution = Resolution()
        if not all(parts):
            resolution.unknown.append(phrase)  # "Rhein-Lahn-Kreis und" ends mid-phrase
            return resolution
        tail = _strip_prefix(normalise(parts[-1]))[1]
        for part in parts:
            # "Stadt und Landkreis Bad Kreuznach": a bare "Stadt" takes the place name
            # from the last part.
            if normalise(part) in _PREFIXES and tail:
                self._one(f"{normalise(part)} {tail}", resolution)
            else:
                self._one(part, resolution)
        return resolution

    def mentions(self, text: str) -> list[str]:
        """Slugs of districts named anywhere in `text` (for hints, never for fields)."""
        haystack = f" {normalise(text)} "
        found: list[str] = []
        for variant, slug in self.strong.items():
            if f" {variant} " in haystack and slug not in found:
                found.append(slug)
        for variant, slugs in self.weak.items():
            if f" {variant} " in haystack and not any(slug in found for slug in slugs):
                found.extend(slugs)
        return found
