"""Small text helpers shared by the stages: slugs, suggestions and German lists."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

__all__ = ["SLUG_RE", "did_you_mean", "known_values", "slugify"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slugify(text: str, max_length: int = 80) -> str:
    """The content model's slug: lowercase ASCII with '-', umlauts transliterated."""
    import unicodedata

    text = text.translate(_TRANSLIT).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def did_you_mean(value: str, candidates: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def known_values(values: Iterable[str], limit: int = 12) -> str:
    """'a, b, c' — capped so a message about 300 topics stays readable."""
    items = sorted(values)
    shown = ", ".join(f"`{v}`" for v in items[:limit])
    if len(items) > limit:
        shown += f" … ({len(items) - limit} weitere)"
    return shown
