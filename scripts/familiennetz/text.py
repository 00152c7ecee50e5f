"""Small text helpers shared by the stages: slugs, suggestions and German lists."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["SLUG_RE", "did_you_mean", "fold_umlauts", "known_values", "slugify"]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold_umlauts(text: str) -> str:
    """Lowercase with ä→ae, ö→oe, ü→ue, ß→ss: how slugs, sorting and matching see German."""
    return text.lower().translate(_TRANSLIT)


def slugify(text: str, max_length: int = 80) -> str:
    """The content model's slug: lowercase ASCII with '-', umlauts transliterated, cut at a
    word boundary when longer than `max_length`."""
    text = unicodedata.normalize("NFKD", fold_umlauts(text)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        slug = slug[: cut if cut > 0 else max_length].strip("-")
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
