"""Field paths as press officers read them: positions in lists in words, not `districts.0`.

One form everywhere: an entry is "der 1. Eintrag von `districts`" (where: "im 1. Eintrag von
`districts`"); a field inside an entry is "das Feld `name` des 2. Eintrags von `speakers`"
(where: "im Feld `name` des 2. Eintrags von `speakers`"). Paths without a position stay as
they are (`meeting.location`). The paths themselves (`districts.0`) remain the keys of
positions in the file; only messages use these words.
"""

from __future__ import annotations

__all__ = ["field_and_place", "place", "sentence", "subject"]


def _parse(path: str) -> tuple[list[tuple[str, int]], str]:
    """`a.0.b.1.c` → ([("a", 1), ("b", 2)], "c"): each list with its 1-based position, and
    the field inside the innermost entry ("" when the path ends at an entry)."""
    entries: list[tuple[str, int]] = []
    names: list[str] = []
    for part in path.split("."):
        if part.isdigit() and names:
            entries.append((".".join(names), int(part) + 1))
            names = []
        else:
            names.append(part)
    return entries, ".".join(names)


def _within(entries: list[tuple[str, int]]) -> str:
    """" im 1. Eintrag von `a`" for every enclosing entry, innermost first."""
    return "".join(f" im {n}. Eintrag von `{name}`" for name, n in reversed(entries))


def subject(path: str, label: str | None = None) -> str:
    """The field as the subject of a sentence, with its German label in brackets."""
    entries, tail = _parse(path)
    named = f" ({label})" if label else ""
    if not entries:
        return f"`{path}`{named}"
    (name, n), outer = entries[-1], entries[:-1]
    if not tail:
        return f"der {n}. Eintrag von `{name}`{named}{_within(outer)}"
    return f"das Feld `{tail}`{named} des {n}. Eintrags von `{name}`{_within(outer)}"


def place(path: str) -> str:
    """Where a value stands: "in `network`", "im 1. Eintrag von `districts`"."""
    entries, tail = _parse(path)
    if not entries:
        return f"in `{path}`"
    (name, n), outer = entries[-1], entries[:-1]
    if not tail:
        return f"im {n}. Eintrag von `{name}`{_within(outer)}"
    return f"im Feld `{tail}` des {n}. Eintrags von `{name}`{_within(outer)}"


def field_and_place(path: str) -> tuple[str, str]:
    """A field's own name and " im 2. Eintrag von `parts`" (or "") for a sentence such as
    "Pflichtfeld `name` fehlt im 2. Eintrag von `parts`"."""
    entries, tail = _parse(path)
    if not entries or not tail:
        return path, ""
    return tail, _within(entries)


def sentence(text: str) -> str:
    """The first letter capitalised, where a message begins with a subject."""
    return text[:1].upper() + text[1:]
